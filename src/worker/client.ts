// A promise API over the simulation worker:
//   const client = createSimulationClient();
//   client.warmUp();                                       // when the page is idle, or a file is chosen
//   const { result, excerpts } = await client.check(bytes, options, { onProgress });
//   const { result, excerpts, bytes } = await client.checkFile(file, options, { onProgress });  // read in the worker
//   const { result, bytes } = await client.simulateText(text, options);  // sent in pieces, encoded in the worker
//   await excerpts.excerpts([{ line, column }]);           // built in the worker, from its copy of the text
//   excerpts.release();                                    // when the results are replaced
//   client.cancel();                                       // « Annuler »: stops the worker, rejects with CancelledError
// The worker is started by warmUp() or the first check, and reused. Where Worker does not exist
// (tests under jsdom, old engines) or cannot start (a Content-Security-Policy refusing the
// worker), the check runs on the main thread instead — after yielding once, so the page can
// paint its progress first. The main-thread core is imported only then (a dynamic import): the
// page does not carry a second copy of the checker next to the worker's.

import createWorker from 'virtual:simulation-worker';
import type { SimulationOptions, SimulationResult } from '../core/types';
import type { Excerpt } from '../ui/lib/excerpt';
import { Files } from './files';
import { readBytes } from '../io/files';
import { nextTask } from '../ui/lib/next-task';
import type { At, PostedRequest, SimulateFileRequest, SimulateRequest, SimulateTextRequest, WorkerResponse } from './protocol';

/** The excerpts of one checked file (see protocol.ts). */
export interface ExcerptSource {
  /** One excerpt per place (null: no such line); resolves with nulls once released. */
  excerpts(at: readonly At[]): Promise<(Excerpt | null)[]>;
  /** The file is no longer shown: its text may go. */
  release(): void;
}

/** A finished check: its result and where its excerpts come from. */
export interface Check {
  readonly result: SimulationResult;
  readonly excerpts: ExcerptSource;
}

/** A finished check of a chosen file: also the file's bytes, as read and checked. */
export interface FileCheck extends Check {
  readonly bytes: Uint8Array;
}

/**
 * A text read in slices (the editor's document: an immutable tree). `length` and the bounds of
 * `slice` are positions (the editor counts a CRLF as one); a slice writes line breaks as the file.
 */
export interface TextSource {
  readonly length: number;
  slice(from: number, to: number): string;
}

/** The positions in one piece of a text sent to the worker (simulateText). Small: pieces of 64 Ki
 *  (strings of 128 kB, V8's large objects) made a post of 120 ms now and then in Chromium. */
export const TEXT_PIECE = 1 << 14;
/** How long simulateText slices and posts pieces before it yields to the page (ms). */
export const TEXT_SLICE_BUDGET_MS = 8;

export interface CheckHooks {
  /** `done` requests of `total` checked (from the worker, a few times per second at most). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A chosen file could not be read (changed, moved or deleted on the disk since it was chosen). */
export class UnreadableFileError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableFileError';
  }
}

/** The check was cancelled (« Annuler »): its promise rejects with this. */
export class CancelledError extends Error {
  constructor() {
    super('vérification annulée');
    this.name = 'CancelledError';
  }
}

export interface SimulationClient {
  /** The result only (the file's text is not kept for excerpts). */
  simulate(bytes: Uint8Array, options: SimulationOptions): Promise<SimulationResult>;
  /** Checks `bytes`; the worker keeps its copy of the file for excerpts until `excerpts.release()`. */
  check(bytes: Uint8Array, options: SimulationOptions, hooks?: CheckHooks): Promise<Check>;
  /**
   * Checks a chosen file: the worker reads it (the page's thread never reads a large file: a
   * 31 MB `arrayBuffer()` on the page held it ≈ 100 ms, measured in Chromium), checks it, and
   * hands back a copy of its bytes (transferred, not cloned) for the editor and the attachments.
   * Rejects with UnreadableFileError when the file cannot be read, CancelledError on cancel.
   */
  checkFile(file: Blob, options: SimulationOptions, hooks?: CheckHooks): Promise<FileCheck>;
  /**
   * Checks a text (the editor's, after typing): the result only, and the text's bytes (UTF-8).
   * The text goes to the worker in pieces of TEXT_PIECE positions, sliced and posted a few ms at a
   * time, in tasks of their own; the worker joins and encodes them (a 31 MB text joined and
   * encoded on the page held it for seconds, measured in Chromium). With no worker: joined and
   * encoded here.
   */
  simulateText(text: TextSource, options: SimulationOptions): Promise<{ result: SimulationResult; bytes: Uint8Array }>;
  /**
   * As `simulateText` (the text sent in pieces, encoded in the worker), with `hooks` and the
   * worker's copy of the bytes kept for excerpts until `excerpts.release()`: « Simuler » on the
   * editor's text, which becomes a result of the page like a file's.
   */
  checkText(text: TextSource, options: SimulationOptions, hooks?: CheckHooks): Promise<FileCheck>;
  /** Starts the worker now (it loads its code while the page waits for a file). */
  warmUp(): void;
  /** Stops the running checks (they reject with CancelledError); the next check starts a new worker. */
  cancel(): void;
  /** Stops the worker (a later check starts a new one). */
  dispose(): void;
}

export interface ClientOptions {
  /** Creates the worker; undefined → main thread. Defaults to the build's worker (see
   *  simulation-worker.d.ts) when Worker exists. */
  readonly createWorker?: () => Worker | undefined;
}

type CheckRequest = SimulateRequest | SimulateFileRequest | SimulateTextRequest;

interface PendingCheck {
  readonly request: CheckRequest;
  /** simulate-text: the text, for a check here should the worker die. */
  readonly text?: TextSource;
  readonly hooks: CheckHooks;
  readonly resolve: (check: FileCheck) => void;
  readonly reject: (error: Error) => void;
}

interface PendingExcerpts {
  readonly file: number;
  readonly at: readonly At[];
  readonly resolve: (excerpts: (Excerpt | null)[]) => void;
}

const defaultWorker = (): Worker | undefined => (typeof Worker === 'undefined' ? undefined : createWorker({ name: 'simulation' }));

/** Runs the check on the main thread, after giving the page one turn to render. */
export async function simulateOnMainThread(
  bytes: Uint8Array,
  options: SimulationOptions,
  hooks: CheckHooks = {},
): Promise<SimulationResult> {
  const [{ simulateFile }] = await Promise.all([import('../simulator'), new Promise((resolve) => setTimeout(resolve, 0))]);
  return simulateFile(bytes, options, hooks.onProgress ? { onProgress: hooks.onProgress } : {});
}

export function createSimulationClient({ createWorker = defaultWorker }: ClientOptions = {}): SimulationClient {
  let worker: Worker | undefined;
  /** Set once the worker failed to start or crashed: everything runs on the main thread. */
  let broken = false;
  let nextId = 1;
  const checks = new Map<number, PendingCheck>();
  const excerptRequests = new Map<number, PendingExcerpts>();
  /** The page's own copies of the files checked (it keeps them anyway), for excerpts made here
   *  when there is no worker, or it died. */
  const local = new Files();
  /** The files the live worker holds. */
  const inWorker = new Set<number>();
  /** Checks cancelled: their late answers are dropped (main thread). */
  let generation = 0;

  const onMainThread = async (request: CheckRequest, hooks: CheckHooks, text?: TextSource): Promise<FileCheck> => {
    const started = generation;
    let bytes: Uint8Array;
    if (request.kind === 'simulate') bytes = request.bytes;
    else if (request.kind === 'simulate-text') local.keep(request.id, (bytes = encodeText(text!)));
    else local.keep(request.id, (bytes = await readOrRefuse(request.file)));
    const result = await simulateOnMainThread(bytes, request.options, hooks);
    if (started !== generation) throw new CancelledError();
    return { result, excerpts: source(request.id), bytes };
  };

  const stop = () => {
    worker?.terminate();
    worker = undefined;
    inWorker.clear();
  };

  const fallBack = () => {
    broken = true;
    stop();
    // Whatever was sent to the dead worker is done here instead.
    const stranded = [...checks.values()];
    checks.clear();
    for (const p of stranded) onMainThread(p.request, p.hooks, p.text).then(p.resolve, p.reject);
    const asked = [...excerptRequests.values()];
    excerptRequests.clear();
    for (const p of asked) p.resolve(local.excerpts(p.file, p.at));
  };

  const start = (): Worker | undefined => {
    if (broken) return undefined;
    if (worker) return worker;
    try {
      worker = createWorker();
    } catch {
      broken = true;
      return undefined;
    }
    if (!worker) {
      broken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const answer = event.data;
      if (answer.kind === 'excerpts') {
        const p = excerptRequests.get(answer.id);
        excerptRequests.delete(answer.id);
        p?.resolve([...answer.excerpts]);
        return;
      }
      const p = checks.get(answer.id);
      if (!p) return;
      if (answer.kind === 'progress') {
        p.hooks.onProgress?.(answer.done, answer.total);
        return;
      }
      checks.delete(answer.id);
      if (!answer.ok) p.reject(answer.unreadable ? new UnreadableFileError(answer.message) : new Error(answer.message));
      else if (p.request.kind === 'simulate') p.resolve({ result: answer.result, excerpts: source(answer.id), bytes: p.request.bytes });
      else {
        // The page's own copy, for excerpts made here should the worker die.
        const bytes = answer.bytes ?? new Uint8Array(0);
        local.keep(answer.id, bytes);
        p.resolve({ result: answer.result, excerpts: source(answer.id), bytes });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    worker.onmessageerror = () => fallBack();
    return worker;
  };

  const post = (message: PostedRequest): boolean => {
    try {
      worker!.postMessage(message);
      return true;
    } catch {
      fallBack();
      return false;
    }
  };

  /** The excerpts of the file checked under `file`: from the worker while it holds it, else here. */
  const source = (file: number): ExcerptSource => ({
    excerpts(at) {
      if (at.length === 0) return Promise.resolve([]);
      if (!worker || !inWorker.has(file)) return Promise.resolve(local.excerpts(file, at));
      return new Promise((resolve) => {
        const id = nextId++;
        excerptRequests.set(id, { file, at, resolve });
        post({ kind: 'excerpts', id, file, at });
      });
    },
    release() {
      local.release([file]);
      if (worker && inWorker.delete(file)) post({ kind: 'release', files: [file] });
    },
  });

  const check = (bytes: Uint8Array, options: SimulationOptions, hooks: CheckHooks = {}): Promise<Check> => {
    // Plain data only: a reactive proxy cannot cross to the worker.
    const request: SimulateRequest = { kind: 'simulate', id: nextId++, bytes, options: plainOptions(options) };
    local.keep(request.id, bytes);
    return send(request, hooks);
  };

  const checkFile = (file: Blob, options: SimulationOptions, hooks: CheckHooks = {}): Promise<FileCheck> =>
    send({ kind: 'simulate-file', id: nextId++, file, options: plainOptions(options) }, hooks);

  /** Posts a check to the worker (started if need be), whose answer settles the promise (see onmessage); with no worker, checks on the main thread. */
  const send = (request: CheckRequest, hooks: CheckHooks, text?: TextSource): Promise<FileCheck> => {
    if (!start()) return onMainThread(request, hooks, text);
    return new Promise<FileCheck>((resolve, reject) => {
      checks.set(request.id, { request, hooks, resolve, reject, ...(text ? { text } : {}) });
      inWorker.add(request.id);
      post(request);
    });
  };

  /** The pieces of `text` posted to the live worker, TEXT_SLICE_BUDGET_MS of slicing and posting
   *  per task; false when that worker is gone meanwhile (cancelled, or crashed). */
  const postPieces = async (id: number, text: TextSource): Promise<boolean> => {
    const live = worker;
    let since = performance.now();
    for (let from = 0; from < text.length; from += TEXT_PIECE) {
      if (performance.now() - since >= TEXT_SLICE_BUDGET_MS) {
        await nextTask();
        since = performance.now();
      }
      const piece = text.slice(from, Math.min(text.length, from + TEXT_PIECE));
      if (worker !== live || !post({ kind: 'text-piece', id, text: piece })) return false;
    }
    return true;
  };

  const checkText = async (text: TextSource, options: SimulationOptions, hooks: CheckHooks = {}): Promise<FileCheck> => {
    const request: SimulateTextRequest = { kind: 'simulate-text', id: nextId++, options: plainOptions(options) };
    const started = generation;
    if (start() && !(await postPieces(request.id, text)) && !broken) throw new CancelledError();
    if (started !== generation) throw new CancelledError();
    return send(request, hooks, text);
  };

  const simulateText = async (text: TextSource, options: SimulationOptions): Promise<{ result: SimulationResult; bytes: Uint8Array }> => {
    const { result, excerpts, bytes } = await checkText(text, options);
    excerpts.release();
    return { result, bytes };
  };

  return {
    check,
    checkFile,
    simulateText,
    checkText,
    async simulate(bytes, options) {
      const { result, excerpts } = await check(bytes, options);
      excerpts.release();
      return result;
    },
    warmUp() {
      start();
    },
    cancel() {
      generation++;
      // A worker busy with a check cannot be interrupted: it is stopped, the next check starts another.
      if (checks.size > 0) stop();
      const cancelled = [...checks.values()];
      checks.clear();
      for (const p of cancelled) p.reject(new CancelledError());
      const asked = [...excerptRequests.values()];
      excerptRequests.clear();
      for (const p of asked) p.resolve(local.excerpts(p.file, p.at));
    },
    dispose() {
      stop();
      for (const p of checks.values()) p.reject(new Error('simulation interrompue'));
      checks.clear();
      for (const p of excerptRequests.values()) p.resolve(p.at.map(() => null));
      excerptRequests.clear();
    },
  };
}

/** A text's bytes (UTF-8), joined and encoded on the page: where there is no worker to do it. */
export function encodeText(text: TextSource): Uint8Array {
  return new TextEncoder().encode(text.slice(0, text.length));
}

/** The file's bytes, read on the page (no worker); UnreadableFileError when it cannot be read. */
async function readOrRefuse(file: Blob): Promise<Uint8Array> {
  try {
    return await readBytes(file);
  } catch (e) {
    throw new UnreadableFileError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * `options` as plain data, every field of it (a reactive proxy cannot be cloned to the worker; a
 * field copied one by one would be lost the day a new one is added, as `fileName` once was).
 */
function plainOptions(options: SimulationOptions): SimulationOptions {
  const plain: SimulationOptions = { ...options };
  return options.profiles ? { ...plain, profiles: [...options.profiles] } : plain;
}

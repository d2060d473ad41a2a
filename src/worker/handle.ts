// The worker's work, kept apart from the worker's global scope so that it can be tested in Node:
// requests in, responses out (with what to transfer: the output file's buffer, not copied).
// Files (./files.ts) keeps each checked file's bytes, and its lines once an excerpt is asked for.

import { readBytes } from '../io/files';
import { outputBytes, simulateFile } from '../simulator';
import type { Files } from './files';
import type { PostedRequest, SimulateRequest, WorkerRequest, WorkerResponse } from './protocol';

export interface Answer {
  readonly response: WorkerResponse;
  readonly transfer: ArrayBuffer[];
}

/**
 * Checks one file: `progress` is called with each progress message (done, total requests) as the
 * check goes; returns the result message. A failure (an unknown rule set) becomes an error
 * response, not an exception.
 */
export function handleSimulate(request: SimulateRequest, progress: (response: WorkerResponse) => void = () => {}): Answer {
  try {
    const result = simulateFile(request.bytes, request.options, {
      onProgress: (done, total) => progress({ kind: 'progress', id: request.id, done, total }),
    });
    if (result.output === null) return { response: { kind: 'result', id: request.id, ok: true, result }, transfer: [] };
    // The core's output is views of the bytes this worker keeps (OutputFile): joined here, off the
    // page's thread, into one buffer that is transferred, not copied again on the way.
    const joined = outputBytes(result.output);
    const output = { parts: [joined], size: joined.length };
    return { response: { kind: 'result', id: request.id, ok: true, result: { ...result, output } }, transfer: [joined.buffer] };
  } catch (e) {
    return { response: { kind: 'result', id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}

/**
 * Any request: simulate (the bytes kept in `files` for excerpts), excerpts, release (no answer:
 * null). `progress` receives the progress messages of a simulate request.
 */
export function handleRequest(request: WorkerRequest, files: Files, progress?: (response: WorkerResponse) => void): Answer | null {
  switch (request.kind) {
    case 'simulate':
      files.keep(request.id, request.bytes);
      return handleSimulate(request, progress);
    case 'excerpts':
      return { response: { kind: 'excerpts', id: request.id, excerpts: files.excerpts(request.file, request.at) }, transfer: [] };
    case 'release':
      files.release(request.files);
      return null;
  }
}

/**
 * Progress messages at most every `intervalMs` (and always the last one): a check of 200
 * requests posts a few messages, not 200.
 */
export function throttled(
  post: (response: WorkerResponse) => void,
  now: () => number,
  intervalMs = 50,
): (response: WorkerResponse) => void {
  let last = -Infinity;
  return (response) => {
    const t = now();
    const final = response.kind === 'progress' && response.done === response.total;
    if (t - last < intervalMs && !final) return;
    last = t;
    post(response);
  };
}

/**
 * What the page posts (handleRequest's requests, a simulate-file, or a text in pieces): a
 * simulate-file's Blob is read here, a simulate-text's pieces joined and encoded here (UTF-8),
 * then checked as a simulate, and the result carries a copy of the bytes (transferred: the page
 * keeps them for the editor, and never reads a file, nor encodes a large text, on its own
 * thread); a Blob that cannot be read (changed on the disk since it was chosen) gives an
 * `unreadable` error result.
 */
export async function handlePosted(
  request: PostedRequest,
  files: Files,
  progress?: (response: WorkerResponse) => void,
): Promise<Answer | null> {
  let bytes: Uint8Array;
  switch (request.kind) {
    case 'text-piece':
      files.addPiece(request.id, request.text);
      return null;
    case 'simulate-text':
      bytes = new TextEncoder().encode(files.takePieces(request.id));
      break;
    case 'simulate-file':
      try {
        bytes = await readBytes(request.file);
      } catch (e) {
        const message = `le fichier n'a pas pu être lu (${e instanceof Error ? e.message : String(e)})`;
        return { response: { kind: 'result', id: request.id, ok: false, message, unreadable: true }, transfer: [] };
      }
      break;
    default:
      return handleRequest(request, files, progress);
  }
  const answer = handleRequest({ kind: 'simulate', id: request.id, bytes, options: request.options }, files, progress)!;
  if (answer.response.kind !== 'result' || !answer.response.ok) return answer;
  const copy = bytes.slice();
  return { response: { ...answer.response, bytes: copy }, transfer: [...answer.transfer, copy.buffer] };
}

// The simulator page's state: the form, the chosen files, the running check, the results and
// the verdict dialog, the history. Components read it and call its methods; nothing else holds
// state. Storage and the worker are injected (tests give their own).

import type { RuleSetMeta } from '../../core/model';
import type { AttachmentsReport } from '../../core/report';
import type { Issue, SimulationOptions } from '../../core/types';
import { readBytes } from '../../io/files';
import { MAX_INPUT_BYTES } from '../../core/json/decode';
import * as store from '../../io/store';
import type { HistoryEntry, SavedSettings } from '../../io/store';
import {
  CancelledError,
  createSimulationClient,
  encodeText,
  UnreadableFileError,
  type CheckHooks,
  type SimulationClient,
  type TextSource,
} from '../../worker/client';
import { plural } from '../lib/counts';
import { fr } from '../lib/typography';
import { nextTask } from '../lib/next-task';
import { EditSession } from './edit-session.svelte';
import type { EditingActions } from './editing';
import { FileRun } from './file-run.svelte';
import { FormState } from './form.svelte';

/** Below this, a check shows no progress indication (no flicker). */
export const PROGRESS_DELAY_MS = 150;

/** A zip, by its name or its type (Windows gives `application/x-zip-compressed`). */
export const isZip = (file: File): boolean =>
  /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';

/** Said on a file's results when it could not be read again (changed on the disk since chosen). */
export const CHANGED_ON_DISK = 'Le fichier a changé sur le disque\u00a0: choisissez-le à nouveau, ou corrigez-le ici.';

/** Said in the editor when « Simuler » read the file again while the editor held changes. */
export const EDITS_KEPT =
  "Le fichier a été relu, mais vos modifications dans l'éditeur sont gardées\u00a0: les résultats affichés sont ceux du texte de l'éditeur.";

/** The settings a check depends on, as a key: two runs with the same key were checked alike. */
export function settingsKey(options: SimulationOptions): string {
  return JSON.stringify([
    options.type,
    options.dsr,
    [...(options.profiles ?? [])].sort(),
    options.vatRate ?? null,
    options.strict ?? false,
    options.firstErrorOnly ?? false,
  ]);
}

/** A JSON file, by its name or its type. */
export const isJson = (file: File): boolean => /\.json$/i.test(file.name) || file.type === 'application/json';

/** « « a.zip » », « « a.zip » et « b.zip » », « « a.zip », « b.zip » et « c.zip » ». */
const namesFr = (files: readonly File[]): string => {
  const names = files.map((f) => fr`« ${f.name} »`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
};

/**
 * The attachments check (pièces justificatives) of one JSON file against the zips: what the JSON
 * names (null when the file is invalid as a whole: only the zips' own faults are checked) against
 * what the zips hold, by the rule set's limits. Loaded on first use (it is not needed at start-up).
 */
export type AttachmentsChecker = (
  zips: readonly File[],
  json: { bytes: Uint8Array; readable: boolean },
  ruleSet: RuleSetMeta,
  options: SimulationOptions,
  check: { onProgress: (done: number, total: number) => void; signal: AbortSignal; complete?: boolean },
) => Promise<AttachmentsReport>;

const checkZips: AttachmentsChecker = async (zips, json, meta, options, check) => {
  const [{ checkAttachments, expectedAttachments }, { ruleSetFor }] = await Promise.all([
    import('../../attachments/index'),
    import('../../rules/index'),
  ]);
  const ruleSet = ruleSetFor(meta.type, meta.dsr);
  const expected = json.readable && ruleSet ? expectedAttachments(json.bytes, ruleSet, options) : null;
  return checkAttachments(
    zips.map((file) => ({ name: file.name, blob: file })),
    expected,
    meta.attachments,
    check,
  );
};

/**
 * The portal's pop-in: all accepted, or at least one rejected (`runs`: the rejected files, whose
 * output files it offers). `files`: how many files were checked together (names shown when > 1).
 */
export interface Verdict {
  readonly kind: 'accepted' | 'rejected';
  readonly runs: readonly FileRun[];
  readonly files: number;
}

export interface SimulatorStore {
  loadSettings(): Promise<SavedSettings | undefined>;
  saveSettings(settings: SavedSettings): Promise<boolean>;
  loadHistory(): Promise<HistoryEntry[]>;
  addToHistory(entries: readonly HistoryEntry[]): Promise<HistoryEntry[] | null>;
  clearHistory(): Promise<boolean>;
}

/** The client's part the page needs: `check`, `checkFile`, `simulateText`, `checkText`, `warmUp` and `cancel` are optional (a test's client may have only `simulate`). */
export type SimulatorClient = Pick<SimulationClient, 'simulate' | 'dispose'> &
  Partial<Pick<SimulationClient, 'check' | 'checkFile' | 'simulateText' | 'checkText' | 'warmUp' | 'cancel'>>;

/** The progress of a running check: the file, and its requests checked so far (from the worker). */
export interface CheckProgress {
  readonly fileName: string;
  /** Which file of how many (several files chosen together). */
  readonly file: number;
  readonly files: number;
  /** Requests checked, of `total`; null until the worker has read the file's requests. */
  readonly done: number | null;
  readonly total: number | null;
}

export interface SimulatorDeps {
  readonly client?: SimulatorClient;
  readonly store?: SimulatorStore;
  readonly readFile?: (file: File) => Promise<Uint8Array>;
  readonly checkAttachments?: AttachmentsChecker;
}

/** A check that failed with `error` (a cancelled one too: the caller sees it was cancelled and drops this run). */
function failedRun(
  fileName: string,
  options: SimulationOptions,
  ruleSet: FileRun['ruleSet'],
  bytes: Uint8Array | null,
  error: unknown,
): FileRun {
  const reason = error instanceof CancelledError ? 'vérification annulée' : error instanceof Error ? error.message : String(error);
  return new FileRun({ fileName, options, ruleSet, bytes, failure: fr`Le fichier n'a pas pu être vérifié : ${reason}` });
}

/** The names given to more than one of `files` (each once, where it is first repeated). */
function sameNames(files: readonly File[]): string[] {
  const names = files.map((f) => f.name);
  const repeated = names.filter((name, i) => names.indexOf(name) < i);
  return repeated.filter((name, i) => repeated.indexOf(name) === i);
}

/**
 * Files of one name cannot be told apart here (results, editor, output file and history are by
 * name): said, and how to go on. The portal takes one file at a time anyway.
 */
function sameNamesError(names: readonly string[]): string {
  return fr`Plusieurs fichiers choisis portent le même nom (${names.join(', ')}) : leurs résultats se confondraient. Renommez-les, ou vérifiez-les l'un après l'autre.`;
}

/** What the dialog says, and when: rejected files first, all accepted next, else no dialog. */
export function verdictFor(runs: readonly FileRun[]): Verdict | null {
  const rejected = runs.filter((r) => r.status === 'rejected');
  if (rejected.length > 0) return { kind: 'rejected', runs: rejected, files: runs.length };
  if (runs.length > 0 && runs.every((r) => r.status === 'accepted')) return { kind: 'accepted', runs, files: runs.length };
  return null;
}

/** The sentence for screen readers once a check is over. */
export function announcementFor(runs: readonly FileRun[]): string {
  let requests = 0;
  let rejected = 0;
  for (const run of runs) {
    requests += run.counts.requests;
    rejected += run.counts.rejected;
  }
  const parts = [fr`Simulation terminée : ${plural(requests, 'demande', 'demandes')}, ${plural(rejected, 'rejetée', 'rejetées')}.`];
  const checked = runs.filter((r) => r.attachments !== null || r.attachmentsFailure !== null);
  if (checked.length > 0) {
    const unread = checked.filter((r) => r.attachmentsFailure !== null);
    const faulty = checked.filter((r) => r.attachmentsFaulty && r.attachmentsFailure === null);
    if (unread.length > 0) parts.push(fr`Les zips n'ont pas pu être lus : choisissez-les à nouveau.`);
    else
      parts.push(
        faulty.length === 0
          ? fr`Pièces justificatives : aucun défaut.`
          : fr`Pièces justificatives en défaut${runs.length > 1 ? ` pour ${faulty.map((r) => r.fileName).join(', ')}` : ''} : voir « Documents attendus ».`,
      );
  }
  const invalid = runs.filter((r) => r.status === 'invalid');
  // (Not the banner's words again: the banner says them.)
  if (invalid.length > 0) parts.push(fr`Format non conforme, fichier rejeté en entier : ${invalid.map((r) => r.fileName).join(', ')}.`);
  const failed = runs.filter((r) => r.failure !== null);
  if (failed.length > 0)
    parts.push(`${plural(failed.length, "fichier n'a", "fichiers n'ont")} pas pu être ${failed.length > 1 ? 'vérifiés' : 'vérifié'}.`);
  return parts.join(' ');
}

/** A signal aborted when either of two is (AbortSignal.any, which jsdom lacks). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const both = new AbortController();
  for (const s of [a, b]) {
    if (s.aborted) both.abort(s.reason);
    else s.addEventListener('abort', () => both.abort(s.reason), { once: true });
  }
  return both.signal;
}

export class SimulatorState implements EditingActions {
  readonly form: FormState;

  /** The files chosen or dropped, checked on « Simuler ». */
  files = $state.raw<readonly File[]>([]);
  /** A message about the file field (no file chosen). */
  fileError = $state('');
  /** The attachment zips chosen or dropped (optional), checked against each JSON file. */
  zips = $state.raw<readonly File[]>([]);
  /** What happened to files given to the wrong field and sent to the other (said under `routedFrom`). */
  routingNote = $state('');
  /**
   * «Vérification complète» of the zips: every entry inflated whole, its size and CRC checked
   * (issue 15). Off by default: the directory and each entry's first bytes only.
   */
  completeZipCheck = $state(false);
  /** The field the routed files were given to, where the note is said: 'json' or 'zip'. */
  routedFrom = $state<'json' | 'zip'>('zip');

  running = $state(false);
  /** True once a running check has lasted PROGRESS_DELAY_MS. */
  showProgress = $state(false);
  /** The running check's progress (« Vérification… 120 / 200 demandes »). */
  progress = $state.raw<CheckProgress | null>(null);
  /** The attachments check's progress (files examined, every zip and JSON file together). */
  attachmentsProgress = $state.raw<{ readonly done: number; readonly total: number } | null>(null);
  /** True once the attachments check has lasted PROGRESS_DELAY_MS. */
  showAttachmentsProgress = $state(false);

  /** The last check's results, one per file, replaced whole. */
  runs = $state.raw<readonly FileRun[]>([]);
  /** The open dialog, if any. */
  verdict = $state.raw<Verdict | null>(null);
  /** The live region's text. */
  announcement = $state('');

  history = $state.raw<readonly HistoryEntry[]>([]);
  /** False once the browser refused to store something (private browsing): said under the history. */
  storageWorks = $state(true);

  /** The file open in the editor (issue 11), if any. */
  editing = $state.raw<EditSession | null>(null);
  /** Bumped each time the editor must come into view (opened, a finding shown). */
  editorRequest = $state(0);
  /** The last results came from the editor (a live check): the banner does not take the focus. */
  quiet = $state(false);
  /** The form's settings now (compared with each run's: stale results say so). */
  get settings(): string {
    return settingsKey(this.form.options());
  }
  /** Edit sessions by file name: closing the editor keeps the edits. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup table; `editing` is the reactive part
  readonly #sessions = new Map<string, EditSession>();

  /** Files rejected as a whole (the banner at the top). */
  readonly invalidRuns: readonly FileRun[] = $derived(this.runs.filter((r) => r.status === 'invalid'));

  readonly #client: SimulatorClient;
  /** Set by cancel(): the running check stops at its next step. */
  #cancelled = false;
  /** Settles once the results behind the verdict on show are on the page (#show: a task after it). */
  #resultsShown: Promise<void> = Promise.resolve();
  readonly #store: SimulatorStore;
  readonly #readFile: (file: File) => Promise<Uint8Array>;
  readonly #checkAttachments: AttachmentsChecker;
  /** Stops a running attachments check when the page goes (dispose). */
  readonly #abort = new AbortController();
  /** Stops the running check on « Annuler » (cancel); one per run. */
  #cancel: AbortController | null = null;
  /** The user changed a choice before the saved ones arrived: theirs win. */
  #touched = false;
  /** Settles once saved choices and history are loaded (tests wait on it). */
  readonly ready: Promise<void>;

  constructor(deps: SimulatorDeps = {}) {
    this.#client = deps.client ?? createSimulationClient();
    this.#store = deps.store ?? store;
    this.#readFile = deps.readFile ?? readBytes;
    this.#checkAttachments = deps.checkAttachments ?? checkZips;
    this.form = new FormState(() => this.#saveChoices());
    this.ready = this.#load();
    // The worker loads its code while the page waits for a file: the first check does not wait for it.
    const idle = (globalThis as { requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(() => this.#client.warmUp?.(), { timeout: 2000 });
    else setTimeout(() => this.#client.warmUp?.(), 0);
  }

  async #load(): Promise<void> {
    // Each on its own: a failure of one (a store that throws) leaves the other and the defaults.
    const [saved, history] = await Promise.allSettled([this.#store.loadSettings(), this.#store.loadHistory()]);
    if (saved.status === 'fulfilled' && saved.value && !this.#touched) this.form.restore(saved.value);
    // A simulation may have finished meanwhile: keep its entries then.
    if (history.status === 'fulfilled' && this.history.length === 0) this.history = history.value;
  }

  #saveChoices(): void {
    this.#touched = true;
    void this.#store.saveSettings(this.form.snapshot()).then((ok) => {
      if (!ok) this.storageWorks = false;
    });
  }

  setFiles(files: readonly File[]): void {
    this.files = [...files];
    if (files.length > 0) {
      const twice = sameNames(files);
      this.fileError = twice.length > 0 ? sameNamesError(twice) : '';
      this.#client.warmUp?.();
    }
  }

  setZips(zips: readonly File[]): void {
    this.zips = [...zips];
  }

  /**
   * Files chosen or dropped on « Choisissez le fichier »: zips go to the attachments field
   * (said under « Choisissez le fichier », where they were given), the rest are the JSON files. Only zips: the JSON files chosen are kept.
   */
  takeJsonFiles(files: readonly File[]): void {
    const zips = files.filter(isZip);
    const others = files.filter((f) => !isZip(f));
    if (others.length > 0 || zips.length === 0) this.setFiles(others);
    if (zips.length > 0) {
      this.setZips(zips);
      this.routedFrom = 'json';
      this.routingNote =
        zips.length === 1
          ? `Le zip ${namesFr(zips)}, déposé avec les fichiers JSON, a été placé dans les pièces justificatives.`
          : `Les zips ${namesFr(zips)}, déposés avec les fichiers JSON, ont été placés dans les pièces justificatives.`;
    } else this.routingNote = '';
  }

  /**
   * Files chosen or dropped on the attachments field: JSON files go to « Choisissez le fichier »
   * (said under the attachments field, where they were given), the rest are the zips (a file that is not a zip is reported by the check, P016).
   */
  takeZipFiles(files: readonly File[]): void {
    const json = files.filter((f) => isJson(f) && !isZip(f));
    const zips = files.filter((f) => !json.includes(f));
    if (zips.length > 0 || json.length === 0) this.setZips(zips);
    if (json.length > 0) {
      this.setFiles(json);
      this.routedFrom = 'zip';
      this.routingNote =
        json.length === 1
          ? fr`Le fichier JSON ${namesFr(json)}, déposé avec les zips, a été placé dans « Choisissez le fichier ».`
          : fr`Les fichiers JSON ${namesFr(json)}, déposés avec les zips, ont été placés dans « Choisissez le fichier ».`;
    } else this.routingNote = '';
  }

  /** Empties the attachments field. */
  clearZips(): void {
    this.zips = [];
    this.routingNote = '';
  }

  /** Checks every chosen file with the form's choices. */
  async simulate(): Promise<void> {
    if (this.running) return;
    if (this.files.length === 0) {
      this.fileError = 'Choisissez au moins un fichier JSON.';
      return;
    }
    const twice = sameNames(this.files);
    if (twice.length > 0) {
      this.fileError = sameNamesError(twice);
      return;
    }
    this.fileError = '';
    const options: SimulationOptions = this.form.options();
    const rs = this.form.ruleSet;
    const ruleSet = this.#ruleSetInfo();
    const files = this.files;
    const zips = this.zips;

    this.running = true;
    this.#cancelled = false;
    this.announcement = '';
    this.verdict = null;
    const cancel = new AbortController();
    this.#cancel = cancel;
    const timer = setTimeout(() => (this.showProgress = true), PROGRESS_DELAY_MS);
    const runs: FileRun[] = [];
    try {
      for (const [k, file] of files.entries()) {
        if (this.#cancelled) break;
        this.progress = { fileName: file.name, file: k + 1, files: files.length, done: null, total: null };
        // Looked at before reading (issue 15): a file of gigabytes is never read into memory.
        if (file.size > MAX_INPUT_BYTES) {
          const { oversized } = await import('../../core/oversized');
          runs.push(new FileRun({ fileName: file.name, options, ruleSet, result: oversized(file.size) }));
          continue;
        }
        // The editor holds changes to this file: they are checked instead, and kept.
        const session = this.#sessions.get(file.name);
        const edited = session?.edited ? session.snapshot() : null;
        const onProgress = (done: number, total: number) => {
          this.progress = { fileName: file.name, file: k + 1, files: files.length, done, total };
        };
        // What is checked: the editor's text (the file on the disk is not read: it may have changed
        // since); else the file itself, read by the worker when the default reader would read it.
        let run: FileRun;
        try {
          if (edited && this.#client.checkText) {
            // Sent in pieces and encoded in the worker: joined and encoded here, a 31 MB text held
            // the page 1.6 s (Chromium, « Simuler » after typing in the editor).
            run = await this.#checkText(file.name, edited.text, options, ruleSet, { onProgress });
          } else {
            let source: Uint8Array | File;
            if (edited) source = encodeText(edited.text);
            else if (this.#readFile === readBytes && this.#client.checkFile) source = file;
            else source = await this.#readFile(file);
            if (this.#cancelled) break;
            run = await this.#checkBytes(file.name, source, options, ruleSet, { onProgress });
          }
        } catch {
          // The file cannot be read (#readFile, or UnreadableFileError from the worker).
          runs.push(this.#unreadable(file, options, ruleSet));
          continue;
        }
        if (this.#cancelled) break;
        if (session && !edited) this.#dropSession(session);
        if (session && edited && run.result) {
          session.adopt(run, edited.version);
          session.notice = EDITS_KEPT;
        }
        runs.push(run);
      }
      if (!this.#cancelled) {
        // The worker's answers are in (the browser benchmark splits check and render here).
        globalThis.performance?.mark?.('segur:result');
        this.progress = null;
      }
      await this.#show(runs, zips, rs, options, cancel.signal);
    } finally {
      clearTimeout(timer);
      this.#cancel = null;
      this.running = false;
      this.showProgress = false;
      this.progress = null;
    }
  }

  /** A chosen file that cannot be read (changed on the disk since it was chosen): what the last check found, else why. */
  #unreadable(file: File, options: SimulationOptions, ruleSet: FileRun['ruleSet']): FileRun {
    const previous = this.runs.find((r) => r.fileName === file.name && r.result !== null);
    if (previous) {
      previous.notice = CHANGED_ON_DISK;
      return previous;
    }
    return new FileRun({
      fileName: file.name,
      options,
      ruleSet,
      failure: fr`Le fichier n'a pas pu être lu : s'il a été modifié, déplacé ou supprimé depuis qu'il a été choisi, choisissez-le à nouveau.`,
    });
  }

  /**
   * One file's check (in the worker, with its progress): its results, or why it could not be made.
   * `source`: the bytes, or the chosen File itself, which the worker reads (SimulationClient.checkFile:
   * the page never reads a large file); throws UnreadableFileError when that File cannot be read.
   */
  /** Checks the editor's text of `fileName` (see SimulationClient.checkText); a failure is a run that says so. */
  async #checkText(
    fileName: string,
    text: TextSource,
    options: SimulationOptions,
    ruleSet: FileRun['ruleSet'],
    hooks: CheckHooks,
  ): Promise<FileRun> {
    try {
      const { result, excerpts, bytes } = await this.#client.checkText!(text, { ...options, fileName }, hooks);
      return new FileRun({ fileName, options, ruleSet, bytes, result, excerpts });
    } catch (e) {
      return failedRun(fileName, options, ruleSet, null, e);
    }
  }

  async #checkBytes(
    fileName: string,
    source: Uint8Array | File,
    options: SimulationOptions,
    ruleSet: FileRun['ruleSet'],
    hooks: CheckHooks = {},
  ): Promise<FileRun> {
    // The file's name, for the file-name warning (G020).
    const named = { ...options, fileName };
    if (!(source instanceof Uint8Array)) {
      try {
        const { result, excerpts, bytes } = await this.#client.checkFile!(source, named, hooks);
        return new FileRun({ fileName, options, ruleSet, bytes, result, excerpts });
      } catch (e) {
        if (e instanceof UnreadableFileError) throw e;
        return failedRun(fileName, options, ruleSet, null, e);
      }
    }
    const bytes = source;
    try {
      if (this.#client.check) {
        const { result, excerpts } = await this.#client.check(bytes, named, hooks);
        return new FileRun({ fileName, options, ruleSet, bytes, result, excerpts });
      }
      const result = await this.#client.simulate(bytes, named);
      return new FileRun({ fileName, options, ruleSet, bytes, result });
    } catch (e) {
      return failedRun(fileName, options, ruleSet, bytes, e);
    }
  }

  /** New results, after « Simuler » or « Relancer »: the attachments, the verdict, the history. */
  async #show(
    runs: FileRun[],
    zips: readonly File[],
    rs: RuleSetMeta,
    options: SimulationOptions,
    cancelled: AbortSignal = new AbortController().signal,
  ): Promise<void> {
    if (zips.length > 0 && !this.#cancelled) await this.#attachments(runs, zips, rs, options, cancelled);
    if (this.#cancelled || cancelled.aborted) {
      // The results shown before stay; the files checked meanwhile are dropped.
      for (const run of runs) if (!this.runs.includes(run)) run.release();
      this.announcement =
        this.runs.length > 0
          ? fr`Vérification annulée : les résultats affichés sont ceux de la simulation précédente.`
          : 'Vérification annulée.';
      return;
    }
    this.quiet = false;
    // Runs shown already (a file that could not be read again keeps its last results) were not
    // checked now: no verdict, no history entry for them; the announcement says they were kept.
    const kept = runs.filter((r) => this.runs.includes(r) && r.notice === CHANGED_ON_DISK);
    const fresh = runs.filter((r) => !kept.includes(r));
    this.verdict = verdictFor(fresh);
    const said = fresh.length > 0 ? [announcementFor(fresh)] : [];
    if (kept.length > 0) {
      const what =
        kept.length === 1
          ? "le fichier a changé sur le disque et n'a pas pu être relu"
          : "ces fichiers ont changé sur le disque et n'ont pas pu être relus";
      said.push(fr`${kept.map((r) => r.fileName).join(', ')} : ${what} ; les résultats affichés sont ceux du contrôle précédent.`);
    }
    this.announcement = said.join(' ');
    // The verdict in one task, the results behind it in the next: together, a rejected file's
    // 200 results and the dialog made one task of 51–56 ms under load (issue 12). The dialog may
    // be closed in between: closeVerdict() then settles once the results are there.
    const shown = nextTask().then(() => {
      // The worker keeps a copy of each shown file for its excerpts: those no longer shown may go.
      for (const run of this.runs) if (!runs.includes(run)) run.release();
      this.runs = runs;
    });
    this.#resultsShown = shown;
    await shown;
    void this.#record(fresh);
  }

  /**
   * « Annuler »: stops the running check at once — the worker is terminated (whatever it is
   * parsing: a hostile file cannot hold the page), the attachments check stops between two reads.
   * The results shown before stay; the next check starts a new worker.
   */
  cancel(): void {
    if (!this.running) return;
    this.#cancelled = true;
    this.#cancel?.abort();
    if (this.#client.cancel) this.#client.cancel();
    else this.#client.dispose();
  }

  #ruleSetInfo(): FileRun['ruleSet'] {
    const rs = this.form.ruleSet;
    return { type: rs.type, dsr: rs.dsr, title: rs.title, ...(rs.reconstructed ? { reconstructed: rs.reconstructed } : {}) };
  }

  /** The form's settings differ from those `run` was checked with. */
  isStale(run: FileRun): boolean {
    return run.result !== null && settingsKey(run.options) !== this.settings;
  }

  /**
   * « Relancer »: every checked file again, on the bytes of its last check (the editor's text when
   * it was edited), with the form's settings now.
   */
  async rerun(): Promise<void> {
    if (this.running) return;
    const options = this.form.options();
    const ruleSet = this.#ruleSetInfo();
    this.running = true;
    this.#cancelled = false;
    this.announcement = '';
    this.verdict = null;
    const timer = setTimeout(() => (this.showProgress = true), PROGRESS_DELAY_MS);
    try {
      const runs: FileRun[] = [];
      for (const old of this.runs) {
        if (!old.bytes || !old.result) {
          runs.push(old);
          continue;
        }
        const session = this.#sessions.get(old.fileName);
        const version = session?.owns(old) ? session.versionOf(old) : undefined;
        const run = await this.#checkBytes(old.fileName, old.bytes, options, ruleSet);
        if (session && version !== undefined && run.result) session.adopt(run, version);
        runs.push(run);
      }
      await this.#show(runs, this.zips, this.form.ruleSet, options);
    } finally {
      clearTimeout(timer);
      this.running = false;
      this.showProgress = false;
    }
  }

  /**
   * « Essayer avec un fichier d'exemple »: the form's rule set's example file with two deliberate
   * errors (src/ui/lib/example-file.ts), checked with the form's settings and opened in the editor.
   */
  async tryExample(): Promise<void> {
    if (this.running) return;
    const options = this.form.options();
    const ruleSet = this.#ruleSetInfo();
    this.running = true;
    this.verdict = null;
    try {
      const [{ loadExamples }, { exampleWithErrors }] = await Promise.all([import('../../rules/examples'), import('../lib/example-file')]);
      const set = (await loadExamples()).find((s) => s.ruleSet.type === ruleSet.type && s.ruleSet.dsr === ruleSet.dsr);
      const example = set ? exampleWithErrors(set) : undefined;
      if (!example) {
        this.fileError = `Pas de fichier d'exemple pour ${ruleSet.title}\u00a0: choisissez un fichier.`;
        return;
      }
      const old = this.#sessions.get(example.fileName);
      if (old) this.#dropSession(old);
      const run = await this.#checkBytes(example.fileName, new TextEncoder().encode(example.text), options, ruleSet);
      this.quiet = true;
      this.runs = [run];
      this.announcement = `Fichier d'exemple ${example.fileName} chargé avec deux erreurs volontaires, ouvert dans l'éditeur.`;
      this.open(run);
    } catch (e) {
      this.fileError = `Le fichier d'exemple n'a pas pu être chargé (${e instanceof Error ? e.message : String(e)})\u00a0: rechargez la page.`;
    } finally {
      this.running = false;
    }
  }

  /** The edit session of `run`'s file (made on first use). */
  #sessionFor(run: FileRun): EditSession {
    const existing = this.#sessions.get(run.fileName);
    if (existing?.owns(run)) return existing;
    if (existing) this.#dropSession(existing);
    const session = new EditSession(run, {
      simulateText: async (text, options) => {
        if (this.#client.simulateText) return this.#client.simulateText(text, options);
        const bytes = encodeText(text);
        return { result: await this.#client.simulate(bytes, options), bytes };
      },
      replaceRun: (previous, next) => {
        if (!this.runs.includes(previous)) return;
        this.quiet = true;
        this.runs = this.runs.map((r) => (r === previous ? next : r));
      },
    });
    this.#sessions.set(run.fileName, session);
    return session;
  }

  #dropSession(session: EditSession): void {
    session.dispose();
    this.#sessions.delete(session.fileName);
    if (this.editing === session) this.editing = null;
  }

  /** Opens `run`'s file in the editor, at a finding's place when given. */
  open(run: FileRun, at?: { readonly line: number; readonly column: number; readonly offset?: number }): void {
    if (!run.bytes) return;
    const session = this.#sessionFor(run);
    this.editing = session;
    if (at) session.reveal(at.line, at.column, at.offset);
    this.editorRequest++;
  }

  /** Applies a finding's fix in the editor (opened if need be), then re-checks. */
  applyFix(run: FileRun, issue: Issue): void {
    if (!issue.fix || !run.bytes) return;
    const session = this.#sessionFor(run);
    this.editing = session;
    session.requestFix(issue.fix, session.versionOf(run));
  }

  /** Closes the editor; its edits are kept for the next opening. */
  closeEditor(): void {
    this.editing = null;
  }

  /**
   * After the JSON check: the zips against each checked file, on the main thread (reads of slices
   * of the files, a few ms of work between them: the page stays responsive), with a determinate
   * progress bar once it lasts PROGRESS_DELAY_MS.
   */
  async #attachments(
    runs: FileRun[],
    zips: readonly File[],
    ruleSet: RuleSetMeta,
    options: SimulationOptions,
    cancelled: AbortSignal,
  ): Promise<void> {
    const checked = runs.filter((r) => r.result !== null);
    if (checked.length === 0) return;
    let perFile = 0;
    this.attachmentsProgress = { done: 0, total: 0 };
    const timer = setTimeout(() => (this.showAttachmentsProgress = true), PROGRESS_DELAY_MS);
    try {
      for (const [k, run] of checked.entries()) {
        const bytes = run.bytes ?? new Uint8Array(0);
        try {
          const report = await this.#checkAttachments(zips, { bytes, readable: run.result!.status !== 'invalid' }, ruleSet, options, {
            signal: eitherSignal(this.#abort.signal, cancelled),
            complete: this.completeZipCheck,
            onProgress: (done, total) => {
              perFile = total;
              this.attachmentsProgress = { done: k * perFile + done, total: checked.length * perFile };
            },
          });
          run.setAttachments(report);
        } catch (e) {
          if (this.#abort.signal.aborted || cancelled.aborted) return; // the page is gone, or « Annuler »
          // Our own errors are French; a browser's (DOMException: NotReadableError…) are not shown.
          const reason = e instanceof Error && !(e instanceof DOMException) && e.message ? ` (${e.message})` : '';
          run.setAttachments(
            null,
            fr`Les zips n'ont pas pu être lus${reason} : s'ils ont été modifiés, déplacés ou supprimés depuis qu'ils ont été choisis, choisissez-les à nouveau.`,
          );
        }
      }
    } finally {
      clearTimeout(timer);
      this.attachmentsProgress = null;
      this.showAttachmentsProgress = false;
    }
  }

  /**
   * Closes the verdict dialog. Settles once the results it sums up are on the page: they follow
   * the dialog by a task (#show), and it may be closed before (a key pressed as it opens).
   */
  closeVerdict(): Promise<void> {
    this.verdict = null;
    return this.#resultsShown;
  }

  /** The error whose code was followed to the documentation (its link's data-place), or null. */
  readingPlace: string | null = null;

  /**
   * Back from the documentation: the focus and the view go back to the error whose code was
   * followed (a link `[data-place]` under `root`), as a browser's « Back » would to a page.
   * Returns false (and forgets it) when there is no such place any more: the caller starts at
   * the top.
   */
  restorePlace(root: ParentNode): boolean {
    const place = this.readingPlace;
    this.readingPlace = null;
    if (place === null) return false;
    const link = [...root.querySelectorAll<HTMLElement>('a[data-place]')].find((el) => el.dataset.place === place);
    if (!link) return false;
    link.focus({ preventScroll: true });
    link.scrollIntoView?.({ block: 'center' });
    return true;
  }

  async #record(runs: readonly FileRun[]): Promise<void> {
    const entries = runs.map((r) => r.historyEntry()).filter((e): e is HistoryEntry => e !== null);
    if (entries.length === 0) return;
    const before = this.history;
    // Shown at once; replaced by what was stored.
    this.history = store.mergeHistory(entries, before);
    const stored = await this.#store.addToHistory(entries);
    if (stored) this.history = stored;
    else this.storageWorks = false;
  }

  async clearHistory(): Promise<void> {
    this.history = [];
    if (!(await this.#store.clearHistory())) this.storageWorks = false;
  }

  dispose(): void {
    for (const session of this.#sessions.values()) session.dispose();
    this.#abort.abort();
    this.#client.dispose();
  }
}

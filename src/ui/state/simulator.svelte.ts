// The simulator page's state: the form, the chosen files, the running check, the results and
// the verdict dialog, the history. Components read it and call its methods; nothing else holds
// state. Storage and the worker are injected (tests give their own).

import type { RuleSetMeta } from '../../core/model';
import type { AttachmentsReport } from '../../core/report';
import type { SimulationOptions, SimulationResult } from '../../core/types';
import { readBytes } from '../../io/files';
import * as store from '../../io/store';
import type { HistoryEntry, SavedSettings } from '../../io/store';
import { createSimulationClient, type SimulationClient } from '../../worker/client';
import { plural } from '../lib/counts';
import { FileRun } from './file-run.svelte';
import { FormState } from './form.svelte';

/** Below this, a check shows no progress indication (no flicker). */
export const PROGRESS_DELAY_MS = 150;

/** A zip, by its name or its type (Windows gives `application/x-zip-compressed`). */
export const isZip = (file: File): boolean =>
  /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';

/** A JSON file, by its name or its type. */
export const isJson = (file: File): boolean => /\.json$/i.test(file.name) || file.type === 'application/json';

/** « « a.zip » », « « a.zip » et « b.zip » », « « a.zip », « b.zip » et « c.zip » ». */
const namesFr = (files: readonly File[]): string => {
  const names = files.map((f) => `« ${f.name} »`);
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
  check: { onProgress: (done: number, total: number) => void; signal: AbortSignal },
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

export interface SimulatorDeps {
  readonly client?: Pick<SimulationClient, 'simulate' | 'dispose'>;
  readonly store?: SimulatorStore;
  readonly readFile?: (file: File) => Promise<Uint8Array>;
  readonly checkAttachments?: AttachmentsChecker;
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
  const parts = [`Simulation terminée : ${requests} demande(s), ${rejected} rejetée(s).`];
  const checked = runs.filter((r) => r.attachments !== null || r.attachmentsFailure !== null);
  if (checked.length > 0) {
    const faulty = checked.filter((r) => r.attachmentsFaulty);
    parts.push(
      faulty.length === 0
        ? 'Pièces justificatives : aucun défaut.'
        : `Pièces justificatives en défaut${runs.length > 1 ? ` pour ${faulty.map((r) => r.fileName).join(', ')}` : ''} : voir « Documents attendus ».`,
    );
  }
  const invalid = runs.filter((r) => r.status === 'invalid');
  // (Not the banner's words again: the banner says them.)
  if (invalid.length > 0) parts.push(`Format non conforme, fichier rejeté en entier : ${invalid.map((r) => r.fileName).join(', ')}.`);
  const failed = runs.filter((r) => r.failure !== null);
  if (failed.length > 0) parts.push(`${plural(failed.length, "fichier n'a", "fichiers n'ont")} pas pu être vérifié(s).`);
  return parts.join(' ');
}

export class SimulatorState {
  readonly form: FormState;

  /** The files chosen or dropped, checked on « Simuler ». */
  files = $state.raw<readonly File[]>([]);
  /** A message about the file field (no file chosen). */
  fileError = $state('');
  /** The attachment zips chosen or dropped (optional), checked against each JSON file. */
  zips = $state.raw<readonly File[]>([]);
  /** What happened to files given to the wrong field and sent to the other (said under `routedFrom`). */
  routingNote = $state('');
  /** The field the routed files were given to, where the note is said: 'json' or 'zip'. */
  routedFrom = $state<'json' | 'zip'>('zip');

  running = $state(false);
  /** True once a running check has lasted PROGRESS_DELAY_MS. */
  showProgress = $state(false);
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

  /** Files rejected as a whole (the banner at the top). */
  readonly invalidRuns: readonly FileRun[] = $derived(this.runs.filter((r) => r.status === 'invalid'));

  readonly #client: Pick<SimulationClient, 'simulate' | 'dispose'>;
  readonly #store: SimulatorStore;
  readonly #readFile: (file: File) => Promise<Uint8Array>;
  readonly #checkAttachments: AttachmentsChecker;
  /** Stops a running attachments check when the page goes (dispose). */
  readonly #abort = new AbortController();
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
    if (files.length > 0) this.fileError = '';
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
          ? `Le fichier JSON ${namesFr(json)}, déposé avec les zips, a été placé dans « Choisissez le fichier ».`
          : `Les fichiers JSON ${namesFr(json)}, déposés avec les zips, ont été placés dans « Choisissez le fichier ».`;
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
    this.fileError = '';
    const options: SimulationOptions = this.form.options();
    const rs = this.form.ruleSet;
    const ruleSet = { type: rs.type, dsr: rs.dsr, title: rs.title, ...(rs.reconstructed ? { reconstructed: rs.reconstructed } : {}) };
    const files = this.files;
    const zips = this.zips;

    this.running = true;
    this.announcement = '';
    this.verdict = null;
    const timer = setTimeout(() => (this.showProgress = true), PROGRESS_DELAY_MS);
    try {
      const runs: FileRun[] = [];
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          bytes = await this.#readFile(file);
        } catch {
          runs.push(new FileRun({ fileName: file.name, options, ruleSet, failure: "Le fichier n'a pas pu être lu : s'il a été modifié, déplacé ou supprimé depuis qu'il a été choisi, choisissez-le à nouveau." }));
          continue;
        }
        let result: SimulationResult;
        try {
          result = await this.#client.simulate(bytes, options);
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e);
          runs.push(new FileRun({ fileName: file.name, options, ruleSet, bytes, failure: `Le fichier n'a pas pu être vérifié : ${reason}` }));
          continue;
        }
        runs.push(new FileRun({ fileName: file.name, options, ruleSet, bytes, result }));
      }
      if (zips.length > 0) await this.#attachments(runs, zips, rs, options);
      this.runs = runs;
      this.verdict = verdictFor(runs);
      this.announcement = announcementFor(runs);
      void this.#record(runs);
    } finally {
      clearTimeout(timer);
      this.running = false;
      this.showProgress = false;
    }
  }

  /**
   * After the JSON check: the zips against each checked file, on the main thread (reads of slices
   * of the files, a few ms of work between them: the page stays responsive), with a determinate
   * progress bar once it lasts PROGRESS_DELAY_MS.
   */
  async #attachments(runs: FileRun[], zips: readonly File[], ruleSet: RuleSetMeta, options: SimulationOptions): Promise<void> {
    const checked = runs.filter((r) => r.result !== null);
    if (checked.length === 0) return;
    let perFile = 0;
    this.attachmentsProgress = { done: 0, total: 0 };
    const timer = setTimeout(() => (this.showAttachmentsProgress = true), PROGRESS_DELAY_MS);
    try {
      for (const [k, run] of checked.entries()) {
        const bytes = run.bytes!;
        try {
          const report = await this.#checkAttachments(zips, { bytes, readable: run.result!.status !== 'invalid' }, ruleSet, options, {
            signal: this.#abort.signal,
            onProgress: (done, total) => {
              perFile = total;
              this.attachmentsProgress = { done: k * perFile + done, total: checked.length * perFile };
            },
          });
          run.setAttachments(report);
        } catch (e) {
          if (this.#abort.signal.aborted) return; // the page is gone
          const reason = e instanceof Error && e.message ? ` (${e.message})` : '';
          run.setAttachments(
            null,
            `Les zips n'ont pas pu être lus${reason} : s'ils ont été modifiés, déplacés ou supprimés depuis qu'ils ont été choisis, choisissez-les à nouveau.`,
          );
        }
      }
    } finally {
      clearTimeout(timer);
      this.attachmentsProgress = null;
      this.showAttachmentsProgress = false;
    }
  }

  closeVerdict(): void {
    this.verdict = null;
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
    this.#abort.abort();
    this.#client.dispose();
  }
}

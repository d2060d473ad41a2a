// The simulator page's state: the form, the chosen files, the running check, the results and
// the verdict dialog, the history. Components read it and call its methods; nothing else holds
// state. Storage and the worker are injected (tests give their own).

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

  running = $state(false);
  /** True once a running check has lasted PROGRESS_DELAY_MS. */
  showProgress = $state(false);

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
  /** The user changed a choice before the saved ones arrived: theirs win. */
  #touched = false;
  /** Settles once saved choices and history are loaded (tests wait on it). */
  readonly ready: Promise<void>;

  constructor(deps: SimulatorDeps = {}) {
    this.#client = deps.client ?? createSimulationClient();
    this.#store = deps.store ?? store;
    this.#readFile = deps.readFile ?? readBytes;
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

  closeVerdict(): void {
    this.verdict = null;
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
    this.#client.dispose();
  }
}

// One file open in the editor (issue 11): the text the vendor fixes, re-checked in the worker as
// they type, with the results of the last good check (a syntax error while typing is shown in
// the editor but does not wipe them). The editor component (src/ui/editor/, loaded on demand)
// owns the text and reads/writes this state; nothing here imports CodeMirror, so the start-up
// bundle carries only this small class.

import type { Fix, Issue, SimulationOptions, SimulationResult } from '../../core/types';
import { PORTAL } from '../lib/labels';
import { fr } from '../lib/typography';
import { FileRun } from './file-run.svelte';
import type { TextSource } from '../../worker/client';

export type { TextSource };

/** Re-check this long after typing stops (ms). */
export const RECHECK_DELAY_MS = 300;

/** Where the editor must go (a finding's line and column, and its offset when it has one), once
 *  per request (`seq`). */
export interface EditorTarget {
  readonly line: number;
  readonly column: number;
  readonly offset?: number;
  readonly seq: number;
}

/** A fix to apply, computed by the core on the text of check `version`. */
export interface FixRequest {
  readonly fix: Fix;
  readonly version: number;
  readonly seq: number;
}

/** A plain string as a TextSource. */
export const textSource = (text: string): TextSource => ({ length: text.length, slice: (from, to) => text.slice(from, to) });

/** What the editor gives when a check starts: its text now, and the version it is. */
export interface EditorSource {
  (): { text: TextSource; version: number };
}

/** A finding to show in the editor, with the version of the text it was found in. */
export interface EditorFinding {
  readonly issue: Issue;
  readonly severity: 'error' | 'warning';
  readonly version: number;
}

export interface EditSessionDeps {
  /** The simulation of a text (the worker's client: SimulationClient.simulateText): the result,
   *  and the text's bytes (UTF-8) it was made on. */
  readonly simulateText: (text: TextSource, options: SimulationOptions) => Promise<{ result: SimulationResult; bytes: Uint8Array }>;
  /** A new result for the file replaces `previous` in the results list. */
  readonly replaceRun: (previous: FileRun, next: FileRun) => void;
}

/** The sentence for a live check's verdict: the portal's words. */
export function verdictSentence(result: SimulationResult): string {
  return result.status === 'accepted' ? PORTAL.accepted : result.status === 'rejected' ? PORTAL.rejected : PORTAL.invalid;
}

export class EditSession {
  readonly fileName: string;
  /** The file's bytes as read (or as the example was made): the editor starts from their text
   *  (decoded there, the BOM kept as character 0). */
  readonly original: Uint8Array;
  /** The file is not valid UTF-8: invalid sequences are shown (and saved) as U+FFFD (the
   *  editor says so once it has decoded the file). */
  lossy = $state(false);

  /** The results shown for this file: the last check that was not a global (syntax) fault, or the
   *  first one when the file was invalid from the start. */
  run = $state.raw<FileRun>() as FileRun;
  /** A global fault found while typing (the last good results are kept meanwhile). */
  syntax = $state.raw<SimulationResult | null>(null);
  /** A check is running or waiting for typing to stop. */
  pending = $state(false);
  /** The live line under the editor: the verdict of the last check of the text. */
  status = $state('');
  /** The text differs from the file's. */
  edited = $state(false);
  /** Said above the editor (the file was read again from the disk…). */
  notice = $state('');
  /** Where the editor must go next. */
  target = $state.raw<EditorTarget | null>(null);
  /** A fix the editor must apply next. */
  fixRequest = $state.raw<FixRequest | null>(null);

  /** The findings to show in the editor, in file order: the syntax fault while typing, else the
   *  results'. */
  readonly findings: readonly EditorFinding[] = $derived.by(() => {
    const list: EditorFinding[] = [];
    if (this.syntax) {
      const version = this.syntaxVersion;
      for (const issue of this.syntax.globalErrors) list.push({ issue, severity: 'error', version });
      return list;
    }
    const result = this.run.result;
    if (!result) return list;
    const version = this.versionOf(this.run);
    for (const issue of result.globalErrors) list.push({ issue, severity: 'error', version });
    for (const issue of result.globalWarnings) list.push({ issue, severity: 'warning', version });
    for (const request of result.requests) {
      for (const issue of request.errors) list.push({ issue, severity: 'error', version });
      for (const issue of request.warnings) list.push({ issue, severity: 'warning', version });
    }
    return list.sort((a, b) => a.issue.line - b.issue.line || a.issue.column - b.issue.column);
  });

  /** Whatever the editor keeps across a visit to the documentation (its state, undo history
   *  included). Opaque here: the editor module knows its shape. */
  memory: unknown = undefined;

  readonly #deps: EditSessionDeps;
  readonly #versions = new WeakMap<FileRun, number>();
  syntaxVersion = 0;
  #source: EditorSource | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #again = false;
  #seq = 0;
  /** The version of the text last sent to a check. */
  #checked = 0;
  #disposed = false;

  constructor(run: FileRun, deps: EditSessionDeps) {
    this.fileName = run.fileName;
    this.original = run.bytes ?? new Uint8Array();
    this.run = run;
    this.#versions.set(run, 0);
    this.#deps = deps;
  }

  /** The version of the text a run of this file was computed on (0: the file as read). */
  versionOf(run: FileRun): number {
    return this.#versions.get(run) ?? 0;
  }

  /** The run shown for this file is one of this session's (its fixes apply to the editor's text). */
  owns(run: FileRun): boolean {
    return this.#versions.has(run);
  }

  /** The editor registers how to read its text (null when it goes away). */
  attach(source: EditorSource | null): void {
    this.#source = source;
  }

  /** Opens the editor at a finding's place (the editor selects the value there). */
  reveal(line: number, column: number, offset?: number): void {
    this.target = { line, column, ...(offset === undefined ? {} : { offset }), seq: ++this.#seq };
  }

  /** Asks the editor to apply a fix found in the text of check `version` (one undoable step,
   *  then a re-check). */
  requestFix(fix: Fix, version: number): void {
    this.fixRequest = { fix, version, seq: ++this.#seq };
  }

  /** The editor's text now (read in slices, not joined: a large file's would hold the page) and
   *  its version; null before the editor was first shown. */
  snapshot(): { text: TextSource; version: number } | null {
    return this.#source ? this.#source() : null;
  }

  /** The editor's text changed (`edited`: it differs from the file's): re-check once typing stops. */
  changed(edited: boolean): void {
    this.edited = edited;
    this.pending = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.check(), RECHECK_DELAY_MS);
  }

  /** Checks the editor's text now (« Revérifier », a fix applied). */
  async check(): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#disposed || !this.#source) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    this.pending = true;
    try {
      const { text, version } = this.#source();
      this.#checked = version;
      const previous = this.run;
      let result: SimulationResult;
      let bytes: Uint8Array;
      try {
        ({ result, bytes } = await this.#deps.simulateText(text, previous.options));
      } catch (e) {
        this.status = fr`Le texte n'a pas pu être vérifié : ${e instanceof Error ? e.message : String(e)}`;
        return;
      }
      if (this.#disposed) return;
      const globalFault = result.status === 'invalid';
      if (globalFault && previous.status !== 'invalid' && previous.result !== null) {
        // Keep the last good results until the fault is fixed.
        this.syntax = result;
        this.syntaxVersion = version;
        this.status = fr`${PORTAL.invalid} : les derniers résultats sont gardés jusqu'à la correction.`;
        return;
      }
      const next = new FileRun({ fileName: previous.fileName, options: previous.options, ruleSet: previous.ruleSet, bytes, result });
      this.#versions.set(next, version);
      this.syntax = null;
      this.run = next;
      this.status = fr`Texte vérifié : ${verdictSentence(result)}`;
      this.#deps.replaceRun(previous, next);
    } finally {
      this.#running = false;
      if (this.#again && !this.#disposed) {
        this.#again = false;
        void this.check();
      } else this.pending = false;
    }
  }

  /** The results were replaced from outside (settings changed, « Relancer », the file simulated
   *  again): follow them. `version`: the text they were computed on (by default, that of the
   *  results they replace). */
  adopt(run: FileRun, version = this.#versions.get(this.run) ?? this.#checked): void {
    this.#versions.set(run, version);
    this.syntax = null;
    this.run = run;
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#source = null;
  }
}

// One checked file: its result (replaced whole, never mutated), the choices it was checked with,
// its text for excerpts (decoded on first need), the view's filter, and — when zips were given —
// the attachments check against it (pièces justificatives).

import {
  formatJsonReport,
  hasAttachmentFault,
  NO_ATTACHMENT_FINDINGS,
  overallStatus,
  type AttachmentsReport,
  type ReportContext,
} from '../../core/report';
import type { RequestResult, SimulationOptions, SimulationResult, Status } from '../../core/types';
import { decodeForDisplay } from '../../io/files';
import { downloadBytes, downloadText, outputFileName, reportFileName } from '../../io/download';
import type { HistoryEntry } from '../../io/store';
import { countsOf, type Counts } from '../lib/counts';
import { excerptAt, splitLines, type Excerpt } from '../lib/excerpt';
import { isFiltering, matches, NO_FILTER, summarize, type FindingFilter, type SummaryLine } from '../lib/findings';
import type { ExcerptSource } from '../../worker/client';

/** What the results need to know of the rule set a file was checked against. */
export interface RuleSetInfo {
  readonly type: SimulationOptions['type'];
  readonly dsr: string;
  readonly title: string;
  readonly reconstructed?: string;
}

let lastId = 0;

export class FileRun {
  /** Unique per run: ids of the page's elements. */
  readonly id: string;
  readonly fileName: string;
  readonly options: SimulationOptions;
  readonly ruleSet: RuleSetInfo;
  readonly result: SimulationResult | null;
  /** Why the file could not be checked (unreadable…), when result is null. */
  readonly failure: string | null;
  readonly counts: Counts;
  readonly date: Date;
  readonly #bytes: Uint8Array | null;
  /** Where the excerpts come from (the worker); without one, the page decodes the text itself. */
  readonly #source: ExcerptSource | null;
  #lines: string[] | undefined;
  /** Excerpts received, by `line:column` (null: none); replaced whole at each batch. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole ($state.raw), never mutated
  #excerpts = $state.raw(new Map<string, Excerpt | null>());
  /** Places asked for and not yet received (not reactive). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, not shown
  readonly #asked = new Set<string>();
  #queue: { line: number; column: number }[] = [];

  /** The attachments check of the zips against this file; null when no zip was given. */
  attachments = $state.raw<AttachmentsReport | null>(null);
  /** Why the zips could not be checked (unreadable), when zips were given. */
  attachmentsFailure = $state<string | null>(null);

  /** Said above the results (the file changed on the disk and could not be read again). */
  notice = $state('');

  /** The filter « Demandes rejetées seulement ». */
  onlyRejected = $state(false);

  /** The findings shown: by severity, code and tag (the summary's lines set it). */
  filter = $state.raw<FindingFilter>(NO_FILTER);

  /** The requests' findings by code and tag (« E010 commande.dateCommande — 200 demandes »). */
  readonly summary: readonly SummaryLine[] = $derived.by(() => summarize(this.result?.requests ?? []));

  /** The requests shown: rejected only if asked, and holding a finding of the filter when one is set. */
  readonly visibleRequests: readonly RequestResult[] = $derived.by(() => {
    const requests = this.result?.requests ?? [];
    const filter = this.filter;
    const filtering = isFiltering(filter);
    if (!this.onlyRejected && !filtering) return requests;
    return requests.filter(
      (r) =>
        (!this.onlyRejected || r.errors.length > 0) &&
        (!filtering || r.errors.some((i) => matches(filter, i, 'error')) || r.warnings.some((i) => matches(filter, i, 'warning'))),
    );
  });

  constructor(init: {
    fileName: string;
    options: SimulationOptions;
    ruleSet: RuleSetInfo;
    bytes?: Uint8Array | null;
    result?: SimulationResult | null;
    failure?: string | null;
    attachments?: AttachmentsReport | null;
    date?: Date;
    /** The excerpts' source of the check (the worker's copy of the text). */
    excerpts?: ExcerptSource | null;
  }) {
    this.id = `fichier-${++lastId}`;
    this.fileName = init.fileName;
    this.options = init.options;
    this.ruleSet = init.ruleSet;
    this.#bytes = init.bytes ?? null;
    this.#source = init.excerpts ?? null;
    this.result = init.result ?? null;
    this.failure = init.failure ?? null;
    this.attachments = init.attachments ?? null;
    // A timestamp set once, never mutated: no SvelteDate needed.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.date = init.date ?? new Date();
    this.counts = this.result ? countsOf(this.result) : { requests: 0, accepted: 0, rejected: 0, errors: 0, warnings: 0 };
  }

  /**
   * The file's verdict, attachments included: accepted requests with a missing, unexpected or
   * faulty attachment (or zips that could not be read) make it `rejected`, as in the JSON report.
   */
  get status(): Status | null {
    if (!this.result) return null;
    if (this.attachmentsFailure !== null && this.result.status === 'accepted') return 'rejected';
    return overallStatus(this.result, this.attachments ?? NO_ATTACHMENT_FINDINGS);
  }

  /** The JSON's own verdict (its requests), whatever the attachments. */
  get jsonStatus(): Status | null {
    return this.result?.status ?? null;
  }

  /** Zips were given and something is wrong with the attachments (or the zips could not be read). */
  get attachmentsFaulty(): boolean {
    return this.attachmentsFailure !== null || (this.attachments !== null && hasAttachmentFault(this.attachments));
  }

  /** The file's bytes, as checked (null when it could not be read). */
  get bytes(): Uint8Array | null {
    return this.#bytes;
  }

  /** The attachments check's outcome: its report, or why it could not be made. */
  setAttachments(report: AttachmentsReport | null, failure: string | null = null): void {
    this.attachments = report;
    this.attachmentsFailure = failure;
  }

  get outputName(): string {
    return outputFileName(this.fileName);
  }

  get reportName(): string {
    return reportFileName(this.fileName);
  }

  /**
   * The line at (line, column) with a caret, from the file's own text. With an excerpt source
   * (the worker), undefined until it arrives: the places asked for during one render go to the
   * worker together, and the answer updates every item (reactive). Without one, decoded here.
   */
  excerpt(line: number, column: number): Excerpt | undefined {
    if (!this.#source) {
      if (!this.#bytes) return undefined;
      this.#lines ??= splitLines(decodeForDisplay(this.#bytes));
      return excerptAt(this.#lines, line, column);
    }
    const key = `${line}:${column}`;
    const known = this.#excerpts.get(key);
    if (known !== undefined) return known ?? undefined;
    if (!this.#asked.has(key)) {
      this.#asked.add(key);
      if (this.#queue.push({ line, column }) === 1) queueMicrotask(() => this.#fetchExcerpts());
    }
    return undefined;
  }

  async #fetchExcerpts(): Promise<void> {
    const at = this.#queue;
    this.#queue = [];
    const excerpts = await this.#source!.excerpts(at);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built here, then set whole
    const next = new Map(this.#excerpts);
    at.forEach(({ line, column }, i) => next.set(`${line}:${column}`, excerpts[i] ?? null));
    this.#excerpts = next;
  }

  /** The results are no longer shown: the worker may drop its copy of the file. */
  release(): void {
    this.#source?.release();
  }

  /** The output file, byte for byte as the core wrote it. */
  downloadOutput(): void {
    if (this.result?.output) downloadBytes(this.outputName, this.result.output.parts);
  }

  reportContext(): ReportContext {
    return {
      file: this.fileName,
      type: this.options.type,
      dsr: this.options.dsr,
      ruleSet: { title: this.ruleSet.title, ...(this.ruleSet.reconstructed ? { reconstructed: this.ruleSet.reconstructed } : {}) },
      profiles: this.options.profiles ?? [],
      ...(this.options.vatRate !== undefined ? { vatRate: this.options.vatRate } : {}),
      strict: this.options.strict ?? false,
      firstErrorOnly: this.options.firstErrorOnly ?? false,
      // The browser writes no file of its own: the output is downloaded separately.
      output: null,
      attachments: this.attachments ?? NO_ATTACHMENT_FINDINGS,
    };
  }

  /** The JSON report, the same document as `segur-sim --format json`. */
  reportText(): string | null {
    return this.result ? formatJsonReport(this.result, this.reportContext()) : null;
  }

  downloadReport(): void {
    const text = this.reportText();
    if (text !== null) downloadText(this.reportName, text);
  }

  /** The history's record of this run: names, date and counts — never the content. */
  historyEntry(): HistoryEntry | null {
    if (!this.result) return null;
    return {
      fileName: this.fileName,
      date: this.date.toISOString(),
      type: this.ruleSet.type,
      dsr: this.ruleSet.dsr,
      ruleSet: this.ruleSet.title,
      status: this.result.status,
      ...this.counts,
    };
  }
}

// A simulation result → the JSON report (the CLI's `--format json`, the app's report download).
// Its shape and key order are the CLI contract of shared/spec/README.md.

import type { Dsr, Issue, Profile, RequestType, SimulationResult, Status, VatRate } from './types';

/** The attachments part of the report (the zip check is not implemented yet: all empty). */
export interface AttachmentsReport {
  readonly missing: readonly string[];
  readonly unexpected: readonly string[];
  readonly faulty: readonly unknown[];
}

export const NO_ATTACHMENT_FINDINGS: AttachmentsReport = { missing: [], unexpected: [], faulty: [] };

/** What the reports say besides the result: the run's choices and where the output went. */
export interface ReportContext {
  /** The input as shown to the user (`-` for standard input). */
  readonly file: string;
  readonly type: RequestType;
  readonly dsr: Dsr;
  readonly ruleSet: { readonly title: string; readonly reconstructed?: string };
  readonly profiles: readonly Profile[];
  readonly vatRate?: VatRate;
  readonly strict: boolean;
  readonly firstErrorOnly: boolean;
  /**
   * Where the output file went: a path, `'-'` for standard output, or null when none was
   * written (invalid file, or standard input without --out).
   */
  readonly output: string | null;
  readonly attachments: AttachmentsReport;
}

export interface IssueReport {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface RequestReport {
  readonly index: number;
  readonly numLigne: number | null;
  readonly numeroEditeur: string | null;
  readonly codeTraitement: string;
  readonly libelleTraitement: string;
  readonly errors: IssueReport[];
  readonly warnings: IssueReport[];
}

/** The `--format json` document; key order is part of the contract. */
export interface JsonReport {
  readonly status: Status;
  readonly globalErrors: IssueReport[];
  readonly requests: RequestReport[];
  readonly attachments: { missing: unknown[]; unexpected: unknown[]; faulty: unknown[] };
  readonly globalWarnings: IssueReport[];
  readonly ruleSet: { type: RequestType; dsr: Dsr; title: string; reconstructed: string | null };
  readonly output: string | null;
}

/** The overall status, attachment faults included (they reject the file's verdict, not its format). */
export function overallStatus(result: SimulationResult, attachments: AttachmentsReport): Status {
  if (result.status !== 'accepted') return result.status;
  const fault = attachments.missing.length + attachments.unexpected.length + attachments.faulty.length > 0;
  return fault ? 'rejected' : 'accepted';
}

/** Exit status of the contract: 0 accepted, 1 rejected, 2 invalid (64, bad usage, is main.ts's). */
export function exitCodeFor(status: Status): 0 | 1 | 2 {
  return status === 'accepted' ? 0 : status === 'rejected' ? 1 : 2;
}

// Each object is rebuilt key by key: the key order is fixed whatever the core's objects hold.
const issue = (i: Issue): IssueReport => ({ code: i.code, path: i.path, message: i.message, line: i.line, column: i.column });

export function jsonReport(result: SimulationResult, ctx: ReportContext): JsonReport {
  return {
    status: overallStatus(result, ctx.attachments),
    globalErrors: result.globalErrors.map(issue),
    requests: result.requests.map((r) => ({
      index: r.index,
      numLigne: r.numLigne,
      numeroEditeur: r.numeroEditeur,
      codeTraitement: r.codeTraitement,
      libelleTraitement: r.libelleTraitement,
      errors: r.errors.map(issue),
      warnings: r.warnings.map(issue),
    })),
    attachments: {
      missing: [...ctx.attachments.missing],
      unexpected: [...ctx.attachments.unexpected],
      faulty: [...ctx.attachments.faulty],
    },
    globalWarnings: result.globalWarnings.map(issue),
    ruleSet: { type: ctx.type, dsr: ctx.dsr, title: ctx.ruleSet.title, reconstructed: ctx.ruleSet.reconstructed ?? null },
    // `-` never reaches the JSON report (--out - with --format json is a usage error).
    output: ctx.output === '-' ? null : ctx.output,
  };
}

/** The JSON report as printed: pretty-printed with 2 spaces, one trailing newline. */
export function formatJsonReport(result: SimulationResult, ctx: ReportContext): string {
  return JSON.stringify(jsonReport(result, ctx), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Colours


// A simulation result → the JSON report (the CLI's `--format json`, the app's report download).
// Its shape and key order are the CLI contract of shared/spec/README.md.

import type { Dsr, Issue, Profile, RequestType, SimulationResult, Status, VatRate } from './types';
import type { Code } from '../messages/codes';

// ---------------------------------------------------------------------------------------------
// Attachments (built by src/attachments/check.ts; spec: pieces-justificatives.md)

/** An attachment the JSON names that no zip holds (reason code P001). */
export interface MissingAttachment {
  readonly numLigne: number | null;
  readonly numeroEditeur: string | null;
  readonly typeFichier: string | null;
  readonly nomFichier: string;
  readonly code: 'P001';
  readonly message: string;
}

/** A file of a zip that no request names (reason code P002). */
export interface UnexpectedAttachment {
  readonly zip: string;
  readonly name: string;
  readonly code: 'P002';
  readonly message: string;
}

/**
 * One fault, with its reason code: of a file (`name`, its entry's full name in the zip), or of
 * a zip as a whole (`name` null). `numLigne` / `numeroEditeur`: the request that names the file,
 * when one does.
 */
export interface FaultyAttachment {
  readonly zip: string;
  readonly name: string | null;
  readonly numLigne?: number | null;
  readonly numeroEditeur?: string | null;
  readonly code: Code;
  readonly message: string;
}

export interface AttachmentFault {
  readonly code: Code;
  readonly message: string;
}

/** One line of the portal's «Documents attendus» list, with its status. */
export interface ExpectedDocument {
  readonly numLigne: number | null;
  readonly numeroEditeur: string | null;
  readonly typeFichier: string | null;
  readonly formatFichier: string | null;
  readonly nomFichier: string;
  readonly status: 'present' | 'missing' | 'faulty';
  /** Where the file was found (null when missing). */
  readonly zip: string | null;
  readonly entry: string | null;
  /** Its uncompressed size, as the zip declares it. */
  readonly size: number | null;
  readonly faults: readonly AttachmentFault[];
}

/** A zip as a whole: its size, how many files it holds, its own faults (not a zip, too big…). */
export interface ZipSummary {
  readonly name: string;
  readonly size: number;
  readonly files: number;
  readonly faults: readonly AttachmentFault[];
}

/** A file no request names, with the faults found in it anyway (a bomb, an unsafe path…). */
export interface ExtraFile {
  readonly zip: string;
  readonly name: string;
  readonly size: number;
  /** An expected name it resembles (same letters but for case, `.jpeg` for `.jpg`). */
  readonly hint?: string;
  readonly faults: readonly AttachmentFault[];
}

/** What the text report and the app show: the «Documents attendus» list and the zips. */
export interface AttachmentsDetail {
  readonly zips: readonly ZipSummary[];
  /** Null when the JSON could not be read: no list of expected attachments, only the zips' own faults. */
  readonly documents: readonly ExpectedDocument[] | null;
  readonly extra: readonly ExtraFile[];
  /**
   * How the zips were read: `false` (the default), the central directory and the first bytes of
   * each entry only; `true` («Vérification complète», `--pj-complet`), every entry inflated whole
   * and its size and CRC checked.
   */
  readonly complete?: boolean;
}

/** The attachments part of the report; `detail` is there when zips were checked. */
export interface AttachmentsReport {
  readonly missing: readonly MissingAttachment[];
  readonly unexpected: readonly UnexpectedAttachment[];
  readonly faulty: readonly FaultyAttachment[];
  readonly detail?: AttachmentsDetail;
}

export const NO_ATTACHMENT_FINDINGS: AttachmentsReport = { missing: [], unexpected: [], faulty: [] };

/** True when the attachments check found anything wrong (it makes the run's status `rejected`). */
export const hasAttachmentFault = (a: AttachmentsReport): boolean => a.missing.length + a.unexpected.length + a.faulty.length > 0;

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
  /**
   * An earlier output file of this input, left where this run would have written one (the file is
   * now invalid, so none was written): it no longer matches the input.
   */
  readonly staleOutput?: string | null;
  readonly attachments: AttachmentsReport;
  /** `--pj-complet`: the zips were read whole (see `AttachmentsDetail.complete`). */
  readonly completeZipCheck?: boolean;
}

export interface IssueReport {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** The mechanical fix (UTF-16 offsets in the decoded text), only when there is one. */
  readonly fix?: { readonly start: number; readonly end: number; readonly text: string };
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
  readonly attachments: { missing: MissingAttachment[]; unexpected: UnexpectedAttachment[]; faulty: FaultyAttachment[] };
  readonly globalWarnings: IssueReport[];
  readonly ruleSet: { type: RequestType; dsr: Dsr; title: string; reconstructed: string | null };
  readonly output: string | null;
  /** An earlier output file left beside the input, which no longer matches it (see `ReportContext.staleOutput`). */
  readonly staleOutput: string | null;
}

/** The overall status, attachment faults included (they reject the file's verdict, not its format). */
export function overallStatus(result: SimulationResult, attachments: AttachmentsReport): Status {
  if (result.status !== 'accepted') return result.status;
  return hasAttachmentFault(attachments) ? 'rejected' : 'accepted';
}

// Each object is rebuilt key by key: the key order is fixed whatever the core's objects hold.
/** `{zip, name, numLigne?, numeroEditeur?, code, message}`: the request's keys only when a request names the file. */
function faultyReport(f: FaultyAttachment): FaultyAttachment {
  const request =
    f.numLigne !== undefined || f.numeroEditeur !== undefined
      ? { numLigne: f.numLigne ?? null, numeroEditeur: f.numeroEditeur ?? null }
      : {};
  return { zip: f.zip, name: f.name, ...request, code: f.code, message: f.message };
}

const issue = (i: Issue): IssueReport => {
  const out: IssueReport = { code: i.code, path: i.path, message: i.message, line: i.line, column: i.column };
  return i.fix ? { ...out, fix: { start: i.fix.start, end: i.fix.end, text: i.fix.text } } : out;
};

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
      missing: ctx.attachments.missing.map((m) => ({
        numLigne: m.numLigne,
        numeroEditeur: m.numeroEditeur,
        typeFichier: m.typeFichier,
        nomFichier: m.nomFichier,
        code: m.code,
        message: m.message,
      })),
      unexpected: ctx.attachments.unexpected.map((u) => ({ zip: u.zip, name: u.name, code: u.code, message: u.message })),
      faulty: ctx.attachments.faulty.map(faultyReport),
    },
    globalWarnings: result.globalWarnings.map(issue),
    ruleSet: { type: ctx.type, dsr: ctx.dsr, title: ctx.ruleSet.title, reconstructed: ctx.ruleSet.reconstructed ?? null },
    // `-` never reaches the JSON report (--out - with --format json is a usage error).
    output: ctx.output === '-' ? null : ctx.output,
    staleOutput: ctx.staleOutput ?? null,
  };
}

/** The JSON report as printed: pretty-printed with 2 spaces, one trailing newline. */
export function formatJsonReport(result: SimulationResult, ctx: ReportContext): string {
  return JSON.stringify(jsonReport(result, ctx), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Colours

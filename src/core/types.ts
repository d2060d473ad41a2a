// The vocabulary shared by the core, the rule sets and every adapter (UI, worker, CLI).
// A finding is data — a code, a place and arguments — never a sentence: the French text
// is rendered at the edge from one table (src/messages/fr.ts).

import type { Code } from '../messages/codes';

export type Severity = 'error' | 'warning';

/** A path from the file's root: object keys and array indices (rendered as a JSON Pointer). */
export type Path = readonly (string | number)[];

/** Arguments of a message: each message uses the ones it needs. */
export interface FindingArgs {
  /** The tag's path inside the request, in dotted form (`commande.montantSegurHT`). */
  readonly tag?: string;
  /** What the rule expects, in French (`une chaîne de 10 caractères`). */
  readonly expected?: string;
  /** What the file holds, as written there (raw text, shortened). */
  readonly found?: string;
  /** A near miss for an unknown or missing tag (did you mean…). */
  readonly hint?: string;
  /** A second tag involved in a cross-field rule. */
  readonly other?: string;
  /** A count or a limit. */
  readonly count?: number;
  /** Where an earlier occurrence stands (line of a duplicate), or a rule set's name. */
  readonly where?: string;
  /** A sub-kind of the code (the syntax fault of G010, the encoding of G002). */
  readonly reason?: string;
  /** The JSON kind of the value found (`found` is then its raw text): messages say « le nombre 12345 ». */
  readonly kind?: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
  /** How the value would be right (see src/core/advice.ts), with `write`, the value to write. */
  readonly advice?: AdviceKind;
  /** The value to write instead, as a JSON token (`"00001"`, `true`, `1075.00`). */
  readonly write?: string;
  /** Invisible or suspicious characters of the value, named in French (`espace insécable U+00A0`). */
  readonly invisible?: string;
}

/**
 * Why a value would be right written another way: `quote` (a number for a text), `unquote`
 * (`"true"` for a boolean, `"12"` for a number), `leading-zeros` (lost by a spreadsheet),
 * `excel-date` (a date serial number), `iso-date` (`2024-01-15`), `date-format` (`5/1/2024`),
 * `decimal-comma` (`1075,00`), `decimals` (`1075` for an amount), `windows-1252` (C1 control
 * characters of a Windows-1252 text read as Latin-1: `N\u0092GUYEN` for `N’GUYEN`).
 */
export type AdviceKind =
  'quote' | 'unquote' | 'leading-zeros' | 'excel-date' | 'iso-date' | 'date-format' | 'decimal-comma' | 'decimals' | 'windows-1252';

/**
 * A mechanical fix carried by a finding (issue 10): replace the text between `start` and `end`
 * (UTF-16 offsets in the decoded text as `decodeUtf8` returns it: a BOM, if any, is character 0)
 * by `text`. The CLI's JSON report, the results list and the editor's quick fix all read it.
 */
export interface Fix {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Finding {
  readonly code: Code;
  readonly severity: Severity;
  readonly path: Path;
  /** UTF-16 offset in the text of the faulty value (or of the object where a tag is missing). */
  readonly offset: number;
  readonly args: FindingArgs;
  /** The mechanical fix, when there is one (quotes, leading zeros, date format, decimals, spelling). */
  readonly fix?: Fix;
}

/** A finding rendered for reports: JSON Pointer path, 1-based line and column, French message. */
export interface Issue {
  readonly code: Code;
  readonly path: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /**
   * UTF-16 offset of the finding in the decoded text (as `Finding.offset`; a BOM is character 0),
   * for an editor to place its cursor (a syntax fault's: where the parser stopped); absent for a
   * file that could not be decoded.
   */
  readonly offset?: number;
  /** The mechanical fix, when there is one (see `Fix`). */
  readonly fix?: Fix;
}

export type RequestType = 'avance' | 'solde';
/** A couloir / logiciel (`MDV-LGC`…): the rule sets' registry (src/rules) says which exist. */
export type Dsr = string;
export type Profile = 'stockage-identite' | 'general' | 'mailiz' | 'centre-sante';
export type VatRate = '20' | '8.5' | '0';

export const REQUEST_TYPES: readonly RequestType[] = ['avance', 'solde'];
export const PROFILES: readonly Profile[] = ['stockage-identite', 'general', 'mailiz', 'centre-sante'];
export const VAT_RATES: readonly VatRate[] = ['20', '8.5', '0'];

/** The form's choices and the checking options. */
export interface SimulationOptions {
  readonly type: RequestType;
  readonly dsr: Dsr;
  /** Profiles selected on the form (advance only). */
  readonly profiles?: readonly Profile[];
  /** VAT rate selected on the form (advance only); when absent the rate check is not made. */
  readonly vatRate?: VatRate;
  /** Warnings become errors. */
  readonly strict?: boolean;
  /** Keep only the first error of each request, as the portal does. */
  readonly firstErrorOnly?: boolean;
  /**
   * The JSON file's name as the user chose it (no folder), for the file-name warning G020
   * (`JSON-numeroAns-AAAAMMJJ-NNN.json`, seeds 002 and 004 § 3.3); no check when absent.
   */
  readonly fileName?: string;
  /** "Today" for the future-date warning, as JJ/MM/AAAA-free ISO date (`2026-11-22`); defaults to the clock. */
  readonly today?: string;
}

export type Status = 'accepted' | 'rejected' | 'invalid';

export interface RequestResult {
  readonly index: number;
  readonly numLigne: number | null;
  readonly numeroEditeur: string | null;
  readonly codeTraitement: string;
  readonly libelleTraitement: string;
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

export interface SimulationResult {
  readonly status: Status;
  readonly globalErrors: Issue[];
  /** File-level warnings (header check digits, notes about the rule set). */
  readonly globalWarnings: Issue[];
  readonly requests: RequestResult[];
  /** The annotated output file, or null when the file is invalid as a whole. */
  readonly output: OutputFile | null;
}

/**
 * The annotated output file (core/annotate.ts) as the byte slices it is made of, in order: views
 * of the input's bytes between the edits, and the bytes of the inserted values. Nothing is
 * copied: the CLI writes the parts as they are, a Blob takes them as they are, and whoever needs
 * one buffer joins them (`outputBytes`). The views share the input's memory: the input must not
 * change while the output is in use.
 */
export interface OutputFile {
  readonly parts: readonly Uint8Array[];
  /** The file's length in bytes: the sum of the parts' lengths. */
  readonly size: number;
}

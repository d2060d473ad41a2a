// How a wrong value would be right (issue 10, spec README «Messages that say what was found»):
// values written with the wrong JSON kind (a number for a text, "true" for a boolean) and
// values mangled by spreadsheets (lost leading zeros, Excel date serials, ISO dates, decimal
// commas). Each advice names its kind (rendered in French by src/messages/fr.ts), how to write
// the value (`write`, a JSON token) and, where the change is mechanical, the fix as data.
// Pure: no DOM, no Node.

import type { JsonNode, JsonType } from './json/ast';
import type { AdviceKind, Fix } from './types';

export interface Advice {
  readonly advice: AdviceKind;
  /** The value as it should be written, as a JSON token (`"00001"`, `true`, `1075.00`). */
  readonly write: string;
  readonly fix?: Fix;
}

/** What the advice needs to know of the expected value. */
export interface Expectation {
  /** The JSON type the format wants. */
  readonly type: 'string' | 'number' | 'boolean' | 'null';
  /** A format whose value has a known shape (`date`: JJ/MM/AAAA, `amount`: FLOAT with 2 decimals). */
  readonly hint?: 'date' | 'amount';
  /** The tag's example value in the guide (digits only for identifiers: `00001`, a SIRET). */
  readonly example?: unknown;
  /** The tag's name (a `telephone…` tag: a 9-digit number lost its leading 0). */
  readonly tag?: string;
}

/** A replacement of the token of `node` by `write` (the advice's write is the whole token). */
function replace(node: JsonNode, advice: AdviceKind, write: string): Advice {
  return { advice, write, fix: { start: node.start, end: node.end, text: write } };
}

/** Only ASCII digits (at least one). */
const DIGITS = /^\d+$/;

/**
 * Excel stores a date as the number of days since 30/12/1899 (its 1900 leap-year bug included
 * for every date after 28/02/1900). Serial numbers from 1990 to 2100 are taken for dates:
 * 32874 (01/01/1990) to 73051 (31/12/2099). Returns `JJ/MM/AAAA`, or undefined.
 */
export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 32874 || serial > 73050) return undefined;
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  const d = new Date(ms);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** `JJ/MM/AAAA` when day, month and year (integers) make a real date of the Gregorian calendar. */
function calendarDate(day: number, month: number, year: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** The number written by the `length` ASCII digits of `s` at `from`; -1 if one is not a digit. */
function digitsAt(s: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = 10 * n + d;
  }
  return n;
}

/** A date written another way (`2024-01-15`, `15/1/2024`, `15.01.2024`, an Excel serial `45306`) → `JJ/MM/AAAA`. */
export function dateRewrite(s: string): { advice: AdviceKind; date: string } | undefined {
  // `AAAA-MM-JJ` exactly, the usual case (an export's ISO date), read without a regular
  // expression: an all-rejected file has one per request (issue 12). Same answer as `iso` below.
  if (s.length === 10 && s.charCodeAt(4) === 0x2d && s.charCodeAt(7) === 0x2d) {
    const year = digitsAt(s, 0, 4);
    const month = digitsAt(s, 5, 2);
    const day = digitsAt(s, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0) {
      const date = calendarDate(day, month, year);
      return date ? { advice: 'iso-date', date } : undefined;
    }
  }
  const t = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(t);
  if (iso) {
    const date = calendarDate(Number(iso[3]), Number(iso[2]), Number(iso[1]));
    return date ? { advice: 'iso-date', date } : undefined;
  }
  if (DIGITS.test(t) && t.length === 5) {
    const date = excelSerialDate(Number(t));
    return date ? { advice: 'excel-date', date } : undefined;
  }
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) {
    const date = calendarDate(Number(dmy[1]), Number(dmy[2]), Number(dmy[3]));
    return date && date !== s ? { advice: 'date-format', date } : undefined;
  }
  return undefined;
}

/**
 * An amount written as text or with a decimal comma (`1075`, `1075,5`, ` 1075.00 `) → `1075.00`
 * (two decimals, a point), or undefined when it is not a plain decimal number or has more than
 * two decimals (rounding is not mechanical).
 */
export function amountRewrite(s: string): { comma: boolean; amount: string } | undefined {
  const m = /^(-?\d+)(?:([.,])(\d{1,2})0*)?$/.exec(s.trim().replace(/[\s\u00a0\u202f]/g, ''));
  if (!m) return undefined;
  return { comma: m[2] === ',', amount: `${m[1]}.${(m[3] ?? '').padEnd(2, '0')}` };
}

/** Digits-only example of a fixed-length identifier (`00001`, a SIRET), or undefined. */
function digitsExample(example: unknown): string | undefined {
  const e = Array.isArray(example) ? example[0] : example;
  return typeof e === 'string' && DIGITS.test(e) ? e : undefined;
}

/** A phone tag (`telephoneMedecin`, `telAdminTechnique`…). */
const isPhoneTag = (tag: string | undefined) => tag !== undefined && /^tel/i.test(tag);

/**
 * The advice for a value of the wrong JSON kind (E004): `node` holds `raw` (its text in the
 * file), `want` says what was expected. A number for a text gets quotes (and its lost leading
 * zeros back, or its date if it is an Excel serial); `"true"` for a boolean loses its quotes;
 * `"1075,00"` for an amount becomes `1075.00`.
 */
export function adviseKind(node: JsonNode, raw: string, want: Expectation): Advice | undefined {
  if (want.type === 'string' && node.type === 'number') {
    if (want.hint === 'date') {
      const date = excelSerialDate(node.value);
      if (date) return replace(node, 'excel-date', JSON.stringify(date));
    }
    if (DIGITS.test(raw)) {
      const example = digitsExample(want.example);
      if (example && raw.length < example.length) return replace(node, 'leading-zeros', JSON.stringify(raw.padStart(example.length, '0')));
      if (isPhoneTag(want.tag) && raw.length === 9 && raw[0] !== '0') return replace(node, 'leading-zeros', JSON.stringify('0' + raw));
    }
    return replace(node, 'quote', JSON.stringify(raw));
  }
  if (want.type === 'boolean' && node.type === 'string') {
    const t = node.value.trim().toLowerCase();
    if (t === 'true' || t === 'false') return replace(node, 'unquote', t);
    return undefined;
  }
  if (want.type === 'number' && node.type === 'string') {
    if (want.hint === 'amount') {
      const a = amountRewrite(node.value);
      if (a) return replace(node, a.comma ? 'decimal-comma' : 'unquote', a.amount);
      return undefined;
    }
    const t = node.value.trim();
    if (/^-?\d{1,15}$/.test(t)) return replace(node, 'unquote', String(Number(t)));
    return undefined;
  }
  return undefined;
}

/** A text that is not a real JJ/MM/AAAA date (E010) but is one written another way. */
export function adviseDate(node: JsonNode): Advice | undefined {
  if (node.type !== 'string') return undefined;
  const r = dateRewrite(node.value);
  // Digits and slashes: quoted as JSON.stringify would, without its cost (one per rejected date).
  return r ? replace(node, r.advice, `"${r.date}"`) : undefined;
}

/** An amount not written with two decimals (E011): `1075` → `1075.00`, `1075.5` → `1075.50`. */
export function adviseDecimals(node: JsonNode, raw: string): Advice | undefined {
  if (node.type !== 'number') return undefined;
  const a = amountRewrite(raw);
  return a ? replace(node, 'decimals', a.amount) : undefined;
}

/** A digits-only identifier shorter than its fixed length (E007): leading zeros lost by a spreadsheet. */
export function adviseLength(node: JsonNode, want: Expectation): Advice | undefined {
  if (node.type !== 'string' || !DIGITS.test(node.value)) return undefined;
  const example = digitsExample(want.example);
  if (!example || node.value.length >= example.length) return undefined;
  // Digits only: quoted as JSON.stringify would.
  return replace(node, 'leading-zeros', `"${node.value.padStart(example.length, '0')}"`);
}

/** The JSON kind of a node, as findings carry it (`FindingArgs.kind`). */
export const kindOf = (node: JsonNode): JsonType => node.type;

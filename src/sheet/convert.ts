// A spreadsheet cell → the JSON value its column's format wants, with the conversion said:
// `1 075,00 €` → 1075.00, `2024-01-15` / an Excel date cell or serial → "15/01/2024",
// `oui` → true, `1` → "00001" for a 5-character identifier, `Mailiz` → "MAI_15".
// What cannot be converted is passed on as written (a string): the checker then reports it with
// its own code and French message, at this cell.

import * as v from 'valibot';
import type { Format } from '../core/model';
import { CODES, isCode } from '../messages/codes';
import { operator } from '../rules/common/formats';
import { isKnownOperator } from '../rules/common/operators';
import { OPERATEURS_MESSAGERIE } from '../rules/common/operateurs-messagerie';
import { RawNumber, type BuiltValue } from './json-text';

/** A cell as the readers give it: text (CSV, XLSX text cells), or a typed XLSX cell. */
export type Cell = string | number | boolean | Date | null;

/** What a conversion did, for the report. */
export interface Conversion {
  /** The cell as written (a date cell as `AAAA-MM-JJ`). */
  readonly from: string;
  /** The JSON value written (`1075.00`, `"15/01/2024"`, `true`). */
  readonly to: string;
}

export interface Converted {
  /** `undefined`: the cell is empty. */
  readonly value: BuiltValue | undefined;
  readonly conversion?: Conversion;
}

/** The cell as text for reports (`2024-01-15` for a date cell). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

/** Spaces a spreadsheet or a French locale puts in cells: space, no-break spaces, tab. */
const SPACES = /^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g;

/**
 * Converts `cell` for a tag of format `format`. Empty (null, '' or blanks) → `value: undefined`.
 * Never throws; what it cannot convert comes back as the trimmed text.
 */
export function convertCell(cell: Cell, format: Format): Converted {
  if (cell === null) return { value: undefined };
  if (typeof cell === 'string' && cell.replace(SPACES, '') === '') return { value: undefined };
  const from = cellText(cell);
  const done = (value: BuiltValue): Converted => {
    const to = value instanceof RawNumber ? value.raw : JSON.stringify(value);
    // A text cell that becomes the same text, a number written the same: nothing to say.
    const same = typeof value === 'string' ? value === from : to === from;
    return same ? { value } : { value, conversion: { from, to } };
  };
  switch (format.type) {
    case 'boolean':
      return done(toBoolean(cell) ?? trimmed(cell));
    case 'number':
      return done(toNumber(cell, format) ?? trimmed(cell));
    case 'string':
      return done(toText(cell, format));
    default:
      return done(trimmed(cell));
  }
}

function trimmed(cell: Cell): string {
  return typeof cell === 'string' ? cell.replace(SPACES, '') : cellText(cell);
}

const TRUE = new Set(['true', 'vrai', 'oui', '1', 'yes']);
const FALSE = new Set(['false', 'faux', 'non', '0', 'no']);

/** `vrai/faux`, `oui/non`, `true/false`, `1/0` (any case) and boolean cells. */
export function toBoolean(cell: Cell): boolean | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== 'string') return undefined;
  const s = cell.replace(SPACES, '').toLowerCase();
  return TRUE.has(s) ? true : FALSE.has(s) ? false : undefined;
}

/**
 * A number as a French or English spreadsheet writes it: `1 075,00 €`, `1.075,00`, `1,075.00`,
 * `1075.5`, `-3`. Spaces (also no-break ones) and a euro sign are dropped; with both `,` and
 * `.`, the last one is the decimal mark; a lone `,` is the decimal mark.
 */
export function parseDecimal(text: string): number | undefined {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR|euros?)$/i, '');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (comma >= 0) {
    if (s.indexOf(',') !== comma) return undefined; // `1,075,000`: ambiguous
    s = s.replace(',', '.');
  }
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** The JSON lexeme of a number cell for `format`: the format's own spelling (`1075.00`) when it keeps the value. */
function toNumber(cell: Cell, format: Format): RawNumber | undefined {
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? parseDecimal(cell) : undefined;
  if (n === undefined || !Number.isFinite(n)) return undefined;
  if (format.write) {
    const written = format.write(n);
    if (Number(written) === n) return new RawNumber(written);
  }
  // JSON's spelling of the number (no exponent for the amounts and counts of these files).
  return new RawNumber(String(n));
}

/** True when the format accepts `s` but for warnings (A… codes: check digits, operator list). */
function acceptable(format: Format, s: string): boolean {
  const result = v.safeParse(format.schema, s);
  if (result.success) return true;
  return result.issues.every((issue) => isCode(issue.message) && CODES[issue.message] === 'warning');
}

/** A format that is a calendar date `JJ/MM/AAAA` (found by asking it, not by its name). */
const dateFormats = new WeakMap<Format, boolean>();
export function isDateFormat(format: Format): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) {
    known =
      format.type === 'string' &&
      acceptable(format, '15/01/2024') &&
      !acceptable(format, '31/02/2024') &&
      !acceptable(format, '2024-01-15');
    dateFormats.set(format, known);
  }
  return known;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const frDate = (y: number, m: number, d: number) => `${pad2(d)}/${pad2(m)}/${String(y).padStart(4, '0')}`;

/** An Excel serial day number (1900 date system) → `JJ/MM/AAAA`; 1 is 01/01/1900, 45306 is 15/01/2024. */
export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return undefined;
  // Excel counts a 29/02/1900 that never was: serials from 61 on are one day ahead.
  const days = serial >= 61 ? serial - 1 : serial;
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return frDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A date written another way → `JJ/MM/AAAA`: a date cell, an Excel serial (number, or 5 digits
 * as text), `AAAA-MM-JJ` (with or without a time), `J/M/AAAA`, `JJ-MM-AAAA`, `JJ.MM.AAAA`.
 * Not checked against the calendar here: `31/02/2024` stays and the checker says why.
 */
export function toFrenchDate(cell: Cell): string | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    // read-excel-file gives a date cell as midnight UTC of that day.
    return frDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') return excelSerialDate(cell);
  if (typeof cell !== 'string') return undefined;
  const s = cell.replace(SPACES, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return frDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return frDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{5}$/.test(s)) return excelSerialDate(Number(s));
  return undefined;
}

/** Operator labels (upper case, no accents) → their codes; a label shared by several codes is ambiguous. */
let operatorLabels: Map<string, string[]> | undefined;
const normalize = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();

/** The code of the operator whose label is `label` (any case, accents ignored), when exactly one matches. */
export function operatorCode(label: string): string | undefined {
  if (!operatorLabels) {
    operatorLabels = new Map();
    for (const [code, name] of OPERATEURS_MESSAGERIE) {
      const key = normalize(name);
      operatorLabels.set(key, [...(operatorLabels.get(key) ?? []), code]);
    }
  }
  const codes = operatorLabels.get(normalize(label));
  return codes?.length === 1 ? codes[0] : undefined;
}

/** A text value: dates, operator labels, lost leading zeros, numbers of a number cell. */
function toText(cell: Cell, format: Format): string {
  if (isDateFormat(format)) {
    const date = toFrenchDate(cell);
    if (date !== undefined) return date;
  }
  let s =
    typeof cell === 'string'
      ? cell.replace(SPACES, '')
      : typeof cell === 'boolean'
        ? String(cell)
        : cell instanceof Date
          ? cellText(cell)
          : String(cell);
  if (format === operator && !isKnownOperator(s)) {
    const code = operatorCode(s);
    if (code !== undefined) return code;
  }
  // Leading zeros lost by a spreadsheet (`1` for `00001`): the shortest zero-padding the format accepts.
  if (/^\d{1,13}$/.test(s) && !acceptable(format, s)) {
    for (let length = s.length + 1; length <= 14; length++) {
      const padded = s.padStart(length, '0');
      if (acceptable(format, padded)) {
        s = padded;
        break;
      }
    }
  }
  return s;
}

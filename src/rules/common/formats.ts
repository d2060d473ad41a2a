// The formats of the ASP guides, as Valibot schemas whose every action carries our code
// (the engine turns a Valibot issue into a finding by reading that code).

import * as v from 'valibot';
import type { Format } from '../../core/model';
import { isKnownOperator } from './operators';
import { isValidFiness, isValidRpps, isValidSiret } from './check-digits';

const STRING = v.string('E004');

/** `VARCHAR (=n)`: exactly n characters. */
export function varcharEq(n: number, extra?: { check: (s: string) => boolean; code: 'A003' | 'A004' | 'A010' }): Format {
  return {
    label: `VARCHAR (=${n})`,
    expected: `une chaîne de ${n} caractères`,
    type: 'string',
    schema: extra
      ? v.pipe(
          STRING,
          v.length(n, 'E007'),
          v.check((s: string) => s.length !== n || extra.check(s), extra.code),
        )
      : v.pipe(STRING, v.length(n, 'E007')),
  };
}

/** `VARCHAR (<n)`: at most n characters (SQL VARCHAR(n): n itself is accepted). */
export function varcharMax(n: number): Format {
  return {
    label: `VARCHAR (<${n})`,
    expected: `une chaîne d'au plus ${n} caractères`,
    type: 'string',
    schema: v.pipe(STRING, v.maxLength(n, 'E008')),
  };
}

/** `VARCHAR (<n) en MAJUSCULES`: names. */
export function upperName(n: number): Format {
  return {
    label: `VARCHAR (<${n}) en MAJUSCULES`,
    expected: `une chaîne en majuscules d'au plus ${n} caractères`,
    type: 'string',
    schema: v.pipe(
      STRING,
      v.maxLength(n, 'E008'),
      v.check((s: string) => s === s.toUpperCase(), 'E014'),
    ),
    // ASCII only: a few lower-case letters have no upper case (ĸ), which the check accepts.
    json: { pattern: '^[^a-z]*$' },
  };
}

/**
 * An address as mail systems accept it: no space in the local part (apostrophes allowed:
 * `o'brien@…`, which Valibot's `email()` refuses), a dotted domain ending in letters;
 * internationalised domains (`clinique-éléa.fr`) are addresses too.
 */
const EMAIL = /^[^\s@"(),:;<>[\]\\]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/**
 * An e-mail tag: `VARCHAR (<n)` (the guides fix a length only: E008); a value that does not
 * look like an address is the warning A020, never escalated (spec README «Fidelity first»).
 */
export function email(n = 150): Format {
  return {
    label: `VARCHAR (<${n}), courriel`,
    expected: `une adresse électronique d'au plus ${n} caractères`,
    type: 'string',
    schema: v.pipe(STRING, v.maxLength(n, 'E008'), v.regex(EMAIL, 'A020')),
  };
}

/** Any string: `codeTraitement` and `libelleTraitement` of a previous output file. */
export const anyString: Format = { label: 'VARCHAR', expected: 'une chaîne', type: 'string', schema: STRING };

/** The JSON literal null (tags filled by the ASP). */
export const nullValue: Format = { label: 'null', expected: 'null', type: 'null', schema: v.null_('E005') };

export const boolean: Format = {
  label: 'Boolean',
  expected: 'un booléen true ou false (sans guillemets)',
  type: 'boolean',
  schema: v.boolean('E004'),
};

/** One of a list of strings (`« TTC » ou « HT »`). */
export function oneOf(values: readonly string[]): Format {
  const list = values.map((x) => `« ${x} »`);
  const text = list.length > 1 ? `${list.slice(0, -1).join(', ')} ou ${list.at(-1)}` : list[0]!;
  return {
    label: text,
    expected: text,
    type: 'string',
    schema: v.pipe(
      STRING,
      v.check((s: string) => values.includes(s), 'E009'),
    ),
    json: { enum: values },
  };
}

/** `JJ/MM/AAAA`, a real calendar date. */
export const date: Format = {
  label: 'VARCHAR (format « JJ/MM/AAAA »)',
  expected: 'une date JJ/MM/AAAA',
  type: 'string',
  hint: 'date',
  schema: v.pipe(STRING, v.check(isCalendarDate, 'E010')),
  // Days 01–31 and months 01–12: how many days each month has is the checker's business.
  json: { pattern: '^(?:0[1-9]|[12]\\d|3[01])/(?:0[1-9]|1[0-2])/\\d{4}$' },
};

/** `FLOAT (2)`: a JSON number written with exactly two decimals, greater than 0. */
export const amount: Format = {
  label: 'FLOAT (2 chiffres après le point)',
  expected: 'un montant en nombre avec deux décimales (ex. 1075.00)',
  type: 'number',
  schema: v.pipe(v.number('E004'), v.gtValue(0, 'E012')),
  raw: v.pipe(v.string(), v.regex(/^-?\d+\.\d\d$/, 'E011')),
  write: (value) => (value as number).toFixed(2),
  hint: 'amount',
};

/** `INTEGER (MAX n)`: a whole number written without point or exponent. */
export function integer(min: number, max: number): Format {
  return {
    label: `INTEGER (${min} à ${max})`,
    expected: `un nombre entier de ${min} à ${max}`,
    type: 'number',
    schema: v.pipe(v.number('E004'), v.minValue(min, 'E013'), v.maxValue(max, 'E013')),
    raw: v.pipe(v.string(), v.regex(/^-?\d+$/, 'E013')),
    json: { integer: true },
  };
}

/** Identifiers whose last digit is a Luhn key: a wrong key is a warning (the public simulator lets it through). */
export const siret = varcharEq(14, { check: isValidSiret, code: 'A010' });
export const rpps = varcharEq(11, { check: isValidRpps, code: 'A003' });
export const finess = varcharEq(9, { check: isValidFiness, code: 'A004' });

/**
 * `numeroASP` of a balance: any VARCHAR (=12) for the public simulator; the advance's file
 * number `FIN` + couloir + 6 digits (`FINBIO000006`) for the portal, hence a warning.
 */
export function aspNumber(couloir: string): Format {
  const pattern = new RegExp(`^FIN${couloir}\\d{6}$`);
  return {
    label: `VARCHAR (=12), FIN${couloir} + 6 chiffres`,
    expected: `une chaîne de 12 caractères, FIN${couloir} suivi de 6 chiffres (ex. FIN${couloir}000006)`,
    type: 'string',
    schema: v.pipe(
      STRING,
      v.length(12, 'E007'),
      v.check((s: string) => s.length !== 12 || pattern.test(s), 'A008'),
    ),
  };
}

/** `operateurMessagerie`: any VARCHAR (<50) for the public simulator; a code of the list for the portal. */
export const operator: Format = {
  label: 'VARCHAR (<50), code de la liste des opérateurs',
  expected: "une chaîne d'au plus 50 caractères (code de la liste des opérateurs)",
  type: 'string',
  schema: v.pipe(STRING, v.maxLength(50, 'E008'), v.check(isKnownOperator, 'A002')),
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isCalendarDate(s: string): boolean {
  // Read digit by digit (no regex match, no substrings): every date of every request comes here.
  if (s.length !== 10 || s.charCodeAt(2) !== 0x2f || s.charCodeAt(5) !== 0x2f) return false;
  const day = digits(s, 0, 2);
  const month = digits(s, 3, 5);
  const year = digits(s, 6, 10);
  // `digits` gives -1 for a non-digit: refused by the bounds below.
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** The number written by the ASCII digits `s[from..to)`, or -1 if one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** `JJ/MM/AAAA` → `AAAA-MM-JJ`, comparable as text. */
export function isoDate(s: string): string {
  return `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
}

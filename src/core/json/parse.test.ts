// Unit tests of the strict JSON reader: positions, raw number text, escapes, duplicate keys,
// one typical input per syntax fault, and the depth bound (no stack overflow on hostile nesting).

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseJson, MAX_DEPTH, type ParseResult, type SyntaxFault, type SyntaxReason } from './parse';
import { keySpan, plainValue, type JsonMember, type JsonNode } from './ast';
import { decodeSource, decodeUtf8 } from './decode';

function ok(text: string): Extract<ParseResult, { ok: true }> {
  const r = parseJson(text);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got ${JSON.stringify(r.fault)}`);
  return r;
}

function fault(text: string): SyntaxFault {
  const r = parseJson(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return r.fault;
}

/** A node as plain data: every field a reader sees, children included (containers read their rows). */
function plain(node: JsonNode): unknown {
  const { type, start, end, key } = node;
  if (node.type === 'object') return { type, start, end, key, members: node.members.map(plain) };
  if (node.type === 'array') return { type, start, end, key, items: node.items.map(plain) };
  return { type, start, end, key, value: node.value };
}

/** A parse result as plain data, to compare two results field by field (not the parser's tables). */
function plainResult(r: ParseResult): unknown {
  if (!r.ok) return r;
  return {
    root: plain(r.root),
    duplicates: r.duplicates.map((d) => ({ object: d.object.start, member: plain(d.member), first: plain(d.first) })),
    bytes: r.bytes,
    c1: r.c1,
    lineStarts: r.lineStarts,
  };
}

/** The value of a scalar node (undefined for an object or array). */
const scalar = (node: JsonNode) => ('value' in node ? node.value : undefined);

/** The raw lexeme of a node, as the writer and the number checks see it. */
const raw = (text: string, node: JsonNode) => text.slice(node.start, node.end);
const keyText = (text: string, member: JsonMember) => {
  const key = keySpan(text, member);
  return text.slice(key.start, key.end);
};

describe('values and their offsets', () => {
  test.each([
    ['null', 'null', null],
    ['true', 'boolean', true],
    ['false', 'boolean', false],
    ['0', 'number', 0],
    ['"abc"', 'string', 'abc'],
    ['""', 'string', ''],
  ] as const)('scalar root %s', (text, type, value) => {
    const { root, duplicates } = ok(text);
    expect(root).toMatchObject({ type, start: 0, end: text.length, value });
    expect(duplicates).toEqual([]);
  });

  test('surrounding whitespace is not part of the value', () => {
    const text = ' \t\r\n true \n';
    const { root } = ok(text);
    expect(root).toMatchObject({ type: 'boolean', start: 5, end: 9 });
  });

  test('every node of an object and array has exact start/end', () => {
    const text = '{ "a" : [1, "x", true, null, {}, []], "b": -2.5e3 }';
    const { root } = ok(text);
    expect(root.type).toBe('object');
    if (root.type !== 'object') return;
    expect([root.start, root.end]).toEqual([0, text.length]);
    const [a, b] = root.members;
    expect(a!.key).toBe('a');
    expect(keyText(text, a!)).toBe('"a"');
    const arr = a!;
    expect(arr.type).toBe('array');
    if (arr.type !== 'array') return;
    expect(raw(text, arr)).toBe('[1, "x", true, null, {}, []]');
    expect(arr.items.map((n) => n.type)).toEqual(['number', 'string', 'boolean', 'null', 'object', 'array']);
    expect(arr.items.map((n) => raw(text, n))).toEqual(['1', '"x"', 'true', 'null', '{}', '[]']);
    expect(b!.key).toBe('b');
    expect(keyText(text, b!)).toBe('"b"');
    expect(b!).toMatchObject({ type: 'number', value: -2500 });
    expect(raw(text, b!)).toBe('-2.5e3');
  });

  test('a member is its value node, with the key; items and the root have none', () => {
    const text = '{"a": [1, {"b": null}], "c": "x"}';
    const { root } = ok(text);
    if (root.type !== 'object') throw new Error('object expected');
    expect(root).toMatchObject({ key: undefined });
    const [a, c] = root.members;
    expect(a).toMatchObject({ type: 'array', key: 'a', start: 6 });
    expect(keySpan(text, a!)).toEqual({ start: 1, end: 4 });
    expect(c).toMatchObject({ type: 'string', value: 'x', key: 'c', start: 29 });
    expect(keySpan(text, c!)).toEqual({ start: 24, end: 27 });
    if (a!.type !== 'array') throw new Error('array expected');
    const [one, inner] = a!.items;
    expect(one).toMatchObject({ key: undefined });
    expect(inner).toMatchObject({ key: undefined });
    if (inner!.type !== 'object') throw new Error('object expected');
    expect(inner!.members[0]).toMatchObject({ type: 'null', key: 'b' });
    expect(keySpan(text, inner!.members[0]!)).toEqual({ start: 11, end: 14 });
  });

  test('keySpan finds the quoted key back from the value, whatever the escapes and the space around the colon', () => {
    // Backslashes before a quote: an odd run escapes it, an even one does not.
    const keys = ['a', '', 'a"b', 'a\\', '\\"', '\\\\', '"', 'x:y', 'é😀', ' ', '\\u0022'];
    const spaces = ['', ' ', '\n\t ', '\r\n'];
    for (const k of keys) {
      for (const before of spaces) {
        for (const after of spaces) {
          const lexeme = JSON.stringify(k);
          const text = `{"z":0,${lexeme}${before}:${after}"v"}`;
          const { root } = ok(text);
          if (root.type !== 'object') throw new Error('object expected');
          const m = root.members[1]!;
          expect(m.key).toBe(k);
          expect(keySpan(text, m)).toEqual({ start: 7, end: 7 + lexeme.length });
          // The same from the pieces of decodeSource (a piece ends after each line feed).
          const pieces = decodeSource(new TextEncoder().encode(text), 1);
          if (!pieces.ok) throw new Error('decodes');
          expect(keySpan(pieces.text, m)).toEqual({ start: 7, end: 7 + lexeme.length });
        }
      }
    }
  });

  test('keySpan throws on a node that is not a member of the text given (an array item)', () => {
    const text = '[1]';
    const { root } = ok(text);
    if (root.type !== 'array') throw new Error('array expected');
    expect(() => keySpan(text, root.items[0] as JsonMember)).toThrow(/no colon/);
  });

  test('nodes of one kind share one property order (one hidden class), member or not', () => {
    const { root } = ok('{"a": [1, "x", true, null, {}, []], "b": {"c": 2}, "d": []}');
    if (root.type !== 'object') throw new Error('object expected');
    const all: JsonNode[] = [];
    const collect = (n: JsonNode): void => {
      all.push(n);
      if (n.type === 'object') n.members.forEach(collect);
      if (n.type === 'array') n.items.forEach(collect);
    };
    collect(root);
    expect(all).toHaveLength(11);
    const shapes = new Map<string, Set<string>>();
    for (const n of all) {
      const kind = n.type === 'object' || n.type === 'array' ? n.type : 'value';
      shapes.set(kind, (shapes.get(kind) ?? new Set()).add(Object.keys(n).join()));
    }
    // Values of every type, members or items: one literal, its key last.
    expect([...shapes.get('value')!]).toEqual(['type,start,end,value,key']);
    expect(shapes.get('object')!.size).toBe(1);
    expect(shapes.get('array')!.size).toBe(1);
  });

  test('offsets are UTF-16 units (astral characters count as two)', () => {
    const text = '["😀é", 7]';
    const { root } = ok(text);
    if (root.type !== 'array') throw new Error('array expected');
    expect(root.items[0]).toMatchObject({ start: 1, end: 6, value: '😀é' });
    expect(root.items[1]).toMatchObject({ start: 8, end: 9, value: 7 });
  });

  test('a leading BOM is skipped; offsets still count it', () => {
    const text = '\uFEFF{"a":1}';
    const { root } = ok(text);
    expect(root).toMatchObject({ type: 'object', start: 1, end: text.length });
  });

  test('empty containers, nested', () => {
    const { root } = ok('[[],{},[{}]]');
    expect(plainValue(root)).toEqual([[], {}, [{}]]);
  });
});

describe('numbers keep their raw text', () => {
  test.each([
    ['1075.00', 1075],
    ['-0', -0],
    ['1E+2', 100],
    ['1e-2', 0.01],
    ['0.5', 0.5],
    ['-12.340E2', -1234],
    ['123456789012345678901234567890', 1.2345678901234568e29],
    ['1e400', Infinity],
  ])('%s', (lexeme, value) => {
    const text = `{"montant": ${lexeme}}`;
    const { root } = ok(text);
    if (root.type !== 'object') throw new Error('object expected');
    const node = root.members[0]!;
    expect(node.type).toBe('number');
    expect(raw(text, node)).toBe(lexeme);
    expect(Object.is(scalar(node), value)).toBe(true);
  });

  test('every decimal spelling gets the value Number() gives (the parser computes short ones itself)', () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const lexemeArb = fc
      .tuple(
        fc.boolean(),
        fc.oneof(
          fc.constant('0'),
          fc.tuple(fc.constantFrom(...'123456789'), digits(0, 17)).map(([a, b]) => a + b),
        ),
        fc.option(digits(1, 17)),
      )
      .map(([minus, int, frac]) => (minus ? '-' : '') + int + (frac === null ? '' : '.' + frac));
    fc.assert(
      fc.property(lexemeArb, (lexeme) => {
        const { root } = ok(`[${lexeme}]`);
        if (root.type !== 'array') throw new Error('array expected');
        expect(Object.is(scalar(root.items[0]!), Number(lexeme))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('string escapes', () => {
  test.each([
    ['"\\u00e9"', 'é'],
    ['"\\u00E9t\\u00e9"', 'été'],
    ['"\\ud83d\\ude00"', '😀'],
    ['"\\/"', '/'],
    ['"\\"\\\\\\b\\f\\n\\r\\t"', '"\\\b\f\n\r\t'],
    ['"a\\nb"', 'a\nb'],
    ['"\\u0000"', '\u0000'],
    ['"\\ud800"', '\ud800'], // a lone surrogate escape is kept as is (as JSON.parse does)
    ['"plain"', 'plain'],
    ['"é raw"', 'é raw'],
  ])('%s', (text, value) => {
    const { root } = ok(text);
    expect(root).toMatchObject({ type: 'string', value, start: 0, end: text.length });
    expect(scalar(root)).toBe(JSON.parse(text));
  });

  test('escaped keys are decoded', () => {
    const { root } = ok('{"caf\\u00e9": 1}');
    if (root.type !== 'object') throw new Error('object expected');
    expect(root.members[0]!.key).toBe('café');
  });
});

describe('duplicate keys', () => {
  test('small object: the later occurrence is reported', () => {
    const text = '{"a":1,"b":2,"a":3}';
    const { root, duplicates } = ok(text);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]!.object).toBe(root);
    expect(keySpan(text, duplicates[0]!.member).start).toBe(text.lastIndexOf('"a"'));
    expect(scalar(duplicates[0]!.member)).toBe(3);
  });

  test('keys equal after unescaping are duplicates', () => {
    const { duplicates } = ok('{"é":1,"\\u00e9":2}');
    expect(duplicates).toHaveLength(1);
  });

  test('a key present three times is reported twice', () => {
    const { duplicates } = ok('{"a":1,"a":2,"a":3}');
    expect(duplicates.map((d) => scalar(d.member))).toEqual([2, 3]);
  });

  test('objects of more than 8 members', () => {
    const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'k3', 'k10', 'k9', 'k3'];
    const text = '{' + keys.map((k, i) => `"${k}":${i}`).join(',') + '}';
    const { duplicates } = ok(text);
    expect(duplicates.map((d) => [d.member.key, scalar(d.member)])).toEqual([
      ['k3', 10],
      ['k9', 12],
      ['k3', 13],
    ]);
  });

  test('a duplicate only at member 9 of a large object', () => {
    const text = '{' + Array.from({ length: 9 }, (_, i) => `"k${i}":${i}`).join(',') + ',"k0":"again"}';
    const { duplicates } = ok(text);
    expect(duplicates).toHaveLength(1);
    expect(scalar(duplicates[0]!.member)).toBe('again');
  });

  test('no false positives: same key in different objects, or distinct keys', () => {
    expect(ok('{"a":{"a":1},"b":[{"a":2},{"a":3}]}').duplicates).toEqual([]);
    const big = '{' + Array.from({ length: 50 }, (_, i) => `"k${i}":${i}`).join(',') + '}';
    expect(ok(big).duplicates).toEqual([]);
  });

  test('nested duplicates are reported with their own object', () => {
    const text = '{"x":{"a":1,"a":2},"x":0}';
    const { root, duplicates } = ok(text);
    if (root.type !== 'object') throw new Error('object expected');
    expect(duplicates).toHaveLength(2);
    const inner = root.members[0]!;
    expect(duplicates.map((d) => d.object)).toContain(inner);
    expect(duplicates.map((d) => d.object)).toContain(root);
  });

  test('plainValue keeps the last value, as JSON.parse does', () => {
    const text = '{"a":1,"b":2,"a":3}';
    expect(plainValue(ok(text).root)).toEqual(JSON.parse(text));
  });

  test('plainValue makes "__proto__" an own property, as JSON.parse does', () => {
    const text = '{"__proto__": {"polluted": true}, "x": {"__proto__": 1}}';
    const value = plainValue(ok(text).root) as Record<string, unknown>;
    const expected = JSON.parse(text) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')!.value).toEqual({ polluted: true });
    expect(Object.keys(value)).toEqual(Object.keys(expected));
    expect(Object.hasOwn(value['x'] as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('syntax faults: one typical input per reason', () => {
  const cases: [string, string, SyntaxReason, number][] = [
    // [name, text, reason, offset]
    ['empty text', '', 'empty', 0],
    ['only whitespace', '  \n\t ', 'empty', 5],
    ['only a BOM', '\uFEFF', 'empty', 1],
    ['text cut after a comma', '[1,', 'unexpected-end', 3],
    ['object cut after a colon', '{"a":', 'unexpected-end', 5],
    ['open brace only', '{', 'unexpected-end', 1],
    ['array cut after a value', '[1', 'unexpected-end', 2],
    ['stray closing bracket', '[}', 'unexpected-char', 1],
    ['comma instead of value', '[1,,2]', 'unexpected-char', 3],
    ['unquoted key', '{a:1}', 'expected-key', 1],
    ['number as key', '{1:1}', 'expected-key', 1],
    ['missing colon', '{"a" 1}', 'expected-colon', 5],
    ['equals instead of colon', '{"a"=1}', 'expected-colon', 4],
    // A missing comma is placed at the end of the value it should follow.
    ['missing comma in array', '[1 2]', 'expected-comma-or-close', 2],
    ['missing comma in object', '{"a":1 "b":2}', 'expected-comma-or-close', 6],
    ['missing comma at the end of a line', '{\n  "a": "x"\n  "b": 2\n}', 'expected-comma-or-close', 12],
    ['semicolon separator', '{"a":1;"b":2}', 'expected-comma-or-close', 6],
    ['trailing comma in array', '[1,2,]', 'trailing-comma', 5],
    ['trailing comma in object', '{"a":1,}', 'trailing-comma', 7],
    ['trailing comma before newline', '{\n  "a": 1,\n}', 'trailing-comma', 12],
    ['single-quoted value', "['a']", 'single-quote', 1],
    ['single-quoted key', "{'a':1}", 'single-quote', 1],
    ['line comment after a value', '{"a":1 // note\n}', 'comment', 7],
    ['block comment before a key', '{/* x */"a":1}', 'comment', 1],
    ['comment as a value', '[/* x */]', 'comment', 1],
    ['comment at the top', '// x\n{}', 'comment', 0],
    ['comment between key and colon', '{"a" /* x */ : 1}', 'comment', 5],
    ['raw tab in a string', '"a\tb"', 'control-char-in-string', 2],
    ['newline in a string', '{"a": "line1\nline2"}', 'control-char-in-string', 12],
    ['unknown escape', '"\\x41"', 'bad-escape', 1],
    ['escaped single quote', '"\\\'"', 'bad-escape', 1],
    ['short unicode escape', '"\\u12"', 'bad-unicode-escape', 1],
    ['non-hex unicode escape', '"\\u00zz"', 'bad-unicode-escape', 1],
    ['leading zero', '[01]', 'bad-number', 1],
    ['negative leading zero', '[-01]', 'bad-number', 1],
    ['plus sign', '[+1]', 'bad-number', 1],
    ['leading point', '[.5]', 'bad-number', 1],
    ['trailing point', '[1.]', 'bad-number', 1],
    ['minus alone', '[-]', 'bad-number', 1],
    ['empty exponent', '[1e]', 'bad-number', 1],
    ['hex number', '[0x1F]', 'bad-number', 1],
    ['two points', '[1.2.3]', 'bad-number', 1],
    ['decimal comma in an object', '{"m": 1075,00}', 'decimal-comma', 6],
    ['decimal comma in an array', '[1075,00]', 'bad-number', 6],
    ['NaN', '[NaN]', 'unknown-literal', 1],
    ['Infinity', '[Infinity]', 'unknown-literal', 1],
    ['-Infinity', '[-Infinity]', 'bad-number', 1],
    ['capitalised literal', '[True]', 'unknown-literal', 1],
    ['undefined', '{"a": undefined}', 'unknown-literal', 6],
    ['literal with a suffix', '[truex]', 'unknown-literal', 1],
    ['truncated literal', '[nul]', 'unknown-literal', 1],
    ['trailing content', '{} x', 'trailing-content', 3],
    ['two documents', '{}\n{}', 'trailing-content', 3],
    ['extra closing brace', '{"a":1}}', 'trailing-content', 7],
  ];
  test.each(cases)('%s', (_name, text, reason, offset) => {
    const f = fault(text);
    expect(f.reason).toBe(reason);
    expect(f.offset).toBe(offset);
  });

  test('what was found is reported, printable', () => {
    expect(fault('[NaN]').found).toBe('NaN');
    expect(fault('[01]').found).toBe('01');
    expect(fault('[+1]').found).toBe('+1');
    expect(fault('{a:1}').found).toBe('a');
    expect(fault('[1 2]').found).toBe('2');
    expect(fault('"\\x41"').found).toBe('\\x');
    expect(fault('"a\tb"').found).toBe('U+0009');
    expect(fault('[1,').found).toBe('');
    expect(fault('[\u0000]').found).toBe('U+0000');
    expect(fault('[😀]').found).toBe('😀');
    expect(fault('[café]').found).toBe('café');
  });

  test('invisible characters (no-break space, BOM, zero-width space) are named, not glued to a word', () => {
    expect(fault('{"a":\u00A01}')).toMatchObject({ reason: 'unexpected-char', offset: 5, found: 'U+00A0' });
    expect(fault('[true\u00A0]')).toMatchObject({ reason: 'expected-comma-or-close', offset: 5, found: 'U+00A0' });
    expect(fault('[12\u200B]')).toMatchObject({ reason: 'expected-comma-or-close', offset: 3, found: 'U+200B' });
    expect(fault('{\u00A0"a":1}')).toMatchObject({ reason: 'expected-key', offset: 1, found: 'U+00A0' });
    expect(fault('[\uFEFF1]')).toMatchObject({ reason: 'unexpected-char', offset: 1, found: 'U+FEFF' });
    expect(fault('{} \u3000')).toMatchObject({ reason: 'trailing-content', found: 'U+3000' });
  });

  test('unterminated string: the fault is at the end, openedAt at the quote', () => {
    const text = '{"a": "never closed}';
    const f = fault(text);
    expect(f.reason).toBe('unexpected-end');
    expect(f.offset).toBe(text.length);
    expect(f.openedAt).toBe(6);
  });

  test('unterminated string ending in a backslash', () => {
    const text = '["abc\\';
    const f = fault(text);
    expect(f.reason).toBe('unexpected-end');
    expect(f.openedAt).toBe(1);
  });

  test('newline inside a string: openedAt at the quote', () => {
    const text = '{\n  "nom": "DURAND\n}';
    const f = fault(text);
    expect(f.reason).toBe('control-char-in-string');
    expect(f.offset).toBe(text.indexOf('\n', 5));
    expect(f.openedAt).toBe(text.indexOf('"DURAND'));
  });

  test('the bracket being closed is named', () => {
    expect(fault('[1 2]').close).toBe(']');
    expect(fault('{"a":1 "b":2}').close).toBe('}');
    expect(fault('[1,2,]').close).toBe(']');
    expect(fault('{"a":1,}').close).toBe('}');
    expect(fault('{"a":1').close).toBe('}');
  });
});

describe('depth bound', () => {
  test(`${MAX_DEPTH} nested arrays are accepted, ${MAX_DEPTH + 1} are too deep`, () => {
    expect(ok('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)).root.type).toBe('array');
    const f = fault('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1));
    expect(f.reason).toBe('too-deep');
    expect(f.offset).toBe(MAX_DEPTH);
  });

  test(`${MAX_DEPTH} nested objects are accepted, ${MAX_DEPTH + 1} are too deep`, () => {
    expect(ok('{"a":'.repeat(MAX_DEPTH - 1) + '{}' + '}'.repeat(MAX_DEPTH - 1)).root.type).toBe('object');
    const f = fault('{"a":'.repeat(MAX_DEPTH) + '{}' + '}'.repeat(MAX_DEPTH));
    expect(f.reason).toBe('too-deep');
    expect(f.offset).toBe(MAX_DEPTH * 5);
  });

  test.each([
    ['100 000 [', '['.repeat(100_000)],
    ['100 000 {"a":', '{"a":'.repeat(100_000)],
    ['100 000 [{"":', '[{"":'.repeat(100_000)],
    ['100 000 balanced []', '['.repeat(100_000) + ']'.repeat(100_000)],
  ])('%s: too-deep, no stack overflow, stops at the depth limit', (_name, text) => {
    const f = fault(text);
    expect(f.reason).toBe('too-deep');
    // "Quickly" without a clock (no test depends on the machine's speed): the parser stops
    // where the depth limit is passed, without reading the rest of the 100 000 levels.
    expect(f.offset).toBeLessThanOrEqual(MAX_DEPTH * 5);
  });
});

describe('agreement with JSON.parse on accepted texts', () => {
  test.each([
    '{"a":[1,2,{"b":null}],"c":"\\u00e9\\n","d":-0.0e-0,"e":true}',
    '[1e308, 1e-400, 0.1, 123.456e-7]',
    ' [ ] ',
    '"\\ud834\\udd1e"',
    '{"0":1,"b":2,"1":3}',
  ])('%s', (text) => {
    const value = plainValue(ok(text).root);
    expect(value).toStrictEqual(JSON.parse(text));
  });
});

// The parser scans UTF-8 bytes and slices values out of the text: every offset it gives is a
// UTF-16 offset, whatever non-ASCII characters (2, 3 or 4 bytes) come before it.
describe('bytes scanned, text offsets given', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  /** Every node of the tree, with its key when it is a member's value. */
  function* nodes(node: JsonNode): Generator<JsonNode> {
    yield node;
    if (node.type === 'object') for (const m of node.members) yield* nodes(m);
    if (node.type === 'array') for (const item of node.items) yield* nodes(item);
  }

  const keyArb = fc.oneof(
    fc.constantFrom('numeroEditeur', 'RPPS', 'a', 'montantSegurHT', 'nomMedecin'),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  const leafArb = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const { value: valueArb } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      leafArb,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(keyArb, tie('value'), { maxKeys: 4 }),
    ),
  }));
  const spaceArb = fc.constantFrom('', ' ', '\n  ', '\r\n\t');
  /** JSON text with random spacing, and some characters escaped as \\uXXXX. */
  const textArb = fc.tuple(valueArb, spaceArb, fc.boolean()).map(([value, space, ascii]) => {
    let text = JSON.stringify(value, null, space === '' ? undefined : space.replace(/\s+/g, ' ')) ?? 'null';
    if (ascii) text = text.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    return space === '' ? text : text.replaceAll('\n', space.startsWith('\r') ? '\r\n' : '\n');
  });

  test('values, offsets and byte offsets agree with JSON.parse and with the text, with or without the bytes and known keys', () => {
    fc.assert(
      fc.property(textArb, fc.boolean(), (text, bom) => {
        const input = bom ? '\uFEFF' + text : text;
        const parsed = parseJson(input, { bytes: encode(input), knownKeys: ['numeroEditeur', 'RPPS', 'a', 'montantSegurHT'] });
        if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.fault)}`);
        expect(plainValue(parsed.root)).toStrictEqual(JSON.parse(text));
        expect(plainResult(parseJson(input))).toStrictEqual(plainResult(parsed));
        const byteLength = (offset: number) => encode(input.slice(0, offset)).length;
        for (const node of nodes(parsed.root)) {
          expect(JSON.parse(input.slice(node.start, node.end))).toStrictEqual(plainValue(node));
          expect([parsed.bytes.of(node.start), parsed.bytes.of(node.end)]).toEqual([byteLength(node.start), byteLength(node.end)]);
          if (node.type === 'object')
            for (const m of node.members) {
              const key = keySpan(input, m);
              expect(JSON.parse(input.slice(key.start, key.end))).toBe(m.key);
            }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('read in pieces (decodeSource, pieces of any size): the very result of the whole string, faults included', () => {
    // A fault somewhere, or none: a stray character, a raw line feed in a string, a cut end.
    const breakArb = fc.option(fc.tuple(fc.nat(), fc.constantFrom('x', ',', '\n', '"', '\\', '\u0000', '}', 'é')));
    fc.assert(
      fc.property(textArb, fc.boolean(), breakArb, fc.integer({ min: 1, max: 16 }), (text, bom, broken, chunkBytes) => {
        let input = bom ? '\uFEFF' + text : text;
        if (broken) {
          const at = broken[0] % (input.length + 1);
          input = input.slice(0, at) + broken[1] + input.slice(at);
        }
        const bytes = encode(input);
        // The whole text decoded (a cut surrogate pair was encoded as U+FFFD).
        const whole = decodeUtf8(bytes);
        const decoded = decodeSource(bytes, chunkBytes);
        if (!whole.ok) {
          expect(decoded).toEqual(whole); // a NUL first reads as UTF-16
          return;
        }
        if (!decoded.ok) throw new Error(`refused in pieces: ${JSON.stringify(decoded.fault)}`);
        const keys = ['numeroEditeur', 'RPPS', 'a', 'montantSegurHT'];
        expect(plainResult(parseJson(decoded.text, { bytes, knownKeys: keys }))).toStrictEqual(
          plainResult(parseJson(whole.text, { bytes, knownKeys: keys })),
        );
      }),
      { numRuns: 400 },
    );
  });

  test('c1 says whether a key or a string holds a C1 control character, as such or escaped', () => {
    // Characters around the C1 range (U+0080–U+009F) in both spellings, and escaped backslashes before a `u00…`.
    const unit = fc.constantFrom('a', '\u007f', '\u0080', '\u0092', '\u009f', '\u00a0', 'é', '€', '😀', '\\', 'u0085');
    const stringArb = fc.string({ unit, maxLength: 6 });
    const valueArb = fc.oneof(stringArb, fc.array(stringArb, { maxLength: 3 }), fc.dictionary(stringArb, stringArb, { maxKeys: 3 }));
    fc.assert(
      fc.property(valueArb, fc.boolean(), (value, escaped) => {
        let text = JSON.stringify(value);
        if (escaped) text = text.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        const parsed = parseJson(text, { bytes: encode(text) });
        if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.fault)}`);
        const strings = [...nodes(parsed.root)].flatMap((n) =>
          n.type === 'string' ? [n.value] : n.type === 'object' ? n.members.map((m) => m.key) : [],
        );
        expect(parsed.c1).toBe(strings.some((s) => /[\u0080-\u009f]/.test(s)));
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ['after 2-byte characters', '{"é": [1, x]}', 10],
    ['after 3-byte characters', '{"€€": [1, x]}', 11],
    ['after a 4-byte character (2 units)', '{"😀": [1, x]}', 11],
    ['after a BOM and mixed characters', '\uFEFF["é€😀", tru]', 10],
  ])('a fault %s is placed in characters', (_name, text, offset) => {
    const f = fault(text);
    expect(f.offset).toBe(offset);
    expect(text.slice(f.offset, f.offset + 1)).toMatch(/[xt]/);
  });

  test('faults inside a string after non-ASCII characters: control character, bad escape, unterminated', () => {
    expect(fault('["é😀\u0001"]')).toMatchObject({ reason: 'control-char-in-string', offset: 5, openedAt: 1 });
    expect(fault('["é€\\q"]')).toMatchObject({ reason: 'bad-escape', offset: 4, found: '\\q' });
    expect(fault('["ok", "é€😀 jamais fermée')).toMatchObject({ reason: 'unexpected-end', openedAt: 7 });
    expect(fault('["é", "\\u00é9"]')).toMatchObject({ reason: 'bad-unicode-escape', offset: 7 });
  });

  test('a key spelt like a known key is that key; escaped spellings and near misses are read as written', () => {
    const known = ['numeroEditeur', 'numeroEditeux', 'RPPS'];
    const text = '{"numeroEditeur":1,"num\\u0065roEditeur":2,"numeroEditeurs":3,"numeroEditeux":4,"nuMeroEditeur":5,"RPPS":6}';
    const parsed = parseJson(text, { knownKeys: known });
    if (!parsed.ok || parsed.root.type !== 'object') throw new Error('object expected');
    const keys = parsed.root.members.map((m) => m.key);
    expect(keys).toEqual(['numeroEditeur', 'numeroEditeur', 'numeroEditeurs', 'numeroEditeux', 'nuMeroEditeur', 'RPPS']);
    expect(parsed.duplicates.map((d) => d.member)).toMatchObject([{ value: 2 }]);
  });
});

describe('decimal comma', () => {
  test('an unquoted 1075,00 in an object is reported at the number, with its fix', () => {
    const text = '{"m": 1075,00, "n": 1}';
    const f = fault(text);
    expect(f).toMatchObject({ reason: 'decimal-comma', offset: 6, found: '1075,00', fix: { start: 6, end: 13, text: '1075.00' } });
    const fixed = text.slice(0, f.fix!.start) + f.fix!.text + text.slice(f.fix!.end);
    expect(parseJson(fixed).ok).toBe(true);
  });

  test('a comma after a decimal number, or before a key, is no decimal comma', () => {
    expect(fault('{"m": 10.5,00}').reason).toBe('expected-key');
    expect(fault('{"m": 10, 00}').reason).toBe('expected-key');
  });
});

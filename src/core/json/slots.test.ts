// The parse's values as rows (./slots.ts): values read after their container's array was let go,
// rows across blocks, arrays of containers kept for good, duplicate keys spelt two ways.

import { describe, expect, test } from 'vitest';
import { parseJson, type ParseResult } from './parse';
import { memberOf, plainValue, type JsonNode, type JsonObject } from './ast';
import { RECENT } from './slots';

function ok(text: string, knownKeys: string[] = []): Extract<ParseResult, { ok: true }> {
  const r = parseJson(text, { knownKeys });
  if (!r.ok) throw new Error(`expected to parse: ${JSON.stringify(r.fault)}`);
  return r;
}

/** `count` objects of three values each, then one more object: more containers than RECENT keeps. */
function manyObjects(count: number): string {
  const items = Array.from({ length: count }, (_, i) => JSON.stringify({ n: i, s: `v${i}\n`, b: i % 2 === 0 }));
  return `[${items.join(',')}]`;
}

describe('values are read from rows', () => {
  test('a container let go (past RECENT others) gives the same values again, as new nodes', () => {
    const count = RECENT + 10;
    const text = manyObjects(count);
    const { root } = ok(text);
    if (root.type !== 'array') throw new Error('array expected');
    const items = root.items as JsonObject[];
    const firstRead = items[0]!.members;
    // Reading every other object's members lets the first one's array go…
    for (const item of items) expect(item.members).toHaveLength(3);
    const again = items[0]!.members;
    expect(again).not.toBe(firstRead);
    expect(again[0]).not.toBe(firstRead[0]);
    // …but nothing a reader sees changes.
    expect(again).toEqual(firstRead);
    expect(plainValue(root)).toStrictEqual(JSON.parse(text));
    // A container read lately keeps its array: the same nodes.
    const last = items[count - 1]!;
    expect(last.members).toBe(last.members);
  });

  test('an array of containers only is kept for good (its nodes are the containers themselves)', () => {
    const { root } = ok(manyObjects(RECENT + 10));
    if (root.type !== 'array') throw new Error('array expected');
    const items = root.items;
    for (const item of items) if (item.type === 'object') void item.members;
    expect(root.items).toBe(items);
  });

  test('rows across many blocks: a flat array of 200 000 values of every kind', () => {
    const values = Array.from({ length: 200_000 }, (_, i) =>
      i % 5 === 0 ? i : i % 5 === 1 ? `s${i}` : i % 5 === 2 ? i % 3 === 0 : i % 5 === 3 ? null : -i / 8,
    );
    const text = JSON.stringify(values);
    const { root } = ok(text);
    expect(plainValue(root)).toStrictEqual(values);
    if (root.type !== 'array') throw new Error('array expected');
    const at = root.items[199_999]!;
    expect(text.slice(at.start, at.end)).toBe(JSON.stringify(values[199_999]));
    // The stack of rows grew past what it keeps between parses: the next parse is still right.
    expect(plainValue(ok('[1, [2, {"a": [3]}], "x"]').root)).toStrictEqual([1, [2, { a: [3] }], 'x']);
  });

  test('escaped strings, numbers and keys come back as written', () => {
    const text =
      '{"a\\u0062": "x\\"y\\\\z\\u00e9", "n": -12.5e3, "m": 12345678901234567890, "t": true, "f": false, "z": null, "k": "plain"}';
    const { root } = ok(text, ['n', 'k']);
    expect(plainValue(root)).toStrictEqual(JSON.parse(text));
    if (root.type !== 'object') throw new Error('object expected');
    expect(root.members.map((m) => m.key)).toEqual(['ab', 'n', 'm', 't', 'f', 'z', 'k']);
  });

  test('a key escaped and the same key plain, known or not, are one key twice (E003)', () => {
    const known = ok('{"a": 1, "\\u0061": 2, "b": 3, "b": 4}', ['a']);
    expect(known.duplicates.map((d) => [d.member.key, d.member.start, d.first.start])).toEqual([
      ['a', 19, 6],
      ['b', 35, 27],
    ]);
  });

  test('a key that differs from a known one in its last bytes, or is longer or shorter, is itself', () => {
    const keysOf = (text: string) => (ok(text, ['abcdefg', 'abcd', 'x']).root as JsonObject).members.map((m) => m.key);
    expect(keysOf('{"abcdefh":1,"abcdefg":2,"abcdefgh":3,"abcd":4,"abce":5,"abc":6,"x":7,"y":8}')).toEqual([
      'abcdefh',
      'abcdefg',
      'abcdefgh',
      'abcd',
      'abce',
      'abc',
      'x',
      'y',
    ]);
    expect(keysOf('{"x":1,"abcdefg":2,"abcdeFg":3,"Abcdefg":4,"abcdéfg":5}')).toEqual(['x', 'abcdefg', 'abcdeFg', 'Abcdefg', 'abcdéfg']);
    // A known key at the very end of a cut file: a fault, not a read past the end.
    for (const cut of ['{"abcd"', '{"abcd', '{"abcdefg'])
      expect(parseJson(cut, { knownKeys: ['abcdefg', 'abcd'] })).toMatchObject({ ok: false });
  });

  test('known keys repeated, an escaped spelling first, and siblings that share keys (E003)', () => {
    const at = (text: string, keys: string[]) => ok(text, keys).duplicates.map((d) => [d.member.key, d.member.start, d.first.start]);
    expect(at('{"a":1,"b":2,"a":3,"a":4}', ['a', 'b'])).toEqual([
      ['a', 17, 5],
      ['a', 23, 5],
    ]);
    expect(at('{"\\u0061":1,"a":2,"a":3}', ['a'])).toEqual([
      ['a', 16, 10],
      ['a', 22, 10],
    ]);
    // Each object is searched on its own: a key of the one before is no repeat.
    expect(at('[{"a":1,"b":1},{"a":2,"b":2},{"b":3,"a":3}]', ['a', 'b'])).toEqual([]);
  });

  test('memberOf in an object of more than 16 members, after its array was let go', () => {
    const big = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, `v${i}`]));
    const text = `[${JSON.stringify(big)}, ${manyObjects(RECENT + 10).slice(1, -1)}]`;
    const { root } = ok(text);
    if (root.type !== 'array') throw new Error('array expected');
    const object = root.items[0] as JsonObject;
    const before = memberOf(object, 'k33');
    for (const item of root.items) if (item.type === 'object') void item.members;
    const after = memberOf(object, 'k33') as JsonNode & { value: unknown };
    expect(after).not.toBe(before);
    expect([after.key, after.value]).toEqual(['k33', 'v33']);
    expect(memberOf(object, 'k40')).toBeUndefined();
  });
});

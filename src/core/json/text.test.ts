// Unit tests of ChunkedText: read as the concatenation of its pieces, whatever the pieces and
// whatever the order of the reads (its cursor must never give a stale piece).

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ChunkedText } from './text';

/** `text` cut at `cuts` (sorted offsets, repeats allowed: empty pieces). */
function piecesOf(text: string, cuts: readonly number[]): string[] {
  const at = [...cuts].map((c) => c % (text.length + 1)).sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}

describe('ChunkedText reads as the string it holds', () => {
  test('a small example: slices within one piece, across pieces, out of range, reversed, negative', () => {
    const t = new ChunkedText(['{"a"', ': 1,\n', '', ' "é": "😀"}']);
    const s = '{"a": 1,\n "é": "😀"}';
    expect(t.length).toBe(s.length);
    expect(t.chunks).toHaveLength(4);
    for (const [a, b] of [
      [0, 4],
      [2, 7],
      [3, 12],
      [9, 100],
      [5, 2],
      [-3, undefined],
      [-100, -2],
      [s.length, s.length + 3],
    ] as const) {
      expect([a, b, t.slice(a, b)]).toEqual([a, b, s.slice(a, b)]);
    }
    expect(t.charCodeAt(-1)).toBeNaN();
    expect(t.charCodeAt(s.length)).toBeNaN();
    expect(t.charCodeAt(17)).toBe(s.charCodeAt(17));
    expect(t.toString()).toBe(s);
    expect(new ChunkedText([]).toString()).toBe('');
  });

  test('span across pieces, after a read in the first one: joined as slice joins it', () => {
    const t = new ChunkedText(['abc', 'def', 'gh']);
    expect(t.charCodeAt(0)).toBe(0x61);
    expect(t.span(1, 4)).toBe('bcd');
    expect(t.span(2, 8)).toBe('cdefgh');
    expect(t.span(3, 5)).toBe('de');
    expect(t.span(0, 1)).toBe('a');
  });

  test('any text, any pieces, reads in any order: the same answers as the string', () => {
    const read = fc.oneof(
      fc.record({
        kind: fc.constant('slice' as const),
        a: fc.integer({ min: -5, max: 80 }),
        b: fc.option(fc.integer({ min: -5, max: 80 })),
      }),
      fc.record({ kind: fc.constant('char' as const), a: fc.integer({ min: -2, max: 80 }) }),
      fc.record({ kind: fc.constant('span' as const), a: fc.nat({ max: 60 }), n: fc.integer({ min: 1, max: 60 }) }),
      fc.constant({ kind: 'join' as const }),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(read, { maxLength: 30 }),
        (s, cuts, reads) => {
          const t = new ChunkedText(piecesOf(s, cuts));
          expect(t.length).toBe(s.length);
          for (const r of reads) {
            if (r.kind === 'slice') expect(t.slice(r.a, r.b ?? undefined)).toBe(s.slice(r.a, r.b ?? undefined));
            else if (r.kind === 'char') expect(t.charCodeAt(r.a)).toBe(s.charCodeAt(r.a));
            // span: in-range offsets only, from < to (a string value's inside, from the parser).
            else if (r.kind === 'span') {
              if (r.a + r.n <= s.length) expect(t.span(r.a, r.a + r.n)).toBe(s.slice(r.a, r.a + r.n));
            } else expect(t.toString()).toBe(s);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

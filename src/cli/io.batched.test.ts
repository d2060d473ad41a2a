import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { batched } from './io';

const concat = (parts: Iterable<Uint8Array>) => Buffer.concat([...parts].map((p) => Buffer.from(p)));

describe('batched', () => {
  test('small parts are grouped into batches of at least the batch size; a large part passes as it is', () => {
    const small = (n: number, byte: number) => new Uint8Array(n).fill(byte);
    const large = new Uint8Array(100).fill(9);
    const out = [...batched([small(3, 1), small(4, 2), small(2, 3), large, small(1, 4)], 8)];
    expect(out.map((b) => b.length)).toEqual([9, 100, 1]);
    expect(out[1]).toBe(large);
  });

  test('any parts: the batches, in order, are the parts concatenated; none is empty', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (parts, size) => {
        const out = [...batched(parts, size)];
        expect(concat(out).equals(concat(parts))).toBe(true);
        for (const batch of out) expect(batch.length).toBeGreaterThan(0);
        // Few writes: no two batches in a row are both shorter than `size`.
        for (let i = 1; i < out.length; i++) expect(out[i - 1]!.length >= size || out[i]!.length >= size).toBe(true);
      }),
    );
  });
});

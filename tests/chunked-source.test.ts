// The check reads a file decoded in pieces (decodeSource, ChunkedText: issue 12), never joined.
// Whatever the pieces, the result must be the one of the whole text. A file whose lines end
// with a lone CR holds no line feed, so it is decoded as one piece, and LineIndex counts its
// lines as it counts LF lines: the same file with LF and with CR must give the same result,
// the output's line ends aside.

import { describe, expect, test } from 'vitest';
import { simulateFile, outputBytes } from '../src/simulator';
import { CHUNK_BYTES, decodeSource } from '../src/core/json/decode';
import { allRejectedFile, BENCH_OPTIONS, benchFile, manyFindingsFile } from './bench/generate';

const utf8 = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The same bytes, every LF made a CR. */
function withCr(bytes: Uint8Array): Uint8Array {
  return bytes.map((b) => (b === 0x0a ? 0x0d : b));
}

/** Each request of the valid file lacking codeTraitement and libelleTraitement: the output inserts them. */
function withoutTreatmentTags(): Uint8Array {
  const t = text(benchFile('sans codeTraitement').bytes)
    .replace(/,\n\s*"codeTraitement": null/g, '')
    .replace(/,\n\s*"libelleTraitement": null/g, '')
    .replace(/\n\s*"codeTraitement": null,/g, '')
    .replace(/\n\s*"libelleTraitement": null,/g, '');
  if (t.includes('"codeTraitement"') || t.includes('"libelleTraitement"')) throw new Error('the generator changed');
  return utf8.encode(t);
}

/** `text` with `pattern` replaced; throws when nothing matched (the generator changed). */
function edited(bytes: Uint8Array, pattern: RegExp, replacement: string | ((...groups: string[]) => string)): Uint8Array {
  const before = text(bytes);
  const after = before.replace(pattern, replacement as (...groups: string[]) => string);
  if (after === before) throw new Error(`nothing matched ${pattern}`);
  return utf8.encode(after);
}

/** A label, the file, and what its result must be (so that the comparison is of a real case). */
const files: [string, () => Uint8Array, string][] = [
  ['200 valid requests', () => benchFile('valid').bytes, 'accepted'],
  ['200 rejected requests', () => allRejectedFile('rejected').bytes, 'rejected'],
  ['200 × 14 findings', () => manyFindingsFile('many').bytes, 'rejected'],
  ['no codeTraitement nor libelleTraitement: inserted', withoutTreatmentTags, 'accepted'],
  [
    'a BOM, and a trailing comma near the end (G010)',
    () => edited(utf8.encode('\uFEFF' + text(benchFile('bom').bytes)), /\]\s*\}\s*$/, '],\n}\n'),
    'invalid',
  ],
  [
    'a number with an exponent, and escapes in strings',
    () =>
      edited(
        edited(benchFile('esc').bytes, /"numLigne": 7,/, '"numLigne": 7e0,'),
        /"(\w+)": "([A-Z])/g,
        (_m, tag, c) => `"${tag}": "\\u00${c!.charCodeAt(0).toString(16)}`,
      ),
    'rejected',
  ],
];

describe('a file read in pieces gives the result of the whole text', () => {
  test.each(files)('%s', (_label, make, status) => {
    const bytes = make();
    const pieces = decodeSource(bytes);
    const one = decodeSource(withCr(bytes));
    // The comparison means something only if the LF file is in pieces and the CR file is not.
    expect(bytes.length).toBeGreaterThan(4 * CHUNK_BYTES);
    expect(pieces.ok && pieces.text.chunks.length).toBeGreaterThan(4);
    expect(one.ok && one.text.chunks.length).toBe(1);

    const lf = simulateFile(bytes, BENCH_OPTIONS);
    const cr = simulateFile(withCr(bytes), BENCH_OPTIONS);
    const { output: lfOutput, ...lfRest } = lf;
    const { output: crOutput, ...crRest } = cr;
    expect(lf.status).toBe(status);
    expect(lfRest).toEqual(crRest);
    expect(lfOutput === undefined).toBe(crOutput === undefined);
    if (lfOutput && crOutput) expect(outputBytes(lfOutput)).toEqual(outputBytes(crOutput).map((b) => (b === 0x0d ? 0x0a : b)));
  });
});

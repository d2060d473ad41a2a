// Unit tests of bytes → text: strict UTF-8, BOM tolerated, UTF-16/32 refused, and the first
// invalid byte located at the line and column an editor would show.

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  CHUNK_BYTES,
  PIECES_UP_TO,
  decodeSource,
  decodeUtf8,
  MAX_INPUT_BYTES,
  type DecodeResult,
  type EncodingFault,
  type SourceResult,
} from './decode';
import { LineIndex } from './position';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Bytes from strings (UTF-8 encoded) and numbers (raw bytes). */
function bytes(...parts: (string | number | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'string') out.push(...utf8(p));
    else if (typeof p === 'number') out.push(p);
    else out.push(...p);
  }
  return new Uint8Array(out);
}

function faultOf(r: DecodeResult | SourceResult): EncodingFault {
  if (r.ok) throw new Error('expected the bytes to be refused');
  return r.fault;
}

/** UTF-16 code units of `s`, little- or big-endian, optionally after a BOM. */
function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + s;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

function utf32(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const cps = [...((bom ? '\uFEFF' : '') + s)].map((c) => c.codePointAt(0)!);
  const out = new Uint8Array(cps.length * 4);
  const view = new DataView(out.buffer);
  cps.forEach((cp, i) => view.setUint32(4 * i, cp, endian === 'le'));
  return out;
}

describe('valid UTF-8', () => {
  test('plain ASCII and multi-byte characters', () => {
    const text = '{"nom": "LEFÈVRE €😀"}';
    expect(decodeUtf8(utf8(text))).toEqual({ ok: true, text, bom: false });
  });

  test('empty input decodes to empty text', () => {
    expect(decodeUtf8(new Uint8Array())).toEqual({ ok: true, text: '', bom: false });
  });

  test('a UTF-8 BOM is accepted and kept in the text', () => {
    const r = decodeUtf8(bytes([0xef, 0xbb, 0xbf], '{"a":1}'));
    expect(r).toEqual({ ok: true, text: '\uFEFF{"a":1}', bom: true });
  });

  test('a BOM alone', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf]))).toEqual({ ok: true, text: '\uFEFF', bom: true });
  });

  test('NUL bytes inside are valid UTF-8 (the parser refuses them later)', () => {
    const r = decodeUtf8(bytes('{"a"', 0, ':1}'));
    expect(r.ok).toBe(true);
  });
});

describe('UTF-16 and UTF-32 are refused', () => {
  const sample = '{\n  "a": 1\n}';
  test.each([
    ['UTF-16 LE with BOM', utf16(sample, 'le', true), 'utf16', '0xFF 0xFE'],
    ['UTF-16 BE with BOM', utf16(sample, 'be', true), 'utf16', '0xFE 0xFF'],
    ['UTF-16 LE without BOM', utf16(sample, 'le', false), 'utf16', '0x7B 0x00'],
    ['UTF-16 BE without BOM', utf16(sample, 'be', false), 'utf16', '0x00 0x7B'],
    ['UTF-16 LE without BOM, leading space', utf16(' ' + sample, 'le', false), 'utf16', '0x20 0x00'],
    ['UTF-16 LE with BOM, "é" first', utf16('["é"]', 'le', true), 'utf16', '0xFF 0xFE'],
    ['UTF-32 LE with BOM', utf32(sample, 'le', true), 'utf32', '0xFF 0xFE 0x00 0x00'],
    ['UTF-32 BE with BOM', utf32(sample, 'be', true), 'utf32', '0x00 0x00 0xFE 0xFF'],
    ['UTF-32 LE without BOM', utf32(sample, 'le', false), 'utf32', '0x7B 0x00 0x00 0x00'],
    ['UTF-32 BE without BOM', utf32(sample, 'be', false), 'utf32', '0x00 0x00 0x00 0x7B'],
  ] as const)('%s', (_name, input, reason, found) => {
    expect(faultOf(decodeUtf8(input))).toEqual({ reason, byteOffset: 0, line: 1, column: 1, found });
  });

  test('a one-byte file is not mistaken for UTF-16', () => {
    expect(decodeUtf8(bytes('1'))).toEqual({ ok: true, text: '1', bom: false });
  });
});

describe('invalid UTF-8 is located', () => {
  const cases: [string, Uint8Array, number, number, number, boolean][] = [
    // [name, bytes, byteOffset, line, column, looksLatin1]
    ['Latin-1 "é" (0xE9)', bytes('{"nom": "Ren', 0xe9, '"}'), 12, 1, 13, true],
    ['Latin-1 "È" on line 3', bytes('{\n  "a": 1,\n  "nom": "LEF', 0xc8, 'VRE"\n}'), 25, 3, 14, true],
    ['Latin-1 "é" at the very end', bytes('"caf', 0xe9), 4, 1, 5, true],
    ['two Latin-1 letters in a row ("éà")', bytes('"', 0xe9, 0xe0, '"'), 1, 1, 2, true],
    ['Windows-1252 apostrophe (0x92)', bytes('{"a": "l', 0x92, 'adresse"}'), 8, 1, 9, true],
    ['Windows-1252 euro sign (0x80)', bytes('["12 ', 0x80, '"]'), 5, 1, 6, true],
    ['lone continuation byte after a valid "é"', bytes('{\n"a": "é', 0xa9, 0xa9, '"}'), 10, 2, 8, false],
    ['lone continuation byte 0x81 (unused in Windows-1252)', bytes('["x', 0x81, '"]'), 3, 1, 4, false],
    ['overlong "/" (0xC0 0xAF)', bytes('["', 0xc0, 0xaf, '"]'), 2, 1, 3, false],
    ['overlong 3-byte NUL (0xE0 0x80 0x80)', bytes('[\n"', 0xe0, 0x80, 0x80, '"]'), 3, 2, 2, false],
    ['surrogate U+D800 encoded (0xED 0xA0 0x80)', bytes('["ab', 0xed, 0xa0, 0x80, '"]'), 4, 1, 5, false],
    ['code point above U+10FFFF (0xF4 0x90 0x80 0x80)', bytes('["', 0xf4, 0x90, 0x80, 0x80, '"]'), 2, 1, 3, false],
    ['truncated 3-byte sequence before a quote', bytes('["', 0xe2, 0x82, '"]'), 2, 1, 3, false],
    ['truncated 4-byte sequence at the end', bytes('["😀', 0xf0, 0x9f, 0x98), 6, 1, 5, false],
    ['column counts UTF-16 units of the valid prefix', bytes('["😀é€x', 0xe9, '"]'), 12, 1, 8, true],
    ['BOM not counted as a column', bytes([0xef, 0xbb, 0xbf], '{"a":"', 0xe9, '"}'), 9, 1, 7, true],
    ['CRLF line endings', bytes('{\r\n"a":"', 0xe9, '"}'), 8, 2, 6, true],
    ['lone CR line endings', bytes('{\r"a":1,\r"b":"', 0xe9, '"}'), 14, 3, 6, true],
    ['CR LF CR: three lines', bytes('[\r\n\r', 0xe9, ']'), 4, 3, 1, true],
  ];
  test.each(cases)('%s', (_name, input, byteOffset, line, column, looksLatin1) => {
    const f = faultOf(decodeUtf8(input));
    expect(f).toMatchObject({ reason: 'invalid-utf8', byteOffset, line, column });
    expect(f.found.startsWith('0x' + input[byteOffset]!.toString(16).toUpperCase().padStart(2, '0'))).toBe(true);
    expect(f.looksLatin1 ?? false).toBe(looksLatin1);
  });

  test('found shows only the bytes really invalid, not the text after them', () => {
    // A Windows-1252 "é" before ASCII: that one byte.
    expect(faultOf(decodeUtf8(bytes('"', 0xe9, 'tait"'))).found).toBe('0xE9');
    expect(faultOf(decodeUtf8(bytes('"', 0xe9))).found).toBe('0xE9');
    // A truncated 3-byte sequence: its two bytes, not the quote after them.
    expect(faultOf(decodeUtf8(bytes('"', 0xe2, 0x82, '"'))).found).toBe('0xE2 0x82');
    // A Windows-1252 "’" (0x92): a lone continuation byte.
    expect(faultOf(decodeUtf8(bytes('"l', 0x92, 'an"'))).found).toBe('0x92');
  });

  // The line and column of an encoding fault must be the ones the rest of the app gives:
  // LineIndex over the valid prefix (LF, CRLF and lone CR end lines; a BOM is no column).
  test('line/column agree with LineIndex for any valid prefix', () => {
    const chunk = fc.constantFrom('a', ' ', '\n', '\r\n', '\r', 'é', '€', '😀', '{"k": [1, 2]}', '\t');
    const bad = fc.constantFrom([0xe9], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff], [0xf8, 0x88]);
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(chunk, { maxLength: 30 }),
        bad,
        fc.array(chunk, { maxLength: 5 }),
        (bom, before, badBytes, after) => {
          const prefix = (bom ? '\uFEFF' : '') + before.join('');
          const input = bytes(prefix, badBytes, after.join(''));
          const f = faultOf(decodeUtf8(input));
          const expected = new LineIndex(prefix).position(prefix.length);
          expect({ line: f.line, column: f.column, byteOffset: f.byteOffset }).toEqual({ ...expected, byteOffset: utf8(prefix).length });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('size limit', () => {
  test('more than MAX_INPUT_BYTES is refused before any decoding', () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1);
    // Byte offset 0: refused on its size, before reading a byte (no clock: speed is not tested).
    expect(faultOf(decodeUtf8(big))).toEqual({
      reason: 'too-large',
      byteOffset: 0,
      line: 1,
      column: 1,
      found: String(MAX_INPUT_BYTES + 1),
    });
  });
});

describe('decodeSource: the same text, in pieces that end at line feeds', () => {
  const piece = fc.constantFrom('a', ' ', '\n', '\r\n', '\r', 'é', '€', '😀', '{"k": [1, 2]}', '\t', '\uFEFF', '\u0085');
  const bad = fc.constantFrom([0xe9], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff]);

  test('any bytes, any piece size: decodeUtf8’s text or its very fault; pieces end just after a line feed', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(piece, { maxLength: 40 }),
        fc.option(fc.tuple(bad, fc.array(piece, { maxLength: 5 }))),
        fc.integer({ min: 1, max: 24 }),
        (bom, before, broken, chunkBytes) => {
          const input = broken
            ? bytes((bom ? '\uFEFF' : '') + before.join(''), broken[0], broken[1].join(''))
            : bytes((bom ? '\uFEFF' : '') + before.join(''));
          const whole = decodeUtf8(input);
          const pieces = decodeSource(input, chunkBytes);
          if (!whole.ok) {
            expect(pieces).toEqual(whole);
            return;
          }
          if (!pieces.ok) throw new Error(`refused in pieces: ${JSON.stringify(pieces.fault)}`);
          expect(pieces.text.toString()).toBe(whole.text);
          expect(pieces.bom).toBe(whole.bom);
          const chunks = pieces.text.chunks;
          // Each piece but the last ends with a line feed; a piece over the size has no line feed before it.
          for (const c of chunks.slice(0, -1)) expect(c.endsWith('\n')).toBe(true);
          for (const c of chunks) {
            const encoded = utf8(c);
            if (encoded.length > chunkBytes) expect(encoded.subarray(0, chunkBytes).includes(0x0a)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a text without line feed is one piece; with short lines, pieces of at most CHUNK_BYTES bytes', () => {
    const r = decodeSource(utf8('{"a": "' + 'x'.repeat(100_000) + '"}'));
    expect(r.ok && r.text.chunks.length).toBe(1);
    const lines = decodeSource(utf8('{"a": "€"}\n'.repeat(20_000)));
    if (!lines.ok) throw new Error('refused');
    expect(lines.text.chunks.length).toBeGreaterThan(4);
    expect(Math.max(...lines.text.chunks.map((c) => utf8(c).length))).toBeLessThanOrEqual(CHUNK_BYTES);
    // Over the limit for pieces: one piece, the same text.
    const small = utf8('[1,\n2,\n3,\n4]\n');
    const over = decodeSource(small, 4, small.length - 1);
    const under = decodeSource(small, 4, small.length);
    expect([over.ok && over.text.chunks.length, under.ok && under.text.chunks.length]).toEqual([1, 4]);
    expect(over.ok && over.text.toString()).toBe('[1,\n2,\n3,\n4]\n');
    expect(PIECES_UP_TO).toBeGreaterThanOrEqual(512 * 1024); // a real file of 200 requests is read in pieces
    expect(faultOf(decodeSource(new Uint8Array(MAX_INPUT_BYTES + 1))).reason).toBe('too-large');
    expect(faultOf(decodeSource(utf16('{}', 'le', true))).reason).toBe('utf16');
  });
});

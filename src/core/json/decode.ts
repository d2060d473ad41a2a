// Bytes → text, strictly: the portal wants UTF-8 (a leading byte-order mark is tolerated).
// TextDecoder says *that* bytes are invalid, not *where*: on failure a small scan finds
// the first bad sequence so the message can give its line and column.

import { ChunkedText } from './text';

/** Larger inputs are refused before any work: a real file of 200 requests is well under 5 MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type EncodingReason = 'too-large' | 'utf16' | 'utf32' | 'invalid-utf8';

export interface EncodingFault {
  readonly reason: EncodingReason;
  /** Byte offset of the fault in the input. */
  readonly byteOffset: number;
  readonly line: number;
  readonly column: number;
  /** The offending bytes in hex (`0xE9`), or the size for `too-large`. */
  readonly found: string;
  /** True when the bytes look like Latin-1 / Windows-1252 text (é as a single 0xE9 byte). */
  readonly looksLatin1?: boolean;
}

export type DecodeResult =
  { readonly ok: true; readonly text: string; readonly bom: boolean } | { readonly ok: false; readonly fault: EncodingFault };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes → one string, strictly UTF-8 (a leading BOM is kept as U+FEFF, character 0). Refuses
 * inputs over `MAX_INPUT_BYTES`, UTF-16 and UTF-32 (by their BOM or their zeros), and invalid
 * UTF-8 with the line and column of its first bad sequence. Never throws.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  // decodeSource's checks and faults, its text in one piece (no input is that small).
  const decoded = decodeSource(bytes, CHUNK_BYTES, -1);
  return decoded.ok ? { ok: true, text: decoded.text.chunks[0]!, bom: decoded.bom } : decoded;
}

export type SourceResult =
  { readonly ok: true; readonly text: ChunkedText; readonly bom: boolean } | { readonly ok: false; readonly fault: EncodingFault };

/**
 * The size of a piece, in bytes: once decoded, at most twice as many bytes, under V8's 128 KiB
 * for an object allocated with the small ones (see ChunkedText). Small pieces decode faster:
 * Node 20's TextDecoder took 0.15 ms for the 313 kB bench file in pieces of 2 KiB, 0.31 ms in
 * pieces of 32 KiB and 0.46 ms in one (issue 12; the whole check, 4 % less than with 32 KiB).
 */
export const CHUNK_BYTES = 2 * 1024;

/**
 * Inputs larger than this are decoded as one piece. Pieces are young objects: the check of a
 * large file runs long enough for the collector to copy them, with the tree, out of the young
 * generation, which cost more than the large object's pages. `npm run bench`, this machine
 * (issue 12): the 3 MB file took 34 ms in one piece, 90 ms in pieces; the 300 kB file about 1 ms
 * less in pieces (2.5 ms instead of 3.5). A real file of 200 requests is about 300 kB.
 */
export const PIECES_UP_TO = 1024 * 1024;

/**
 * As `decodeUtf8` (which is this, in one piece), but the text is decoded in pieces of about
 * `chunkBytes` bytes, each ending just after a line feed (0x0A): a line feed is ASCII, so no
 * UTF-8 sequence is cut, and it never stands inside a JSON token (a raw one in a string is a
 * fault), so no token the parser slices spans two pieces. A text with no line feed for longer
 * than `chunkBytes` (a file on one line) has longer pieces. The pieces joined are exactly
 * `decodeUtf8`'s text. Inputs over `piecesUpTo` bytes are one piece (a negative one: always).
 * `chunkBytes` (≥ 1) is for tests. Issue 12: see ChunkedText.
 */
export function decodeSource(bytes: Uint8Array, chunkBytes = CHUNK_BYTES, piecesUpTo = PIECES_UP_TO): SourceResult {
  const refused = refusal(bytes);
  if (refused) return { ok: false, fault: refused };
  const chunks: string[] = [];
  const n = bytes.length;
  try {
    let from = 0;
    do {
      let to = n;
      if (n <= piecesUpTo && n - from > chunkBytes) {
        const lf = bytes.lastIndexOf(0x0a, from + chunkBytes - 1);
        const next = lf >= from ? lf : bytes.indexOf(0x0a, from + chunkBytes);
        if (next >= 0) to = next + 1;
      }
      chunks.push(decoder.decode(bytes.subarray(from, to)));
      from = to;
    } while (from < n);
  } catch {
    return { ok: false, fault: locateInvalidUtf8(bytes) };
  }
  const text = new ChunkedText(chunks);
  return { ok: true, text, bom: text.charCodeAt(0) === 0xfeff };
}

/** Why `bytes` are refused before being decoded (too large, UTF-16, UTF-32), if they are. */
function refusal(bytes: Uint8Array): EncodingFault | undefined {
  if (bytes.length > MAX_INPUT_BYTES) {
    return { reason: 'too-large', byteOffset: 0, line: 1, column: 1, found: String(bytes.length) };
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  // A JSON text starts with ASCII, so a zero among its first bytes means UTF-16 or UTF-32:
  // BOMs FF FE (LE), FE FF (BE), FF FE 00 00 (UTF-32 LE), 00 00 FE FF (UTF-32 BE), or
  // no BOM and `{` as 7B 00 (UTF-16 LE), 00 7B (UTF-16 BE), 7B 00 00 00, 00 00 00 7B (UTF-32).
  if (bytes.length >= 2 && (b0 === 0 || b1 === 0 || (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))) {
    const b2 = bytes[2];
    const b3 = bytes[3];
    const utf32 =
      bytes.length >= 4 &&
      ((b2 === 0 && b3 === 0 && (b1 === 0 ? b0 !== 0 : b0 === 0xff && b1 === 0xfe)) || // 7B 00 00 00, FF FE 00 00
        (b0 === 0 && b1 === 0 && (b2 === 0 || (b2 === 0xfe && b3 === 0xff)))); // 00 00 00 7B, 00 00 FE FF
    if (utf32 || (b0 !== b1 && looksUtf16(bytes))) {
      return { reason: utf32 ? 'utf32' : 'utf16', byteOffset: 0, line: 1, column: 1, found: hex(bytes, 0, utf32 ? 4 : 2) };
    }
  }
  return undefined;
}

/**
 * UTF-16: a byte-order mark, or the zeros of ASCII text in every other byte of the first (up to)
 * 16 bytes — high bytes first (BE) or second (LE). A NUL byte before a UTF-8 JSON text (`00 7B 0A`)
 * has no such pattern: it is decoded as UTF-8 and the parser names the NUL (issue 15).
 */
function looksUtf16(bytes: Uint8Array): boolean {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return true;
  const n = Math.min(bytes.length, 16) & ~1;
  const high = b0 === 0 ? 0 : 1; // where the zero of each code unit stands
  for (let i = 0; i < n; i += 2) if (bytes[i + high] !== 0 || bytes[i + 1 - high] === 0) return false;
  return n >= 2;
}

/** Finds the first invalid UTF-8 sequence (only called once TextDecoder has refused the bytes). */
function locateInvalidUtf8(bytes: Uint8Array): EncodingFault {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(bytes, i);
    if (len === 0) break;
    i += len;
  }
  const at = Math.min(i, n);
  // Lines end at LF, CRLF or a lone CR, as in position.ts.
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < at; k++) {
    const c = bytes[k];
    if (c === 0x0a || (c === 0x0d && bytes[k + 1] !== 0x0a)) {
      line++;
      lineStart = k + 1;
    }
  }
  const prefix = decoder.decode(bytes.subarray(lineStart, at));
  const column = (line === 1 && prefix.charCodeAt(0) === 0xfeff ? prefix.length - 1 : prefix.length) + 1;
  const b = bytes[at] ?? 0;
  const next = bytes[at + 1];
  // A byte Windows-1252 / Latin-1 uses ("é" = 0xE9, "’" = 0x92, "€" = 0x80) that does not start
  // a broken UTF-8 sequence (the next byte is no continuation byte) is how such text looks.
  const looksLatin1 = b >= 0x80 && !CP1252_UNUSED.has(b) && (next === undefined || next < 0x80 || next >= 0xc0);
  return { reason: 'invalid-utf8', byteOffset: at, line, column, found: hex(bytes, at, invalidLength(bytes, at)), looksLatin1 };
}

/**
 * How many bytes the invalid sequence at `i` spans: its lead byte and the continuation bytes
 * that follow it, up to what the lead byte announces (a lone Windows-1252 `é` is one byte,
 * not the ASCII that follows it).
 */
function invalidLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const wanted = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  let k = 1;
  while (k <= wanted && i + k < bytes.length && bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf) k++;
  return k;
}

/** The five bytes Windows-1252 leaves undefined. */
const CP1252_UNUSED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid (RFC 3629 table). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const c1 = bytes[i + 1];
  const cont = (x: number | undefined) => x !== undefined && x >= 0x80 && x <= 0xbf;
  if (b >= 0xc2 && b <= 0xdf) return cont(c1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (c1 === undefined) return 0;
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    if (c1 < lo || c1 > hi) return 0;
    return cont(bytes[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (c1 === undefined) return 0;
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    if (c1 < lo || c1 > hi) return 0;
    return cont(bytes[i + 2]) && cont(bytes[i + 3]) ? 4 : 0;
  }
  return 0;
}

function hex(bytes: Uint8Array, from: number, count: number): string {
  const parts: string[] = [];
  for (let k = from; k < from + count && k < bytes.length; k++) {
    parts.push('0x' + bytes[k]!.toString(16).toUpperCase().padStart(2, '0'));
  }
  return parts.join(' ');
}

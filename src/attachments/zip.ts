// Reading a zip without reading it whole (APPNOTE.TXT 6.3.10): the end of central directory
// record (and its zip64 locator and record), then the central directory in one slice, then, per
// entry, its local header and only the first bytes of its data — inflated with fflate's
// streaming Inflate as far as needed and no further. A 200 MB zip costs one 64 KiB read, one
// read of the directory and one small read per entry; nothing is ever decompressed whole.
//
// Pure: no Node API, no DOM. `BlobLike` is what a browser File/Blob and Node's
// `fs.openAsBlob(path)` both offer. Every fault of the archive is a `ZipError` with a reason
// (the French texts are in src/messages/fr.ts); an I/O failure of the blob propagates as is.

import { Inflate } from 'fflate';
import type { ZipReason } from '../messages/fr';
import { sniff } from './magic';

export interface BlobLike {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * - `not-zip`: no end of central directory and no local header at the start (`detail`: what the
 *   first bytes show, a `ContentKind` of magic.ts);
 * - `corrupt`: truncated or damaged (`reason`);
 * - `bomb`: the archive or the entry would expand beyond sane bounds (`reason`);
 * - `encrypted`, `method`: the entry cannot be read (`detail`: the method number for `method`).
 */
export type ZipErrorKind = 'not-zip' | 'corrupt' | 'bomb' | 'encrypted' | 'method';

export class ZipError extends Error {
  constructor(
    readonly kind: ZipErrorKind,
    readonly reason?: ZipReason,
    readonly detail?: string,
  ) {
    super(`zip: ${kind}${reason ? ` (${reason})` : ''}${detail ? ` ${detail}` : ''}`);
  }
}

export interface ZipEntry {
  /** Position in the central directory. */
  readonly index: number;
  /** The name, decoded: UTF-8 when flagged or valid, else CP437 (`utf8` false). */
  readonly name: string;
  readonly utf8: boolean;
  /** The name's bytes as stored in the central directory (compared with the local header's). */
  readonly rawName: Uint8Array;
  /** A folder entry (`name/`): no content. */
  readonly directory: boolean;
  /** General purpose bit flags. */
  readonly flags: number;
  /** 0 stored, 8 deflate; anything else is not read. */
  readonly method: number;
  /** Traditional, strong or AES encryption. */
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** Uncompressed size, as declared. */
  readonly size: number;
  readonly crc32: number;
  /** Where the local header starts in the blob (corrected for bytes prepended to the archive). */
  readonly localOffset: number;
  /** No entry's data may pass this offset: the start of the central directory. */
  readonly boundary: number;
  /** The sizes or the offset came from a zip64 extra field. */
  readonly zip64: boolean;
}

export interface ZipDirectory {
  /** Every record of the central directory, read by its size and offset (not by the declared count). */
  readonly entries: ZipEntry[];
  /**
   * The entry count the end record declares (the zip64 one when present). Without zip64 it is a
   * 16-bit field: 65 538 entries wrap to 2. When it differs from `entries.length` the archive
   * lies about its content (issue 15), which the check reports.
   */
  readonly declaredCount: number;
  /** The archive has zip64 end records. */
  readonly zip64: boolean;
  /** Where the central directory starts in the blob. */
  readonly centralStart: number;
  readonly centralSize: number;
  /** Bytes before the archive proper (a self-extractor stub), added to every local offset. */
  readonly prefix: number;
}

/** More entries than this is not a set of attachments (a file holds at most 200 requests). */
export const MAX_ENTRIES = 20_000;
/** A central directory larger than this is refused unread (20 000 entries with long names fit). */
export const MAX_CENTRAL_BYTES = 8 * 1024 * 1024;
/** Compressed bytes read, at most, to reach the first bytes of an entry. */
export const MAX_HEAD_COMPRESSED = 64 * 1024;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIZE = 56;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;

async function read(blob: BlobLike, start: number, end: number): Promise<Uint8Array> {
  const s = Math.max(0, Math.min(start, blob.size));
  const e = Math.max(s, Math.min(end, blob.size));
  if (e === s) return new Uint8Array(0);
  return new Uint8Array(await blob.slice(s, e).arrayBuffer());
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
/** A 64-bit little-endian value as a number (exact up to 2^53; beyond, large enough to fail every bound). */
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;

/** The first bytes of a file that is no zip, and the start of a zip without its end. */
const LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (b: Uint8Array, magic: readonly number[]) => magic.every((m, i) => b[i] === m);

/**
 * Reads the central directory: names, sizes, methods, flags and local offsets of every entry.
 * Throws a `ZipError` for a file that is not a zip, a truncated or corrupt archive, or one
 * whose directory is too large to be a set of attachments.
 */
export async function readZipDirectory(blob: BlobLike): Promise<ZipDirectory> {
  const size = blob.size;
  const tailStart = Math.max(0, size - (EOCD_SIZE + 0xffff + LOCATOR_SIZE));
  const tail = await read(blob, tailStart, size);

  // The end record: the last signature whose comment reaches exactly the end of the file;
  // failing that, the last whose comment fits (some tools append bytes after the archive).
  let at = -1;
  let loose = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail[i] !== 0x50 || u32(tail, i) !== EOCD) continue;
    const end = i + EOCD_SIZE + u16(tail, i + 20);
    if (end === tail.length) {
      at = i;
      break;
    }
    if (loose < 0 && end <= tail.length) loose = i;
  }
  if (at < 0) at = loose;
  if (at < 0) {
    const head = tailStart === 0 ? tail : await read(blob, 0, 64);
    if (startsWith(head, LOCAL_MAGIC)) throw new ZipError('corrupt', 'truncated');
    throw new ZipError('not-zip', undefined, sniff(head));
  }

  const eocdAt = tailStart + at;
  let disk = u16(tail, at + 4);
  let centralDisk = u16(tail, at + 6);
  let diskEntries: number = u16(tail, at + 8);
  let count: number = u16(tail, at + 10);
  let centralSize: number = u32(tail, at + 12);
  let centralOffset: number = u32(tail, at + 16);
  let end = eocdAt; // where the central directory must end
  let zip64 = false;

  const locatorAt = at - LOCATOR_SIZE;
  if (locatorAt >= 0 && u32(tail, locatorAt) === ZIP64_LOCATOR) {
    zip64 = true;
    if (u32(tail, locatorAt + 16) > 1) throw new ZipError('corrupt', 'multi-disk');
    const recordAt = u64(tail, locatorAt + 8);
    if (recordAt + ZIP64_EOCD_SIZE > eocdAt - LOCATOR_SIZE) throw new ZipError('corrupt', 'zip64-record');
    const record =
      recordAt >= tailStart
        ? tail.subarray(recordAt - tailStart, recordAt - tailStart + ZIP64_EOCD_SIZE)
        : await read(blob, recordAt, recordAt + ZIP64_EOCD_SIZE);
    if (record.length < ZIP64_EOCD_SIZE || u32(record, 0) !== ZIP64_EOCD) throw new ZipError('corrupt', 'zip64-record');
    disk = u32(record, 16);
    centralDisk = u32(record, 20);
    diskEntries = u64(record, 24);
    count = u64(record, 32);
    centralSize = u64(record, 40);
    centralOffset = u64(record, 48);
    end = recordAt;
  } else if (centralSize === 0xffffffff || centralOffset === 0xffffffff) {
    // The classic record says "see zip64" but there is no zip64 locator. (A count of 0xFFFF
    // alone may be a real 65 535: the directory's size decides.)
    throw new ZipError('corrupt', 'zip64-record');
  }

  if (disk !== 0 || centralDisk !== 0 || diskEntries !== count) throw new ZipError('corrupt', 'multi-disk');
  if (count > MAX_ENTRIES) throw new ZipError('bomb', 'too-many-entries', String(count));
  if (centralSize > MAX_CENTRAL_BYTES) throw new ZipError('bomb', 'cd-too-large', String(centralSize));
  if (count * CENTRAL_SIZE > centralSize) throw new ZipError('corrupt', 'entry-count');
  if (centralSize > end || centralOffset + centralSize > end) throw new ZipError('corrupt', 'cd-out-of-bounds');
  if (centralSize === 0) {
    if (count !== 0) throw new ZipError('corrupt', 'entry-count');
    return { entries: [], declaredCount: 0, zip64, centralStart: end, centralSize, prefix: 0 };
  }

  // Bytes prepended to the archive (a self-extractor) shift every offset: the directory is
  // found where it ends, just before the end record.
  let prefix = 0;
  let central = await read(blob, centralOffset, centralOffset + centralSize);
  if (central.length < CENTRAL_SIZE || u32(central, 0) !== CENTRAL) {
    const shifted = end - centralSize - centralOffset;
    if (shifted <= 0) throw new ZipError('corrupt', 'cd-signature');
    central = await read(blob, centralOffset + shifted, end);
    if (central.length < CENTRAL_SIZE || u32(central, 0) !== CENTRAL) throw new ZipError('corrupt', 'cd-signature');
    prefix = shifted;
  }
  const centralStart = centralOffset + prefix;
  return { entries: parseCentral(central, prefix, centralStart), declaredCount: count, zip64, centralStart, centralSize, prefix };
}

/** The digital signature record (APPNOTE 4.3.13) that may close a central directory. */
const DIGITAL_SIGNATURE = 0x05054b50;

/**
 * Every record of the central directory `central` (its whole declared size): the entries are
 * counted here, not taken from the end record. More than `MAX_ENTRIES` is a bomb.
 */
function parseCentral(central: Uint8Array, prefix: number, boundary: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let index = 0; p < central.length; index++) {
    if (p + 4 <= central.length && u32(central, p) === DIGITAL_SIGNATURE) break;
    if (index >= MAX_ENTRIES) throw new ZipError('bomb', 'too-many-entries', `${MAX_ENTRIES + 1}+`);
    if (p + CENTRAL_SIZE > central.length) throw new ZipError('corrupt', 'cd-entry');
    if (u32(central, p) !== CENTRAL) throw new ZipError('corrupt', 'cd-signature');
    const flags = u16(central, p + 8);
    const method = u16(central, p + 10);
    const crc32 = u32(central, p + 16);
    let compressedSize = u32(central, p + 20);
    let size = u32(central, p + 24);
    const nameLength = u16(central, p + 28);
    const extraLength = u16(central, p + 30);
    const commentLength = u16(central, p + 32);
    let localOffset = u32(central, p + 42);
    const next = p + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > central.length) throw new ZipError('corrupt', 'cd-entry');
    const rawName = central.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength);
    const extra = central.subarray(p + CENTRAL_SIZE + nameLength, p + CENTRAL_SIZE + nameLength + extraLength);

    // zip64 extra field (0x0001): the 64-bit values, in this order, of the fields set to 0xFFFFFFFF.
    const needs64 = size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff;
    let zip64 = false;
    let unicodePath: string | undefined;
    for (let q = 0; q + 4 <= extra.length;) {
      const id = u16(extra, q);
      const len = u16(extra, q + 2);
      const body = extra.subarray(q + 4, q + 4 + len);
      if (id === 0x0001 && needs64) {
        let r = 0;
        const take = () => {
          if (r + 8 > body.length) throw new ZipError('corrupt', 'zip64-extra');
          const v = u64(body, r);
          r += 8;
          return v;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
        zip64 = true;
      } else if (id === 0x7075 && body.length > 5 && body[0] === 1 && u32(body, 1) === crc32Of(rawName)) {
        // Info-ZIP Unicode Path: the UTF-8 name written beside a legacy-encoded one.
        unicodePath = decodeUtf8(body.subarray(5));
      }
      q += 4 + len;
    }
    if (needs64 && !zip64) throw new ZipError('corrupt', 'zip64-extra');

    let name: string;
    let utf8 = true;
    if (unicodePath !== undefined) name = unicodePath;
    else {
      const decoded = decodeUtf8(rawName);
      // Bit 11 says UTF-8; without it, valid UTF-8 is still taken as such (macOS, 7-Zip, most tools).
      if (decoded !== undefined) name = decoded;
      else {
        name = decodeCp437(rawName);
        utf8 = false;
      }
    }

    entries.push({
      index,
      name,
      utf8,
      rawName,
      directory: name.endsWith('/') || (name.endsWith('\\') && size === 0),
      flags,
      method,
      // Bit 0: encrypted; bit 6: strong encryption; method 99: WinZip AES.
      encrypted: (flags & 0x41) !== 0 || method === 99,
      compressedSize,
      size,
      crc32,
      localOffset: localOffset + prefix,
      boundary,
      zip64,
    });
    p = next;
  }
  return entries;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of UTF-8 bytes, or undefined when they are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** IBM PC code page 437, bytes 0x80–0xFF: the zip format's default encoding for names. */
export const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

export function decodeCp437(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80]!;
  return out;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309), for the Unicode Path extra field's check of the legacy name. */
export function crc32Of(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Compressed bytes pushed into the inflater at a time: a deflate stream expands at most ~1032:1. */
const PUSH = 256;
/** An entry's first bytes inflating this much (64 KiB at over 500:1) mark a bomb (deflate's maximum is 1032:1). */
const HEAD_RATIO_OUTPUT = 64 * 1024;
const HEAD_RATIO = 500;

/**
 * The first `n` bytes of an entry's content (fewer if the entry is smaller): one read of its
 * local header and first data bytes; for a deflated entry, more compressed bytes only while the
 * inflater has not produced `n` bytes, at most `MAX_HEAD_COMPRESSED` of them. Throws a
 * `ZipError` for an encrypted entry, an unsupported method, a damaged entry, or data that
 * inflates beyond the size the directory declares (a lying bomb).
 */
export async function readEntryHead(blob: BlobLike, entry: ZipEntry, n: number): Promise<Uint8Array> {
  if (entry.encrypted) throw new ZipError('encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError('method', undefined, String(entry.method));
  const want = Math.max(0, Math.min(n, entry.size));
  const stored = entry.method === 0;
  if (stored && entry.compressedSize !== entry.size) throw new ZipError('corrupt', 'stored-size');

  // One read: the local header (its name, and 128 bytes for its extra field: they usually
  // hold a few timestamps) and the first data bytes.
  const firstData = stored ? want : Math.min(entry.compressedSize, 1024);
  const guess = LOCAL_SIZE + entry.rawName.length + 128 + firstData;
  const start = entry.localOffset;
  if (start + LOCAL_SIZE > entry.boundary) throw new ZipError('corrupt', 'data-out-of-bounds');
  const buf = await read(blob, start, Math.min(entry.boundary, start + guess));
  if (buf.length < LOCAL_SIZE || u32(buf, 0) !== LOCAL) throw new ZipError('corrupt', 'local-header');
  const nameLength = u16(buf, 26);
  const extraLength = u16(buf, 28);
  if (nameLength !== entry.rawName.length) throw new ZipError('corrupt', 'local-name');
  if (LOCAL_SIZE + nameLength <= buf.length) {
    const localName = buf.subarray(LOCAL_SIZE, LOCAL_SIZE + nameLength);
    for (let i = 0; i < nameLength; i++) if (localName[i] !== entry.rawName[i]) throw new ZipError('corrupt', 'local-name');
  }
  const dataStart = start + LOCAL_SIZE + nameLength + extraLength;
  if (dataStart + entry.compressedSize > entry.boundary) throw new ZipError('corrupt', 'data-out-of-bounds');
  if (want === 0) return new Uint8Array(0);

  /** Compressed bytes [from, to) of the entry's data, from the buffer when it holds them. */
  const bytes = async (from: number, to: number): Promise<Uint8Array> => {
    const bufFrom = dataStart - start + from;
    if (bufFrom + (to - from) <= buf.length) return buf.subarray(bufFrom, bufFrom + (to - from));
    return read(blob, dataStart + from, dataStart + to);
  };

  if (stored) {
    const head = await bytes(0, want);
    if (head.length < want) throw new ZipError('corrupt', 'data-out-of-bounds');
    return head.slice();
  }

  // Deflate. Incompressible content (PDF, PNG, JPEG often are) is written as "stored" deflate
  // blocks, which the streaming inflater only copies once a whole block (up to 64 KiB) is in:
  // a first stored block is read directly — its bytes follow a 5-byte header.
  const first = await bytes(0, Math.min(entry.compressedSize, firstData));
  if (first.length >= 5 && (first[0]! & 0b110) === 0) {
    const len = u16(first, 1);
    if ((len ^ u16(first, 3)) !== 0xffff) throw new ZipError('corrupt', 'inflate');
    if (len > entry.size) throw new ZipError('bomb', 'lying-size');
    if (len >= want) {
      const head = want <= first.length - 5 ? first.subarray(5, 5 + want) : await bytes(5, 5 + want);
      if (head.length < want) throw new ZipError('corrupt', 'data-out-of-bounds');
      return head.slice();
    }
  }

  // Otherwise feed the inflater a few hundred bytes at a time, stop as soon as `want` bytes are out.
  const head = new Uint8Array(want);
  let got = 0;
  let produced = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (got < want) {
      const take = Math.min(chunk.length, want - got);
      head.set(chunk.subarray(0, take), got);
      got += take;
    }
    if (final) ended = true;
  });
  let fed = 0;
  let chunk = 4096;
  // The first read already holds the first bytes; later reads double up to 32 KiB.
  let pending = first;
  while (got < want) {
    if (pending.length === 0) {
      if (fed >= entry.compressedSize) throw new ZipError('corrupt', 'short-content');
      if (fed >= MAX_HEAD_COMPRESSED) throw new ZipError('corrupt', 'head-unreadable');
      const to = Math.min(entry.compressedSize, fed + chunk);
      pending = await bytes(fed, to);
      chunk = Math.min(chunk * 2, 32 * 1024);
      if (pending.length < to - fed) throw new ZipError('corrupt', 'data-out-of-bounds');
    }
    const piece = pending.subarray(0, PUSH);
    pending = pending.subarray(piece.length);
    fed += piece.length;
    try {
      inflater.push(piece, fed >= entry.compressedSize);
    } catch {
      throw new ZipError('corrupt', 'inflate');
    }
    if (produced > entry.size) throw new ZipError('bomb', 'lying-size');
    // Sane content does not come out of its first compressed bytes at deflate's maximum rate:
    // a run of identical bytes this long is a bomb, whatever size the directory declares.
    if (produced >= HEAD_RATIO_OUTPUT && produced > HEAD_RATIO * fed) throw new ZipError('bomb', 'head-ratio');
    if (ended && got < want) throw new ZipError('corrupt', 'short-content');
  }
  return head;
}

/** Compressed bytes read at a time by `verifyEntry`. */
const VERIFY_CHUNK = 64 * 1024;

/** CRC-32 (ISO 3309) of `bytes`, continued from `crc` (the value so far; 0 to start). */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  crc32Of(new Uint8Array(0)); // builds the table once
  const table = crcTable!;
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * «Vérification complète» of one entry: its whole data read in chunks of `VERIFY_CHUNK`
 * compressed bytes and inflated as a stream (nothing kept: only a count and a CRC), then its size
 * and CRC compared with what the central directory declares. Inflating stops as soon as the
 * output passes the declared size (a lying bomb: at most the declared size plus one chunk's
 * worth is ever produced). Throws a `ZipError`: `bomb`/`lying-size`, `corrupt`/`size-mismatch`,
 * `corrupt`/`crc`, or the faults of `readEntryHead` (encrypted, method, damaged header). Checks
 * `signal` between chunks.
 */
export async function verifyEntry(blob: BlobLike, entry: ZipEntry, signal?: AbortSignal): Promise<void> {
  await readEntryHead(blob, entry, 0); // the local header's checks (encryption, method, name, bounds)
  const header = await read(blob, entry.localOffset, entry.localOffset + LOCAL_SIZE);
  const dataStart = entry.localOffset + LOCAL_SIZE + u16(header, 26) + u16(header, 28);
  const stored = entry.method === 0;
  let produced = 0;
  let crc = 0;
  let ended = false;
  let lying = false;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > entry.size) {
      lying = true;
      return;
    }
    crc = crc32Update(crc, chunk);
  };
  const inflater = stored
    ? undefined
    : new Inflate((chunk, final) => {
        if (!lying) take(chunk);
        if (final) ended = true;
      });
  for (let fed = 0; fed < entry.compressedSize;) {
    signal?.throwIfAborted();
    const to = Math.min(entry.compressedSize, fed + VERIFY_CHUNK);
    const piece = await read(blob, dataStart + fed, dataStart + to);
    if (piece.length < to - fed) throw new ZipError('corrupt', 'data-out-of-bounds');
    fed = to;
    if (inflater) {
      // Pushed in slices, so that a bomb is stopped after little output (deflate expands ~1032:1).
      for (let at = 0; at < piece.length && !lying; at += PUSH * 16) {
        const slice = piece.subarray(at, Math.min(piece.length, at + PUSH * 16));
        try {
          inflater.push(slice, fed >= entry.compressedSize && at + slice.length >= piece.length);
        } catch {
          throw new ZipError('corrupt', 'inflate');
        }
      }
    } else take(piece);
    if (lying) throw new ZipError('bomb', 'lying-size');
  }
  // An empty entry may be written as deflate with no data at all.
  if (inflater && !ended && !(entry.compressedSize === 0 && entry.size === 0)) throw new ZipError('corrupt', 'short-content');
  if (produced !== entry.size) throw new ZipError('corrupt', 'size-mismatch');
  if (crc !== entry.crc32) throw new ZipError('corrupt', 'crc');
}

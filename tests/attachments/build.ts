// Zips written byte by byte for the tests: every field can be set or falsified (flags, names,
// declared sizes, zip64 records, offsets), and a deflate "bomb" stream of any expansion is made
// without ever holding its output. Used by tests/attachments/*.test.ts and the completeness test.

import { deflateSync } from 'fflate';
import { crc32Of } from '../../src/attachments/zip';
import type { BlobLike } from '../../src/attachments/zip';

export interface EntrySpec {
  /** A string is written as UTF-8 (flag bit 11 set when not ASCII); bytes are written as they are. */
  readonly name: string | Uint8Array;
  /** The content (stored, or deflated when `deflate`). */
  readonly data?: Uint8Array;
  readonly deflate?: boolean;
  /** Raw method-8 data written as is (with `size` as the declared uncompressed size). */
  readonly compressed?: Uint8Array;
  /** Declared sizes, when they must lie. */
  readonly size?: number;
  readonly compressedSize?: number;
  readonly method?: number;
  /** Extra flag bits (1: encrypted). */
  readonly flags?: number;
  /** Sizes and offset through a zip64 extra field (0xFFFFFFFF in the fixed fields). */
  readonly zip64?: boolean;
  /** Points this entry's directory record at another entry's local header (overlap bombs). */
  readonly sameDataAs?: number;
  /** Set flag bit 11 (UTF-8) whatever the name. */
  readonly utf8Flag?: boolean;
  /** An extra field for the central directory record (e.g. Info-ZIP Unicode Path, 0x7075). */
  readonly centralExtra?: Uint8Array;
}

export interface ZipOptions {
  /** zip64 end records (the classic record's fields set to 0xFFFF / 0xFFFFFFFF). */
  readonly zip64?: boolean;
  readonly comment?: string;
  /** Bytes before the archive (a self-extractor stub). */
  readonly prefix?: Uint8Array;
}

const enc = new TextEncoder();
const ascii = (s: string) => /^[\x00-\x7f]*$/.test(s);

class Bytes {
  private parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array): this {
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  u16(v: number): this {
    return this.push(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }
  u32(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    return this.push(b);
  }
  u64(v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(v), true);
    return this.push(b);
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/** A zip archive with the given entries, written as a zip tool would unless a spec says otherwise. */
export function buildZip(entries: readonly EntrySpec[], options: ZipOptions = {}): Uint8Array {
  const out = new Bytes();
  if (options.prefix) out.push(options.prefix);
  const base = out.length;
  const central = new Bytes();
  const offsets: number[] = [];
  for (const spec of entries) {
    const nameBytes = typeof spec.name === 'string' ? enc.encode(spec.name) : spec.name;
    const utf8 = spec.utf8Flag ?? (typeof spec.name === 'string' && !ascii(spec.name));
    const data = spec.data ?? new Uint8Array(0);
    const method = spec.method ?? (spec.compressed || spec.deflate ? 8 : 0);
    const payload = spec.compressed ?? (spec.deflate ? deflateSync(data) : data);
    const size = spec.size ?? (spec.compressed ? 0 : data.length);
    const compressedSize = spec.compressedSize ?? payload.length;
    const crc = spec.compressed ? 0 : crc32Of(data);
    const flags = (spec.flags ?? 0) | (utf8 ? 0x800 : 0);
    let offset: number;
    if (spec.sameDataAs !== undefined) offset = offsets[spec.sameDataAs]!;
    else {
      offset = out.length - base;
      const extra = spec.zip64 ? new Bytes().u16(1).u16(16).u64(size).u64(compressedSize).concat() : new Uint8Array(0);
      out
        .u32(0x04034b50)
        .u16(spec.zip64 ? 45 : 20)
        .u16(flags)
        .u16(method)
        .u16(0)
        .u16(0x21)
        .u32(crc);
      out
        .u32(spec.zip64 ? 0xffffffff : compressedSize)
        .u32(spec.zip64 ? 0xffffffff : size)
        .u16(nameBytes.length)
        .u16(extra.length);
      out.push(nameBytes).push(extra).push(payload);
    }
    offsets.push(offset);
    const extra = new Bytes();
    if (spec.zip64) extra.u16(1).u16(24).u64(size).u64(compressedSize).u64(offset);
    if (spec.centralExtra) extra.push(spec.centralExtra);
    central
      .u32(0x02014b50)
      .u16(spec.zip64 ? 45 : 20)
      .u16(spec.zip64 ? 45 : 20)
      .u16(flags)
      .u16(method)
      .u16(0)
      .u16(0x21)
      .u32(crc);
    central.u32(spec.zip64 ? 0xffffffff : compressedSize).u32(spec.zip64 ? 0xffffffff : size);
    central
      .u16(nameBytes.length)
      .u16(extra.length)
      .u16(0)
      .u16(0)
      .u16(0)
      .u32(0)
      .u32(spec.zip64 ? 0xffffffff : offset);
    central.push(nameBytes).push(extra.concat());
  }
  const cdOffset = out.length - base;
  const cd = central.concat();
  out.push(cd);
  const comment = enc.encode(options.comment ?? '');
  if (options.zip64) {
    const recordAt = out.length - base;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(entries.length).u64(entries.length).u64(cd.length).u64(cdOffset);
    out.u32(0x07064b50).u32(0).u64(recordAt).u32(1);
    out.u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff).u16(comment.length).push(comment);
  } else {
    out
      .u32(0x06054b50)
      .u16(0)
      .u16(0)
      .u16(entries.length)
      .u16(entries.length)
      .u32(cd.length)
      .u32(cdOffset)
      .u16(comment.length)
      .push(comment);
  }
  return out.concat();
}

// ---------------------------------------------------------------------------------------------
// Contents with the right first bytes.

const PDF_HEAD = enc.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const XML_HEAD = enc.encode('\ufeff  \n<?xml version="1.0" encoding="UTF-8"?>\n<facture/>\n');

/** Pseudo-random bytes (xorshift), deterministic, incompressible. */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A file of `length` bytes whose first bytes are those of its format. */
export function content(format: 'pdf' | 'png' | 'jpg' | 'xml', length = 2000, seed = 7): Uint8Array {
  const head = { pdf: PDF_HEAD, png: PNG_HEAD, jpg: JPEG_HEAD, xml: XML_HEAD }[format];
  const out = noise(Math.max(length, head.length), seed);
  out.set(head, 0);
  return out;
}

// ---------------------------------------------------------------------------------------------
// A deflate bomb: one dynamic Huffman block whose body is only "copy 258 bytes from distance 1",
// each copy coded in 2 bits — so a zero byte of compressed data is 1 032 bytes of output
// (deflate's maximum ratio). `outputBytes` of zeros cost outputBytes / 1032 compressed bytes,
// and nothing of the output is ever materialised here.

class Bits {
  private readonly bytes: number[] = [];
  private cur = 0;
  private n = 0;
  /** `count` bits of `value`, least significant first (extra bits, header fields). */
  put(value: number, count: number): void {
    for (let i = 0; i < count; i++) this.bit((value >>> i) & 1);
  }
  /** A Huffman code, most significant bit first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bit((code >>> i) & 1);
  }
  bit(b: number): void {
    this.cur |= b << this.n++;
    if (this.n === 8) {
      this.bytes.push(this.cur);
      this.cur = 0;
      this.n = 0;
    }
  }
  get aligned(): boolean {
    return this.n === 0;
  }
  done(): Uint8Array {
    if (this.n > 0) this.bytes.push(this.cur);
    return Uint8Array.from(this.bytes);
  }
}

/** A raw deflate stream that inflates to about `outputBytes` zero bytes; returns it and its exact output size. */
export function deflateBomb(outputBytes: number): { compressed: Uint8Array; size: number } {
  const head = new Bits();
  head.put(1, 1); // BFINAL
  head.put(2, 2); // dynamic Huffman
  head.put(29, 5); // HLIT: 286 literal/length codes
  head.put(1, 5); // HDIST: 2 distance codes
  head.put(15, 4); // HCLEN: all 19 code length codes (so that the header's bit count is even)
  // Code length code lengths, in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1 15:
  // 18 → 1 bit, 2 → 2 bits, 1 → 2 bits (codes: 18 = 0, 1 = 10, 2 = 11).
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  const clen: Record<number, number> = { 18: 1, 2: 2, 1: 2 };
  for (const s of order) head.put(clen[s] ?? 0, 3);
  const cl = (len: 1 | 2) => head.code(len === 1 ? 0b10 : 0b11, 2);
  const zeros = (n: number) => {
    head.code(0, 1); // symbol 18
    head.put(n - 11, 7);
  };
  // Literal/length lengths: 0 → 2, 1..255 → 0, 256 → 2, 257..284 → 0, 285 → 1; distances 0, 1 → 1.
  cl(2);
  zeros(138);
  zeros(117);
  cl(2);
  zeros(28);
  cl(1);
  cl(1);
  cl(1);
  // Codes: 285 = 0, literal 0 = 10, end of block = 11; distance 0 = 0.
  head.code(0b10, 2); // one literal zero byte
  const wanted = Math.max(1, Math.floor((outputBytes - 1) / 258));
  let written = 0;
  while (!head.aligned && written < wanted) {
    head.code(0, 1);
    head.code(0, 1);
    written++;
  }
  // Whole bytes of copies: four copies (8 zero bits) per byte.
  const body = Math.floor((wanted - written) / 4);
  const copies = written + body * 4;
  if (!head.aligned) {
    // Too few copies to reach a byte boundary: end the block here.
    head.code(0b11, 2);
    return { compressed: head.done(), size: 1 + written * 258 };
  }
  const start = head.done();
  const tail = new Bits();
  tail.code(0b11, 2); // end of block
  const end = tail.done();
  const compressed = new Uint8Array(start.length + body + end.length);
  compressed.set(start, 0);
  compressed.set(end, start.length + body);
  return { compressed, size: 1 + copies * 258 };
}

// ---------------------------------------------------------------------------------------------
// Blobs

/** A blob over bytes that counts what is read of it. */
export function countingBlob(bytes: Uint8Array): BlobLike & { reads: number; bytesRead: number } {
  const blob = {
    size: bytes.length,
    reads: 0,
    bytesRead: 0,
    slice(start: number, end: number) {
      return {
        arrayBuffer: async () => {
          blob.reads++;
          const part = bytes.slice(start, end);
          blob.bytesRead += part.length;
          return part.buffer;
        },
      };
    },
  };
  return blob;
}

/**
 * A blob of `size` bytes that holds `tail` at its end and zeros before: a zip of any size
 * (its bytes before the tail read as a self-extractor's stub) without allocating it.
 */
export function sparseBlob(size: number, tail: Uint8Array): BlobLike {
  const from = size - tail.length;
  return {
    size,
    slice(start: number, end: number) {
      return {
        arrayBuffer: async () => {
          const out = new Uint8Array(Math.max(0, end - start));
          for (let i = Math.max(start, from); i < end; i++) out[i - start] = tail[i - from]!;
          return out.buffer;
        },
      };
    },
  };
}

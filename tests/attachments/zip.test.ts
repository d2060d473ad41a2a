// The zip reader (src/attachments/zip.ts): central directory, zip64, names, and the first bytes
// of an entry — read frugally, and every damaged or hostile archive a ZipError with its reason.

import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync, strToU8, zipSync } from 'fflate';
import {
  CP437_HIGH,
  crc32Of,
  decodeCp437,
  MAX_ENTRIES,
  readEntryHead,
  readZipDirectory,
  ZipError,
  type BlobLike,
  type ZipEntry,
} from '../../src/attachments/zip';
import { HEAD_BYTES, matchesExtension, sniff } from '../../src/attachments/magic';
import { baseName, extensionOf, unsafeReason } from '../../src/attachments/names';
import { buildZip, content, countingBlob, deflateBomb, noise, sparseBlob } from './build';

const enc = new TextEncoder();

async function zipError(promise: Promise<unknown>): Promise<ZipError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
  throw new Error('expected a ZipError');
}

const entriesOf = async (zip: Uint8Array) => (await readZipDirectory(countingBlob(zip))).entries;
const u32 = (b: Uint8Array, i: number) => new DataView(b.buffer, b.byteOffset).getUint32(i, true);
const lastIndexOfSig = (b: Uint8Array, sig: number) => {
  for (let i = b.length - 4; i >= 0; i--) if (u32(b, i) === sig) return i;
  return -1;
};

describe('central directory', () => {
  it('reads what fflate writes: names, sizes, methods, folders', async () => {
    const pdf = content('pdf', 5000);
    const text = strToU8('bonjour '.repeat(1000));
    const zip = zipSync({ 'A.pdf': [pdf, { level: 0 }], 'dossier/': new Uint8Array(0), 'dossier/B.txt': [text, { level: 6 }] });
    const blob = countingBlob(zip);
    const dir = await readZipDirectory(blob);
    expect(dir.zip64).toBe(false);
    expect(dir.prefix).toBe(0);
    expect(dir.entries.map((e) => [e.name, e.method, e.size, e.directory, e.utf8])).toEqual([
      ['A.pdf', 0, 5000, false, true],
      ['dossier/', 8, 0, true, true], // fflate deflates even an empty folder entry
      ['dossier/B.txt', 8, text.length, false, true],
    ]);
    expect(dir.entries[2]!.compressedSize).toBeLessThan(200);
    expect(dir.entries[0]!.crc32).toBe(crc32Of(pdf));
    expect(blob.reads).toBe(2); // the end (64 KiB at most) and the directory
  });

  it('finds the end record behind an archive comment', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }], { comment: 'PK\x05\x06 un commentaire qui imite une signature' });
    expect((await entriesOf(zip)).map((e) => e.name)).toEqual(['a.pdf']);
  });

  it('reads a zip with bytes prepended (self-extractor stub)', async () => {
    const zip = buildZip(
      [
        { name: 'a.pdf', data: content('pdf') },
        { name: 'b.png', data: content('png'), deflate: true },
      ],
      { prefix: noise(777) },
    );
    const blob = countingBlob(zip);
    const dir = await readZipDirectory(blob);
    expect(dir.prefix).toBe(777);
    expect(sniff(await readEntryHead(blob, dir.entries[0]!, 8))).toBe('pdf');
    expect(sniff(await readEntryHead(blob, dir.entries[1]!, 8))).toBe('png');
  });

  it('reads zip64 end records and zip64 extra fields', async () => {
    const zip = buildZip(
      [
        { name: 'a.pdf', data: content('pdf'), zip64: true },
        { name: 'b.jpg', data: content('jpg', 4000), deflate: true, zip64: true },
        { name: 'c.png', data: content('png') },
      ],
      { zip64: true },
    );
    const blob = countingBlob(zip);
    const dir = await readZipDirectory(blob);
    expect(dir.zip64).toBe(true);
    expect(dir.entries.map((e) => [e.name, e.size, e.zip64])).toEqual([
      ['a.pdf', 2000, true],
      ['b.jpg', 4000, true],
      ['c.png', 2000, false],
    ]);
    for (const e of dir.entries) expect(matchesExtension(await readEntryHead(blob, e, HEAD_BYTES), extensionOf(e.name))).toBe(true);
  });

  it('reads 64-bit sizes beyond 4 GiB', async () => {
    const bomb = deflateBomb(1 << 20);
    const zip = buildZip([{ name: 'huge.pdf', compressed: bomb.compressed, size: 5 * 2 ** 30, zip64: true }], { zip64: true });
    const [e] = await entriesOf(zip);
    expect(e!.size).toBe(5 * 2 ** 30);
  });

  it('decodes names: UTF-8 flagged, UTF-8 unflagged, CP437, Info-ZIP Unicode Path', async () => {
    const cp437 = Uint8Array.from([0x46, 0x82, 0x2e, 0x70, 0x64, 0x66]); // "Fé.pdf" in CP437
    const unicode = enc.encode('Fé.pdf');
    const upath = new Uint8Array([0x75, 0x70, unicode.length + 5, 0, 1, 0, 0, 0, 0, ...unicode]);
    new DataView(upath.buffer).setUint32(5, crc32Of(cp437), true);
    const zip = buildZip([
      { name: 'Facture-été.pdf', data: content('pdf') }, // flag 11 set by the builder
      { name: enc.encode('Reçu.pdf'), data: content('pdf') }, // valid UTF-8, no flag
      { name: cp437, data: content('pdf') },
      { name: cp437, data: content('pdf'), centralExtra: upath },
    ]);
    const entries = await entriesOf(zip);
    expect(entries.map((e) => [e.name, e.utf8])).toEqual([
      ['Facture-été.pdf', true],
      ['Reçu.pdf', true],
      ['Fé.pdf', false],
      ['Fé.pdf', true],
    ]);
    expect(entries[0]!.flags & 0x800).toBe(0x800);
  });

  it('has the 128 upper characters of code page 437', () => {
    expect([...CP437_HIGH]).toHaveLength(128);
    expect(decodeCp437(Uint8Array.from([0x80, 0x82, 0x9c, 0xe1, 0xff]))).toBe('Çé£ß\u00a0');
  });

  it('flags encrypted entries (traditional and AES)', async () => {
    const entries = await entriesOf(
      buildZip([
        { name: 'a.pdf', data: content('pdf'), flags: 1 },
        { name: 'b.pdf', data: content('pdf'), method: 99 },
      ]),
    );
    expect(entries.map((e) => e.encrypted)).toEqual([true, true]);
  });
});

describe('archives that cannot be read', () => {
  it.each([
    ['a PDF', content('pdf'), 'pdf'],
    ['a RAR archive', Uint8Array.from([...enc.encode('Rar!\x1a\x07\x01\x00'), ...noise(100)]), 'rar'],
    ['random bytes', noise(100_000), 'unknown'],
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a JSON file', enc.encode('{"numeroAns": "MDVLGC0001"}'), 'text'],
  ])('not a zip: %s', async (_, bytes, kind) => {
    const e = await zipError(readZipDirectory(countingBlob(bytes)));
    expect([e.kind, e.detail]).toEqual(['not-zip', kind]);
  });

  it('a zip cut in half is truncated', async () => {
    const zip = buildZip([
      { name: 'a.pdf', data: content('pdf', 50_000) },
      { name: 'b.pdf', data: content('pdf', 50_000) },
    ]);
    for (const cut of [zip.length >> 1, zip.length - 10, 100]) {
      const e = await zipError(readZipDirectory(countingBlob(zip.slice(0, cut))));
      expect([e.kind, e.reason]).toEqual(['corrupt', 'truncated']);
    }
  });

  it('a directory announced beyond the end of the file', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    const eocd = lastIndexOfSig(zip, 0x06054b50);
    new DataView(zip.buffer).setUint32(eocd + 16, zip.length, true);
    expect((await zipError(readZipDirectory(countingBlob(zip)))).reason).toBe('cd-out-of-bounds');
  });

  it('a damaged directory signature', async () => {
    const zip = buildZip([
      { name: 'a.pdf', data: content('pdf') },
      { name: 'b.pdf', data: content('pdf') },
    ]);
    const second = lastIndexOfSig(zip, 0x02014b50);
    zip[second] = 0x51;
    expect((await zipError(readZipDirectory(countingBlob(zip)))).reason).toBe('cd-signature');
  });

  it('a split archive', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    new DataView(zip.buffer).setUint16(lastIndexOfSig(zip, 0x06054b50) + 4, 2, true);
    expect((await zipError(readZipDirectory(countingBlob(zip)))).reason).toBe('multi-disk');
  });

  it('more entries announced than the directory can hold', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    const eocd = lastIndexOfSig(zip, 0x06054b50);
    new DataView(zip.buffer).setUint16(eocd + 8, 50, true);
    new DataView(zip.buffer).setUint16(eocd + 10, 50, true);
    expect((await zipError(readZipDirectory(countingBlob(zip)))).reason).toBe('entry-count');
  });

  it(`more than ${MAX_ENTRIES} entries is refused before the directory is read`, async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    const eocd = lastIndexOfSig(zip, 0x06054b50);
    new DataView(zip.buffer).setUint16(eocd + 8, 60_000, true);
    new DataView(zip.buffer).setUint16(eocd + 10, 60_000, true);
    const blob = countingBlob(zip);
    const e = await zipError(readZipDirectory(blob));
    expect([e.kind, e.reason]).toEqual(['bomb', 'too-many-entries']);
    expect(blob.reads).toBe(1);
  });

  it('zip64 markers without a zip64 locator', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    new DataView(zip.buffer).setUint32(lastIndexOfSig(zip, 0x06054b50) + 16, 0xffffffff, true);
    expect((await zipError(readZipDirectory(countingBlob(zip)))).reason).toBe('zip64-record');
  });

  it('a zip64 entry without its extra field', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    const cd = lastIndexOfSig(zip, 0x02014b50);
    new DataView(zip.buffer).setUint32(cd + 24, 0xffffffff, true);
    expect((await zipError(readZipDirectory(countingBlob(zip)))).reason).toBe('zip64-extra');
  });
});

describe('first bytes of an entry', () => {
  it('stored: one read of the local header and the first bytes', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf', 300_000) }]);
    const blob = countingBlob(zip);
    const [entry] = (await readZipDirectory(blob)).entries;
    const before = [blob.reads, blob.bytesRead];
    const head = await readEntryHead(blob, entry!, HEAD_BYTES);
    expect(head).toEqual(content('pdf', 300_000).subarray(0, HEAD_BYTES));
    expect(blob.reads - before[0]!).toBe(1);
    expect(blob.bytesRead - before[1]!).toBeLessThan(30 + 5 + 128 + HEAD_BYTES + 1);
  });

  it('deflated: inflates only as far as needed', async () => {
    // 8 MB of compressible text: its whole deflate stream is ~40 KB, the head needs one small read.
    const text = strToU8('%PDF-1.7\n' + 'BT /F1 12 Tf 72 712 Td (Bon de commande signé) Tj ET\n'.repeat(150_000));
    const zip = buildZip([{ name: 'a.pdf', data: text, deflate: true }]);
    const blob = countingBlob(zip);
    const [entry] = (await readZipDirectory(blob)).entries;
    const before = blob.bytesRead;
    const head = await readEntryHead(blob, entry!, HEAD_BYTES);
    expect(new TextDecoder().decode(head)).toBe(new TextDecoder().decode(text.subarray(0, HEAD_BYTES)));
    expect(blob.bytesRead - before).toBeLessThan(2048);
  });

  it('deflated incompressible data: reads more compressed bytes only while needed', async () => {
    const data = content('jpg', 200_000);
    const zip = buildZip([{ name: 'a.jpg', data, deflate: true }]);
    const blob = countingBlob(zip);
    const [entry] = (await readZipDirectory(blob)).entries;
    const before = blob.bytesRead;
    expect(await readEntryHead(blob, entry!, HEAD_BYTES)).toEqual(data.subarray(0, HEAD_BYTES));
    expect(blob.bytesRead - before).toBeLessThan(2048);
  });

  it('deflated in stored blocks: a first block too short falls back to the inflater', async () => {
    // "%PD" in a first stored block, "F-" in a final one.
    const stream = Uint8Array.from([0x00, 3, 0, 0xfc, 0xff, 0x25, 0x50, 0x44, 0x01, 2, 0, 0xfd, 0xff, 0x46, 0x2d]);
    const blob = countingBlob(buildZip([{ name: 'a.pdf', compressed: stream, size: 5 }]));
    const [entry] = (await readZipDirectory(blob)).entries;
    expect(new TextDecoder().decode(await readEntryHead(blob, entry!, HEAD_BYTES))).toBe('%PDF-');
  });

  it('returns fewer bytes for a small entry, none for an empty one', async () => {
    const zip = buildZip([
      { name: 'a.xml', data: enc.encode('<a/>'), deflate: true },
      { name: 'b.pdf', data: new Uint8Array(0) },
    ]);
    const blob = countingBlob(zip);
    const [a, b] = (await readZipDirectory(blob)).entries;
    expect(new TextDecoder().decode(await readEntryHead(blob, a!, HEAD_BYTES))).toBe('<a/>');
    expect(await readEntryHead(blob, b!, HEAD_BYTES)).toHaveLength(0);
  });

  const headError = async (zip: Uint8Array, index = 0) => {
    const blob = countingBlob(zip);
    const entry = (await readZipDirectory(blob)).entries[index]!;
    return zipError(readEntryHead(blob, entry, HEAD_BYTES));
  };

  it('refuses encrypted entries and unknown methods unread', async () => {
    expect((await headError(buildZip([{ name: 'a.pdf', data: content('pdf'), flags: 1 }]))).kind).toBe('encrypted');
    const e = await headError(buildZip([{ name: 'a.pdf', data: content('pdf'), method: 14 }]));
    expect([e.kind, e.detail]).toEqual(['method', '14']);
  });

  it('a damaged local header', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    zip[0] = 0;
    expect((await headError(zip)).reason).toBe('local-header');
  });

  it('a local name that differs from the directory', async () => {
    const zip = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    zip[30] = 'z'.charCodeAt(0);
    expect((await headError(zip)).reason).toBe('local-name');
  });

  it('invalid deflate data', async () => {
    expect(
      (await headError(buildZip([{ name: 'a.pdf', compressed: Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), size: 100 }]))).reason,
    ).toBe('inflate');
  });

  it('data announced beyond the directory', async () => {
    expect((await headError(buildZip([{ name: 'a.pdf', data: content('pdf'), compressedSize: 100_000, size: 100_000 }]))).reason).toBe(
      'data-out-of-bounds',
    );
  });

  it('a stored entry with two sizes', async () => {
    expect((await headError(buildZip([{ name: 'a.pdf', data: content('pdf'), size: 5000 }]))).reason).toBe('stored-size');
  });

  it('less data than announced', async () => {
    expect((await headError(buildZip([{ name: 'a.pdf', compressed: deflateSync(enc.encode('%PDF')), size: 1000 }]))).reason).toBe(
      'short-content',
    );
  });

  it('a bomb lying about its size stops at the first push', async () => {
    const bomb = deflateBomb(1024 ** 3);
    const zip = buildZip([{ name: 'a.pdf', compressed: bomb.compressed, size: 1000 }]);
    const blob = countingBlob(zip);
    const entry = (await readZipDirectory(blob)).entries[0]!;
    const before = blob.bytesRead;
    const e = await zipError(readEntryHead(blob, entry, HEAD_BYTES));
    expect([e.kind, e.reason]).toEqual(['bomb', 'lying-size']);
    expect(blob.bytesRead - before).toBeLessThan(2048);
  });

  it('a bomb declaring a plausible size is caught by the rate of its first bytes', async () => {
    const bomb = deflateBomb(1024 ** 3);
    const e = await headError(buildZip([{ name: 'a.pdf', compressed: bomb.compressed, size: 2 * 1024 * 1024 }]));
    expect([e.kind, e.reason]).toEqual(['bomb', 'head-ratio']);
  });

  it('the bomb generator really expands (checked on 10 MB)', () => {
    const bomb = deflateBomb(10_000_000);
    const out = inflateSync(bomb.compressed);
    expect(out.length).toBe(bomb.size);
    expect(bomb.size / bomb.compressed.length).toBeGreaterThan(1000);
  });
});

describe('names and magic bytes', () => {
  it.each([
    ['../../etc/passwd', 'parent-dir'],
    ['pieces/../../x.pdf', 'parent-dir'],
    ['..\\x.pdf', 'parent-dir'],
    ['/etc/passwd', 'absolute'],
    ['\\\\serveur\\x.pdf', 'absolute'],
    ['C:\\Windows\\x.pdf', 'absolute'],
    ['c:x.pdf', 'absolute'],
    ['pieces\\x.pdf', 'backslash'],
    ['x\u0000.pdf', 'control-char'],
    ['a.pdf', undefined],
    ['pieces/a..b.pdf', undefined],
    ['..pdf', undefined],
  ])('%s → %s', (name, reason) => {
    expect(unsafeReason(name)).toBe(reason);
  });

  it('base names and extensions', () => {
    expect(baseName('a/b/C.PDF')).toBe('C.PDF');
    expect(baseName('a\\b.pdf')).toBe('b.pdf');
    expect(extensionOf('a/b/C.PDF')).toBe('pdf');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('sans-extension')).toBe('');
  });

  it('recognises each format by its first bytes', () => {
    for (const f of ['pdf', 'png', 'jpg', 'xml'] as const) {
      for (const g of ['pdf', 'png', 'jpg', 'xml'] as const) expect(matchesExtension(content(f), g)).toBe(f === g);
    }
    expect(matchesExtension(enc.encode('<?xml version="1.0"?>'), 'xml')).toBe(true);
    expect(matchesExtension(enc.encode('\n\t <facture/>'), 'xml')).toBe(true);
    expect(matchesExtension(Uint8Array.from([0xff, 0xfe, 0x3c, 0]), 'xml')).toBe(true);
    expect(matchesExtension(enc.encode(' %PDF-1.7'), 'pdf')).toBe(false);
    expect(matchesExtension(content('jpg'), 'jpeg')).toBe(true);
    expect(sniff(buildZip([]))).toBe('zip');
    expect(sniff(Uint8Array.from([0x1f, 0x8b, 8]))).toBe('gzip');
    expect(sniff(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole');
    expect(sniff(enc.encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniff(enc.encode('\0\0\0\x18ftypheic'))).toBe('heic');
  });
});

describe('frugality', () => {
  it('a 20 MB zip of 40 entries is checked by reading under 200 KB of it', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({
      name: `f${i}.pdf`,
      data: content('pdf', 500_000, i + 1),
      deflate: i % 4 === 0,
    }));
    const zip = buildZip(entries);
    const blob = countingBlob(zip);
    const dir = await readZipDirectory(blob);
    for (const e of dir.entries) expect(sniff(await readEntryHead(blob, e, HEAD_BYTES))).toBe('pdf');
    expect(zip.length).toBeGreaterThan(19_000_000);
    expect(blob.bytesRead).toBeLessThan(200_000);
    expect(blob.reads).toBe(2 + 40);
  });

  it('a 4 GiB zip is read by its end and its directory only', async () => {
    const tail = buildZip([{ name: 'a.pdf', data: content('pdf') }]);
    const blob: BlobLike = sparseBlob(4 * 2 ** 30, tail);
    const dir = await readZipDirectory(blob);
    expect(dir.prefix).toBe(4 * 2 ** 30 - tail.length);
    const entry: ZipEntry = dir.entries[0]!;
    expect(sniff(await readEntryHead(blob, entry, HEAD_BYTES))).toBe('pdf');
  });
});

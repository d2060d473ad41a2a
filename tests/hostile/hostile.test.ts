// Issue 15, hostile input: one test (or a few) per kind of attack, on inputs generated here
// (tests/hostile/generate.ts; nothing stored), the large ones in a CI-sized form. The full-sized
// ones are measured by `npm run bench` (tests/bench/hostile.ts), never timed here.

import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { builtCli, runCli, type CliRun } from '../built-cli';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkAttachments } from '../../src/attachments/check';
import { expectedAttachments } from '../../src/attachments/expected';
import { VAGUE1_ATTACHMENTS } from '../../src/attachments/limits';
import { MAX_ENTRIES, readZipDirectory, verifyEntry, ZipError } from '../../src/attachments/zip';
import { terminalSafe } from '../../src/cli/report';
import { readInputBounded, readStreamBounded, writeAtomically, type WriteFs } from '../../src/cli/io';
import { MAX_LABEL_CHARS } from '../../src/core/simulate';
import { MAX_FINDINGS_PER_CODE } from '../../src/core/validate';
import { ruleSetFor, simulateFile } from '../../src/simulator';
import type { SimulationOptions } from '../../src/core/types';
import { buildZip, content, countingBlob, noise } from '../attachments/build';
import {
  BASE_TEXT,
  duplicateObjects,
  duplicatesInOneObject,
  duplicateTags,
  manyAttachments,
  unknownTags,
  withNumeroEditeur,
  withUnknownTag,
} from './generate';

const OPTIONS: SimulationOptions = { type: 'avance', dsr: 'MDV-LGC' };
const BASE = ['--type', 'avance', '--dsr', 'MDV-LGC'];
const enc = new TextEncoder();
const mdv = ruleSetFor('avance', 'MDV-LGC')!;
const simulateText = (text: string) => simulateFile(enc.encode(text), OPTIONS);
/** 64 MiB, the input limit (src/core/json/decode.ts). */
const LIMIT = 64 * 1024 * 1024;

// The CLI tests spawn Node: generous on a loaded machine (no assertion is timed).
vi.setConfig({ testTimeout: 60_000 });

let work: string;

beforeAll(() => {
  builtCli(); // `npm test` builds first; a lone `vitest run` builds the bin when missing or stale
  work = mkdtempSync(join(tmpdir(), 'segur-hostile-'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function cli(args: string[], input: string | Buffer = ''): CliRun {
  return runCli(args, { cwd: work, input });
}

/** A fresh folder holding `name` with `data`. */
function fileIn(name: string, data: string | Uint8Array): { dir: string; path: string } {
  const dir = mkdtempSync(join(work, 'case-'));
  const path = join(dir, name);
  writeFileSync(path, data);
  return { dir, path };
}

const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

// ---------------------------------------------------------------------------------------------

describe('duplicate keys: every one reported or counted, the first occurrence found by index', () => {
  it('N distinct unknown tags then N repeats of the last: each repeat an E003 naming the first line', () => {
    const n = 3000;
    const r = simulateText(duplicateTags(n, n));
    expect(r.status).toBe('rejected');
    const request = r.requests[0]!;
    const e003 = request.errors.filter((e) => e.code === 'E003');
    // MAX_FINDINGS_PER_CODE kept, then one line for the rest.
    expect(e003).toHaveLength(MAX_FINDINGS_PER_CODE + 1);
    expect(e003[0]!.message).toContain(`« x${n - 1} »`);
    expect(e003[0]!.message).toContain('ligne 7');
    expect(e003.at(-1)!.message).toBe(`… et ${count(n - MAX_FINDINGS_PER_CODE)} autres erreurs du même type (E003).`);
    const e002 = request.errors.filter((e) => e.code === 'E002');
    expect(e002.at(-1)!.message).toBe(`… et ${count(n - MAX_FINDINGS_PER_CODE)} autres erreurs du même type (E002).`);
    // The other request is untouched.
    expect(r.requests[1]!.errors).toEqual([]);
  });

  it('N objects {"a":0,"a":0} inside an unknown tag’s array: each duplicate placed at its own path', () => {
    const n = 5000;
    const r = simulateText(duplicateObjects(n));
    const e003 = r.requests[0]!.errors.filter((e) => e.code === 'E003');
    expect(e003.slice(0, 3).map((e) => e.path)).toEqual([
      '/lignesImport/0/inconnu/0/a',
      '/lignesImport/0/inconnu/1/a',
      '/lignesImport/0/inconnu/2/a',
    ]);
    expect(e003[MAX_FINDINGS_PER_CODE - 1]!.path).toBe(`/lignesImport/0/inconnu/${MAX_FINDINGS_PER_CODE - 1}/a`);
    // The count line points at the first duplicate left out.
    expect(e003.at(-1)).toMatchObject({
      path: `/lignesImport/0/inconnu/${MAX_FINDINGS_PER_CODE}/a`,
      message: `… et ${count(n - MAX_FINDINGS_PER_CODE)} autres erreurs du même type (E003).`,
    });
  });
});

describe('bounded findings: the 0/1/2/64 contract whatever the input', () => {
  it('hundreds of thousands of duplicate keys in one unknown object: exit 1, a bounded report and output', () => {
    const n = 300_000; // CI-sized form of 2.2 million
    const { dir, path } = fileIn('dups.json', duplicatesInOneObject(n));
    const r = cli([path, ...BASE, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const request = report.requests[0];
    expect(request.errors.length).toBeLessThanOrEqual(2 * (MAX_FINDINGS_PER_CODE + 1));
    expect(request.errors.at(-1).message).toBe(`… et ${count(n - 1 - MAX_FINDINGS_PER_CODE)} autres erreurs du même type (E003).`);
    expect(request.libelleTraitement.length).toBeLessThan(MAX_LABEL_CHARS + 100);
    expect(request.libelleTraitement).toMatch(/\| … et [\d ]+ autres erreurs$/);
    // The output file: the input plus the bounded label.
    const output = readFileSync(join(dir, 'dups_sortie.json'), 'utf8');
    expect(output.length).toBeLessThan(statSync(path).size + MAX_LABEL_CHARS + 1000);
    expect(JSON.parse(output).lignesImport[0].libelleTraitement).toBe(request.libelleTraitement);
  }, 120_000);

  it('hundreds of thousands of unknown tags: the findings and the label stay bounded', () => {
    const n = 200_000; // CI-sized form of 5 million
    const r = simulateText(unknownTags(n));
    expect(r.status).toBe('rejected');
    const request = r.requests[0]!;
    expect(request.errors).toHaveLength(MAX_FINDINGS_PER_CODE + 1);
    expect(request.errors.at(-1)!.message).toBe(`… et ${count(n - MAX_FINDINGS_PER_CODE)} autres erreurs du même type (E002).`);
    expect(request.libelleTraitement.length).toBeLessThan(MAX_LABEL_CHARS + 100);
  }, 60_000);

  it('a tag name of a million characters: messages are cut in their middle', () => {
    const r = simulateText(withUnknownTag('k'.repeat(1_000_000)));
    const e002 = r.requests[0]!.errors.find((e) => e.code === 'E002')!;
    expect(e002.message.length).toBeLessThanOrEqual(1000);
    expect(e002.message).toContain(' […] ');
  });

  it('a request with findings only past the file bound is still rejected, with the count', () => {
    // 200 requests of 60 unknown tags: 12 000 findings, over the file bound (5 000); each request
    // keeps at least its first finding of each code.
    const open = BASE_TEXT.indexOf('[', BASE_TEXT.indexOf('"lignesImport"')) + 1;
    const request = BASE_TEXT.slice(open, BASE_TEXT.indexOf(',\n    {\n      "numLigne": 2'));
    const extra = Array.from({ length: 60 }, (_, k) => `"z${k}": 0,`).join('');
    const list = Array.from({ length: 200 }, (_, i) =>
      request
        .replace('"numLigne": 1,', `"numLigne": ${i + 1}, ${extra}`)
        .replace('"numeroEditeur": "00001"', `"numeroEditeur": "${String(i + 1).padStart(5, '0')}"`),
    );
    const r = simulateText(`${BASE_TEXT.slice(0, open)}${list.join(',')}]}`);
    expect(r.requests.every((q) => q.codeTraitement === 'E002')).toBe(true);
    const last = r.requests[199]!;
    expect(last.errors[0]!.path).toBe('/lignesImport/199/z0');
    expect(last.errors.at(-1)!.message).toBe('… et 59 autres erreurs du même type (E002).');
  });
});

describe('the --pj expected-attachments index', () => {
  it('thousands of items naming one file: all matched by the one entry', async () => {
    const n = 20_000;
    const bytes = enc.encode(manyAttachments(n));
    const expected = expectedAttachments(bytes, mdv, OPTIONS)!;
    expect(expected.length).toBe(n + 1); // and the second request's
    const zip = buildZip([
      { name: 'MDV-LGC-Va1-BDC-00001.pdf', data: content('pdf') },
      { name: 'MDV-LGC-Va1-BDC-00002.pdf', data: content('pdf') },
    ]);
    const report = await checkAttachments([{ name: 'pj.zip', blob: countingBlob(zip) }], expected, VAGUE1_ATTACHMENTS);
    expect(report.missing).toEqual([]);
    expect(report.detail!.documents!.filter((d) => d.status === 'present')).toHaveLength(n + 1);
  }, 60_000);
});

describe('outputs: atomic, and only when promised', () => {
  /** A file system whose second write fails as a full disk does. */
  function fullDisk(): WriteFs & { files: Map<string, Uint8Array>; removed: string[] } {
    const files = new Map<string, Uint8Array>();
    const removed: string[] = [];
    let writes = 0;
    return {
      files,
      removed,
      stat: async (path) => {
        if (!files.has(path)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return { isFile: () => true };
      },
      open: async (path) => {
        files.set(path, new Uint8Array(0));
        return {
          write: async (bytes, offset, length) => {
            if (++writes > 1) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            const n = Math.min(length, 8192);
            const before = files.get(path)!;
            const next = new Uint8Array(before.length + n);
            next.set(before);
            next.set(bytes.subarray(offset, offset + n), before.length);
            files.set(path, next);
            return { bytesWritten: n };
          },
          sync: async () => undefined,
          close: async () => undefined,
        };
      },
      rename: async (from, to) => {
        files.set(to, files.get(from)!);
        files.delete(from);
      },
      unlink: async (path) => {
        removed.push(path);
        files.delete(path);
      },
    };
  }

  it('a full disk leaves the earlier file as it was and no temporary file', async () => {
    const fs = fullDisk();
    const earlier = enc.encode('earlier output');
    fs.files.set('/d/out.json', earlier);
    const error = await writeAtomically('/d/out.json', new Uint8Array(20_000).fill(0x20), fs).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect([...fs.files.keys()]).toEqual(['/d/out.json']);
    expect(fs.files.get('/d/out.json')).toBe(earlier);
    expect(fs.removed).toHaveLength(1);
    expect(fs.removed[0]).toMatch(/^\/d\/\.out\.json\.\d+\.\d+\.tmp$/);
  });

  it('a full disk through the CLI: exit 64, no file left (/dev/full as the folder is not writable: a device target is written directly)', () => {
    const { path } = fileIn('f.json', BASE_TEXT);
    const r = cli([path, ...BASE, '--out', '/dev/full']);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain("impossible d'écrire le fichier de sortie /dev/full (ENOSPC)");
    expect(r.stdout).toBe('');
  });

  it('writes nothing on exit 2, and says that an earlier output no longer matches', () => {
    const { dir, path } = fileIn('f.json', BASE_TEXT);
    expect(cli([path, ...BASE]).status).toBe(0);
    const output = join(dir, 'f_sortie.json');
    const earlier = readFileSync(output);
    writeFileSync(path, BASE_TEXT.replace('"impId": null', '"impId": nul'));
    const r = cli([path, ...BASE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(
      `Attention : ${output}, fichier de sortie d'une vérification précédente, est toujours là ; il ne correspond plus au fichier d'entrée`,
    );
    expect(readFileSync(output)).toEqual(earlier);
    const json = JSON.parse(cli([path, ...BASE, '--format', 'json']).stdout);
    expect(json).toMatchObject({ status: 'invalid', output: null, staleOutput: output });
    expect(readdirSync(dir).sort()).toEqual(['f.json', 'f_sortie.json']);
    // No earlier output: nothing said, nothing written.
    const fresh = fileIn('g.json', '{"impId": nul}');
    const g = cli([fresh.path, ...BASE, '--format', 'json']);
    expect(JSON.parse(g.stdout)).toMatchObject({ status: 'invalid', staleOutput: null });
    expect(readdirSync(fresh.dir)).toEqual(['g.json']);
  });

  it('refuses --out naming an input (the JSON, a --pj zip, another spelling or a hard link of one): 64, inputs untouched', () => {
    const { dir, path } = fileIn('f.json', BASE_TEXT);
    const zipBytes = buildZip([{ name: 'MDV-LGC-Va1-BDC-00001.pdf', data: content('pdf') }]);
    const zip = join(dir, 'pj.zip');
    writeFileSync(zip, zipBytes);
    const link = join(dir, 'lien.zip');
    linkSync(zip, link);
    for (const out of [path, zip, join(dir, '.', '..', dir.split('/').at(-1)!, 'pj.zip'), link]) {
      const r = cli([path, ...BASE, '--pj', zip, '--out', out]);
      expect(r.status).toBe(64);
      expect(r.stderr).toContain("désigne un fichier d'entrée");
    }
    expect(readFileSync(path, 'utf8')).toBe(BASE_TEXT);
    expect(new Uint8Array(readFileSync(zip))).toEqual(zipBytes);
  });
});

describe('the zip’s whole central directory', () => {
  it('65 538 entries without zip64 (the count wraps to 2): every record read, a bomb', async () => {
    const zip = emptyEntriesZip(65_538, (i) => `../../evil${i}.pdf`);
    // The classic end record holds 65 538 & 0xFFFF = 2.
    const eocd = zip.length - 22;
    expect(zip[eocd + 10]! | (zip[eocd + 11]! << 8)).toBe(2);
    const error = await readZipDirectory(countingBlob(zip)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZipError);
    expect(error).toMatchObject({ kind: 'bomb', reason: 'too-many-entries' });
    const report = await checkAttachments([{ name: 'evil.zip', blob: countingBlob(zip) }], [], VAGUE1_ATTACHMENTS);
    expect(report.faulty.map((f) => f.code)).toEqual(['P014']);
    expect(report.faulty[0]!.message).toContain(`plus de ${MAX_ENTRIES} entrées dans le répertoire central`);
  }, 60_000);

  it('a count that disagrees with the directory is a fault, and every entry is still examined', async () => {
    const zip = buildZip(
      Array.from({ length: 12 }, (_, i) => ({
        name: i < 2 ? `MDV-LGC-Va1-BDC-0000${i + 1}.pdf` : `../evil${i}.pdf`,
        data: content('pdf'),
      })),
    );
    const eocd = zip.length - 22;
    zip[eocd + 8] = 2; // entries on this disk
    zip[eocd + 10] = 2; // entries in all
    const directory = await readZipDirectory(countingBlob(zip));
    expect(directory).toMatchObject({ declaredCount: 2 });
    expect(directory.entries).toHaveLength(12);
    const expected = expectedAttachments(enc.encode(BASE_TEXT), mdv, OPTIONS)!;
    const report = await checkAttachments([{ name: 'pj.zip', blob: countingBlob(zip) }], expected, VAGUE1_ATTACHMENTS);
    expect(report.faulty.find((f) => f.name === null)).toMatchObject({
      code: 'P015',
      message: expect.stringContaining(
        "le nombre d'entrées annoncé ne correspond pas au répertoire central (2 annoncée(s), 12 dans le répertoire central)",
      ),
    });
    expect(report.faulty.filter((f) => f.code === 'P010')).toHaveLength(10);
  });

  it('an entry that inflates past its declared size: passed by the fast check (which says so), caught by the complete one', async () => {
    const data = noise(2 * 1024 * 1024);
    data.set(enc.encode('%PDF-1.7\n'));
    const zip = buildZip([
      { name: 'MDV-LGC-Va1-BDC-00001.pdf', data, deflate: true, size: 1024 * 1024 },
      { name: 'MDV-LGC-Va1-BDC-00002.pdf', data: content('pdf') },
    ]);
    const expected = expectedAttachments(enc.encode(BASE_TEXT), mdv, OPTIONS)!;
    const input = () => [{ name: 'pj.zip', blob: countingBlob(zip) }];
    const fast = await checkAttachments(input(), expected, VAGUE1_ATTACHMENTS);
    expect(fast.faulty).toEqual([]);
    expect(fast.detail!.complete).toBe(false);
    const complete = await checkAttachments(input(), expected, VAGUE1_ATTACHMENTS, { complete: true });
    expect(complete.detail!.complete).toBe(true);
    expect(complete.faulty).toEqual([
      expect.objectContaining({
        code: 'P014',
        name: 'MDV-LGC-Va1-BDC-00001.pdf',
        message: expect.stringContaining('se décompressent au-delà de la taille annoncée'),
      }),
    ]);
  });

  it('the complete check: a damaged byte (CRC), a short entry (size); a sound zip passes', async () => {
    const data = content('pdf', 5000);
    const sound = buildZip([
      { name: 'a.pdf', data, deflate: true },
      { name: 'b.pdf', data },
    ]);
    for (const entry of (await readZipDirectory(countingBlob(sound))).entries) await verifyEntry(countingBlob(sound), entry);

    const stored = buildZip([{ name: 'a.pdf', data }]);
    stored[stored.indexOf(0x25, 30) + 100]! ^= 0xff; // a byte of the stored content
    const [entry] = (await readZipDirectory(countingBlob(stored))).entries;
    await expect(verifyEntry(countingBlob(stored), entry!)).rejects.toMatchObject({ kind: 'corrupt', reason: 'crc' });

    const short = buildZip([{ name: 'a.pdf', data, deflate: true, size: 6000 }]);
    const [shortEntry] = (await readZipDirectory(countingBlob(short))).entries;
    await expect(verifyEntry(countingBlob(short), shortEntry!)).rejects.toMatchObject({ kind: 'corrupt', reason: 'size-mismatch' });
  });

  it('--pj-complet through the CLI: the report says which check was made', () => {
    const data = noise(2 * 1024 * 1024);
    data.set(enc.encode('%PDF-1.7\n'));
    const { dir, path } = fileIn('f.json', BASE_TEXT);
    const zip = join(dir, 'pj.zip');
    writeFileSync(
      zip,
      buildZip([
        { name: 'MDV-LGC-Va1-BDC-00001.pdf', data, deflate: true, size: 1024 * 1024 },
        { name: 'MDV-LGC-Va1-BDC-00002.pdf', data: content('pdf') },
      ]),
    );
    const fast = cli([path, ...BASE, '--pj', zip]);
    expect(fast.status).toBe(0);
    expect(fast.stdout).toContain('Vérification rapide : seuls le répertoire central et les premiers octets de chaque pièce ont été lus');
    const complete = cli([path, ...BASE, '--pj', zip, '--pj-complet']);
    expect(complete.status).toBe(1);
    expect(complete.stdout).toContain('Vérification complète : chaque pièce a été décompressée en entier');
    expect(complete.stdout).toContain('[P014]');
  });
});

describe('bounded reading', () => {
  it('/dev/zero as input: G003, exit 2, read no further than the limit', () => {
    const r = cli(['/dev/zero', ...BASE, '--format', 'json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.globalErrors).toMatchObject([
      {
        code: 'G003',
        message: expect.stringMatching(/^Le fichier est trop volumineux : plus de 64 Mo \(67\s108\s864 octets\), au plus 64 Mo\.$/),
      },
    ]);
  }, 60_000);

  it('a stream is read up to the limit + 1 byte, never further', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 1000;
        yield new Uint8Array(1000);
      }
    }
    expect(await readStreamBounded(Readable.from(endless()), 10_000)).toEqual({ kind: 'too-large', size: null });
    // The limit + 1 byte, plus at most the stream's read-ahead (16 chunks in object mode).
    expect(pulled).toBeGreaterThanOrEqual(11_000);
    expect(pulled).toBeLessThanOrEqual(11_000 + 16 * 1000);
    const exact = await readStreamBounded(Readable.from([new Uint8Array(4000), new Uint8Array(6000)]), 10_000);
    expect(exact.kind === 'bytes' && exact.bytes.length).toBe(10_000);
  });

  it('a regular file is stat’ed: over the limit it is not read; at the limit it is', async () => {
    const { path } = fileIn('f.json', new Uint8Array(1001));
    expect(await readInputBounded(path, 1000)).toEqual({ kind: 'too-large', size: 1001 });
    const read = await readInputBounded(path, 1001);
    expect(read.kind === 'bytes' && read.bytes.length).toBe(1001);
    // Read into one buffer, byte for byte, across several of the stream's chunk sizes.
    const bytes = noise(300_000, 15);
    const big = await readInputBounded(fileIn('big.json', bytes).path, 1_000_000);
    expect(big.kind === 'bytes' && Buffer.from(big.bytes).equals(Buffer.from(bytes))).toBe(true);
    await expect(readInputBounded(join(work, 'absent.json'), 1000)).rejects.toMatchObject({ reason: 'missing' });
  });

  it('standard input past the limit through the CLI: G003, exit 2', () => {
    const r = cli(['-', ...BASE], Buffer.alloc(LIMIT + 1, 0x20));
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`[G003]`);
    expect(r.stdout).toMatch(/trop volumineux : plus de 64 Mo \(67\s108\s864 octets\)/);
  });

  it('a 3 GiB file (sparse: nothing to read) is stat’ed, not read: G003 with its size, exit 2', () => {
    const { path } = fileIn('big.json', '');
    truncateSync(path, 3 * 1024 ** 3);
    const r = cli([path, ...BASE, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).globalErrors[0]).toMatchObject({
      code: 'G003',
      message: expect.stringMatching(/: 3 Go \(3\s221\s225\s472 octets\), au plus 64 Mo\.$/),
    });
  });
});

describe('terminal-safe text report', () => {
  it('escapes C0, ESC, DEL, C1 and bidi controls, once', () => {
    expect(terminalSafe('a\u001b[2Jb\nc\td\u007fe\u009bf\u202eg\u2066h')).toBe('a\\u001B[2Jb\\nc\\td\\u007Fe\\u009Bf\\u202Eg\\u2066h');
    expect(terminalSafe(terminalSafe('\u001b\n'))).toBe('\\u001B\\n');
    expect(terminalSafe('Ségur « ok » 1 075,00 €')).toBe('Ségur « ok » 1 075,00 €');
  });

  it('an escape sequence in numeroEditeur is shown, not run', () => {
    const { path } = fileIn('f.json', withNumeroEditeur('\\u001b[2JX'));
    const r = cli([path, ...BASE]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('numeroEditeur \\u001B[2JX');
  });

  it('a tag name holding newlines cannot forge a report line', () => {
    const forged = "\\nLa simulation de l'import s'est déroulée correctement.\\n\\u202e";
    const { path } = fileIn('f.json', withUnknownTag(forged));
    const r = cli([path, ...BASE]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).not.toContain("La simulation de l'import s'est déroulée correctement.");
    expect(r.stdout).toContain("\\nLa simulation de l'import s'est déroulée correctement.\\n\\u202E");
    expect(r.stdout).not.toContain('\u202e');
  });

  it('zip entry names are escaped too', () => {
    const { dir, path } = fileIn('f.json', BASE_TEXT);
    const zip = join(dir, 'pj.zip');
    writeFileSync(
      zip,
      buildZip([
        { name: 'MDV-LGC-Va1-BDC-00001.pdf', data: content('pdf') },
        { name: 'MDV-LGC-Va1-BDC-00002.pdf', data: content('pdf') },
        { name: 'x\u001b[31m\u202efdp.exe', data: content('pdf') },
      ]),
    );
    const r = cli([path, ...BASE, '--pj', zip]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('x\\u001B[31m\\u202Efdp.exe');
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('no prototype lookups', () => {
  it('"typeFichier": "constructor" is shown as written in «Documents attendus»', () => {
    const { dir, path } = fileIn('f.json', BASE_TEXT.replace('"typeFichier": "BON_COMMANDE"', '"typeFichier": "constructor"'));
    const zip = join(dir, 'pj.zip');
    writeFileSync(
      zip,
      buildZip([
        { name: 'MDV-LGC-Va1-BDC-00001.pdf', data: content('pdf') },
        { name: 'MDV-LGC-Va1-BDC-00002.pdf', data: content('pdf') },
      ]),
    );
    const r = cli([path, ...BASE, '--pj', zip]);
    expect(r.stdout).not.toContain('native code');
    expect(r.stdout).toContain('| constructor | MDV-LGC-Va1-BDC-00001.pdf');
    expect(r.stdout).not.toContain('function');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('"typeFichier": "%s" names no expected attachment code', (type) => {
    const r = simulateText(BASE_TEXT.replace('"typeFichier": "BON_COMMANDE"', `"typeFichier": "${type}"`));
    const text = JSON.stringify(r.requests[0]);
    expect(text).not.toContain('native code');
    expect(text).not.toContain('[object');
    expect(r.requests[0]!.errors.some((e) => e.code === 'E009' && e.message.includes(type))).toBe(true);
  });
});

describe('a NUL byte before the JSON', () => {
  it('is named as such, not as UTF-16', () => {
    const bytes = new Uint8Array([0, ...enc.encode(BASE_TEXT)]);
    const r = simulateFile(bytes, OPTIONS);
    expect(r.status).toBe('invalid');
    expect(r.globalErrors).toMatchObject([{ code: 'G010', line: 1, column: 1 }]);
    expect(r.globalErrors[0]!.message).toContain('caractère nul (octet 0x00)');
    expect(r.globalErrors[0]!.message).not.toContain('UTF-16');
  });

  it('UTF-16 text, with or without its byte-order mark, is still UTF-16', () => {
    const utf16 = (text: string, le: boolean) => {
      const out = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++)
        out.set(le ? [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8] : [text.charCodeAt(i) >> 8, text.charCodeAt(i) & 0xff], i * 2);
      return out;
    };
    for (const le of [true, false]) {
      for (const bom of ['', '\ufeff']) {
        const r = simulateFile(utf16(bom + BASE_TEXT, le), OPTIONS);
        expect(r.globalErrors).toMatchObject([{ code: 'G002', message: expect.stringContaining('UTF-16') }]);
      }
    }
  });
});

/**
 * A zip of `n` empty stored entries named by `name`, written directly (buildZip's general writer is
 * slow at 65 538 entries); the end record's count is the 16-bit field, as a tool without zip64 writes it.
 */
function emptyEntriesZip(n: number, name: (i: number) => string): Uint8Array {
  const names = Array.from({ length: n }, (_, i) => enc.encode(name(i)));
  const localSize = names.reduce((s, b) => s + 30 + b.length, 0);
  const centralSize = names.reduce((s, b) => s + 46 + b.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const b of names) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 26, b.length, true);
    out.set(b, at + 30);
    at += 30 + b.length;
  }
  names.forEach((b, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 28, b.length, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(b, at + 46);
    at += 46 + b.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, n & 0xffff, true);
  view.setUint16(at + 10, n & 0xffff, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
}

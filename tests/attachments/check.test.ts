// The two-way check (src/attachments/check.ts): what the JSON names against what the zips hold,
// on the project's real fixtures; and every hostile zip of the issue, each giving its code
// quickly (< 1 s), reading little and allocating little.

import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { checkAttachments, type ZipInput } from '../../src/attachments/check';
import { expectedAttachments, type ExpectedAttachment } from '../../src/attachments/expected';
import { BIO_ATTACHMENTS, MIB, VAGUE1_ATTACHMENTS, VAGUE2_ATTACHMENTS } from '../../src/attachments/limits';
import type { AttachmentsReport } from '../../src/core/report';
import type { Code } from '../../src/messages/codes';
import { fixtureOptions } from '../../src/rules/fixture';
import { RULE_SETS, ruleSetFor } from '../../src/rules/index';
import { ATTACHMENT_EXAMPLES, expect1, one } from './examples';
import { buildZip, content, countingBlob, deflateBomb, noise, type EntrySpec } from './build';

const enc = new TextEncoder();
const fixture = (path: string) => readFileSync(new URL(`../../src/rules/${path}`, import.meta.url));
const mdv = ruleSetFor('avance', 'MDV-LGC')!;
const LIBERAL = fixture('mdv-lgc/fixtures/avance-liberal.json');
const BDC1 = 'MDV-LGC-Va1-BDC-00001.pdf';
const BDC2 = 'MDV-LGC-Va1-BDC-00002.pdf';

/** Every code the report carries: P001 per missing file, P002 per unexpected one, then the faults. */
const codes = (a: AttachmentsReport): Code[] => [
  ...a.missing.map(() => 'P001' as const),
  ...a.unexpected.map(() => 'P002' as const),
  ...a.faulty.map((f) => f.code),
];

const zipOf = (name: string, entries: readonly EntrySpec[]): ZipInput & { blob: ReturnType<typeof countingBlob> } => ({
  name,
  blob: countingBlob(buildZip(entries)),
});
const pdf = (name: string, more: Partial<EntrySpec> = {}): EntrySpec => ({ name, data: content('pdf'), ...more });

/** Runs the check and returns the report with its time and the memory it took (heap + array buffers). */
async function timed(zips: ZipInput[], expected: ExpectedAttachment[] | null, limits = VAGUE1_ATTACHMENTS) {
  const mem = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = mem();
  const start = performance.now();
  let peak = before;
  const report = await checkAttachments(zips, expected, limits, { onProgress: () => (peak = Math.max(peak, mem())) });
  const ms = performance.now() - start;
  peak = Math.max(peak, mem());
  return { report, ms, grew: peak - before };
}

describe('the JSON side: expectedAttachments', () => {
  it('lists each request’s attachments from avance-liberal.json', () => {
    expect(expectedAttachments(LIBERAL, mdv, fixtureOptions(mdv))).toEqual([
      { request: 0, numLigne: 1, numeroEditeur: '00001', typeFichier: 'BON_COMMANDE', formatFichier: 'PDF', nomFichier: BDC1 },
      { request: 1, numLigne: 2, numeroEditeur: '00002', typeFichier: 'BON_COMMANDE', formatFichier: 'PDF', nomFichier: BDC2 },
    ]);
  });

  it('carries the name the rule set’s naming rule expects (A005), when the JSON’s is off', () => {
    const text = new TextDecoder().decode(LIBERAL).replace(`"nomFichier": "${BDC1}"`, '"nomFichier": "bon-de-commande.pdf"');
    const [first, second] = expectedAttachments(enc.encode(text), mdv, fixtureOptions(mdv))!;
    expect(first).toMatchObject({ nomFichier: 'bon-de-commande.pdf', namingExpected: BDC1 });
    expect(second).not.toHaveProperty('namingExpected');
  });

  it('still lists the attachments of a rejected request; skips items with no name', () => {
    const text = new TextDecoder()
      .decode(LIBERAL)
      .replace('"montantSegurHT": 1075.00', '"montantSegurHT": 1075.5')
      .replace(`"nomFichier": "${BDC2}"`, '"nomFichier": null');
    expect(expectedAttachments(enc.encode(text), mdv, fixtureOptions(mdv))!.map((e) => e.nomFichier)).toEqual([BDC1]);
  });

  it('is null for a file the simulation cannot read', () => {
    expect(expectedAttachments(enc.encode('{"lignesImport": '), mdv, fixtureOptions(mdv))).toBeNull();
    expect(expectedAttachments(Uint8Array.from([0xff, 0xfe, 0x7b, 0]), mdv, fixtureOptions(mdv))).toBeNull();
    expect(expectedAttachments(enc.encode('[]'), mdv, fixtureOptions(mdv))).toBeNull();
  });

  it.each([
    ['bio-sgl/fixtures/solde-sans-dmp.json', 'solde', 'BIO-SGL', 5],
    ['hop/fixtures/hop-dpi-avance.json', 'avance', 'HOP-DPI', 2],
    ['mdv-lgc/fixtures/avance-ht.json', 'avance', 'MDV-LGC', 4],
  ] as const)('%s (%s %s) names %i attachments, all following the naming rule', (path, type, dsr, n) => {
    const ruleSet = ruleSetFor(type, dsr)!;
    const expected = expectedAttachments(fixture(path), ruleSet, fixtureOptions(ruleSet))!;
    expect(expected).toHaveLength(n);
    expect(expected.filter((e) => e.namingExpected !== undefined)).toEqual([]);
  });
});

describe('the two-way check on avance-liberal.json', () => {
  const expected = expectedAttachments(LIBERAL, mdv, fixtureOptions(mdv))!;

  it('every attachment present and sound, spread over two zips: nothing to report', async () => {
    const { report } = await timed([zipOf('a.zip', [pdf(BDC1)]), zipOf('b.zip', [pdf(BDC2, { deflate: true })])], expected);
    expect(report.missing).toEqual([]);
    expect(report.unexpected).toEqual([]);
    expect(report.faulty).toEqual([]);
    expect(report.detail!.documents!.map((d) => [d.nomFichier, d.status, d.zip])).toEqual([
      [BDC1, 'present', 'a.zip'],
      [BDC2, 'present', 'b.zip'],
    ]);
    expect(report.detail!.zips.map((z) => [z.name, z.files, z.faults])).toEqual([
      ['a.zip', 1, []],
      ['b.zip', 1, []],
    ]);
  });

  it('missing, unexpected and faulty, each with its request and code', async () => {
    const zip = zipOf('pj.zip', [{ name: BDC1, data: content('png') }, pdf('notes.pdf'), pdf('mdv-lgc-va1-bdc-00002.PDF')]);
    const { report } = await timed([zip], expected);
    expect(report.missing).toEqual([
      {
        numLigne: 2,
        numeroEditeur: '00002',
        typeFichier: 'BON_COMMANDE',
        nomFichier: BDC2,
        code: 'P001',
        message: expect.stringContaining(BDC2),
      },
    ]);
    expect(report.unexpected).toEqual([
      { zip: 'pj.zip', name: 'notes.pdf', code: 'P002', message: expect.stringContaining('notes.pdf') },
      { zip: 'pj.zip', name: 'mdv-lgc-va1-bdc-00002.PDF', code: 'P002', message: expect.stringContaining('vouliez-vous dire') },
    ]);
    expect(report.faulty).toEqual([
      {
        zip: 'pj.zip',
        name: BDC1,
        numLigne: 1,
        numeroEditeur: '00001',
        code: 'P008',
        message: `Le fichier « ${BDC1} » du zip « pj.zip » n'est pas ce qu'annonce son extension .pdf : c'est une image PNG.`,
      },
    ]);
    expect(report.detail!.documents!.map((d) => d.status)).toEqual(['faulty', 'missing']);
    // The unexpected file that is the missing one but for case gets a hint.
    expect(report.detail!.extra.map((x) => x.hint)).toEqual([undefined, BDC2]);
  });

  it('a name off the naming rule is faulty in the zip too (P006), with the expected name', async () => {
    const text = new TextDecoder().decode(LIBERAL).replace(`"nomFichier": "${BDC1}"`, '"nomFichier": "bdc-00001.pdf"');
    const named = expectedAttachments(enc.encode(text), mdv, fixtureOptions(mdv))!;
    const { report } = await timed([zipOf('pj.zip', [pdf('bdc-00001.pdf'), pdf(BDC2)])], named);
    expect(codes(report)).toEqual(['P006']);
    expect(report.faulty[0]!.message).toContain(`nom attendu « ${BDC1} »`);
  });

  it('files in a folder of the zip count by their file name; macOS’s decomposed accents match', async () => {
    const accented = expect1('Reçu-été.pdf');
    const { report } = await timed(
      [zipOf('pj.zip', [pdf(`pieces/${BDC1}`), pdf('pieces/'.normalize('NFD') + 'Reçu-été.pdf'.normalize('NFD'))])],
      [expected[0]!, accented],
    );
    expect(codes(report)).toEqual([]);
    expect(report.detail!.documents!.map((d) => d.entry)).toEqual([`pieces/${BDC1}`, 'pieces/Reçu-été.pdf'.normalize('NFD')]);
  });

  it('reports progress from 0 to the number of files, and can be stopped', async () => {
    const zip = zipOf(
      'pj.zip',
      Array.from({ length: 20 }, (_, i) => pdf(`f${i}.pdf`)),
    );
    const seen: [number, number][] = [];
    await checkAttachments([zip], null, VAGUE1_ATTACHMENTS, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen[0]).toEqual([0, 20]);
    expect(seen.at(-1)).toEqual([20, 20]);
    expect(seen.map((s) => s[0])).toEqual([...seen.map((s) => s[0])].sort((a, b) => a - b));
    const stop = new AbortController();
    stop.abort(new Error('arrêté'));
    await expect(checkAttachments([zip], null, VAGUE1_ATTACHMENTS, { signal: stop.signal })).rejects.toThrow('arrêté');
  });

  it('an I/O failure of a blob rejects (it is not a fault of the zip)', async () => {
    const blob = { size: 1000, slice: () => ({ arrayBuffer: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) }) };
    await expect(checkAttachments([{ name: 'pj.zip', blob }], expected, VAGUE1_ATTACHMENTS)).rejects.toThrow('EIO');
  });

  it('without a readable JSON, checks every file as an attachment and reports nothing missing or unexpected', async () => {
    const { report } = await timed([zipOf('pj.zip', [pdf('a.pdf'), { name: 'b.pdf', data: content('png') }, pdf('c.docx')])], null);
    expect(report.detail!.documents).toBeNull();
    expect(codes(report)).toEqual(['P008', 'P005']);
    expect(report.detail!.zips[0]!.faults.map((f) => f.code)).toEqual(['P008', 'P005']);
  });
});

describe('limits follow the rule set', () => {
  it('every rule set declares its limits: 3 Mo per file, 100 characters, 200 Mo (vague 1) or 20 Mo (vague 2)', () => {
    const byDsr = Object.fromEntries(RULE_SETS.map((r) => [`${r.dsr} ${r.type}`, r.attachments]));
    expect(byDsr).toEqual({
      'MDV-LGC avance': VAGUE1_ATTACHMENTS,
      'MDV-LGC solde': VAGUE1_ATTACHMENTS,
      'BIO-SGL solde': BIO_ATTACHMENTS,
      'HOP-DPI avance': VAGUE2_ATTACHMENTS,
      'HOP-PFI avance': VAGUE2_ATTACHMENTS,
      'MS avance': VAGUE2_ATTACHMENTS,
    });
    for (const r of RULE_SETS) expect([r.attachments.maxFileBytes, r.attachments.nameMax]).toEqual([3 * 1024 * 1024, 100]);
    expect([VAGUE1_ATTACHMENTS.maxZipBytes, VAGUE2_ATTACHMENTS.maxZipBytes]).toEqual([200 * MIB, 20 * MIB]);
  });

  it('XML is accepted for BIO (with a byte-order mark and blank lines), refused elsewhere', async () => {
    const bio = ruleSetFor('solde', 'BIO-SGL')!;
    const xml = expect1('BIO-SGL-Va1-FACTURE-00001.xml');
    expect(
      codes((await timed([zipOf('pj.zip', [{ name: xml.nomFichier, data: content('xml') }])], [xml], bio.attachments)).report),
    ).toEqual([]);
    expect(
      codes((await timed([zipOf('pj.zip', [{ name: xml.nomFichier, data: content('pdf') }])], [xml], bio.attachments)).report),
    ).toEqual(['P008']);
    expect(
      codes((await timed([zipOf('pj.zip', [{ name: xml.nomFichier, data: content('xml') }])], [xml], mdv.attachments)).report),
    ).toEqual(['P005']);
  });

  it('exactly 3 Mo passes; a .jpeg is refused with a hint', async () => {
    const { report } = await timed(
      [
        zipOf('pj.zip', [
          { name: BDC1, data: content('pdf', 3 * MIB) },
          { name: 'scan.jpeg', data: content('jpg') },
        ]),
      ],
      [expect1(BDC1), expect1('scan.jpeg')],
    );
    expect(codes(report)).toEqual(['P005']);
    expect(report.faulty[0]!.message).toContain('renommez-le en .jpg');
  });
});

describe('the generated example of each code', () => {
  /** Each example's full verdict: its code, and nothing else but what follows from it. */
  const VERDICTS: Record<string, Code[]> = {
    P001: ['P001'],
    P002: ['P002'],
    P003: ['P003'],
    P004: ['P004'],
    P005: ['P005'],
    P006: ['P006'],
    P007: ['P007'],
    P008: ['P008'],
    P009: ['P009'],
    P010: ['P002', 'P010'],
    P011: ['P011'],
    P012: ['P002', 'P012'],
    P013: ['P002', 'P013'],
    P014: ['P014'],
    P015: ['P001', 'P015'],
    P016: ['P001', 'P016'],
    P017: ['P001', 'P017'],
    P018: ['P018'],
  };

  test.each(ATTACHMENT_EXAMPLES.map((x) => [`${x.code} — ${x.title}`, x] as const))(
    '%s: its code alone, within a bounded memory',
    async (_, x) => {
      const { zips, expected, limits } = x.build();
      const { report, grew } = await timed(zips, expected, limits);
      expect(codes(report)).toEqual(VERDICTS[x.code]);
      // No clock assertion (no test depends on the machine's speed): the memory bound shows
      // that nothing was decompressed whole.
      expect(grew).toBeLessThan(64 * MIB);
      for (const f of report.faulty) expect(f.message).not.toMatch(/undefined|NaN|\[object/);
    },
  );
});

describe('hostile zips: a clear code, no crash, no hang, no memory blow-up', () => {
  const expected = [expect1(BDC1)];

  async function hostile(zips: ZipInput[], exp: ExpectedAttachment[] | null = expected, limits = VAGUE1_ATTACHMENTS) {
    const r = await timed(zips, exp, limits);
    expect(r.grew).toBeLessThan(64 * MIB);
    return r.report;
  }

  describe('zip bombs', () => {
    it('an entry of 1 Mo inflating to 1 Go, sizes declared honestly: refused unread', async () => {
      const bomb = deflateBomb(1024 * MIB);
      const zip = zipOf('pj.zip', [{ name: BDC1, compressed: bomb.compressed, size: bomb.size }]);
      const report = await hostile([zip]);
      expect(codes(report)).toEqual(['P014']);
      expect(report.faulty[0]!.message).toMatch(/taux de compression anormal \(1 Go .* soit 1032 pour 1\)/);
      expect(zip.blob.bytesRead).toBeLessThan(zip.blob.size / 4); // the end and the directory only
    });

    it('the same stream declaring 1 000 bytes: caught by the first bytes inflated', async () => {
      const bomb = deflateBomb(1024 * MIB);
      const report = await hostile([zipOf('pj.zip', [{ name: BDC1, compressed: bomb.compressed, size: 1000 }])]);
      expect(codes(report)).toEqual(['P014']);
      expect(report.faulty[0]!.message).toContain('au-delà de la taille annoncée');
    });

    it('the same stream declaring 2 Mo (under the limit): caught by its rate', async () => {
      const bomb = deflateBomb(1024 * MIB);
      const report = await hostile([zipOf('pj.zip', [{ name: BDC1, compressed: bomb.compressed, size: 2 * MIB }])]);
      expect(codes(report)).toEqual(['P014']);
      expect(report.faulty[0]!.message).toContain('taux anormal');
    });

    it('a zip64 entry declaring 5 Gio for 1 Mo', async () => {
      const bomb = deflateBomb(MIB);
      const report = await hostile([
        zipOf('pj.zip', [{ name: BDC1, compressed: bomb.compressed, size: 5 * 1024 * 1024 * 1024, zip64: true }]),
      ]);
      expect(codes(report)).toEqual(['P014']);
    });

    it('overlapping entries: many names for one compressed stream', async () => {
      const bomb = deflateBomb(2 * MIB);
      const names = Array.from({ length: 50 }, (_, i) => `MDV-LGC-Va1-BDC-${String(i + 1).padStart(5, '0')}.pdf`);
      const zip = zipOf(
        'pj.zip',
        names.map((name, i) =>
          i === 0
            ? { name, compressed: bomb.compressed, size: bomb.size }
            : { name, compressed: bomb.compressed, size: bomb.size, sameDataAs: 0 },
        ),
      );
      const report = await hostile(
        [zip],
        names.map((n, i) => expect1(n, i + 1)),
      );
      // The first entry is too big to be honest already; each later one overlaps it.
      expect(report.faulty.filter((f) => f.message.includes('superposées'))).toHaveLength(49);
      expect(new Set(report.faulty.map((f) => f.code))).toEqual(new Set(['P014']));
    });

    it('sixty thousand entries announced', async () => {
      const zip = buildZip([pdf(BDC1)]);
      const view = new DataView(zip.buffer);
      view.setUint16(zip.length - 22 + 8, 60_000, true);
      view.setUint16(zip.length - 22 + 10, 60_000, true);
      const report = await hostile([{ name: 'pj.zip', blob: countingBlob(zip) }]);
      expect(codes(report)).toEqual(['P001', 'P014']);
      expect(report.faulty[0]).toMatchObject({ zip: 'pj.zip', name: null });
    });
  });

  describe('paths', () => {
    it.each([
      ['../../../etc/cron.d/x.pdf', 'remonte'],
      ['/etc/passwd', 'absolu'],
      ['C:\\Windows\\System32\\x.pdf', 'absolu'],
      ['pieces\\x.pdf', 'barre oblique inverse'],
    ])('%s', async (name, words) => {
      const report = await hostile([zipOf('pj.zip', [pdf(BDC1), pdf(name)])]);
      expect(codes(report)).toEqual(['P002', 'P010']);
      expect(report.faulty[0]!.message).toContain(words);
    });

    it('an expected file under ../ is flagged, not missing', async () => {
      const report = await hostile([zipOf('pj.zip', [pdf(`../${BDC1}`)])]);
      expect(codes(report)).toEqual(['P010']);
      expect(report.detail!.documents![0]!.status).toBe('faulty');
    });

    it('a folder entry named ../', async () => {
      const report = await hostile([zipOf('pj.zip', [{ name: '../' }, pdf(BDC1)])]);
      expect(report.faulty).toMatchObject([{ zip: 'pj.zip', name: '../', code: 'P010' }]);
    });
  });

  it('duplicate names: in one zip, and across two zips', async () => {
    const report = await hostile([zipOf('a.zip', [pdf(BDC1), pdf(BDC1), pdf('x.pdf'), pdf('x.pdf')]), zipOf('b.zip', [pdf(BDC1)])]);
    // Both copies of a file no request names are unexpected; the second one is a duplicate as well.
    expect(codes(report)).toEqual(['P002', 'P002', 'P011', 'P011', 'P011']);
    expect(report.unexpected.map((u) => [u.zip, u.name, u.code])).toEqual([
      ['a.zip', 'x.pdf', 'P002'],
      ['a.zip', 'x.pdf', 'P002'],
    ]);
    expect(report.faulty.map((f) => [f.zip, f.name, f.numLigne ?? null])).toEqual([
      ['a.zip', BDC1, 1],
      ['a.zip', 'x.pdf', null],
      ['b.zip', BDC1, 1],
    ]);
    expect(report.faulty[2]!.message).toContain('dans le zip « a.zip »');
  });

  describe('truncated and corrupt archives', () => {
    const whole = buildZip([pdf(BDC1), pdf(BDC2)]);
    it.each([
      ['cut in half', whole.slice(0, whole.length >> 1), 'tronquée'],
      ['cut before its last byte', whole.slice(0, whole.length - 1), 'tronquée'],
      ['its directory cut', whole.slice(0, whole.length - 30), 'tronquée'],
    ])('%s', async (_, bytes, words) => {
      const report = await hostile([{ name: 'pj.zip', blob: countingBlob(bytes) }]);
      expect(codes(report)).toEqual(['P001', 'P015']);
      expect(report.faulty[0]!.message).toContain(words);
    });

    it('a damaged entry: the others are still checked', async () => {
      const zip = buildZip([pdf(BDC2), pdf(BDC1)]);
      zip[0] = 0; // the first local header's signature
      const report = await hostile([{ name: 'pj.zip', blob: countingBlob(zip) }], [expect1(BDC1), expect1(BDC2, 2)]);
      expect(report.faulty).toMatchObject([{ name: BDC2, numLigne: 2, code: 'P015' }]);
      expect(report.detail!.documents!.map((d) => d.status)).toEqual(['present', 'faulty']);
    });

    it('invalid compressed data', async () => {
      const report = await hostile([zipOf('pj.zip', [{ name: BDC1, compressed: noise(5000, 3).map((b) => b | 0x06), size: 20_000 }])]);
      expect(codes(report)).toEqual(['P015']);
    });
  });

  it('encrypted entries are refused without reading their content', async () => {
    const zip = zipOf('pj.zip', [pdf(BDC1, { flags: 1, data: content('pdf', 200_000) })]);
    const report = await hostile([zip]);
    expect(codes(report)).toEqual(['P009']);
    expect(zip.blob.reads).toBe(2);
  });

  it('a zip64 archive is read like any other', async () => {
    const zip = {
      name: 'pj.zip',
      blob: countingBlob(buildZip([pdf(BDC1, { zip64: true }), pdf(BDC2, { zip64: true, deflate: true })], { zip64: true })),
    };
    expect(codes(await hostile([zip], [expect1(BDC1), expect1(BDC2, 2)]))).toEqual([]);
  });

  it('a name not in UTF-8 is shown as CP437 reads it', async () => {
    const name = Uint8Array.from([...enc.encode('Re'), 0x87, ...enc.encode('u.pdf')]);
    const report = await hostile([zipOf('pj.zip', [pdf(BDC1), { name, data: content('pdf') }])]);
    expect(codes(report)).toEqual(['P002', 'P013']);
    expect(report.unexpected[0]!.name).toBe('Reçu.pdf');
  });

  it('a zip inside the zip, by its extension and by its content', async () => {
    const inner = buildZip([pdf(BDC1)]);
    const report = await hostile([
      zipOf('pj.zip', [
        { name: 'pieces.zip', data: inner },
        { name: BDC1, data: inner, deflate: true },
      ]),
    ]);
    expect(codes(report)).toEqual(['P002', 'P012', 'P012']);
    expect(report.faulty.map((f) => f.name)).toEqual(['pieces.zip', BDC1]);
  });

  it('an empty zip, and a zip of folders only', async () => {
    expect(codes(await hostile([zipOf('pj.zip', [])]))).toEqual(['P001', 'P017']);
    expect(codes(await hostile([zipOf('pj.zip', [{ name: 'pieces/' }, { name: 'pieces/vide/' }])]))).toEqual(['P001', 'P017']);
  });

  it.each([
    ['a PDF', content('pdf'), 'un document PDF'],
    ['random bytes', noise(300_000), 'un contenu non reconnu'],
    ['an empty file', new Uint8Array(0), 'un fichier vide'],
    ['a 7-Zip archive', Uint8Array.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'une archive 7-Zip'],
  ])('not a zip: %s', async (_, bytes, words) => {
    const report = await hostile([{ name: 'pj.zip', blob: countingBlob(bytes) }]);
    expect(codes(report)).toEqual(['P001', 'P016']);
    expect(report.faulty[0]!.message).toBe(`Le fichier « pj.zip » n'est pas un zip : c'est ${words}.`);
  });

  it('one bad zip does not hide the others', async () => {
    const report = await hostile([{ name: 'faux.zip', blob: countingBlob(content('pdf')) }, zipOf('pj.zip', [pdf(BDC1)])]);
    expect(codes(report)).toEqual(['P016']);
    expect(report.detail!.documents![0]!.status).toBe('present');
  });

  it('the examples of the completeness test are fast too', () => {
    expect(ATTACHMENT_EXAMPLES.map((x) => x.code)).toEqual(Array.from({ length: 18 }, (_, i) => `P${String(i + 1).padStart(3, '0')}`));
    expect(one([]).zips).toHaveLength(1);
  });
});

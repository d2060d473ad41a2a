// Issue 10, part A, through the built `segur-sim` (dist/cli/segur-sim.mjs): what the guides allow
// is accepted, what they state is checked, and the file-level notes. Each case checks the exit
// status, the path of the finding and words of its message. The seed line behind each rule is
// given beside its case (seeds: the OCR of the ASP / ANS guides).

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { builtCli, ROOT, runCli } from './built-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixture = (path: string) => readFileSync(join(ROOT, 'src/rules', path), 'utf8');

const LIBERAL = fixture('mdv-lgc/fixtures/avance-liberal.json');
const STRUCTURE = fixture('mdv-lgc/fixtures/avance-structure.json');
const BIO_SANS_DMP = fixture('bio-sgl/fixtures/solde-sans-dmp.json');
const BIO_DMP = fixture('bio-sgl/fixtures/solde-dmp.json');
const HOP_DPI = fixture('hop/fixtures/hop-dpi-avance.json');

const MDV = ['--type', 'avance', '--dsr', 'MDV-LGC', '--tva', '20', '--profil', 'mailiz', '--profil', 'centre-sante'];
const DPI = ['--type', 'avance', '--dsr', 'HOP-DPI', '--tva', '20'];
const BIO = ['--type', 'solde', '--dsr', 'BIO-SGL'];
/** A name that follows the guides' rule: no file-name warning (G020) in the cases that do not test it. */
const NAMED = 'JSON-MDVLGC0001-20240115-001.json';

interface Issue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}
interface Report {
  readonly status: string;
  readonly globalErrors: Issue[];
  readonly globalWarnings: Issue[];
  readonly requests: { errors: Issue[]; warnings: Issue[] }[];
  readonly attachments: { missing: unknown[]; unexpected: unknown[]; faulty: unknown[] };
}

let work: string;
beforeAll(() => {
  builtCli(); // `npm test` builds first; a lone `vitest run` builds the bin when missing or stale
  work = mkdtempSync(join(tmpdir(), 'segur-fidelity-'));
}, 120_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Applies `[from, to]` edits (the first occurrence of each), failing loudly when one is stale. */
function edit(text: string, edits: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of edits) {
    expect(out.includes(from), `edit not applicable: ${from}`).toBe(true);
    out = out.replace(from, to);
  }
  return out;
}

/** Runs the bin on `text` saved as `name`, with --format json; the report and the exit status. */
function check(
  text: string,
  args: readonly string[],
  name = NAMED,
  files: Record<string, Uint8Array> = {},
): { status: number | null; report: Report; stderr: string } {
  const dir = mkdtempSync(join(work, 'case-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  const zipArgs: string[] = [];
  if (Object.keys(files).length > 0) {
    writeFileSync(join(dir, 'pieces.zip'), zipSync(files));
    zipArgs.push('--pj', join(dir, 'pieces.zip'));
  }
  const run = runCli([path, ...args, ...zipArgs, '--format', 'json', '--out', join(dir, 'sortie.json')], { cwd: dir });
  return { status: run.status, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.code} ${i.path}`);
const all = (r: Report) => [...r.globalErrors, ...r.globalWarnings, ...r.requests.flatMap((q) => [...q.errors, ...q.warnings])];
const find = (r: Report, code: string) => all(r).find((i) => i.code === code);

// Each case spawns node several times: generous timeouts for a loaded 2-core machine.
const SLOW = { timeout: 120_000 };

describe('false rejections: each is accepted', SLOW, () => {
  it('the header tag SIRET (field tables of seeds 002 line 443 and 004 line 377), even under --strict', () => {
    const r = check(edit(LIBERAL, [['"siret"', '"SIRET"']]), [...MDV, '--strict']);
    expect(r.status).toBe(0);
    expect(r.report.globalErrors).toEqual([]);
    expect(r.report.globalWarnings).toEqual([]);
  });

  it('siret and SIRET together: exit 2, one error naming the two spellings', () => {
    const r = check(edit(LIBERAL, [['"siret": "73282932000074",', '"siret": "73282932000074",\n  "SIRET": "73282932000074",']]), MDV);
    expect(r.status).toBe(2);
    expect(codes(r.report.globalErrors)).toEqual(['E033 /SIRET']);
    expect(r.report.globalErrors[0]!.message).toMatch(/deux fois sous ses deux orthographes.*« siret »/);
  });

  it('a STRUCTURE request without isMandataire / isClientUnique («à ne pas renseigner», seed 002 lines 527-550)', () => {
    const r = check(
      edit(STRUCTURE, [
        ['"isMandataire": null,\n        "isClientUnique": null,\n', ''],
        ['"isMandataire": false,\n        "isClientUnique": false,\n', ''],
      ]),
      MDV,
    );
    expect(r.status).toBe(0);
    expect(all(r.report)).toEqual([]);
  });

  it("isDirecToDMP (the MDV tables' spelling, seed 002 lines 686 and 789) under --strict: accepted, a note", () => {
    const r = check(edit(LIBERAL, [['"isDirectToDMP": true', '"isDirecToDMP": true']]), [...MDV, '--strict']);
    expect(r.status).toBe(0);
    expect(codes(r.report.requests[0]!.warnings)).toEqual(['A001 /lignesImport/0/scenarioInstallation/isDirecToDMP']);
    expect(r.report.requests[0]!.warnings[0]!.message).toContain('acceptée');
  });

  it('isDirectToDMP and isDirecToDMP in one request: one error, the tag twice under its two spellings', () => {
    const r = check(edit(LIBERAL, [['"isDirectToDMP": true,', '"isDirectToDMP": true,\n        "isDirecToDMP": false,']]), MDV);
    expect(r.status).toBe(1);
    expect(codes(r.report.requests[0]!.errors)).toEqual(['E033 /lignesImport/0/scenarioInstallation/isDirecToDMP']);
    expect(r.report.requests[0]!.errors[0]!.message).toMatch(/deux orthographes.*« isDirectToDMP »/);
  });

  it('an e-mail with an accented domain, under --strict; a malformed one is a warning --strict leaves alone', () => {
    const accented = check(edit(LIBERAL, [['"cabinet.bernard@exemple.fr"', '"dr.durand@clinique-éléa.fr"']]), [...MDV, '--strict']);
    expect(accented.status).toBe(0);
    expect(all(accented.report)).toEqual([]);
    const odd = check(edit(LIBERAL, [['"cabinet.bernard@exemple.fr"', '"cabinet.bernard"']]), [...MDV, '--strict']);
    expect(odd.status).toBe(0);
    expect(codes(odd.report.requests[1]!.warnings)).toEqual(['A020 /lignesImport/1/beneficiaires/liberal/0/emailMedecin']);
    expect(odd.report.requests[1]!.warnings[0]!.message).toContain('adresse électronique');
  });

  it('BIO-SGL: identDMP filled while isDirectToDMP is false is a warning (seed 004: required only when true)', () => {
    const r = check(edit(BIO_SANS_DMP, [['"identDMP": []', '"identDMP": ["1590000014"]']]), BIO);
    expect(r.status).toBe(0);
    expect(codes(r.report.requests[0]!.warnings)).toEqual(['A021 /lignesImport/0/scenarioInstallation/identDMP']);
    expect(r.report.requests[0]!.warnings[0]!.message).toContain('isDirectToDMP');
    expect(check(edit(BIO_SANS_DMP, [['"identDMP": []', '"identDMP": ["1590000014"]']]), [...BIO, '--strict']).status).toBe(0);
  });

  it('HOP: nomClient / nomRepresentant in mixed case or longer than 50 characters are warnings (seed 001: examples only)', () => {
    const long = 'CENTRE HOSPITALIER INTERCOMMUNAL DE LA VALLÉE DE LA BRUCHE';
    const r = check(
      edit(HOP_DPI, [
        ['"CENTRE HOSPITALIER DE SAINT-ÉLOI"', `"${long}"`],
        ['"nomRepresentant": "EVRARD"', '"nomRepresentant": "Evrard"'],
        ['"CLINIQUE DU PARC"', '"Clinique du Parc"'],
      ]),
      [...DPI, '--strict'],
    );
    expect(r.status).toBe(0);
    expect(codes(r.report.requests[0]!.warnings)).toEqual([
      'A022 /lignesImport/0/beneficiaires/nomClient',
      'A022 /lignesImport/0/beneficiaires/nomRepresentant',
    ]);
    expect(codes(r.report.requests[1]!.warnings)).toEqual(['A022 /lignesImport/1/beneficiaires/nomClient']);
    expect(r.report.requests[0]!.warnings[0]!.message).toMatch(/MAJUSCULES.*50 caractères/);
  });

  it('HOP: attachments named Va1 («Documents attendus», seed 001 line 381) or Va2 (JSON examples, line 159), in the JSON and the zip', () => {
    const va1 = edit(HOP_DPI, [['HOP-DPI-Va2-BDC-00001.pdf', 'HOP-DPI-Va1-BDC-00001.pdf']]);
    const pdf = new TextEncoder().encode('%PDF-1.7\nbon de commande\n');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const r = check(va1, [...DPI, '--strict'], 'JSON-MJCDPI0001-20240115-001.json', {
      'HOP-DPI-Va1-BDC-00001.pdf': pdf,
      'HOP-DPI-Va2-BDC-00002.png': png,
    });
    expect(r.status).toBe(0);
    expect(all(r.report)).toEqual([]);
    expect(r.report.attachments).toEqual({ missing: [], unexpected: [], faulty: [] });
    const va3 = check(edit(HOP_DPI, [['HOP-DPI-Va2-BDC-00001.pdf', 'HOP-DPI-Va3-BDC-00001.pdf']]), DPI);
    expect(codes(va3.report.requests[0]!.warnings)).toEqual(['A005 /lignesImport/0/piecesJustificatives/0/nomFichier']);
    expect(va3.report.requests[0]!.warnings[0]!.message).toContain('HOP-DPI-Va2-BDC-00001.pdf');
  });
});

describe('documented checks', SLOW, () => {
  it('under STRUCTURE, nomMandataire / emailMandataire / telephoneMandataire must be null (seed 002 lines 560-610)', () => {
    const r = check(edit(STRUCTURE, [['"emailMandataire": null', '"emailMandataire": "direction@msp.fr"']]), MDV);
    expect(r.status).toBe(1);
    expect(codes(r.report.requests[0]!.errors)).toEqual(['E005 /lignesImport/0/beneficiaires/emailMandataire']);
    expect(r.report.requests[0]!.errors[0]!.message).toMatch(/null.*STRUCTURE/);
  });

  it("without --tva, a request whose regime differs from the first request's is rejected (seed 000 line 236)", () => {
    const mixed = edit(LIBERAL, [
      ['"regimeTVA": "TTC",\n        "montantSegurHT": 358.33', '"regimeTVA": "HT",\n        "montantSegurHT": 358.33'],
    ]);
    const args = ['--type', 'avance', '--dsr', 'MDV-LGC'];
    const r = check(mixed, args);
    expect(r.status).toBe(1);
    expect(r.report.requests[0]!.errors).toEqual([]);
    const e034 = r.report.requests[1]!.errors.find((i) => i.code === 'E034')!;
    expect(e034.path).toBe('/lignesImport/1/commande/regimeTVA');
    expect(e034.message).toMatch(/« HT ».*première demande.*« TTC »/);
    // one regime throughout: no E034.
    expect(check(LIBERAL, args).status).toBe(0);
  });

  it('numLigne 1, 2, 3…: a warning on the first request that breaks the sequence (seed 002 line 452), not escalated', () => {
    const r = check(edit(LIBERAL, [['"numLigne": 2,', '"numLigne": 5,']]), [...MDV, '--strict']);
    expect(r.status).toBe(0);
    expect(codes(r.report.requests[1]!.warnings)).toEqual(['A023 /lignesImport/1/numLigne']);
    expect(r.report.requests[1]!.warnings[0]!.message).toMatch(/1, 2, 3.*demande 2 porte le numéro 5/);
  });

  it('numeroEditeur "00000" is an error: numbering starts at 00001 (seed 002 line 479)', () => {
    const r = check(
      edit(LIBERAL, [
        ['"numeroEditeur": "00001"', '"numeroEditeur": "00000"'],
        ['MDV-LGC-Va1-BDC-00001.pdf', 'MDV-LGC-Va1-BDC-00000.pdf'],
      ]),
      MDV,
    );
    expect(r.status).toBe(1);
    expect(codes(r.report.requests[0]!.errors)).toEqual(['E035 /lignesImport/0/numeroEditeur']);
    expect(r.report.requests[0]!.errors[0]!.message).toContain('00001');
  });

  it('the JSON file name (seeds 002 line 819, 004 line 705): a warning in globalWarnings, never escalated', () => {
    const bad = check(LIBERAL, [...MDV, '--strict'], 'demandes.json');
    expect(bad.status).toBe(0);
    expect(codes(bad.report.globalWarnings)).toEqual(['G020 ']);
    expect(bad.report.globalWarnings[0]!.message).toMatch(/« demandes\.json ».*JSON-MDVLGC0001-AAAAMMJJ-001\.json/);
    const other = check(LIBERAL, MDV, 'JSON-MDVLGC0002-20240115-001.json');
    expect(other.status).toBe(0);
    expect(other.report.globalWarnings[0]!.message).toMatch(/« MDVLGC0002 ».*en-tête/);
    for (const name of [
      NAMED,
      'JSON-MDVLGC0001-20240115-001_sortie.json',
      'JSON-MDVLGC0001-20240115-001 (1).json',
      'JSON-MDVLGC0001-20240115-001_sortie (2).json',
    ]) {
      expect(check(LIBERAL, MDV, name).report.globalWarnings, name).toEqual([]);
    }
  });
});

describe('messages', SLOW, () => {
  it('never builds naming advice from an invalid numeroEditeur ("1" with MDV-LGC-Va1-BDC-00001.pdf)', () => {
    const r = check(edit(LIBERAL, [['"numeroEditeur": "00001"', '"numeroEditeur": "1"']]), MDV);
    expect(r.status).toBe(1);
    expect(codes(r.report.requests[0]!.errors)).toEqual(['E007 /lignesImport/0/numeroEditeur']);
    expect(r.report.requests[0]!.warnings).toEqual([]);
    expect(JSON.stringify(r.report)).not.toContain('BDC-1.pdf');
    // A name that breaks the rule is still reported, with numeroEditeur as a placeholder.
    const odd = check(
      edit(LIBERAL, [
        ['"numeroEditeur": "00001"', '"numeroEditeur": "1"'],
        ['MDV-LGC-Va1-BDC-00001.pdf', 'BDC.pdf'],
      ]),
      MDV,
    );
    expect(find(odd.report, 'A005')!.message).toContain('MDV-LGC-Va1-BDC-numeroEditeur.pdf');
  });

  it('liberal: null under STRUCTURE says that [] is expected', () => {
    const r = check(edit(STRUCTURE, [['"liberal": []', '"liberal": null']]), MDV);
    expect(r.status).toBe(1);
    const issue = r.report.requests[0]!.errors[0]!;
    expect(issue.path).toBe('/lignesImport/0/beneficiaires/liberal');
    expect(issue.message).toContain('[]');
    expect(issue.message).not.toContain('renseignée');
  });

  it.each([
    ['a BIO-SGL balance checked as an MDV-LGC advance', BIO_DMP, MDV, /« BIO-SGL — demande de solde ».*« Solde ».*« BIO-SGL »/],
    [
      'an MDV-LGC advance checked as a balance',
      LIBERAL,
      ['--type', 'solde', '--dsr', 'MDV-LGC'],
      /« MDV-LGC — demande d'avance ».*« Avance »/,
    ],
    [
      'a HOP-DPI file checked as MDV-LGC',
      HOP_DPI,
      MDV,
      /« HOP-DPI — demande d'avance.*« MDV-LGC — demande d'avance ».*couloir « HOP-DPI »/,
    ],
    [
      'a HOP-DPI file checked as HOP-PFI',
      HOP_DPI,
      ['--type', 'avance', '--dsr', 'HOP-PFI', '--tva', '20'],
      /« HOP-DPI — demande d'avance.*couloir « HOP-DPI »/,
    ],
  ] as const)('%s: one file-level note in globalWarnings naming the likely type and DSR', (_, text, args, words) => {
    const r = check(text, args);
    expect(r.status).toBe(1);
    const notes = r.report.globalWarnings.filter((i) => i.code === 'G021');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.path).toBe('');
    expect(notes[0]!.message).toMatch(words);
  });

  it('no look-alike note for a file checked under its own rule set, even with several errors', () => {
    const broken = edit(LIBERAL, [
      ['"typeAction": "C"', '"typeAction": "M"'],
      ['"montantSegurHT": 1075.00', '"montantSegurHT": 1075'],
      ['"dateCommande": "15/01/2024"', '"dateCommande": "2024-01-15"'],
    ]);
    const r = check(broken, MDV);
    expect(r.status).toBe(1);
    expect(r.report.requests[0]!.errors.length).toBeGreaterThanOrEqual(3);
    expect(r.report.globalWarnings).toEqual([]);
  });
});

describe("--strict on the guides' own examples fails only on their fake check digits", SLOW, () => {
  it.each([
    ['hop/fixtures/hop-dpi-guide.json', ['--type', 'avance', '--dsr', 'HOP-DPI', '--tva', '20']],
    ['hop/fixtures/hop-pfi-guide.json', ['--type', 'avance', '--dsr', 'HOP-PFI', '--tva', '0']],
    // The guides' worked examples, whose JSON is an image the OCR did not keep, rebuilt from their
    // text with their own made-up numbers: seed 002 l.346–366 (a group practice, Dr Durand,
    // 1 075 € HT), l.370–412 (the Centre de santé des acacias, FINESS 111111111, 10 750 € HT),
    // seed 004 l.270–315 (BIO-SGL balance, sites 999999991–3, 27 450 € HT, FINBIO000002).
    ['mdv-lgc/guide-examples/cabinet.json', ['--type', 'avance', '--dsr', 'MDV-LGC', '--tva', '20']],
    ['mdv-lgc/guide-examples/structure.json', ['--type', 'avance', '--dsr', 'MDV-LGC', '--tva', '20', '--profil', 'centre-sante']],
    ['bio-sgl/guide-examples/solde.json', ['--type', 'solde', '--dsr', 'BIO-SGL']],
  ] as const)('%s', (path, args) => {
    const text = fixture(path);
    const lax = check(text, args);
    expect(lax.status).toBe(0);
    const strict = check(text, [...args, '--strict']);
    const errors = [...strict.report.globalErrors, ...strict.report.requests.flatMap((q) => q.errors)];
    expect(errors.length).toBeGreaterThan(0);
    // A003 RPPS, A004 FINESS, A010 SIRET: the Luhn keys of the guide's made-up numbers.
    for (const e of errors) expect(['A003', 'A004', 'A010'], `${e.code} ${e.path}`).toContain(e.code);
  });
});

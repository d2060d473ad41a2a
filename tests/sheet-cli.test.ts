// `segur-sim template` and `segur-sim build`: the argument parsers as units, then the built bin
// end to end (dist/cli/segur-sim.mjs, spawned with node in a temporary folder), and the files it
// writes checked by `segur-sim` itself.

import { execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, runCli } from './built-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBuildArgs, parseTemplateArgs } from '../src/cli/sheet-args';

const MDV = ['--type', 'avance', '--dsr', 'MDV-LGC'];
const HEADER = ['--numero-ans', 'MDVLGC0001', '--siret', '73282932000074'];

describe('argument parsers', () => {
  it('template: defaults and every option', () => {
    expect(parseTemplateArgs(MDV)).toEqual({ kind: 'run', options: { type: 'avance', dsr: 'MDV-LGC', format: 'csv' } });
    expect(parseTemplateArgs([...MDV, '--format=xlsx', '--out', 'm.xlsx'])).toEqual({
      kind: 'run',
      options: { type: 'avance', dsr: 'MDV-LGC', format: 'xlsx', out: 'm.xlsx' },
    });
    expect(parseTemplateArgs(['--help']).kind).toBe('help');
  });

  it('build: defaults and every option', () => {
    expect(parseBuildArgs(['t.csv', ...MDV, ...HEADER])).toEqual({
      kind: 'run',
      options: { table: 't.csv', type: 'avance', dsr: 'MDV-LGC', numeroAns: 'MDVLGC0001', siret: '73282932000074', format: 'text' },
    });
    const all = parseBuildArgs(['t.xlsx', ...MDV, ...HEADER, '--date', '20240115', '--out-dir', 'out', '--format', 'json']);
    expect(all.kind === 'run' && all.options).toMatchObject({ date: '20240115', outDir: 'out', format: 'json' });
  });

  it.each([
    [['t.csv', ...MDV, '--siret', '1'], /--numero-ans est obligatoire/],
    [['t.csv', ...MDV, ...HEADER, '--date', '20240230'], /--date.*AAAAMMJJ/],
    [['t.csv', ...MDV, ...HEADER, '--format', 'xml'], /--format/],
    [[...MDV, ...HEADER], /tableau à lire manquant/],
    [['t.csv', '--type', 'avance', ...HEADER], /--dsr est obligatoire/],
    [['t.csv', ...MDV, ...HEADER, '--tva', '20'], /option inconnue : --tva/],
  ])('build: usage error for %j', (argv, message) => {
    const parsed = parseBuildArgs(argv);
    expect(parsed.kind).toBe('usage-error');
    if (parsed.kind === 'usage-error') expect(parsed.message).toMatch(message);
  });
});

let work: string;

beforeAll(() => {
  builtCli(); // `npm test` builds first; a lone `vitest run` builds the bin when missing or stale
  work = mkdtempSync(join(tmpdir(), 'segur-sheet-cli-'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const cli = (args: string[], cwd: string) => runCli(args, { cwd });

const folder = () => mkdtempSync(join(work, 'case-'));
const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

describe('segur-sim template', () => {
  it('writes modele-<DSR>-<type>.csv in the current folder, and the XLSX on demand', () => {
    const dir = folder();
    const csv = cli(['template', ...MDV], dir);
    expect(csv.status).toBe(0);
    const text = readFileSync(join(dir, 'modele-MDV-LGC-avance.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]!.split(';')).toContain('beneficiaires.liberal.1.RPPS');
    const xlsx = cli(['template', '--type', 'solde', '--dsr', 'BIO-SGL', '--format', 'xlsx'], dir);
    expect(xlsx.status).toBe(0);
    expect(readFileSync(join(dir, 'modele-BIO-SGL-solde.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);

  it('--out - writes to standard output; bad usage exits 64', () => {
    const dir = folder();
    const out = cli(['template', ...MDV, '--out', '-'], dir);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^\uFEFFnumeroEditeur;/);
    const bad = cli(['template', '--type', 'solde', '--dsr', 'HOP-DPI'], dir);
    expect(bad.status).toBe(64);
    expect(bad.stderr).toMatch(/aucun jeu de règles pour --type solde --dsr HOP-DPI/);
  }, 120_000);
});

describe('segur-sim build', () => {
  /** The CSV template's two lines, as cells. */
  function template(dir: string, extra: string[] = MDV): { header: string[]; example: string[] } {
    expect(cli(['template', ...extra, '--out', 'modele.csv'], dir).status).toBe(0);
    const [header, example] = readFileSync(join(dir, 'modele.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .map((l) => l.split(';'));
    return { header: header!, example: example! };
  }

  it('250 rows: two files of 200 and 50 requests, both accepted by segur-sim', () => {
    const dir = folder();
    const { header, example } = template(dir);
    const rows = Array.from({ length: 250 }, (_, i) => {
      const row = [...example];
      row[header.indexOf('numeroEditeur')] = String(i + 1).padStart(5, '0');
      row[header.indexOf('piecesJustificatives.1.nomFichier')] = `MDV-LGC-Va1-BDC-${String(i + 1).padStart(5, '0')}.pdf`;
      return row.join(';');
    });
    writeFileSync(join(dir, 'demandes.csv'), [header.join(';'), ...rows].join('\r\n'));
    const run = cli(['build', 'demandes.csv', ...MDV, ...HEADER, '--date', '20240115', '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report).slice(0, 4)).toEqual(['status', 'files', 'errors', 'conversions']);
    expect(report.status).toBe('built');
    expect(report.files).toEqual([
      { path: join(dir, 'JSON-MDVLGC0001-20240115-001.json'), requests: 200 },
      { path: join(dir, 'JSON-MDVLGC0001-20240115-002.json'), requests: 50 },
    ]);
    for (const file of report.files) {
      const check = cli([file.path, ...MDV, '--tva', '20', '--out', join(dir, 'sortie.json')], dir);
      expect(check.stdout).toContain('acceptée');
      expect(check.status).toBe(0);
    }
  }, 180_000);

  it('a Windows-1252 CSV with 1 075,00, 15/01/2024 and oui/non builds, and the text report says so', () => {
    const dir = folder();
    const { header, example } = template(dir);
    const row = [...example];
    row[header.indexOf('commande.montantSegurHT')] = '1 075,00';
    row[header.indexOf('beneficiaires.isClientUnique')] = 'oui';
    row[header.indexOf('beneficiaires.isMandataire')] = 'non';
    row[header.indexOf('beneficiaires.liberal.1.nomMedecin')] = 'LEFÈVRE';
    writeFileSync(join(dir, 'export.csv'), Buffer.from([header.join(';'), row.join(';')].join('\r\n'), 'latin1'));
    const run = cli(['build', 'export.csv', ...MDV, ...HEADER, '--date', '20240115'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Windows-1252');
    expect(run.stdout).toContain('ligne 2, colonne commande.montantSegurHT : 1 075,00 → 1075.00');
    const built = readFileSync(join(dir, 'JSON-MDVLGC0001-20240115-001.json'), 'utf8');
    expect(built).toContain('"nomMedecin": "LEFÈVRE"');
    expect(built).toContain('"montantSegurHT": 1075.00');
  }, 120_000);

  it('a row with 31/02/2024 is reported at its row and column; nothing is written; exit 1', () => {
    const dir = folder();
    const { header, example } = template(dir);
    const second = [...example];
    second[header.indexOf('numeroEditeur')] = '00002';
    second[header.indexOf('commande.dateCommande')] = '31/02/2024';
    writeFileSync(join(dir, 'demandes.csv'), [header, example, second].map((r) => r.join(';')).join('\r\n'));
    const out = join(dir, 'out');
    execSync(`mkdir ${JSON.stringify(out)}`);
    const run = cli(['build', 'demandes.csv', ...MDV, ...HEADER, '--out-dir', 'out', '--format', 'json'], dir);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.status).toBe('rejected');
    expect(report.files).toEqual([]);
    expect(report.errors).toEqual([
      { row: 3, column: 'commande.dateCommande', code: 'E010', message: expect.stringContaining('31/02/2024') },
    ]);
    expect(readdirSync(out)).toEqual([]);
    const text = cli(['build', 'demandes.csv', ...MDV, ...HEADER, '--out-dir', 'out'], dir);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/E010 ligne 3, colonne commande\.dateCommande \(« 31\/02\/2024 »\)/);
    expect(jsonFiles(dir)).toEqual([]);
  }, 120_000);

  it('a table that is not one, a table not found, a wrong option', () => {
    const dir = folder();
    writeFileSync(join(dir, 'scan.csv'), '%PDF-1.7\n');
    const pdf = cli(['build', 'scan.csv', ...MDV, ...HEADER, '--format', 'json'], dir);
    expect(pdf.status).toBe(1);
    expect(JSON.parse(pdf.stdout).errors[0]).toMatchObject({ row: null, code: 'T006' });
    const missing = cli(['build', 'absent.csv', ...MDV, ...HEADER], dir);
    expect(missing.status).toBe(64);
    expect(missing.stderr).toContain('tableau introuvable : absent.csv');
    const bad = cli(['build', 'scan.csv', ...MDV, ...HEADER, '--date', 'demain'], dir);
    expect(bad.status).toBe(64);
  }, 120_000);
});

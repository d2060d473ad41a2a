// The `segur-sim` command: args.ts and report.ts as units, then the built bin end to end
// (dist/cli/segur-sim.mjs, spawned with node in a temporary folder).

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, ROOT, runCli, type CliRun } from './built-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOutputName, HELP, parseArgs, parseVatRate, USAGE, type CliOptions } from '../src/cli/args';
import {
  ANSI,
  exitCodeFor,
  formatJsonReport,
  jsonReport,
  NO_ATTACHMENT_FINDINGS,
  overallStatus,
  PLAIN,
  textReport,
  useColor,
  type ReportContext,
} from '../src/cli/report';
import { ruleSetFor, simulateFile } from '../src/simulator';
import { zipSync } from 'fflate';
import { buildZip, deflateBomb } from './attachments/build';
import type { SimulationOptions, SimulationResult } from '../src/core/types';

const FIXTURE = join(ROOT, 'src/rules/mdv-lgc/fixtures/avance-liberal.json');
const VALID = readFileSync(FIXTURE, 'utf8');
/** Request 1 rejected: an amount with one decimal (E011 at line 14, column 27). */
const REJECTED = VALID.replace('"montantSegurHT": 1075.00', '"montantSegurHT": 1075.5');
/** Request 1 with a wrong RPPS check digit: a warning (A003) only. */
const WARNED = VALID.replace('"RPPS": "10000000009"', '"RPPS": "10000000001"');
/** Request 1 with three findings: E009 (regimeTVA), E011 (amount), A003 (RPPS). */
const MANY = REJECTED.replace('"RPPS": "10000000009"', '"RPPS": "10000000001"').replace('"regimeTVA": "TTC"', '"regimeTVA": "XX"');
const BROKEN = '{\n  "impId": null,\n  "numeroAns": \n';

const BASE = ['--type', 'avance', '--dsr', 'MDV-LGC'];
const ISSUE_KEYS = ['code', 'path', 'message', 'line', 'column'];
const REQUEST_KEYS = ['index', 'numLigne', 'numeroEditeur', 'codeTraitement', 'libelleTraitement', 'errors', 'warnings'];
const REPORT_KEYS = ['status', 'globalErrors', 'requests', 'attachments', 'globalWarnings', 'ruleSet', 'output', 'staleOutput'];

/** The output file expected for VALID: the input, byte for byte, with the two treatment values filled. */
const ACCEPTED_OUTPUT = VALID.replaceAll('"codeTraitement": null', '"codeTraitement": "0000"').replaceAll(
  '"libelleTraitement": null',
  '"libelleTraitement": "Demande acceptée"',
);

// ---------------------------------------------------------------------------------------------
// args.ts

function run(argv: string[]): CliOptions {
  const parsed = parseArgs(argv);
  if (parsed.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function usageError(argv: string[]): string {
  const parsed = parseArgs(argv);
  if (parsed.kind !== 'usage-error') throw new Error(`expected a usage error, got ${JSON.stringify(parsed)}`);
  return parsed.message;
}

describe('parseArgs: accepted forms', () => {
  it('reads the minimal line with the defaults', () => {
    expect(run(['f.json', ...BASE])).toEqual({
      file: 'f.json',
      type: 'avance',
      dsr: 'MDV-LGC',
      profiles: [],
      attachments: [],
      completeZipCheck: false,
      strict: false,
      firstErrorOnly: false,
      format: 'text',
    });
  });

  it('reads every option, in any order, the file anywhere', () => {
    const o = run([
      '--strict',
      '--profil',
      'general',
      '--dsr',
      'MDV-LGC',
      'f.json',
      '--type',
      'avance',
      '--tva',
      '8.5',
      '--profil',
      'mailiz',
      '--pj',
      'a.zip',
      '--pj',
      'b.zip',
      '--first-error-only',
      '--out',
      'o.json',
      '--format',
      'json',
      '--pj-complet',
    ]);
    expect(o).toEqual({
      file: 'f.json',
      type: 'avance',
      dsr: 'MDV-LGC',
      profiles: ['general', 'mailiz'],
      vatRate: '8.5',
      attachments: ['a.zip', 'b.zip'],
      completeZipCheck: true,
      strict: true,
      firstErrorOnly: true,
      out: 'o.json',
      format: 'json',
    });
  });

  it('reads the --option=value forms', () => {
    const o = run(['f.json', '--type=solde', '--dsr=BIO-SGL', '--pj=p.zip', '--out=o.json', '--format=json']);
    expect(o).toMatchObject({ type: 'solde', dsr: 'BIO-SGL', attachments: ['p.zip'], out: 'o.json', format: 'json' });
    expect(run(['f.json', ...BASE, '--tva=0', '--profil=centre-sante'])).toMatchObject({ vatRate: '0', profiles: ['centre-sante'] });
  });

  it.each([
    ['20', '20'],
    ['8.5', '8.5'],
    ['8,5', '8.5'],
    ['0', '0'],
    ['20%', '20'],
    ['8,5%', '8.5'],
    ['8,5 %', '8.5'],
    ['0 %', '0'],
    ['20.0', '20'],
  ])('reads --tva %s as %s', (raw, rate) => {
    expect(parseVatRate(raw)).toBe(rate);
    expect(run(['f.json', ...BASE, '--tva', raw]).vatRate).toBe(rate);
    expect(run(['f.json', ...BASE, `--tva=${raw}`]).vatRate).toBe(rate);
  });

  it('leaves the VAT rate out when --tva is not given (advance)', () => {
    expect('vatRate' in run(['f.json', ...BASE])).toBe(false);
  });

  it('takes every profile, repeated or comma-separated, once each', () => {
    expect(run(['f.json', ...BASE, '--profil', 'stockage-identite', '--profil', 'general,mailiz', '--profil', 'general']).profiles).toEqual(
      ['stockage-identite', 'general', 'mailiz'],
    );
    expect(run(['f.json', ...BASE, '--profil', 'centre-sante']).profiles).toEqual(['centre-sante']);
  });

  it('accepts every DSR and both types, whatever the case', () => {
    for (const dsr of ['MDV-LGC', 'BIO-SGL', 'HOP-DPI', 'HOP-PFI', 'MS']) {
      expect(run(['f.json', '--type', 'solde', '--dsr', dsr.toLowerCase()]).dsr).toBe(dsr);
    }
    expect(run(['f.json', '--type', 'Avance', '--dsr', 'MDV-LGC']).type).toBe('avance');
    expect(run(['f.json', '--type', 'SOLDE', '--dsr', 'MDV-LGC']).type).toBe('solde');
    expect(run(['f.json', ...BASE, '--format', 'TEXT']).format).toBe('text');
  });

  it('reads `-` as standard input, and as the value of --out', () => {
    expect(run(['-', ...BASE]).file).toBe('-');
    expect(run(['f.json', ...BASE, '--out', '-']).out).toBe('-');
    expect(run(['-', ...BASE, '--out', '-'])).toMatchObject({ file: '-', out: '-' });
  });

  it('reads everything after `--` as a file name', () => {
    expect(run([...BASE, '--', '--odd-name.json']).file).toBe('--odd-name.json');
  });

  it('answers help and version before anything else', () => {
    expect(parseArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['f.json', '--bogus', '--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseArgs(['f.json', '--type', 'x', '--version'])).toEqual({ kind: 'version' });
    expect(parseArgs([...BASE, '--', '--help']).kind).toBe('run');
  });
});

describe('parseArgs: usage errors (exit 64)', () => {
  it.each<[string, string[], RegExp]>([
    ['unknown long option', ['f.json', ...BASE, '--bogus'], /option inconnue : --bogus/],
    ['unknown option with a value', ['f.json', ...BASE, '--bogus=1'], /option inconnue : --bogus/],
    ['unknown short option', ['f.json', ...BASE, '-x'], /option inconnue : -x/],
    ['single-dash long option', ['f.json', '-type', 'avance', '--dsr', 'MDV-LGC'], /option inconnue : -type/],
    ['missing --type', ['f.json', '--dsr', 'MDV-LGC'], /--type est obligatoire/],
    ['missing --dsr', ['f.json', '--type', 'avance'], /--dsr est obligatoire/],
    ['missing both', ['f.json'], /--type et --dsr sont obligatoires/],
    ['no argument at all', [], /obligatoires/],
    ['duplicate --type', ['f.json', ...BASE, '--type', 'avance'], /--type est donnée plusieurs fois/],
    ['duplicate --dsr', ['f.json', ...BASE, '--dsr=MDV-LGC'], /--dsr est donnée plusieurs fois/],
    ['duplicate --tva', ['f.json', ...BASE, '--tva', '20', '--tva', '20'], /--tva est donnée plusieurs fois/],
    ['duplicate --out', ['f.json', ...BASE, '--out', 'a', '--out', 'b'], /--out est donnée plusieurs fois/],
    ['duplicate --format', ['f.json', ...BASE, '--format', 'json', '--format', 'text'], /--format est donnée plusieurs fois/],
    ['value missing at the end', ['f.json', '--dsr', 'MDV-LGC', '--type'], /--type attend une valeur/],
    ['value missing before an option', ['f.json', '--type', '--dsr', 'MDV-LGC'], /--type attend une valeur/],
    ['empty value', ['f.json', '--type=', '--dsr', 'MDV-LGC'], /--type attend une valeur non vide/],
    ['bad --type', ['f.json', '--type', 'acompte', '--dsr', 'MDV-LGC'], /valeur invalide pour --type : « acompte »/],
    ['bad --dsr', ['f.json', '--type', 'avance', '--dsr', 'MDV'], /valeur invalide pour --dsr : « MDV »/],
    ['bad --profil', ['f.json', ...BASE, '--profil', 'medecin'], /valeur invalide pour --profil : « medecin »/],
    ['bad --tva', ['f.json', ...BASE, '--tva', '5.5'], /valeur invalide pour --tva : « 5.5 »/],
    ['non-numeric --tva', ['f.json', ...BASE, '--tva', 'vingt'], /valeur invalide pour --tva/],
    ['bad --format', ['f.json', ...BASE, '--format', 'xml'], /valeur invalide pour --format : « xml »/],
    [
      '--profil with a balance',
      ['f.json', '--type', 'solde', '--dsr', 'MDV-LGC', '--profil', 'general'],
      /--profil ne s'applique qu'à une avance/,
    ],
    ['--tva with a balance', ['f.json', '--type', 'solde', '--dsr', 'BIO-SGL', '--tva', '20'], /--tva ne s'applique qu'à une avance/],
    ['a flag with a value', ['f.json', ...BASE, '--strict=yes'], /--strict ne prend pas de valeur/],
    ['missing file', [...BASE], /fichier JSON à vérifier manquant/],
    ['two files', ['a.json', 'b.json', ...BASE], /un seul fichier à la fois/],
    ['--out - with --format json', ['f.json', ...BASE, '--out', '-', '--format', 'json'], /--out - et --format json/],
  ])('%s', (_name, argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it.each(['', '%', '8.5.5', '-20', '20 20', '0x14', '1e1'])('rejects --tva %j', (raw) => {
    expect(parseVatRate(raw)).toBeUndefined();
  });
});

describe('defaultOutputName', () => {
  it.each([
    ['avance.json', 'avance_sortie.json'],
    ['x.JSON', 'x_sortie.json'],
    ['x.Json', 'x_sortie.json'],
    ['demandes', 'demandes_sortie'.concat('.json')],
    ['a.b.json', 'a.b_sortie.json'],
    ['notes.txt', 'notes.txt_sortie.json'],
    ['x.json.bak', 'x.json.bak_sortie.json'],
  ])('%s → %s', (input, output) => {
    expect(defaultOutputName(input)).toBe(output);
  });
});

describe('usage and help texts', () => {
  it('shows the contract line and every option', () => {
    expect(USAGE).toMatch(/segur-sim <fichier\.json> --type avance\|solde --dsr MDV-LGC\|BIO-SGL\|HOP-DPI\|HOP-PFI\|MS/);
    for (const opt of ['--profil', '--tva', '--pj', '--strict', '--first-error-only', '--out', '--format', '--help', '--version']) {
      expect(HELP).toContain(opt);
    }
    expect(HELP).toMatch(/64/);
  });
});

// ---------------------------------------------------------------------------------------------
// report.ts

const enc = new TextEncoder();
const simulateText = (text: string, options: Partial<SimulationOptions> = {}): SimulationResult =>
  simulateFile(enc.encode(text), { type: 'avance', dsr: 'MDV-LGC', ...options });

function context(over: Partial<ReportContext> = {}): ReportContext {
  return {
    file: 'avance.json',
    type: 'avance',
    dsr: 'MDV-LGC',
    ruleSet: ruleSetFor('avance', 'MDV-LGC')!,
    profiles: [],
    vatRate: '20',
    strict: false,
    firstErrorOnly: false,
    output: '/tmp/avance_sortie.json',
    attachments: NO_ATTACHMENT_FINDINGS,
    ...over,
  };
}

describe('jsonReport', () => {
  it('has the contract keys, in order, at every level', () => {
    const report = jsonReport(simulateText(WARNED.replace('1075.00', '1075.5')), context());
    expect(Object.keys(report)).toEqual(REPORT_KEYS);
    expect(Object.keys(report.attachments)).toEqual(['missing', 'unexpected', 'faulty']);
    expect(Object.keys(report.ruleSet)).toEqual(['type', 'dsr', 'title', 'reconstructed']);
    for (const r of report.requests) expect(Object.keys(r)).toEqual(REQUEST_KEYS);
    const first = report.requests[0]!;
    // E011 on 1075.5 carries its mechanical fix, last; the RPPS check digit warning has none.
    expect(Object.keys(first.errors[0]!)).toEqual([...ISSUE_KEYS, 'fix']);
    expect(Object.keys(first.errors[0]!.fix!)).toEqual(['start', 'end', 'text']);
    expect(first.errors[0]!.fix!.text).toBe('1075.50');
    expect(Object.keys(first.warnings[0]!)).toEqual(ISSUE_KEYS);
  });

  it('reports a rejected request with its place in the file', () => {
    const report = jsonReport(simulateText(REJECTED), context());
    expect(report.status).toBe('rejected');
    expect(report.requests[0]).toMatchObject({
      index: 0,
      numLigne: 1,
      numeroEditeur: '00001',
      codeTraitement: 'E011',
      errors: [{ code: 'E011', path: '/lignesImport/0/commande/montantSegurHT', line: 14, column: 27 }],
      warnings: [],
    });
    expect(report.requests[1]).toMatchObject({ codeTraitement: '0000', libelleTraitement: 'Demande acceptée', errors: [] });
    expect(report.ruleSet).toEqual({ type: 'avance', dsr: 'MDV-LGC', title: "MDV-LGC — demande d'avance", reconstructed: null });
    expect(report.output).toBe('/tmp/avance_sortie.json');
    expect(report.attachments).toEqual({ missing: [], unexpected: [], faulty: [] });
  });

  it('reports an invalid file with its global error and no output', () => {
    const report = jsonReport(simulateText(BROKEN), context({ output: null }));
    expect(report.status).toBe('invalid');
    expect(report.requests).toEqual([]);
    expect(report.output).toBeNull();
    expect(report.globalErrors[0]).toMatchObject({ code: 'G010', line: 4, column: 1 });
  });

  it('carries a reconstructed rule set note', () => {
    const ctx = context({ ruleSet: { title: 'X', reconstructed: 'reconstitué des exemples' } });
    expect(jsonReport(simulateText(VALID), ctx).ruleSet.reconstructed).toBe('reconstitué des exemples');
  });

  it('prints with two spaces and a final newline', () => {
    const printed = formatJsonReport(simulateText(VALID), context());
    expect(printed).toBe(JSON.stringify(JSON.parse(printed), null, 2) + '\n');
    expect(printed.startsWith('{\n  "status": "accepted",\n  "globalErrors": []')).toBe(true);
  });
});

describe('status and exit code', () => {
  it('maps statuses to the contract exits', () => {
    expect(exitCodeFor('accepted')).toBe(0);
    expect(exitCodeFor('rejected')).toBe(1);
    expect(exitCodeFor('invalid')).toBe(2);
  });

  it('turns an attachment fault into a rejection, never an invalid file into anything else', () => {
    const accepted = simulateText(VALID);
    expect(overallStatus(accepted, NO_ATTACHMENT_FINDINGS)).toBe('accepted');
    const missing = [
      {
        numLigne: 1,
        numeroEditeur: '00001',
        typeFichier: 'BON_COMMANDE',
        nomFichier: 'MDV-LGC-Va1-BDC-00001.pdf',
        code: 'P001' as const,
        message: 'absente',
      },
    ];
    expect(overallStatus(accepted, { missing, unexpected: [], faulty: [] })).toBe('rejected');
    expect(
      overallStatus(accepted, {
        missing: [],
        unexpected: [{ zip: 'pj.zip', name: 'notes.txt', code: 'P002', message: 'inattendu' }],
        faulty: [],
      }),
    ).toBe('rejected');
    expect(
      overallStatus(accepted, { missing: [], unexpected: [], faulty: [{ zip: 'pj.zip', name: null, code: 'P017', message: 'vide' }] }),
    ).toBe('rejected');
    expect(overallStatus(simulateText(BROKEN), { missing, unexpected: [], faulty: [] })).toBe('invalid');
  });
});

describe('textReport', () => {
  it('summarises an accepted file', () => {
    const text = textReport(simulateText(VALID, { vatRate: '20' }), context());
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      "Fichier : avance.json | jeu de règles : MDV-LGC — demande d'avance | type : avance | TVA : 20 % | profils : aucun",
    );
    expect(lines).toContain('numLigne 1 (numeroEditeur 00001) : acceptée');
    expect(lines).toContain('numLigne 2 (numeroEditeur 00002) : acceptée');
    expect(text).toContain("La simulation de l'import s'est déroulée correctement.");
    expect(lines.at(-1)).toBe(
      'Bilan : 2 demandes, 2 acceptées, 0 rejetée, 0 erreur, 0 avertissement ; fichier de sortie : /tmp/avance_sortie.json.',
    );
    expect(text).not.toContain('\x1b[');
  });

  it('lists every error and warning on its own indented line', () => {
    const text = textReport(simulateText(MANY), context({ vatRate: undefined }));
    expect(text).toContain('numLigne 1 (numeroEditeur 00001) : rejetée');
    expect(text).toContain('    numLigne 1 /lignesImport/0/commande/regimeTVA (ligne 13, col. 22) [E009] « commande.regimeTVA »');
    expect(text).toContain('    numLigne 1 /lignesImport/0/commande/montantSegurHT (ligne 14, col. 27) [E011] ');
    expect(text).toMatch(
      / {4}numLigne 1 \/lignesImport\/0\/beneficiaires\/liberal\/0\/RPPS \(ligne 28, col\. 21\) \[A003\] avertissement : /,
    );
    expect(text).toContain('Une ou plusieurs erreurs ont été retournées');
    expect(text).toContain('numLigne 2 (numeroEditeur 00002) : acceptée');
    expect(text).toContain('Bilan : 2 demandes, 1 acceptée, 1 rejetée, 2 erreurs, 1 avertissement');
  });

  it('says once that the VAT rate was not given', () => {
    const text = textReport(simulateText(VALID), context({ vatRate: undefined }));
    expect(text).toContain('TVA : non fourni');
    expect(text.match(/Taux de TVA non fourni/g)).toHaveLength(1);
    expect(textReport(simulateText(VALID), context())).not.toContain('non fourni');
  });

  it('shows the options that change the verdict, and the profiles', () => {
    const text = textReport(simulateText(VALID), context({ strict: true, firstErrorOnly: true, profiles: ['general', 'mailiz'] }));
    expect(text.split('\n')[0]).toMatch(/profils : general, mailiz \| strict \| première erreur seulement$/);
  });

  it('shows a balance without VAT rate or profiles', () => {
    const text = textReport(simulateText(VALID), context({ type: 'solde', vatRate: undefined }));
    expect(text.split('\n')[0]).toBe("Fichier : avance.json | jeu de règles : MDV-LGC — demande d'avance | type : solde");
  });

  it('shows a global error with its line and column, and no output file', () => {
    const text = textReport(simulateText(BROKEN), context({ output: null }));
    expect(text).toMatch(/Erreur globale ligne 4, colonne 1 \[G010\] .*JSON mal formé/);
    expect(text).toContain('Le JSON chargé ne respecte pas le format attendu');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Bilan : fichier invalide, 1 erreur globale ; aucun fichier de sortie.');
  });

  it('names standard input and standard output', () => {
    expect(textReport(simulateText(VALID), context({ file: '-', output: '-' }))).toMatch(
      /^Fichier : entrée standard \|[^]*fichier de sortie : sortie standard\.\n$/,
    );
    expect(textReport(simulateText(VALID), context({ file: '-', output: null }))).toContain(
      'fichier de sortie non écrit (entrée standard : indiquer --out)',
    );
  });

  it('colours errors red, warnings yellow, accepted green with the ANSI palette', () => {
    const text = textReport(simulateText(WARNED.replace('1075.00', '1075.5')), context(), ANSI);
    expect(text).toContain('\x1b[31m    numLigne 1 /lignesImport/0/commande/montantSegurHT');
    expect(text).toContain('\x1b[33m    numLigne 1 /lignesImport/0/beneficiaires/liberal/0/RPPS');
    expect(text).toContain('\x1b[32macceptée\x1b[39m');
    expect(text).toContain('\x1b[31mrejetée\x1b[39m');
    expect(textReport(simulateText(VALID), context(), PLAIN)).not.toContain('\x1b');
  });
});

describe('useColor', () => {
  it.each<[Record<string, string>, boolean, boolean]>([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ TERM: 'dumb' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ])('%j on a TTY=%s → %s', (env, tty, expected) => {
    expect(useColor(env, tty)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: the built bin

let work: string;

beforeAll(() => {
  builtCli(); // `npm test` builds first; a lone `vitest run` builds the bin when missing or stale
  work = mkdtempSync(join(tmpdir(), 'segur-cli-'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function cli(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> } = {}): CliRun {
  return runCli(args, { ...opts, cwd: opts.cwd ?? work });
}

/** A fresh sub-folder of the temp dir holding `name` with `text`. */
function fileIn(name: string, text: string | Buffer): { dir: string; path: string } {
  const dir = mkdtempSync(join(work, 'case-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { dir, path };
}

function expectUsage(r: CliRun, message: RegExp): void {
  expect(r.status).toBe(64);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('Usage : segur-sim <fichier.json>');
  expect(r.stderr).toContain('segur-sim --help');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('segur-sim end to end', () => {
  it('exits 0 and writes <base>_sortie.json next to the input, only the treatment values changed', () => {
    const { dir, path } = fileIn('avance.json', VALID);
    const r = cli([path, ...BASE, '--tva', '20']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = join(dir, 'avance_sortie.json');
    expect(readFileSync(out).equals(Buffer.from(ACCEPTED_OUTPUT, 'utf8'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(VALID); // the input is left alone
    expect(r.stdout).toContain('numLigne 1 (numeroEditeur 00001) : acceptée');
    expect(r.stdout).toContain(`fichier de sortie : ${out}.`);
  });

  it('exits 1 for a rejected request and reports it in JSON with its line and column', () => {
    const { dir, path } = fileIn('rejet.json', REJECTED);
    const r = cli([path, ...BASE, '--tva', '20', '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe('rejected');
    expect(report.requests[0]).toMatchObject({
      index: 0,
      numLigne: 1,
      numeroEditeur: '00001',
      codeTraitement: 'E011',
      errors: [{ code: 'E011', path: '/lignesImport/0/commande/montantSegurHT', line: 14, column: 27 }],
    });
    expect(report.requests[0].libelleTraitement).toContain('commande.montantSegurHT');
    expect(report.requests[1]).toMatchObject({ numLigne: 2, codeTraitement: '0000', libelleTraitement: 'Demande acceptée' });
    const out = join(dir, 'rejet_sortie.json');
    expect(report.output).toBe(out);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.lignesImport[0].codeTraitement).toBe('E011');
    expect(written.lignesImport[1].codeTraitement).toBe('0000');
    expect(readFileSync(out, 'utf8')).toContain('"montantSegurHT": 1075.5'); // number spelled as written
  });

  it('prints one JSON document with the contract keys in order', () => {
    // Named by the guides' rule: no file-name warning (G020).
    const { path } = fileIn('JSON-MDVLGC0001-20240115-001.json', WARNED);
    const r = cli([path, ...BASE, '--format=json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(REPORT_KEYS);
    expect(Object.keys(report.attachments)).toEqual(['missing', 'unexpected', 'faulty']);
    expect(Object.keys(report.ruleSet)).toEqual(['type', 'dsr', 'title', 'reconstructed']);
    for (const req of report.requests) expect(Object.keys(req)).toEqual(REQUEST_KEYS);
    expect(Object.keys(report.requests[0].warnings[0])).toEqual(ISSUE_KEYS);
    expect(report.requests[0].warnings[0]).toMatchObject({ code: 'A003', line: 28, column: 21 });
    expect(report.ruleSet).toEqual({ type: 'avance', dsr: 'MDV-LGC', title: "MDV-LGC — demande d'avance", reconstructed: null });
    expect(report.globalWarnings).toEqual([]);
  });

  it('exits 2 for a broken JSON and writes no output file', () => {
    const { dir, path } = fileIn('casse.json', BROKEN);
    const r = cli([path, ...BASE]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/Erreur globale ligne 4, colonne 1 \[G010\]/);
    expect(r.stdout).toContain('Le JSON chargé ne respecte pas le format attendu');
    expect(readdirSync(dir)).toEqual(['casse.json']);

    const json = cli([path, ...BASE, '--format', 'json', '--out', join(dir, 'o.json')]);
    expect(json.status).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ status: 'invalid', requests: [], output: null });
    expect(report.globalErrors[0]).toMatchObject({ code: 'G010', line: 4, column: 1 });
    expect(Object.keys(report.globalErrors[0])).toEqual(ISSUE_KEYS);
    expect(readdirSync(dir)).toEqual(['casse.json']);
  });

  it('exits 2 for a file that is not UTF-8', () => {
    const { dir, path } = fileIn('latin1.json', Buffer.from(VALID.replace('LEFÈVRE', 'LEF\u00c8VRE'), 'latin1'));
    const r = cli([path, ...BASE, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).globalErrors[0].code).toBe('G001');
    expect(readdirSync(dir)).toEqual(['latin1.json']);
  });

  it('prints the text report: header, one line per request and per finding, counts and output', () => {
    const { dir, path } = fileIn('JSON-MDVLGC0001-20240115-002.json', MANY);
    const r = cli([path, ...BASE, '--profil', 'general']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `Fichier : ${path} | jeu de règles : MDV-LGC — demande d'avance | type : avance | TVA : non fourni | profils : general`,
    );
    expect(lines[1]).toMatch(/^Taux de TVA non fourni/);
    expect(lines).toContain('numLigne 1 (numeroEditeur 00001) : rejetée');
    expect(lines).toContain('numLigne 2 (numeroEditeur 00002) : acceptée');
    expect(lines.filter((l) => l.startsWith('    numLigne 1 '))).toHaveLength(3);
    expect(r.stdout).toContain('(ligne 14, col. 27) [E011]');
    expect(lines.at(-1)).toBe(
      `Bilan : 2 demandes, 1 acceptée, 1 rejetée, 2 erreurs, 1 avertissement ; fichier de sortie : ${join(dir, 'JSON-MDVLGC0001-20240115-002_sortie.json')}.`,
    );
    expect(r.stdout).not.toContain('\x1b['); // not a terminal
  });

  it('--first-error-only keeps one error per request (warnings stay)', () => {
    const { path } = fileIn('multi.json', MANY);
    const all = JSON.parse(cli([path, ...BASE, '--format', 'json']).stdout);
    const first = JSON.parse(cli([path, ...BASE, '--format', 'json', '--first-error-only']).stdout);
    expect(all.requests[0].errors.map((e: { code: string }) => e.code)).toEqual(['E009', 'E011']);
    expect(first.requests[0].errors.map((e: { code: string }) => e.code)).toEqual(['E009']);
    expect(first.requests[0].warnings.map((e: { code: string }) => e.code)).toEqual(['A003']);
    expect(first.requests[0].libelleTraitement).not.toContain('montantSegurHT');
    expect(cli([path, ...BASE, '--first-error-only']).stdout.split('\n')[0]).toMatch(/première erreur seulement$/);
  });

  it('--strict turns warnings into errors', () => {
    const { dir, path } = fileIn('warn.json', WARNED);
    const lax = cli([path, ...BASE, '--format', 'json']);
    expect(lax.status).toBe(0);
    expect(JSON.parse(lax.stdout).requests[0].warnings[0].code).toBe('A003');
    const strict = cli([path, ...BASE, '--format', 'json', '--strict']);
    expect(strict.status).toBe(1);
    const report = JSON.parse(strict.stdout);
    expect(report.requests[0]).toMatchObject({ codeTraitement: 'A003', warnings: [] });
    expect(report.requests[0].errors[0]).toMatchObject({ code: 'A003', line: 28, column: 21 });
    expect(JSON.parse(readFileSync(join(dir, 'warn_sortie.json'), 'utf8')).lignesImport[0].codeTraitement).toBe('A003');
  });

  it('checks the VAT rate only when --tva is given', () => {
    const { path } = fileIn('tva.json', VALID);
    expect(cli([path, ...BASE]).status).toBe(0);
    expect(cli([path, ...BASE, '--tva', '8,5%']).status).toBe(0);
    const r = cli([path, ...BASE, '--tva', '0', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).requests[0].errors[0].path).toBe('/lignesImport/0/commande/regimeTVA');
  });

  it('--out writes the output file where asked', () => {
    const { dir, path } = fileIn('avance.json', VALID);
    mkdirSync(join(dir, 'sorties'));
    const r = cli([path, ...BASE, '--out', 'sorties/retour.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'sorties/retour.json'), 'utf8')).toBe(ACCEPTED_OUTPUT);
    expect(existsSync(join(dir, 'avance_sortie.json'))).toBe(false);
  });

  it('--out - writes the output bytes on stdout and the report on stderr', () => {
    const { dir, path } = fileIn('avance.json', REJECTED);
    const r = cli([path, ...BASE, '--out', '-']);
    expect(r.status).toBe(1);
    const written = cli([path, ...BASE, '--out', join(dir, 'ref.json')]);
    expect(written.status).toBe(1);
    expect(r.raw.stdout.equals(readFileSync(join(dir, 'ref.json')))).toBe(true);
    expect(r.stderr).toContain('numLigne 1 (numeroEditeur 00001) : rejetée');
    expect(r.stderr).toContain('fichier de sortie : sortie standard.');
    expect(readdirSync(dir).sort()).toEqual(['avance.json', 'ref.json']);
  });

  it('reads standard input with `-` and writes no file without --out', () => {
    const dir = mkdtempSync(join(work, 'stdin-'));
    const r = cli(['-', ...BASE, '--format', 'json'], { cwd: dir, input: REJECTED });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.output).toBeNull();
    expect(report.requests[0].errors[0]).toMatchObject({ line: 14, column: 27 });
    expect(readdirSync(dir)).toEqual([]);

    const text = cli(['-', ...BASE], { cwd: dir, input: VALID });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Fichier : entrée standard \|/);
    expect(readdirSync(dir)).toEqual([]);

    const out = cli(['-', ...BASE, '--out', 'sortie.json'], { cwd: dir, input: VALID });
    expect(out.status).toBe(0);
    expect(readFileSync(join(dir, 'sortie.json'), 'utf8')).toBe(ACCEPTED_OUTPUT);

    const piped = cli(['-', ...BASE, '--out', '-'], { cwd: dir, input: VALID });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(ACCEPTED_OUTPUT);
  });

  it.each([
    ['x.JSON', 'x_sortie.json'],
    ['demandes', 'demandes_sortie.json'],
    ['lot.2024.json', 'lot.2024_sortie.json'],
  ])('names the default output of %s %s', (name, expected) => {
    const { dir, path } = fileIn(name, VALID);
    expect(cli([path, ...BASE]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([name, expected].sort());
    expect(readFileSync(join(dir, expected), 'utf8')).toBe(ACCEPTED_OUTPUT);
  });

  it('uses a relative input path from the working directory', () => {
    const { dir } = fileIn('rel.json', VALID);
    const r = cli(['rel.json', ...BASE, '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).output).toBe(join(dir, 'rel_sortie.json'));
    expect(existsSync(join(dir, 'rel_sortie.json'))).toBe(true);
  });

  it('colours the text report only when asked by FORCE_COLOR, never with NO_COLOR alone', () => {
    const { path } = fileIn('c.json', REJECTED);
    const forced = cli([path, ...BASE], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\x1b[31m');
    expect(forced.stdout).toContain('\x1b[32macceptée');
    expect(cli([path, ...BASE], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    expect(cli([path, ...BASE, '--format', 'json'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });

  it('prints help on stdout and exits 0', () => {
    for (const flag of ['-h', '--help']) {
      const r = cli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Usage : segur-sim <fichier.json>');
      expect(r.stderr).toBe('');
    }
  });

  it('prints the version', () => {
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout).toBe(`segur-sim ${version}\n`);
  });

  describe('usage errors exit 64 with a French message and the usage', () => {
    let path: string;
    let dir: string;
    beforeAll(() => {
      ({ path, dir } = fileIn('avance.json', VALID));
    });
    const noOutput = () => expect(readdirSync(dir)).toEqual(['avance.json']);

    it.each<[string, string[], RegExp]>([
      ['unknown option', ['--bogus'], /option inconnue : --bogus/],
      ['missing --type', ['--dsr', 'MDV-LGC'], /--type est obligatoire/],
      ['missing --dsr', ['--type', 'avance'], /--dsr est obligatoire/],
      ['duplicate --type', [...BASE, '--type', 'solde'], /--type est donnée plusieurs fois/],
      ['duplicate --dsr', [...BASE, '--dsr', 'MDV-LGC'], /--dsr est donnée plusieurs fois/],
      ['bad --type', ['--type', 'x', '--dsr', 'MDV-LGC'], /valeur invalide pour --type/],
      ['bad --dsr', ['--type', 'avance', '--dsr', 'X'], /valeur invalide pour --dsr/],
      ['bad --tva', [...BASE, '--tva', '7'], /valeur invalide pour --tva/],
      ['bad --profil', [...BASE, '--profil', 'x'], /valeur invalide pour --profil/],
      ['bad --format', [...BASE, '--format', 'csv'], /valeur invalide pour --format/],
      ['--tva with solde', ['--type', 'solde', '--dsr', 'MDV-LGC', '--tva', '20'], /--tva ne s'applique qu'à une avance/],
      ['--profil with solde', ['--type', 'solde', '--dsr', 'MDV-LGC', '--profil', 'general'], /--profil ne s'applique qu'à une avance/],
      ['--out - with --format json', [...BASE, '--out', '-', '--format', 'json'], /--out - et --format json/],
      ['missing value', [...BASE, '--out'], /--out attend une valeur/],
    ])('%s', (_name, args, message) => {
      expectUsage(cli([path, ...args]), message);
      noOutput();
    });

    it('missing file argument', () => {
      expectUsage(cli(BASE), /fichier JSON à vérifier manquant/);
    });

    it('more than one file argument', () => {
      expectUsage(cli([path, path, ...BASE]), /un seul fichier à la fois/);
      noOutput();
    });

    it('input file not found', () => {
      expectUsage(cli([join(dir, 'absent.json'), ...BASE]), /fichier introuvable : .*absent\.json/);
    });

    it('input is a folder', () => {
      expectUsage(cli([dir, ...BASE]), /est un dossier/);
    });

    it('attachments zip not found', () => {
      expectUsage(cli([path, ...BASE, '--pj', join(dir, 'absent.zip')]), /introuvable : .*absent\.zip/);
      noOutput();
    });

    it('attachments zip that is a folder', () => {
      expectUsage(cli([path, ...BASE, '--pj', dir]), /n'est pas un fichier/);
      noOutput();
    });

    it('no rule set for the type and DSR names the ones that exist', () => {
      const r = cli([path, '--dsr', 'BIO-SGL', '--type', 'avance']);
      expectUsage(r, /aucun jeu de règles pour --type avance --dsr BIO-SGL/);
      expect(r.stderr).toMatch(/disponibles : .*--type avance --dsr MDV-LGC/);
      noOutput();
    });

    it('no rule set, even with --format json: nothing on stdout', () => {
      expectUsage(cli([path, '--type', 'solde', '--dsr', 'HOP-DPI', '--format', 'json']), /aucun jeu de règles/);
    });

    it('an output file that cannot be written', () => {
      const r = cli([path, ...BASE, '--out', join(dir, 'no/such/dir/o.json')]);
      expectUsage(r, /impossible d'écrire le fichier de sortie/);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// --pj: the attachments check, end to end

describe('segur-sim --pj', () => {
  const BDC1 = 'MDV-LGC-Va1-BDC-00001.pdf';
  const BDC2 = 'MDV-LGC-Va1-BDC-00002.pdf';
  const PDF = Buffer.from('%PDF-1.7\n%bon de commande signé\n');
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  /** The JSON and zips in a fresh folder; returns their paths. */
  function setup(json: string, zips: Record<string, Record<string, Uint8Array> | Buffer>): { path: string; zips: Record<string, string> } {
    const { dir, path } = fileIn('avance.json', json);
    const out: Record<string, string> = {};
    for (const [name, files] of Object.entries(zips)) {
      out[name] = join(dir, name);
      writeFileSync(out[name]!, Buffer.isBuffer(files) ? files : zipSync(files));
    }
    return { path, zips: out };
  }

  it('exits 0 when every attachment is present and sound, and lists them as «Documents attendus»', () => {
    const { path, zips } = setup(VALID, { 'pj.zip': { [BDC1]: PDF, [BDC2]: PDF } });
    const r = cli([path, ...BASE, '--tva', '20', '--pj', zips['pj.zip']!]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Documents attendus :');
    expect(lines).toContain(`  numLigne 1 (numeroEditeur 00001) | Bon de commande | ${BDC1} : présente (${zips['pj.zip']})`);
    expect(lines).toContain(`  numLigne 2 (numeroEditeur 00002) | Bon de commande | ${BDC2} : présente (${zips['pj.zip']})`);
    expect(r.stdout).toContain(
      'Bilan des pièces : 2 attendues, 2 présentes, 0 en défaut, 0 manquante ; 0 fichier inattendu ; 0 défaut au total.',
    );
    expect(r.stdout).toContain("La simulation de l'import s'est déroulée correctement.");
    expect(r.stdout).not.toMatch(/pas encore disponible/);
  });

  it('exits 1 with every request accepted when an attachment is missing, unexpected or faulty; the JSON report says which and why', () => {
    const { path, zips } = setup(VALID, { 'pj.zip': { [BDC1]: PNG, 'notes.txt': Buffer.from('à retirer') } });
    const r = cli([path, ...BASE, '--tva', '20', '--pj', zips['pj.zip']!, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe('rejected');
    expect(report.requests.map((q: { codeTraitement: string }) => q.codeTraitement)).toEqual(['0000', '0000']);
    expect(Object.keys(report.attachments)).toEqual(['missing', 'unexpected', 'faulty']);
    expect(report.attachments.missing).toEqual([
      {
        numLigne: 2,
        numeroEditeur: '00002',
        typeFichier: 'BON_COMMANDE',
        nomFichier: BDC2,
        code: 'P001',
        message: expect.stringContaining(BDC2),
      },
    ]);
    expect(report.attachments.unexpected).toEqual([
      { zip: zips['pj.zip'], name: 'notes.txt', code: 'P002', message: expect.stringContaining('notes.txt') },
    ]);
    expect(report.attachments.faulty).toHaveLength(1);
    expect(Object.keys(report.attachments.faulty[0])).toEqual(['zip', 'name', 'numLigne', 'numeroEditeur', 'code', 'message']);
    expect(report.attachments.faulty[0]).toMatchObject({
      zip: zips['pj.zip'],
      name: BDC1,
      numLigne: 1,
      numeroEditeur: '00001',
      code: 'P008',
    });
    expect(report.attachments.faulty[0].message).toContain("c'est une image PNG");
  });

  it('the text report lists each expected file with its status, then the unexpected files', () => {
    const { path, zips } = setup(VALID, { 'pj.zip': { [BDC1]: PNG, 'notes.txt': Buffer.from('x') } });
    const r = cli([path, ...BASE, '--tva', '20', '--pj', zips['pj.zip']!]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect(lines[at('  numLigne 1 (numeroEditeur 00001)')]).toBe(
      `  numLigne 1 (numeroEditeur 00001) | Bon de commande | ${BDC1} : en défaut (${zips['pj.zip']})`,
    );
    expect(lines[at('  numLigne 1 (numeroEditeur 00001)') + 1]).toMatch(/^ {6}\[P008\] /);
    expect(lines).toContain(`  numLigne 2 (numeroEditeur 00002) | Bon de commande | ${BDC2} : manquante [P001]`);
    expect(at('Fichiers nommés par aucune demande :')).toBeGreaterThan(at('Documents attendus :'));
    expect(lines).toContain(`  ${zips['pj.zip']} : notes.txt [P002]`);
    expect(r.stdout).toContain('Les demandes du JSON sont correctes, mais les pièces justificatives ne le sont pas');
    expect(r.stdout).toContain(
      'Bilan des pièces : 2 attendues, 0 présente, 1 en défaut, 1 manquante ; 1 fichier inattendu ; 3 défauts au total.',
    );
  });

  it('takes several --pj zips together', () => {
    const { path, zips } = setup(VALID, { 'a.zip': { [BDC1]: PDF }, 'b.zip': { [BDC2]: PDF } });
    const r = cli([path, ...BASE, '--pj', zips['a.zip']!, '--pj', zips['b.zip']!, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).attachments).toEqual({ missing: [], unexpected: [], faulty: [] });
  });

  it('a --pj file that is not a zip is a fault (exit 1), not a usage error', () => {
    const { path, zips } = setup(VALID, { 'pj.zip': PDF });
    const r = cli([path, ...BASE, '--pj', zips['pj.zip']!, '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.attachments.faulty).toEqual([
      {
        zip: zips['pj.zip'],
        name: null,
        code: 'P016',
        message: `Le fichier « ${zips['pj.zip']} » n'est pas un zip : c'est un document PDF.`,
      },
    ]);
    expect(report.attachments.missing).toHaveLength(2);
  });

  it('a rejected request and a sound zip: exit 1 for the request', () => {
    const { path, zips } = setup(REJECTED, { 'pj.zip': { [BDC1]: PDF, [BDC2]: PDF } });
    const r = cli([path, ...BASE, '--pj', zips['pj.zip']!, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).attachments).toEqual({ missing: [], unexpected: [], faulty: [] });
  });

  it('an invalid JSON still exits 2; the zips are checked for their own faults only', () => {
    const { path, zips } = setup(BROKEN, { 'pj.zip': { 'x.docx': PDF, '../evil.pdf': PDF } });
    const r = cli([path, ...BASE, '--pj', zips['pj.zip']!, '--format', 'json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe('invalid');
    expect(report.attachments.missing).toEqual([]);
    expect(report.attachments.unexpected).toEqual([]);
    expect(report.attachments.faulty.map((f: { code: string }) => f.code)).toEqual(['P005', 'P010']);
    const text = cli([path, ...BASE, '--pj', zips['pj.zip']!]);
    expect(text.stdout).toContain("Documents attendus : inconnus (le JSON n'a pas pu être lu)");
  });

  it('a zip bomb is refused at once, without decompressing it', () => {
    // 1 GB of zeros deflated is ~1 MB; the zip says so honestly.
    const bomb = deflateBomb(1024 ** 3);
    const { path, zips } = setup(VALID, {
      'pj.zip': Buffer.from(
        buildZip([
          { name: BDC1, compressed: bomb.compressed, size: bomb.size },
          { name: BDC2, data: PDF },
        ]),
      ),
    });
    // Refused on what the zip says (P014), not by inflating it: no clock assertion.
    const r = cli([path, ...BASE, '--pj', zips['pj.zip']!, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).attachments.faulty).toMatchObject([{ name: BDC1, numLigne: 1, code: 'P014' }]);
  });

  it('prints no progress line off a terminal', () => {
    const { path, zips } = setup(VALID, { 'pj.zip': { [BDC1]: PDF, [BDC2]: PDF } });
    expect(cli([path, ...BASE, '--pj', zips['pj.zip']!]).stderr).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 10: messages that say what was found (with its JSON kind) and how to write it right,
// with the mechanical fix as data in the JSON report; each case end to end through the bin.

describe('segur-sim: what was found, how to fix it', () => {
  interface Found {
    readonly code: string;
    readonly path: string;
    readonly message: string;
    readonly line: number;
    readonly column: number;
    readonly fix?: { start: number; end: number; text: string };
  }
  /** Runs VALID with `edits` through the bin (JSON report); the first finding at `path`. */
  function finding(edits: readonly (readonly [string, string])[], path: string, status: number, name = 'cas.json') {
    let text = VALID;
    for (const [from, to] of edits) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    const { dir, path: file } = fileIn(name, text);
    const r = cli([file, ...BASE, '--tva', '20', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(status);
    const report = JSON.parse(r.stdout) as {
      globalErrors: Found[];
      requests: { errors: Found[]; warnings: Found[]; libelleTraitement: string }[];
    };
    const all = [...report.globalErrors, ...report.requests.flatMap((q) => [...q.errors, ...q.warnings])];
    const found = all.find((i) => i.path === path);
    expect(found, JSON.stringify(all)).toBeDefined();
    return { found: found!, text, report, dir };
  }
  /** The text with the fix applied, and the codes found at `path` once checked again. */
  function applyFix(text: string, fix: { start: number; end: number; text: string }, path: string): string[] {
    const fixed = text.slice(0, fix.start) + fix.text + text.slice(fix.end);
    const { path: file } = fileIn('corrige.json', fixed);
    const r = cli([file, ...BASE, '--tva', '20', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { globalErrors: Found[]; requests: { errors: Found[]; warnings: Found[] }[] };
    return [...report.globalErrors, ...report.requests.flatMap((q) => [...q.errors, ...q.warnings])]
      .filter((i) => i.path === path)
      .map((i) => i.code);
  }
  const ED = '/lignesImport/0/numeroEditeur';

  it('a number for a text: says a number was found and to write it between quotes; the fix quotes it', () => {
    const { found, text, report, dir } = finding([['"numeroEditeur": "00001"', '"numeroEditeur": 12345']], ED, 1);
    expect(found.code).toBe('E004');
    expect(found.message).toBe(
      '« numeroEditeur » : une chaîne de 5 caractères, à partir de 00001 attendue ; trouvé : le nombre 12345 ; écrire "12345" entre guillemets.',
    );
    expect(found.fix).toEqual({ start: text.indexOf('12345'), end: text.indexOf('12345') + 5, text: '"12345"' });
    // The same words in the output file's libelleTraitement.
    expect(report.requests[0]!.libelleTraitement).toContain('trouvé : le nombre 12345 ; écrire "12345" entre guillemets');
    const output = JSON.parse(readFileSync(join(dir, 'cas_sortie.json'), 'utf8'));
    expect(output.lignesImport[0].libelleTraitement).toContain('le nombre 12345');
    expect(applyFix(text, found.fix!, ED)).toEqual([]);
  });

  it('"false" for a boolean: write false without quotes', () => {
    const path = '/lignesImport/0/beneficiaires/isClientUnique';
    const { found, text } = finding([['"isClientUnique": false', '"isClientUnique": "false"']], path, 1);
    expect(found.code).toBe('E004');
    expect(found.message).toContain('trouvé : le texte "false" ; écrire false sans guillemets.');
    expect(found.fix!.text).toBe('false');
    expect(applyFix(text, found.fix!, path)).toEqual([]);
  });

  it('"1" for numeroEditeur: leading zeros lost by a spreadsheet, write "00001"', () => {
    const { found, text } = finding([['"numeroEditeur": "00001"', '"numeroEditeur": "1"']], ED, 1);
    expect(found.code).toBe('E007');
    expect(found.message).toContain('trouvé : le texte "1" ; les zéros de tête ont été perdus (tableur ?) : écrire "00001".');
    expect(found.fix!.text).toBe('"00001"');
    expect(applyFix(text, found.fix!, ED)).toEqual([]);
  });

  it('a 9-digit phone number written as a number: its leading 0 is back in the fix', () => {
    const path = '/lignesImport/0/beneficiaires/liberal/0/telephoneMedecin';
    const { found, text } = finding([['"telephoneMedecin": "0102030405"', '"telephoneMedecin": 102030405']], path, 1);
    expect(found.code).toBe('E004');
    expect(found.message).toContain('trouvé : le nombre 102030405 ; les zéros de tête ont été perdus (tableur ?) : écrire "0102030405".');
    expect(applyFix(text, found.fix!, path)).toEqual([]);
  });

  it('"45306" for a date: an Excel serial number, write "15/01/2024"', () => {
    const path = '/lignesImport/0/commande/dateCommande';
    const { found, text } = finding([['"dateCommande": "15/01/2024"', '"dateCommande": "45306"']], path, 1);
    expect(found.code).toBe('E010');
    expect(found.message).toContain('trouvé : le texte "45306" ; numéro de série de date Excel : écrire "15/01/2024".');
    expect(applyFix(text, found.fix!, path)).toEqual([]);
  });

  it('"2024-01-15" for a date: write "15/01/2024"', () => {
    const path = '/lignesImport/0/commande/dateCommande';
    const { found, text } = finding([['"dateCommande": "15/01/2024"', '"dateCommande": "2024-01-15"']], path, 1);
    expect(found.code).toBe('E010');
    expect(found.message).toContain('trouvé : le texte "2024-01-15" ; date écrite AAAA-MM-JJ : écrire "15/01/2024".');
    expect(found.fix!.text).toBe('"15/01/2024"');
    expect(applyFix(text, found.fix!, path)).toEqual([]);
  });

  it('"1075,00" for an amount: decimal comma, write 1075.00', () => {
    const path = '/lignesImport/0/commande/montantSegurHT';
    const { found, text } = finding([['"montantSegurHT": 1075.00', '"montantSegurHT": "1075,00"']], path, 1);
    expect(found.code).toBe('E004');
    expect(found.message).toContain('trouvé : le texte "1075,00" ; virgule décimale : écrire 1075.00 avec un point, sans guillemets.');
    expect(found.fix!.text).toBe('1075.00');
    expect(applyFix(text, found.fix!, path)).toEqual([]);
  });

  it('1075 for an amount: write 1075.00', () => {
    const path = '/lignesImport/0/commande/montantSegurHT';
    const { found, text } = finding([['"montantSegurHT": 1075.00', '"montantSegurHT": 1075']], path, 1);
    expect(found.code).toBe('E011');
    expect(found.message).toContain('trouvé : le nombre 1075 ; écrire 1075.00.');
    expect(applyFix(text, found.fix!, path)).toEqual([]);
  });

  it('an unquoted 1075,00: the whole file is refused (exit 2) at the number, with the fix', () => {
    const { found, text } = finding([['"montantSegurHT": 1075.00', '"montantSegurHT": 1075,00']], '', 2);
    expect(found).toMatchObject({ code: 'G010', line: 14, column: 27 });
    expect(found.message).toContain('virgule décimale');
    expect(found.message).toContain('trouvé : 1075,00 ; virgule décimale : écrire 1075.00 avec un point');
    expect(found.fix!.text).toBe('1075.00');
    expect(applyFix(text, found.fix!, '')).toEqual([]);
  });

  it('a misspelt tag: the fix renames it', () => {
    const path = '/lignesImport/0/beneficiaires/liberal/0/RPSP';
    const { found, text } = finding([['"RPPS": "10000000009"', '"RPSP": "10000000009"']], path, 1);
    expect(found.code).toBe('E002');
    expect(found.message).toContain('vouliez-vous dire « RPPS » ?');
    expect(found.fix!.text).toBe('"RPPS"');
    expect(applyFix(text, found.fix!, path)).toEqual([]);
    expect(applyFix(text, found.fix!, '/lignesImport/0/beneficiaires/liberal/0/RPPS')).toEqual([]);
  });

  it('invisible characters are named: a no-break space, a zero-width space', () => {
    const { found } = finding([['"numeroEditeur": "00001"', '"numeroEditeur": "00001\u00a0"']], ED, 1);
    expect(found.code).toBe('E007');
    expect(found.message).toContain('(caractère invisible : espace insécable U+00A0)');
    const zw = finding([['"numeroEditeur": "00001"', '"numeroEditeur": "0000\u200b1"']], ED, 1).found;
    expect(zw.message).toContain('(caractère invisible : espace sans chasse U+200B)');
  });

  it('a C1 control character (N\\u0092GUYEN): a warning with the Windows-1252 reading as fix, exit 0', () => {
    const path = '/lignesImport/0/beneficiaires/liberal/2/nomMedecin';
    const { found, text, report } = finding([['"N\'GUYEN-MARTIN"', '"N\\u0092GUYEN-MARTIN"']], path, 0);
    expect(found.code).toBe('A011');
    expect(report.requests[0]!.warnings.map((w) => w.code)).toEqual(['A011']);
    expect(found.message).toContain('caractère de contrôle C1');
    expect(found.message).toContain('écrire "N’GUYEN-MARTIN"');
    expect(applyFix(text, found.fix!, path)).toEqual([]);
    // --strict leaves it a warning: the guides state no rule on it (spec «Fidelity first»).
    const { path: file } = fileIn('strict.json', text);
    const strict = cli([file, ...BASE, '--tva', '20', '--format', 'json', '--strict']);
    expect(strict.status).toBe(0);
    expect(JSON.parse(strict.stdout).requests[0].warnings.map((w: Found) => w.code)).toEqual(['A011']);
  });

  it('a missing comma is placed at the end of the value it should follow', () => {
    const { found } = finding([['"numeroEditeur": "00001",', '"numeroEditeur": "00001"']], '', 2);
    expect(found).toMatchObject({ code: 'G010', line: 10, column: 31 });
    expect(found.message).toContain('virgule « , » manquante à la fin de cette valeur');
  });

  const notJson: readonly (readonly [string, Uint8Array, string])[] = [
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n'), 'un document PDF'],
    ['a zip', zipSync({ 'a.json': new TextEncoder().encode(VALID) }), 'une archive zip'],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'une image PNG'],
    ['a JPEG photo', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), 'une image JPEG'],
  ];
  it.each(notJson)('%s renamed .json is said not to be text (G004, exit 2)', (_, bytes, label) => {
    const { path } = fileIn('demandes.json', Buffer.from(bytes));
    const r = cli([path, ...BASE, '--format', 'json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.globalErrors).toHaveLength(1);
    expect(report.globalErrors[0]).toMatchObject({ code: 'G004', path: '' });
    expect(report.globalErrors[0].message).toContain(`n'est pas un fichier texte JSON : c'est ${label}`);
    expect(report.globalErrors[0].message).not.toContain('UTF-8');
  });

  it('a Windows-1252 file: only the invalid byte is listed', () => {
    const latin1 = Buffer.from(VALID, 'latin1'); // LEFÈVRE: È is the single byte 0xC8
    const { path } = fileIn('latin1.json', latin1);
    const r = cli([path, ...BASE, '--format', 'json']);
    expect(r.status).toBe(2);
    const e = JSON.parse(r.stdout).globalErrors[0];
    expect(e.code).toBe('G001');
    expect(e.message).toContain('octets invalides 0xC8 (le fichier semble encodé en ISO-8859-1 / Windows-1252');
    expect(e.message).not.toContain('0xC8 0x56');
  });

  it('the text report prints the same messages, and French agreement and plurals', () => {
    const { path } = fileIn('texte.json', VALID.replace('"numeroEditeur": "00001"', '"numeroEditeur": 12345'));
    const r = cli([path, ...BASE, '--tva', '20']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '[E004] « numeroEditeur » : une chaîne de 5 caractères, à partir de 00001 attendue ; trouvé : le nombre 12345 ; écrire "12345" entre guillemets.',
    );
    expect(r.stdout).not.toMatch(/\(s\)/);
  });
});

import { describe, expect, test } from 'vitest';
import { RULE_SETS, ruleSetFor } from '../rules/index';
import type { RuleSet } from '../core/model';
import { simulate } from '../core/simulate';
import { PROFILES } from '../core/types';
import { buildTemplate, templateRows } from './template';
import { buildFromTable, builtFileName, isCompactDate, type BuildResult } from './build';
import type { Cell } from './convert';
import { templateColumns } from './columns';
import { isValidFiness } from '../rules/common/check-digits';

/** The i-th 9-digit FINESS with a valid check digit. */
function finess(i: number): string {
  const base = `33${String(i).padStart(6, '0')}`;
  for (let d = 0; d < 10; d++) if (isValidFiness(base + d)) return base + d;
  throw new Error('no check digit');
}

const HEADER = { numeroAns: 'MDVLGC0001', siret: '73282932000074' };
const OPTIONS = { header: HEADER, date: '20240115', today: '2026-11-30' };
const mdv = ruleSetFor('avance', 'MDV-LGC')!;

const name = (r: RuleSet) => `${r.dsr} ${r.type}`;

/** The template's header row and its example row with some cells replaced (by column name). */
function table(ruleSet: RuleSet, ...changes: Record<string, Cell>[]): Cell[][] {
  const [header, example] = templateRows(buildTemplate(ruleSet));
  const rows: Cell[][] = [header];
  for (const change of changes.length ? changes : [{}]) {
    const row: Cell[] = [...example];
    for (const [column, value] of Object.entries(change)) {
      const i = header.indexOf(column);
      if (i < 0) throw new Error(`no column ${column}`);
      row[i] = value;
    }
    rows.push(row);
  }
  return rows;
}

/** Every built file accepted by the checker on its own (with the form's profiles). */
function expectAccepted(result: BuildResult, ruleSet: RuleSet) {
  expect(result.errors).toEqual([]);
  expect(result.status).toBe('built');
  for (const file of result.files) {
    const check = simulate(file.bytes, { type: ruleSet.type, dsr: ruleSet.dsr, profiles: PROFILES }, ruleSet);
    expect(check.status).toBe('accepted');
  }
}

describe('the template', () => {
  test('columns are named by path with 1-based list indices; builder tags have none', () => {
    const names = templateColumns(mdv).map((c) => c.name);
    expect(names).toContain('commande.dateCommande');
    expect(names).toContain('beneficiaires.liberal.1.RPPS');
    expect(names).toContain('beneficiaires.liberal.3.RPPS');
    expect(names).toContain('beneficiaires.structure.FINESSGeo.1');
    expect(names).toContain('piecesJustificatives.1.nomFichier');
    for (const tag of ['numLigne', 'typeAction', 'numeroASP', 'codeTraitement', 'libelleTraitement']) expect(names).not.toContain(tag);
    // A balance's numeroASP is the vendor's to give: it has a column.
    expect(templateColumns(ruleSetFor('solde', 'BIO-SGL')!).map((c) => c.name)).toContain('numeroASP');
  });

  test('every column is described', () => {
    const template = buildTemplate(mdv);
    expect(template.descriptions).toHaveLength(template.columns.length);
    const rpps = template.descriptions.find((d) => d.column === 'beneficiaires.liberal.1.RPPS')!;
    expect(rpps.format).toBe('VARCHAR (=11)');
    expect(rpps.description).toMatch(/RPPS/);
  });

  test.each(RULE_SETS.map((r) => [name(r), r] as const))('%s: the example row builds one accepted file', (_, ruleSet) => {
    const result = buildFromTable({ rows: table(ruleSet) }, ruleSet, OPTIONS);
    expectAccepted(result, ruleSet);
    expect(result.files.map((f) => f.name)).toEqual(['JSON-MDVLGC0001-20240115-001.json']);
    expect(result.files[0]!.text).toMatch(/^\{\n {2}"impId": null,\n/);
    expect(result.files[0]!.text).toContain('"numLigne": 1,');
  });
});

describe('files of at most 200 requests', () => {
  test.each(RULE_SETS.map((r) => [name(r), r] as const))(
    '%s: 250 rows give files of 200 and 50 requests, numbered from 1',
    (_, ruleSet) => {
      const columns = templateColumns(ruleSet).map((c) => c.name);
      // numeroEditeur is unique in a file; so is the FINESS juridique of a server certificate (MS).
      const rows = Array.from({ length: 250 }, (_, i) => ({
        ...(columns.includes('numeroEditeur') ? { numeroEditeur: String(i + 1).padStart(5, '0') } : {}),
        ...(columns.includes('beneficiaires.1.FINESSJuridique') ? { 'beneficiaires.1.FINESSJuridique': finess(i) } : {}),
      }));
      const result = buildFromTable({ rows: table(ruleSet, ...rows) }, ruleSet, OPTIONS);
      expectAccepted(result, ruleSet);
      expect(result.files.map((f) => [f.name, f.requests, f.firstRow, f.lastRow])).toEqual([
        ['JSON-MDVLGC0001-20240115-001.json', 200, 2, 201],
        ['JSON-MDVLGC0001-20240115-002.json', 50, 202, 251],
      ]);
      const second = JSON.parse(result.files[1]!.text) as { lignesImport: { numLigne: number }[] };
      expect(second.lignesImport.map((r) => r.numLigne)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    },
  );

  test('file names and dates', () => {
    expect(builtFileName('MDVLGC0001', '20240115', 12)).toBe('JSON-MDVLGC0001-20240115-012.json');
    expect(isCompactDate('20240229')).toBe(true);
    expect(isCompactDate('20230229')).toBe(false);
    expect(isCompactDate('2024-01-15')).toBe(false);
  });
});

describe('conversions', () => {
  test('French amounts, dates, yes/no, lost zeros and operator labels build, and are reported', () => {
    const rows = table(mdv, {
      numeroEditeur: '7',
      'commande.dateCommande': '2024-01-15',
      'commande.montantSegurHT': '1 075,00',
      'beneficiaires.isMandataire': 'non',
      'beneficiaires.isClientUnique': 'oui',
      'piecesJustificatives.1.nomFichier': 'MDV-LGC-Va1-BDC-00007.pdf',
      'scenarioInstallation.operateurMessagerie': 'Mailiz',
    });
    const result = buildFromTable({ rows }, mdv, OPTIONS);
    expectAccepted(result, mdv);
    const request = JSON.parse(result.files[0]!.text).lignesImport[0];
    expect(request.numeroEditeur).toBe('00007');
    expect(request.commande).toEqual({ dateCommande: '15/01/2024', regimeTVA: 'TTC', montantSegurHT: 1075 });
    expect(result.files[0]!.text).toContain('"montantSegurHT": 1075.00');
    expect(request.beneficiaires.isMandataire).toBe(false);
    expect(request.scenarioInstallation.operateurMessagerie).toBe('MAI_15');
    expect(result.conversions).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'numeroEditeur', from: '7', to: '"00007"' },
        { row: 2, column: 'commande.dateCommande', from: '2024-01-15', to: '"15/01/2024"' },
        { row: 2, column: 'commande.montantSegurHT', from: '1 075,00', to: '1075.00' },
        { row: 2, column: 'beneficiaires.isMandataire', from: 'non', to: 'false' },
        { row: 2, column: 'scenarioInstallation.operateurMessagerie', from: 'Mailiz', to: '"MAI_15"' },
      ]),
    );
  });

  test('empty repeats are dropped and later ones move up; a finding names the column of the cell', () => {
    const rows = table(mdv, {
      'beneficiaires.isClientUnique': 'faux',
      'beneficiaires.liberal.2.nomMedecin': 'MARTIN',
      'beneficiaires.liberal.2.emailMedecin': 'dr.martin@exemple.fr',
      'beneficiaires.liberal.2.telephoneMedecin': '0102030406',
      'beneficiaires.liberal.2.RPPS': 'ABC',
    });
    const result = buildFromTable({ rows }, mdv, OPTIONS);
    expect(result.status).toBe('rejected');
    expect(result.files).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'beneficiaires.liberal.2.RPPS', value: 'ABC', code: 'E007' }),
    ]);
  });

  test('a column added for a fourth repeat is read', () => {
    const [header, example] = table(mdv) as [Cell[], Cell[]];
    const doctors = ['DURAND', 'MARTIN', 'PETIT', 'ROBERT'];
    const extra = ['nomMedecin', 'emailMedecin', 'telephoneMedecin', 'RPPS'].map((t) => `beneficiaires.liberal.4.${t}`);
    const row = [...example, 'ROBERT', 'dr.robert@exemple.fr', '0102030409', '10000000009'];
    for (const [i, doctor] of doctors.slice(1, 3).entries()) {
      for (const [t, v] of Object.entries({
        nomMedecin: doctor,
        emailMedecin: 'dr@exemple.fr',
        telephoneMedecin: '0102030405',
        RPPS: '10000000009',
      })) {
        row[header.indexOf(`beneficiaires.liberal.${i + 2}.${t}`)] = v;
      }
    }
    row[header.indexOf('beneficiaires.isClientUnique')] = 'false';
    const result = buildFromTable({ rows: [[...header, ...extra], row] }, mdv, OPTIONS);
    expectAccepted(result, mdv);
    const liberal = JSON.parse(result.files[0]!.text).lignesImport[0].beneficiaires.liberal as { nomMedecin: string }[];
    expect(liberal.map((d) => d.nomMedecin)).toEqual(doctors);
  });
});

describe('cells in error', () => {
  test('31/02/2024 is reported at its row and column, with the checker’s code and message; nothing is built', () => {
    const rows = table(mdv, {}, { numeroEditeur: '00002', 'commande.dateCommande': '31/02/2024' });
    const result = buildFromTable({ rows }, mdv, OPTIONS);
    expect(result.status).toBe('rejected');
    expect(result.files).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'commande.dateCommande', value: '31/02/2024', code: 'E010' });
    expect(result.errors[0]!.message).toMatch(/JJ\/MM\/AAAA/);
    expect(result.errors[0]!.message).toContain('31/02/2024');
  });

  test('a header given wrong is reported once, and the cells are still checked', () => {
    const rows = table(mdv, { 'commande.regimeTVA': 'TVA' });
    const result = buildFromTable({ rows }, mdv, { ...OPTIONS, header: { numeroAns: 'ABC', siret: HEADER.siret } });
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [null, 'numeroAns', 'E007'],
      [2, 'commande.regimeTVA', 'E009'],
    ]);
  });

  test('an empty required cell is reported where it belongs', () => {
    const result = buildFromTable({ rows: table(mdv, { 'beneficiaires.liberal.1.RPPS': '' }) }, mdv, OPTIONS);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'beneficiaires.liberal.1.RPPS', 'E006']]);
  });

  test('a column twice, a column that does not fit, a nameless column with values', () => {
    const [header, example] = table(mdv) as [Cell[], Cell[]];
    const rows = [
      [...header, 'numeroEditeur', 'piecesJustificatives.nomFichier', 'commande', '', 'beneficiaires.liberal.0.RPPS'],
      [...example, '00001', 'x', 'y', 'z', '10000000009'],
    ];
    const result = buildFromTable({ rows }, mdv, OPTIONS);
    expect(result.status).toBe('rejected');
    expect(result.errors.map((e) => e.code)).toEqual(['T001', 'T002', 'T002', 'T003', 'T002']);
    expect(result.errors[0]!.message).toContain('colonnes A et AV');
    expect(result.errors[1]!.message).toContain('« piecesJustificatives » est une liste');
    expect(result.errors[2]!.message).toContain('« commande » est un bloc');
  });

  test('an unknown column is the checker’s unknown tag where it has values, and ignored where empty', () => {
    const [header, example] = table(mdv) as [Cell[], Cell[]];
    const withValue = buildFromTable(
      {
        rows: [
          [...header, 'commentaire'],
          [...example, 'à relancer'],
        ],
      },
      mdv,
      OPTIONS,
    );
    expect(withValue.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'commentaire', 'E002']]);
    const empty = buildFromTable(
      {
        rows: [
          [...header, 'commentaire'],
          [...example, ''],
        ],
      },
      mdv,
      OPTIONS,
    );
    expect(empty.status).toBe('built');
  });

  test('a table with no request, or no header', () => {
    expect(buildFromTable({ rows: [] }, mdv, OPTIONS).errors.map((e) => e.code)).toEqual(['T004']);
    expect(buildFromTable({ rows: table(mdv).slice(0, 1) }, mdv, OPTIONS).errors.map((e) => e.code)).toEqual(['T004']);
    const blankRows = [...table(mdv), ['', '  '], [null]];
    expect(buildFromTable({ rows: blankRows }, mdv, OPTIONS).files[0]!.requests).toBe(1);
  });
});

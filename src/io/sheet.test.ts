// The table readers and the template writers, on real bytes (papaparse, read-excel-file,
// write-excel-file), through to built files the checker accepts.

import { describe, expect, test } from 'vitest';
import writeXlsxFile from 'write-excel-file/universal';
import readXlsxFile from 'read-excel-file/universal';
import { RULE_SETS, ruleSetFor } from '../rules/index';
import type { RuleSet } from '../core/model';
import { simulate } from '../core/simulate';
import { PROFILES } from '../core/types';
import { buildTemplate, templateRows } from '../sheet/template';
import { buildFromTable, type BuildResult } from '../sheet/build';
import { readTable } from './sheet';
import { templateCsv } from './sheet-csv';
import { COLUMNS_SHEET, REQUESTS_SHEET, templateXlsx } from './sheet-xlsx';

const OPTIONS = { header: { numeroAns: 'MDVLGC0001', siret: '73282932000074' }, date: '20240115', today: '2026-11-30' };
const mdv = ruleSetFor('avance', 'MDV-LGC')!;
const name = (r: RuleSet) => `${r.dsr} ${r.type}`;

async function build(bytes: Uint8Array, ruleSet: RuleSet): Promise<BuildResult> {
  const read = await readTable(bytes);
  if (!read.ok) throw new Error(read.reason);
  return buildFromTable(read.table, ruleSet, OPTIONS);
}

function expectAccepted(result: BuildResult, ruleSet: RuleSet) {
  expect(result.errors).toEqual([]);
  expect(result.files).toHaveLength(1);
  expect(simulate(result.files[0]!.bytes, { type: ruleSet.type, dsr: ruleSet.dsr, profiles: PROFILES }, ruleSet).status).toBe('accepted');
}

/** Windows-1252 bytes of `text` (the characters used here are all below U+0100). */
const cp1252 = (text: string) =>
  Uint8Array.from(text, (c) => {
    if (c.charCodeAt(0) > 0xff) throw new Error(`not in Latin-1: ${c}`);
    return c.charCodeAt(0);
  });

describe('templates built unchanged give one accepted file', () => {
  test.each(RULE_SETS.map((r) => [name(r), r] as const))('%s, CSV', async (_, ruleSet) => {
    const csv = await templateCsv(buildTemplate(ruleSet));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toContain(';');
    expectAccepted(await build(new TextEncoder().encode(csv), ruleSet), ruleSet);
  });

  test.each(RULE_SETS.map((r) => [name(r), r] as const))('%s, XLSX', async (_, ruleSet) => {
    const template = buildTemplate(ruleSet);
    const bytes = await templateXlsx(template);
    expectAccepted(await build(bytes, ruleSet), ruleSet);
    // The second sheet describes every column.
    const sheets = await readXlsxFile(new Uint8Array(bytes).buffer);
    expect(sheets.map((s) => s.sheet)).toEqual([REQUESTS_SHEET, COLUMNS_SHEET]);
    const described = sheets[1]!.data.slice(1, 1 + template.columns.length).map((row) => row[0]);
    expect(described).toEqual(template.columns.map((c) => c.name));
  });

  test('the XLSX template keeps identifiers as text cells', async () => {
    const bytes = await templateXlsx(buildTemplate(mdv));
    const [sheet] = await readXlsxFile(new Uint8Array(bytes).buffer);
    const header = sheet!.data[0]!;
    expect(sheet!.data[1]![header.indexOf('numeroEditeur')]).toBe('00001');
    expect(sheet!.data[1]![header.indexOf('beneficiaires.liberal.1.telephoneMedecin')]).toBe('0102030405');
  });
});

describe('tables as vendors have them', () => {
  test('a Windows-1252 CSV with « ; », 1 075,00 amounts, 15/01/2024 dates and oui/non builds, and says its encoding', async () => {
    const [header, example] = templateRows(buildTemplate(mdv));
    const row = [...example];
    const set = (column: string, value: string) => (row[header.indexOf(column)] = value);
    set('commande.montantSegurHT', '1 075,00');
    set('commande.dateCommande', '15/01/2024');
    set('beneficiaires.isMandataire', 'non');
    set('beneficiaires.isClientUnique', 'oui');
    set('beneficiaires.liberal.1.nomMedecin', 'LEFÈVRE');
    const text = [header, row].map((r) => r.join(';')).join('\r\n') + '\r\n';
    const read = await readTable(cp1252(text));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.notes?.join(' ')).toContain('Windows-1252');
    expect(read.table.description).toContain('séparateur « ; »');
    const result = buildFromTable(read.table, mdv, OPTIONS);
    expectAccepted(result, mdv);
    const request = JSON.parse(result.files[0]!.text).lignesImport[0];
    expect(request.beneficiaires.liberal[0].nomMedecin).toBe('LEFÈVRE');
    expect(request.beneficiaires.isClientUnique).toBe(true);
    expect(result.files[0]!.text).toContain('"montantSegurHT": 1075.00');
    expect(result.conversions.map((c) => c.column)).toEqual([
      'commande.montantSegurHT',
      'beneficiaires.isMandataire',
      'beneficiaires.isClientUnique',
    ]);
  });

  test('a « , » separated CSV with quoted cells', async () => {
    const [header, example] = templateRows(buildTemplate(mdv));
    const row = [...example];
    row[header.indexOf('commande.montantSegurHT')] = '"1 075,00"';
    const text = [header.join(','), row.join(',')].join('\n');
    const read = await readTable(new TextEncoder().encode(text));
    expect(read.ok && read.table.description).toContain('séparateur « , »');
    if (read.ok) expectAccepted(buildFromTable(read.table, mdv, OPTIONS), mdv);
  });

  test('an XLSX with real date and number cells', async () => {
    const [header, example] = templateRows(buildTemplate(mdv));
    const cells = example.map((value, i) => {
      if (header[i] === 'commande.dateCommande') return { value: new Date(Date.UTC(2024, 0, 15)), type: Date, format: 'dd/mm/yyyy' };
      if (header[i] === 'commande.montantSegurHT') return { value: 1075, type: Number };
      if (header[i] === 'numeroEditeur') return { value: 1, type: Number };
      return value === '' ? null : { value, type: String };
    });
    const blob = await writeXlsxFile([header.map((value) => ({ value, type: String })), cells] as never).toBlob();
    const result = await build(new Uint8Array(await blob.arrayBuffer()), mdv);
    expectAccepted(result, mdv);
    const request = JSON.parse(result.files[0]!.text).lignesImport[0];
    expect(request.commande.dateCommande).toBe('15/01/2024');
    expect(request.numeroEditeur).toBe('00001');
    expect(result.conversions).toEqual(
      expect.arrayContaining([{ row: 2, column: 'commande.dateCommande', from: '2024-01-15', to: '"15/01/2024"' }]),
    );
  });
});

describe('what is not a table gets a clear reason', () => {
  test.each([
    ['an empty file', new Uint8Array(), /vide/],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n…'), /PDF/],
    ['an Excel 97-2003 workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.xls/],
    ['a damaged zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /XLSX/],
    ['a CSV with a quote never closed', new TextEncoder().encode('a;b\n"x;y\n'), /guillemet/],
  ])('%s', async (_, bytes, reason) => {
    const read = await readTable(bytes);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });
});

// The page's state without the page: choices, a table read and built, the rule set following the type.

import { describe, expect, test } from 'vitest';
import { compactOf, isoOf, SheetState } from './sheet.svelte';
import { buildTemplate, templateRows } from '../../sheet/template';
import { ruleSetFor } from '../../rules/index';

const csv = (rows: string[][]) => new File(['\uFEFF' + rows.map((r) => r.join(';')).join('\r\n')], 'demandes.csv', { type: 'text/csv' });

describe('the spreadsheet page state', () => {
  test('dates of the date field and of the file names', () => {
    expect(compactOf('2024-01-15')).toBe('20240115');
    expect(isoOf('20240115')).toBe('2024-01-15');
  });

  test('a balance keeps a couloir that has one', () => {
    const sheet = new SheetState();
    sheet.dsr = 'HOP-DPI';
    expect(sheet.ruleSet.dsr).toBe('HOP-DPI');
    sheet.type = 'solde';
    expect(sheet.ruleSet.type).toBe('solde');
    expect(sheet.ruleSets.map((r) => r.dsr)).not.toContain('HOP-DPI');
  });

  test('a table taken is built at once; a cell in error, then the fixed table gives its file', async () => {
    const sheet = new SheetState();
    sheet.numeroAns = ' MDVLGC0001 ';
    sheet.siret = '73282932000074';
    sheet.date = '2024-01-15';
    const [header, example] = templateRows(buildTemplate(ruleSetFor('avance', 'MDV-LGC')!));
    const wrong = [...example];
    wrong[header.indexOf('commande.montantSegurHT')] = '0';
    await sheet.takeTable([csv([header, wrong])]);
    expect(sheet.result?.status).toBe('rejected');
    expect(sheet.result?.errors.map((e) => [e.row, e.column, e.code])).toEqual([[2, 'commande.montantSegurHT', 'E012']]);
    expect(sheet.description).toContain('CSV');
    await sheet.takeTable([csv([header, example])]);
    expect(sheet.result?.status).toBe('built');
    expect(sheet.result?.files.map((f) => f.name)).toEqual(['JSON-MDVLGC0001-20240115-001.json']);
    expect(sheet.failure).toBe('');
  });

  test('something that is no table is said, not thrown', async () => {
    const sheet = new SheetState();
    await sheet.takeTable([new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'scan.csv')]);
    expect(sheet.result?.errors.map((e) => e.code)).toEqual(['T006']);
    expect(sheet.result?.errors[0]!.message).toMatch(/PDF/);
  });
});

// The pieces of the simulation that the rule-set tests do not reach on their own.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { simulateFile } from '../simulator';
import { pointer } from './simulate';
import { MAX_FINDINGS_PER_CODE } from './validate';

describe('pointer (RFC 6901), as reports give a finding’s place', () => {
  test.each([
    [[], ''],
    [['lignesImport', 0, 'commande', 'montantSegurHT'], '/lignesImport/0/commande/montantSegurHT'],
    [['lignesImport', 12, 'a/b'], '/lignesImport/12/a~1b'],
    [['c~d', 'e~/f'], '/c~0d/e~0~1f'],
    [['', 'é'], '//é'],
  ] as const)('%j → %s', (path, expected) => {
    expect(pointer(path)).toBe(expected);
  });
});

describe('a syntax fault carries its offset (an editor places it without counting lines)', () => {
  const check = (text: string) => simulateFile(new TextEncoder().encode(text), { type: 'avance', dsr: 'MDV-LGC' }).globalErrors;
  /** The line and column of `offset` as the core counts them (LF, CRLF, a lone CR; the BOM is no column). */
  const place = (text: string, offset: number) => {
    const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
    const column = lines.at(-1)!.replace(/^\uFEFF/, '').length + 1;
    return { line: lines.length, column };
  };

  test.each([
    ['G010', '\uFEFF{\r\n  "impId": null\r\n  "numeroAns": "X"\r\n}', 19],
    ['G010', '{\n  "a": 1,\n}', 12],
    ['G010', '{\r  "a": "x\r}', 11],
    ['G012', '   ', 3],
  ] as const)('%s at %#', (code, text, offset) => {
    const [issue] = check(text);
    expect(issue).toMatchObject({ code, offset });
    expect(place(text, offset)).toEqual({ line: issue!.line, column: issue!.column });
  });
});

describe('the file-name warning (G020) marks the root object', () => {
  const warningOf = (text: string) =>
    simulateFile(new TextEncoder().encode(text), { type: 'avance', dsr: 'MDV-LGC', fileName: 'mauvais nom.json' }).globalWarnings.find(
      (w) => w.code === 'G020',
    );

  test.each([
    ['without a byte order mark', '{"lignesImport": []}', 0],
    ['after a byte order mark, not on it', '\uFEFF{"lignesImport": []}', 1],
    ['after leading blanks', '\n  {"lignesImport": []}', 3],
  ] as const)('%s', (_, text, offset) => {
    expect(warningOf(text)).toMatchObject({ code: 'G020', offset, line: text.startsWith('\n') ? 2 : 1 });
  });
});

describe('a value found wrong past the bound of its code (MAX_FINDINGS_PER_CODE) is counted, not reported', () => {
  test('150 doctors whose phone is a number: 100 E004 kept, then «… et 50 autres» where the 101st stands', () => {
    const fixture = readFileSync(new URL('../rules/mdv-lgc/fixtures/avance-liberal.json', import.meta.url), 'utf8');
    const file = JSON.parse(fixture) as { lignesImport: { beneficiaires: { liberal: Record<string, unknown>[] } }[] };
    const doctor = file.lignesImport[0]!.beneficiaires.liberal[0]!;
    file.lignesImport[0]!.beneficiaires.liberal = Array.from({ length: 150 }, () => ({ ...doctor, telephoneMedecin: 102030405 }));
    const result = simulateFile(new TextEncoder().encode(JSON.stringify(file, null, 2)), { type: 'avance', dsr: 'MDV-LGC' });
    const e004 = result.requests[0]!.errors.filter((e) => e.code === 'E004');
    expect(e004).toHaveLength(MAX_FINDINGS_PER_CODE + 1);
    expect(e004[0]).toMatchObject({
      path: '/lignesImport/0/beneficiaires/liberal/0/telephoneMedecin',
      fix: { text: '"0102030405"' },
    });
    expect(e004[0]!.message).toContain('trouvé : le nombre 102030405 ; les zéros de tête ont été perdus');
    expect(e004.at(-1)).toMatchObject({
      path: `/lignesImport/0/beneficiaires/liberal/${MAX_FINDINGS_PER_CODE}/telephoneMedecin`,
      message: `… et ${150 - MAX_FINDINGS_PER_CODE} autres erreurs du même type (E004).`,
    });
  });
});

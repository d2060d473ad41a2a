// The pieces of the simulation that the rule-set tests do not reach on their own.

import { describe, expect, test } from 'vitest';
import { simulateFile } from '../simulator';
import { pointer } from './simulate';

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

import { describe, expect, test } from 'vitest';
import { convertCell, excelSerialDate, isDateFormat, operatorCode, parseDecimal, toBoolean, toFrenchDate } from './convert';
import { RawNumber } from './json-text';
import { amount, boolean, date, integer, operator, siret, varcharEq, varcharMax } from '../rules/common/formats';

describe('numbers as spreadsheets write them', () => {
  test.each([
    ['1 075,00 €', 1075],
    ['1\u00a0075,00', 1075],
    ['1\u202f075,50 EUR', 1075.5],
    ['1.075,00', 1075],
    ['1,075.00', 1075],
    ['1075.5', 1075.5],
    ['-3', -3],
  ])('%s → %s', (text, n) => expect(parseDecimal(text)).toBe(n));
  test.each(['abc', '1,075,000', '', '12-3'])('%s is not a number', (text) => expect(parseDecimal(text)).toBeUndefined());

  test('an amount gets its two decimals, and the conversion is said', () => {
    const c = convertCell('1 075,00 €', amount);
    expect(c.value).toEqual(new RawNumber('1075.00'));
    expect(c.conversion).toEqual({ from: '1 075,00 €', to: '1075.00' });
    expect(convertCell(1075, amount).value).toEqual(new RawNumber('1075.00'));
    expect(convertCell('1075.00', amount).conversion).toBeUndefined();
  });

  test('an amount with more decimals is not rounded (the checker refuses it)', () => {
    expect(convertCell('1075,555', amount).value).toEqual(new RawNumber('1075.555'));
  });

  test('text that is no number is passed on as text', () => {
    expect(convertCell('mille euros', amount).value).toBe('mille euros');
    expect(convertCell('3', integer(1, 200)).value).toEqual(new RawNumber('3'));
  });
});

describe('dates', () => {
  test('the date format is recognised by what it accepts', () => {
    expect(isDateFormat(date)).toBe(true);
    expect(isDateFormat(varcharMax(10))).toBe(false);
    expect(isDateFormat(amount)).toBe(false);
  });

  test.each([
    ['2024-01-15', '15/01/2024'],
    ['2024-01-15T00:00:00', '15/01/2024'],
    ['5/1/2024', '05/01/2024'],
    ['15-01-2024', '15/01/2024'],
    ['15.01.2024', '15/01/2024'],
    ['45306', '15/01/2024'],
  ])('%s → %s', (text, expected) => {
    expect(toFrenchDate(text)).toBe(expected);
    expect(convertCell(text, date)).toEqual({ value: expected, conversion: { from: text, to: JSON.stringify(expected) } });
  });

  test('an Excel date cell and a serial number', () => {
    expect(convertCell(new Date(Date.UTC(2024, 0, 15)), date).value).toBe('15/01/2024');
    expect(convertCell(45306, date)).toEqual({ value: '15/01/2024', conversion: { from: '45306', to: '"15/01/2024"' } });
    expect(excelSerialDate(1)).toBe('01/01/1900');
    expect(excelSerialDate(59)).toBe('28/02/1900');
    expect(excelSerialDate(61)).toBe('01/03/1900');
    expect(excelSerialDate(0)).toBeUndefined();
  });

  test('a date already right is not a conversion; an impossible one is left for the checker', () => {
    expect(convertCell('15/01/2024', date)).toEqual({ value: '15/01/2024' });
    expect(convertCell('31/02/2024', date)).toEqual({ value: '31/02/2024' });
  });
});

describe('booleans', () => {
  test.each([
    ['vrai', true],
    ['FAUX', false],
    ['oui', true],
    ['Non', false],
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
  ] as const)('%s → %s', (text, value) => expect(toBoolean(text)).toBe(value));

  test('a boolean cell, and text that is none', () => {
    expect(convertCell(true, boolean)).toEqual({ value: true });
    expect(convertCell('oui', boolean)).toEqual({ value: true, conversion: { from: 'oui', to: 'true' } });
    expect(convertCell('peut-être', boolean).value).toBe('peut-être');
  });
});

describe('identifiers and codes', () => {
  test('lost leading zeros come back to the length the format wants', () => {
    expect(convertCell('1', varcharEq(5))).toEqual({ value: '00001', conversion: { from: '1', to: '"00001"' } });
    expect(convertCell(1, varcharEq(5)).value).toBe('00001');
    // 14 digits with a valid check digit once padded (SIRET check digits are only a warning anyway).
    expect(convertCell('7328293200007', siret).value).toBe('07328293200007');
    expect(convertCell('00001', varcharEq(5))).toEqual({ value: '00001' });
  });

  test('a number cell in a text column is its digits', () => {
    expect(convertCell(10000000009, varcharEq(11))).toEqual({ value: '10000000009' });
  });

  test('an operator label becomes its code when exactly one matches', () => {
    expect(operatorCode('Mailiz')).toBe('MAI_15');
    expect(convertCell('Mailiz', operator)).toEqual({ value: 'MAI_15', conversion: { from: 'Mailiz', to: '"MAI_15"' } });
    expect(convertCell('ENO_5', operator)).toEqual({ value: 'ENO_5' });
    expect(convertCell('Opérateur inconnu', operator).value).toBe('Opérateur inconnu');
  });

  test('empty cells are empty', () => {
    for (const cell of [null, '', '   ', '\u00a0']) expect(convertCell(cell, varcharMax(50)).value).toBeUndefined();
  });

  test('spaces around a text are trimmed, and said', () => {
    expect(convertCell(' DURAND ', varcharMax(50))).toEqual({ value: 'DURAND', conversion: { from: ' DURAND ', to: '"DURAND"' } });
  });
});

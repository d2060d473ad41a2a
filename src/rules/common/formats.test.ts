import { describe, expect, it } from 'vitest';
import { isCalendarDate, isoDate } from './formats';
import { isKnownOperator, MAILIZ } from './operators';
import { OPERATEURS_MESSAGERIE } from './operateurs-messagerie';

describe('isCalendarDate', () => {
  it('accepts real JJ/MM/AAAA dates', () => {
    for (const d of ['01/01/2024', '29/02/2024', '29/02/2000', '31/12/2025', '30/04/2024']) expect(isCalendarDate(d), d).toBe(true);
  });
  it('refuses dates that do not exist', () => {
    for (const d of ['29/02/2023', '29/02/1900', '31/04/2024', '00/01/2024', '32/01/2024', '15/00/2024', '15/13/2024'])
      expect(isCalendarDate(d), d).toBe(false);
  });
  it('refuses other spellings', () => {
    for (const d of [
      '2024-01-15',
      '1/1/2024',
      '01/01/24',
      '01-01-2024',
      ' 01/01/2024',
      '01/01/2024 ',
      '',
      '0a/01/2024',
      '01/01/2O24',
      '+1/01/2024',
      '01/-1/2024',
      '01/01/-024',
      '١٢/01/2024',
      '01/01/2024\n',
    ])
      expect(isCalendarDate(d), d).toBe(false);
  });
  it('isoDate turns JJ/MM/AAAA into a comparable AAAA-MM-JJ', () => {
    expect(isoDate('23/11/2026')).toBe('2026-11-23');
    expect(isoDate('23/11/2026') > '2026-11-22').toBe(true);
  });
});

describe('messaging operators', () => {
  it('holds the 355 codes of the guide', () => {
    expect(OPERATEURS_MESSAGERIE).toHaveLength(355);
    expect(new Set(OPERATEURS_MESSAGERIE.map(([code]) => code)).size).toBe(355);
  });
  it('knows both spellings of a code with a two-letter prefix', () => {
    expect(isKnownOperator('CH _41')).toBe(true);
    expect(isKnownOperator('CH_41')).toBe(true);
    expect(isKnownOperator('CL_253')).toBe(true);
  });
  it('knows Mailiz and refuses unknown or misspelt codes', () => {
    expect(MAILIZ).toBe('MAI_15');
    expect(isKnownOperator('MAI_15')).toBe(true);
    expect(isKnownOperator('XYZ_999')).toBe(false);
    expect(isKnownOperator('mai_15')).toBe(false);
    expect(isKnownOperator('MAILIZ')).toBe(false);
    expect(isKnownOperator('CH  _41')).toBe(false);
  });
});

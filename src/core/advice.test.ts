import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountRewrite, dateRewrite, excelSerialDate } from './advice';
import { invisibleNames, fromC1 } from './invisible';
import { count, expectedWord, limitFr, message, sizeFr } from '../messages/fr';

describe('advice on values mangled by spreadsheets', () => {
  it('reads Excel date serial numbers (days since 30/12/1899)', () => {
    expect(excelSerialDate(45306)).toBe('15/01/2024');
    expect(excelSerialDate(45351)).toBe('29/02/2024');
    expect(excelSerialDate(12)).toBeUndefined(); // not a plausible date of a Ségur file
    expect(excelSerialDate(45306.5)).toBeUndefined();
  });

  it('rewrites dates written another way as JJ/MM/AAAA, never an impossible one', () => {
    expect(dateRewrite('2024-01-15')).toEqual({ advice: 'iso-date', date: '15/01/2024' });
    expect(dateRewrite('2024-01-15T10:00:00Z')).toEqual({ advice: 'iso-date', date: '15/01/2024' });
    expect(dateRewrite('45306')).toEqual({ advice: 'excel-date', date: '15/01/2024' });
    expect(dateRewrite('5/1/2024')).toEqual({ advice: 'date-format', date: '05/01/2024' });
    expect(dateRewrite('15.01.2024')).toEqual({ advice: 'date-format', date: '15/01/2024' });
    expect(dateRewrite('2023-02-29')).toBeUndefined();
    expect(dateRewrite('31/02/2024')).toBeUndefined();
    expect(dateRewrite('demain')).toBeUndefined();
  });

  it('the same answers as regular expressions and the calendar of Date (the earlier code), for any date-like text', () => {
    const pad2 = (n: number) => String(n).padStart(2, '0');
    const calendar = (day: number, month: number, year: number) => {
      if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
      return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day ? `${pad2(day)}/${pad2(month)}/${year}` : undefined;
    };
    const reference = (s: string) => {
      const t = s.trim();
      const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(t);
      if (iso) {
        const date = calendar(Number(iso[3]), Number(iso[2]), Number(iso[1]));
        return date ? { advice: 'iso-date', date } : undefined;
      }
      if (/^\d+$/.test(t) && t.length === 5) {
        const date = excelSerialDate(Number(t));
        return date ? { advice: 'excel-date', date } : undefined;
      }
      const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
      if (dmy) {
        const date = calendar(Number(dmy[1]), Number(dmy[2]), Number(dmy[3]));
        return date && date !== s ? { advice: 'date-format', date } : undefined;
      }
      return undefined;
    };
    const iso = fc
      .tuple(fc.integer({ min: 1890, max: 2110 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`);
    const dmy = fc
      .tuple(
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1890, max: 2110 }),
        fc.constantFrom('/', '.', '-'),
      )
      .map(([d, m, y, sep]) => `${d}${sep}${pad2(m)}${sep}${y}`);
    const unit = fc.constantFrom(...'0123456789', '-', '/', ' ', 'T', ':', 'a', '٣');
    const near = fc.array(unit, { minLength: 8, maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(iso, dmy, near), (s) => {
        expect(dateRewrite(s)).toEqual(reference(s));
      }),
      { numRuns: 5000 },
    );
    expect(dateRewrite('2024-02-29')).toEqual({ advice: 'iso-date', date: '29/02/2024' });
    expect(dateRewrite('1900-02-29')).toBeUndefined();
    expect(dateRewrite('2000-02-29')).toEqual({ advice: 'iso-date', date: '29/02/2000' });
    expect(dateRewrite('2024-01-5 ')).toEqual({ advice: 'iso-date', date: '05/01/2024' });
  });

  it('rewrites amounts with a point and two decimals; more decimals are not mechanical', () => {
    expect(amountRewrite('1075,00')).toEqual({ comma: true, amount: '1075.00' });
    expect(amountRewrite('1075,5')).toEqual({ comma: true, amount: '1075.50' });
    expect(amountRewrite(' 1 075.00 ')).toEqual({ comma: false, amount: '1075.00' });
    expect(amountRewrite('1075')).toEqual({ comma: false, amount: '1075.00' });
    expect(amountRewrite('1075.000')).toEqual({ comma: false, amount: '1075.00' });
    expect(amountRewrite('1075.123')).toBeUndefined();
    expect(amountRewrite('1e3')).toBeUndefined();
  });
});

describe('invisible and C1 characters', () => {
  it('names each invisible character once, in order', () => {
    expect(invisibleNames('DUPONT')).toBeUndefined();
    expect(invisibleNames('LEFÈVRE')).toBeUndefined();
    expect(invisibleNames('A\u00a0B\u200bC\u00a0')).toBe('espace insécable U+00A0, espace sans chasse U+200B');
    expect(invisibleNames('N\u0092GUYEN')).toBe('caractère de contrôle C1 U+0092');
  });

  it('reads C1 control characters as the Windows-1252 characters they stand for', () => {
    expect(fromC1('N\u0092GUYEN')).toBe('N’GUYEN');
    expect(fromC1('\u0080 \u009c')).toBe('€ œ');
    expect(fromC1('\u0081')).toBe('\u0081'); // undefined in Windows-1252
  });
});

describe('French wording', () => {
  it('gives sizes exactly, limits short when exact', () => {
    expect(sizeFr(21_000_901)).toBe('20,03 Mo (21 000 901 octets)');
    expect(sizeFr(3 * 1024 * 1024)).toBe('3 Mo (3 145 728 octets)');
    expect(sizeFr(1)).toBe('1 octet');
    expect(limitFr(20 * 1024 * 1024)).toBe('20 Mo');
    expect(message('P004', { where: 'pj.zip', count: 21_000_901, expected: limitFr(20 * 1024 * 1024) })).toContain(
      'trop volumineux : 20,03 Mo (21 000 901 octets), au plus 20 Mo par zip',
    );
    expect(message('G003', { found: '67108865', count: 64 * 1024 * 1024 })).toBe(
      'Le fichier est trop volumineux : 64 Mo (67 108 865 octets), au plus 64 Mo.',
    );
  });

  it('agrees « attendu » and counts without «(s)»', () => {
    expect(expectedWord('une chaîne de 5 caractères')).toBe('attendue');
    expect(expectedWord('un nombre entier de 1 à 200')).toBe('attendu');
    expect(count(1, 'médecin')).toBe('1 médecin');
    expect(count(3, 'médecin')).toBe('3 médecins');
    expect(message('E016', { tag: 'liberal', count: 1, found: '[]' })).toBe('« liberal » : au moins 1 élément attendu ; trouvé : [].');
    expect(message('E016', { tag: 'liberal', count: 2, found: 'un tableau de 1 élément', kind: 'array' })).toBe(
      '« liberal » : au moins 2 éléments attendus ; trouvé : un tableau de 1 élément.',
    );
    expect(message('E022', { tag: 'isClientUnique', found: 'true', count: 2 })).toContain('la demande compte 2 médecins');
  });

  it('one allowed value reads « attendu : « C » »', () => {
    expect(message('E009', { tag: 'typeAction', expected: '« C »', found: '"M"', kind: 'string' })).toBe(
      '« typeAction » : valeur non permise, attendu : « C » ; trouvé : le texte "M".',
    );
    expect(message('E009', { tag: 'regimeTVA', expected: '« TTC » ou « HT »', found: '"TVA"', kind: 'string' })).toContain(
      'valeur attendue parmi « TTC » ou « HT »',
    );
  });
});

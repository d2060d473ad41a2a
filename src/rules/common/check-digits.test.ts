import { describe, expect, it } from 'vitest';
import { isValidFiness, isValidRpps, isValidSiret, luhn } from './check-digits';

describe('luhn', () => {
  it('accepts numbers whose doubled-digit sum is a multiple of 10', () => {
    expect(luhn('79927398713')).toBe(true);
    expect(luhn('79927398710')).toBe(false);
    expect(luhn('0')).toBe(true);
  });
  it('refuses anything that is not digits', () => {
    expect(luhn('')).toBe(false);
    expect(luhn('1234 5678')).toBe(false);
    expect(luhn('12a')).toBe(false);
  });
});

describe('isValidSiret', () => {
  it('checks the Luhn key of ordinary SIRETs', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
  });
  it('La Poste (SIREN 356 000 000): digit sum a multiple of 5', () => {
    expect(isValidSiret('35600000000047')).toBe(true); // 3+5+6+4+7 = 25
    expect(isValidSiret('35600000012346')).toBe(true); // 14 + 16 = 30
    expect(isValidSiret('35600000012345')).toBe(false); // 29
  });
  it("La Poste's head office 356 000 000 00048 follows Luhn, not the sum rule", () => {
    expect(isValidSiret('35600000000048')).toBe(true);
    expect(isValidSiret('35600000000049')).toBe(false);
  });
});

describe('isValidRpps', () => {
  it('checks the Luhn key of 11-digit RPPS numbers', () => {
    expect(isValidRpps('10000000009')).toBe(true);
    expect(isValidRpps('10000000017')).toBe(true);
    expect(isValidRpps('10000000008')).toBe(false);
  });
});

describe('isValidFiness', () => {
  it('checks the Luhn key of 9-digit FINESS numbers', () => {
    expect(isValidFiness('750000127')).toBe(true);
    expect(isValidFiness('010000024')).toBe(true);
    expect(isValidFiness('750000128')).toBe(false);
  });
  it('does not check Corsican numbers (2A…, 2B…)', () => {
    expect(isValidFiness('2A0000001')).toBe(true);
    expect(isValidFiness('2B1234567')).toBe(true);
    expect(isValidFiness('2C1234567')).toBe(false);
  });
});

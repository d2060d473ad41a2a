// Check digits of French identifiers. All three end with a Luhn key; La Poste's SIRETs
// (SIREN 356 000 000) use their own rule (digit sum a multiple of 5), except the head
// office's, 356 000 000 00048, which follows Luhn; Corsican FINESS numbers (2A…, 2B…) carry letters
// and are not checked.

/**
 * Luhn: doubling every second digit from the right, the sum is a multiple of 10. False unless
 * `digits` is one or more ASCII digits (checked in the loop, not by a regular expression: every
 * RPPS and FINESS of a file comes here, 40 000 in a 3 MB one).
 */
export function luhn(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** La Poste's head office: the one SIRET of SIREN 356 000 000 that follows Luhn, not the sum rule. */
const LA_POSTE_HEAD_OFFICE = '35600000000048';

export function isValidSiret(s: string): boolean {
  if (/^356000000\d{5}$/.test(s)) {
    if (s === LA_POSTE_HEAD_OFFICE) return true;
    let sum = 0;
    for (const c of s) sum += Number(c);
    return sum % 5 === 0;
  }
  return luhn(s);
}

export function isValidRpps(s: string): boolean {
  return luhn(s);
}

export function isValidFiness(s: string): boolean {
  // The regular expression only for a number that starts like a Corsican one.
  if (s.charCodeAt(0) === 0x32 && /^2[AB]\d{7}$/.test(s)) return true;
  return luhn(s);
}

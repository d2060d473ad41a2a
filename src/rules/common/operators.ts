import { OPERATEURS_MESSAGERIE } from './operateurs-messagerie';

// The guide's OCR sometimes drops the space of a two-letter prefix (`CH_41` for `CH _41`):
// both spellings of such a code are known.
const KNOWN = new Set<string>();
for (const [code] of OPERATEURS_MESSAGERIE) {
  KNOWN.add(code);
  KNOWN.add(code.replace(' _', '_'));
}

export const MAILIZ = 'MAI_15';

export function isKnownOperator(code: string): boolean {
  return KNOWN.has(code);
}

// Characters a reader cannot see in a value, or that betray an encoding mix-up, named in French
// for messages (spec README «Messages that say what was found»). Pure.

/** The French name of an invisible or suspicious character, or undefined for an ordinary one. */
export function invisibleName(c: number): string | undefined {
  switch (c) {
    case 0x09:
      return 'tabulation';
    case 0x0a:
      return 'saut de ligne';
    case 0x0d:
      return 'retour chariot';
    case 0xa0:
      return 'espace insécable';
    case 0x202f:
      return 'espace fine insécable';
    case 0xad:
      return 'trait d’union conditionnel';
    case 0x200b:
      return 'espace sans chasse';
    case 0x200c:
      return 'antiliant sans chasse';
    case 0x200d:
      return 'liant sans chasse';
    case 0x2060:
      return 'gluon de mots';
    case 0xfeff:
      return 'indicateur d’ordre des octets (BOM)';
    case 0x2028:
      return 'séparateur de ligne';
    case 0x2029:
      return 'séparateur de paragraphe';
  }
  if (c < 0x20 || c === 0x7f) return 'caractère de contrôle';
  if (c >= 0x80 && c <= 0x9f) return 'caractère de contrôle C1';
  if ((c >= 0x2000 && c <= 0x200a) || c === 0x205f || c === 0x3000 || c === 0x1680) return 'espace spéciale';
  if ((c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return 'marque de direction du texte';
  return undefined;
}

/** `U+00A0`. */
export const codePoint = (c: number) => 'U+' + c.toString(16).toUpperCase().padStart(4, '0');

/**
 * The invisible characters of `s`, named once each in order of appearance
 * (`espace insécable U+00A0, espace sans chasse U+200B`), or undefined when there is none.
 */
export function invisibleNames(s: string): string | undefined {
  let names: string[] | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Fast path: printable ASCII and ordinary letters.
    if ((c >= 0x20 && c < 0x7f) || (c > 0xad && c < 0x1680)) continue;
    const name = invisibleName(c);
    if (name === undefined) continue;
    const named = `${name} ${codePoint(c)}`;
    names ??= [];
    if (!names.includes(named)) names.push(named);
  }
  return names?.join(', ');
}

/** True when `s` holds a C1 control character U+0080–U+009F (a Windows-1252 text read as Latin-1). */
export function hasC1(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f) return true;
  }
  return false;
}

/** Windows-1252's characters at 0x80–0x9F, for saying what a C1 control character was meant to be. */
const CP1252: Readonly<Record<number, string>> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

/** `s` with each C1 control character replaced by the Windows-1252 character it stands for (when there is one). */
export function fromC1(s: string): string {
  return s.replace(/[\u0080-\u009f]/g, (ch) => CP1252[ch.charCodeAt(0)] ?? ch);
}

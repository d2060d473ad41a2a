// A JSON Pointer (RFC 6901) from the file's root, said in words for the person reading the page:
//   /lignesImport/0/beneficiaires/liberal/1/RPPS → Demande 1 › beneficiaires › liberal n° 2 › RPPS
// Indices count from 1, as people count; a request is "Demande n" (its place in lignesImport).

const INDEX = /^(?:0|[1-9]\d*)$/;
export const SEPARATOR = ' › ';

/** The reference tokens of a pointer, unescaped (`~1` → `/`, `~0` → `~`). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return [pointer];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerToWords(pointer: string): string {
  const tokens = pointerTokens(pointer);
  if (tokens.length === 0) return 'Fichier entier';
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (next !== undefined && INDEX.test(next)) {
      // A named array and one of its elements: "liberal n° 2"; the requests: "Demande 1".
      const n = Number(next) + 1;
      words.push(i === 0 && token === 'lignesImport' ? `Demande ${n}` : `${name(token)} n° ${n}`);
      i++;
    } else if (INDEX.test(token) && i === 0) {
      words.push(`n° ${Number(token) + 1}`);
    } else {
      words.push(name(token));
    }
  }
  return words.join(SEPARATOR);
}

const name = (token: string) => (token === '' ? '(balise sans nom)' : token);

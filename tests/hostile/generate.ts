// Hostile inputs, generated (never stored): the cases of issue 15, each at a size given by the
// caller — CI-sized in the tests, full-sized in `npm run bench` (tests/bench/hostile.ts).
// Each starts from the MDV-LGC advance fixture, whose first request is valid.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** The valid MDV-LGC advance fixture (two requests). */
export const BASE_TEXT = readFileSync(resolve(ROOT, 'src/rules/mdv-lgc/fixtures/avance-liberal.json'), 'utf8');

/** The base file with `insert` added as the first members of the first request. */
function intoFirstRequest(insert: string): string {
  const at = BASE_TEXT.indexOf('"numLigne": 1,');
  if (at < 0) throw new Error('fixture changed: no "numLigne": 1');
  return BASE_TEXT.slice(0, at) + insert + BASE_TEXT.slice(at);
}

/** `n` distinct unknown tags, then `repeats` more copies of the last one (duplicates). */
export function duplicateTags(n: number, repeats: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`"x${i}":0,`);
  const last = `"x${n - 1}":0,`;
  for (let i = 0; i < repeats; i++) parts.push(last);
  return intoFirstRequest(parts.join(''));
}

/** `n` objects `{"a":0,"a":0}` in an unknown tag's array. */
export function duplicateObjects(n: number): string {
  return intoFirstRequest(`"inconnu":[${Array(n).fill('{"a":0,"a":0}').join(',')}],`);
}

/** One unknown object holding `n` times the same key. */
export function duplicatesInOneObject(n: number): string {
  return intoFirstRequest(`"inconnu":{${Array(n).fill('"a":0').join(',')}},`);
}

/** `n` distinct unknown tags in the first request. */
export function unknownTags(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`"y${i}":0,`);
  return intoFirstRequest(parts.join(''));
}

/**
 * The first request naming `n` attachments (`piecesJustificatives` with `n` items): all the same
 * file (`MDV-LGC-Va1-BDC-00001.pdf`), or `distinct` files.
 */
export function manyAttachments(n: number, distinct = false): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++)
    items.push(
      `{"nomFichier":"MDV-LGC-Va1-BDC-${distinct ? String(i).padStart(6, '0') : '00001'}.pdf","formatFichier":"PDF","typeFichier":"BON_COMMANDE"}`,
    );
  const text = BASE_TEXT.replace(/"piecesJustificatives": \[[^\]]*\]/, `"piecesJustificatives": [${items.join(',')}]`);
  if (text === BASE_TEXT) throw new Error('fixture changed: no piecesJustificatives');
  return text;
}

/** The base file with `value` as the first request's `numeroEditeur` (a JSON string literal's body). */
export function withNumeroEditeur(escapedBody: string): string {
  return BASE_TEXT.replace('"numeroEditeur": "00001"', `"numeroEditeur": "${escapedBody}"`);
}

/** The base file with an unknown tag named `escapedKey` (a JSON string literal's body) in the first request. */
export function withUnknownTag(escapedKey: string): string {
  return intoFirstRequest(`"${escapedKey}": 0,`);
}

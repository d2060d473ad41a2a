// The JSON file's own name (seeds/002 and seeds/004, § 3.3 «Nomenclature des fichiers»):
// `JSON-numeroAns-AAAAMMJJ-numéroFichier.json`. The public simulator does not check it, so a
// name that breaks the rule is a file-level warning (G020) that `strict` never escalates.

import type { Finding } from './types';

/** What a browser or the portal adds to a name: `_sortie` (output files), ` (1)` / `(3)` (copies). */
const SUFFIXES = /_sortie|\s*\(\d+\)/gi;
/** The prefix as the guides write it; the extension in any case (`.JSON` from some Windows tools). */
const RULE = /^JSON-(.+)-(\d{4})(\d{2})(\d{2})-(\d{3})\.[jJ][sS][oO][nN]$/;

/** True for a real calendar date. */
function isDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * G020 for `fileName` (a base name; a folder before `/` or `\` is ignored) against the rule
 * `JSON-numeroAns-AAAAMMJJ-NNN.json` and the header's `numeroAns` (when it is a string):
 * `reason` `pattern` (the name does not follow the rule: `expected` is the rule written with
 * the header's numeroAns) or `numeroAns` (the name names another numeroAns: `other`).
 * `_sortie` suffixes and copy marks (` (1)`, `(3)`) are ignored, as the seed 000 example
 * `MDV-liberal_sortie(1)_sortie(3).json` shows the public simulator does. Undefined: no warning.
 */
export function fileNameFinding(fileName: string, numeroAns: unknown): Finding | undefined {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const ans = typeof numeroAns === 'string' && numeroAns !== '' ? numeroAns : 'numeroAns';
  const found = `« ${name} »`;
  const m = RULE.exec(name.replace(SUFFIXES, ''));
  const finding = (reason: string, extra: { other?: string } = {}): Finding => ({
    code: 'G020',
    severity: 'warning',
    path: [],
    offset: 0,
    args: { tag: 'nom du fichier JSON', found, expected: `JSON-${ans}-AAAAMMJJ-001.json`, reason, ...extra },
  });
  if (!m || m[5] === '000' || !isDate(Number(m[2]), Number(m[3]), Number(m[4]))) return finding('pattern');
  if (typeof numeroAns === 'string' && m[1] !== numeroAns) return finding('numeroAns', { other: m[1]! });
  return undefined;
}

// French texts of the spreadsheet builder's own findings (T… codes): what a table can get wrong
// before any tag is checked (its columns, its size, its reading). A cell's value is checked by
// the checker itself, with the checker's codes and messages (src/messages/fr.ts).

/** The builder's codes; all are errors (nothing is written while one stands). */
export const SHEET_CODES = {
  T001: 'error', // a column name twice
  T002: 'error', // a column name that does not fit the request's structure
  T003: 'error', // a column without a name that holds values
  T004: 'error', // no data row
  T005: 'error', // more rows than 999 files of 200 requests
  T006: 'error', // the table cannot be read (not CSV or XLSX, damaged, empty)
} as const;

export type SheetCode = keyof typeof SHEET_CODES;

export interface SheetArgs {
  /** The column's name as written in the table. */
  readonly column?: string;
  /** Spreadsheet letters of the column(s): `C`, `C et F`. */
  readonly letters?: string;
  /** Why: what does not fit, what could not be read. */
  readonly reason?: string;
  /** A column name of the template that comes close. */
  readonly hint?: string;
  readonly count?: number;
}

const hint = (a: SheetArgs) => (a.hint ? ` ; vouliez-vous dire « ${a.hint} » ?` : '');

export const SHEET_MESSAGES: { readonly [C in SheetCode]: (a: SheetArgs) => string } = {
  T001: (a) =>
    `La colonne « ${a.column} » figure deux fois (colonnes ${a.letters}) : gardez-en une seule, ou numérotez les répétitions d’une liste (….1.…, ….2.…).`,
  T002: (a) => `La colonne « ${a.column} » (colonne ${a.letters}) ne correspond pas à la structure d’une demande : ${a.reason}${hint(a)}.`,
  T003: (a) =>
    `La colonne ${a.letters} n’a pas de nom (ligne 1) mais contient des valeurs : donnez-lui le nom d’une balise du modèle, ou supprimez-la.`,
  T004: () => 'Le tableau ne contient aucune demande : la ligne 1 porte les noms des colonnes, chaque ligne suivante une demande.',
  T005: (a) =>
    `Le tableau contient ${a.count} demandes : au plus 199 800 (999 fichiers de 200 demandes par jour). Répartissez-les sur plusieurs tableaux.`,
  T006: (a) => `Le tableau ne peut pas être lu : ${a.reason}. Enregistrez-le au format CSV (séparateur « ; ») ou XLSX.`,
};

export function sheetMessage(code: SheetCode, args: SheetArgs): string {
  return SHEET_MESSAGES[code](args);
}

/** Spreadsheet letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

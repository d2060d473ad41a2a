// CSV tables: reading (UTF-8 or Windows-1252, detected; `;`, `,` or tab separated, detected)
// and the CSV template (UTF-8 with a byte-order mark, `;` separated, CRLF: what Excel in French
// opens directly). papaparse is loaded on demand.

import type { Table } from '../sheet/build';
import type { Template } from '../sheet/template';
import { templateRows } from '../sheet/template';

export type TableRead = { readonly ok: true; readonly table: Table } | { readonly ok: false; readonly reason: string };

const SEPARATORS: Readonly<Record<string, string>> = { ';': '« ; »', ',': '« , »', '\t': 'tabulation' };

/**
 * The text of a CSV file and the encoding it was found in: UTF-8 (with or without a byte-order
 * mark) when the bytes are valid UTF-8, UTF-16 when a UTF-16 byte-order mark says so (Excel's
 * « Texte Unicode »), Windows-1252 otherwise (Excel's « CSV (séparateur : point-virgule) » in France).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'UTF-16' | 'Windows-1252' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'Windows-1252' };
  }
}

/** Why `bytes` are not a CSV text, when they are plainly something else (a PDF, an image, an old .xls). */
export function notText(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return 'c’est un classeur Excel 97-2003 (.xls), que le simulateur ne lit pas : enregistrez-le au format XLSX ou CSV';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'c’est un document PDF, pas un tableau';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff)) return 'c’est une image, pas un tableau';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return undefined; // UTF-16 text has NUL bytes
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return undefined;
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'le fichier contient des octets nuls : ce n’est pas un texte CSV';
  return undefined;
}

/** Reads a CSV table. Never throws: a fault is `{ ok: false, reason }` (French). */
export async function readCsv(bytes: Uint8Array): Promise<TableRead> {
  const binary = notText(bytes);
  if (binary) return { ok: false, reason: binary };
  const { text, encoding } = decodeCsv(bytes);
  if (text.trim() === '') return { ok: false, reason: 'le fichier est vide' };
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text, { delimiter: '', delimitersToGuess: [';', ',', '\t'], skipEmptyLines: false });
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote)
    return {
      ok: false,
      reason: `guillemet non fermé (ligne ${(quote.row ?? 0) + 1} du tableau) : une case commence par « " » sans guillemet fermant`,
    };
  const separator = parsed.meta.delimiter;
  const notes: string[] = [];
  if (encoding === 'Windows-1252')
    notes.push('Encodage détecté : Windows-1252 (le fichier n’est pas en UTF-8) ; les caractères accentués ont été lus dans cet encodage.');
  if (encoding === 'UTF-16') notes.push('Encodage détecté : UTF-16 (« Texte Unicode » d’Excel).');
  const rows = parsed.data.map((row) => row.map((cell) => cell as string | null));
  // A last line break leaves an empty record: not a row of the spreadsheet.
  if (rows.length > 0 && rows.at(-1)!.every((c) => c === '')) rows.pop();
  return {
    ok: true,
    table: { rows, description: `CSV, encodage ${encoding}, séparateur ${SEPARATORS[separator] ?? `« ${separator} »`}`, notes },
  };
}

/** The CSV template: BOM, `;`, CRLF; the column names, then the example row. */
export async function templateCsv(template: Template): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return '\uFEFF' + Papa.unparse(templateRows(template), { delimiter: ';', newline: '\r\n' }) + '\r\n';
}

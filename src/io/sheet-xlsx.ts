// XLSX tables: reading with read-excel-file (date and number cells typed) and the XLSX template
// with write-excel-file (a « Demandes » sheet with text cells where leading zeros matter, and a
// « Colonnes » sheet describing each column). Both libraries are loaded on demand.

import type { Cell } from '../sheet/convert';
import type { Template } from '../sheet/template';
import type { TableRead } from './sheet-csv';

/** The sheet the template names; a table without it is read from its first sheet. */
export const REQUESTS_SHEET = 'Demandes';
export const COLUMNS_SHEET = 'Colonnes';
/** Rows of the template whose text columns are typed as text in advance (the example's, then these). */
const PREFORMATTED_ROWS = 200;

/** True when `bytes` start as a zip (an XLSX workbook is one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Reads the requests sheet of an XLSX workbook. Never throws: a fault is `{ ok: false, reason }`. */
export async function readXlsx(bytes: Uint8Array): Promise<TableRead> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  let sheets;
  try {
    sheets = await readXlsxFile(new Uint8Array(bytes).buffer);
  } catch (e) {
    return { ok: false, reason: `le classeur XLSX est endommagé ou n’en est pas un (${e instanceof Error ? e.message : String(e)})` };
  }
  const sheet = sheets.find((s) => s.sheet === REQUESTS_SHEET) ?? sheets[0];
  if (!sheet) return { ok: false, reason: 'le classeur ne contient aucune feuille' };
  const rows = sheet.data.map((row) => row.map((cell) => (cell ?? null) as Cell));
  const others = sheets.length > 1 ? ` (les autres feuilles sont ignorées)` : '';
  return { ok: true, table: { rows, description: `XLSX, feuille « ${sheet.sheet} »${others}`, notes: [] } };
}

type XlsxCell = {
  value?: string | number | boolean | Date;
  type?: StringConstructor | NumberConstructor | BooleanConstructor;
  format?: string;
  fontWeight?: 'bold';
  wrap?: boolean;
} | null;

/** The XLSX template, as bytes. */
export async function templateXlsx(template: Template): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const header: XlsxCell[] = template.columns.map((c) => ({ value: c.name, type: String, fontWeight: 'bold' }));
  const example: XlsxCell[] = template.columns.map((c) => {
    const v = c.exampleValue;
    if (c.format.type === 'number') return typeof v === 'number' ? { value: v, type: Number, format: c.format.write ? '0.00' : '0' } : null;
    if (c.format.type === 'boolean') return typeof v === 'boolean' ? { value: v, type: Boolean } : null;
    return c.text ? { value: c.example, type: String, format: '@' } : null;
  });
  // Text columns stay text in the rows to fill (leading zeros of identifiers, dates as typed).
  const blank: XlsxCell[] = template.columns.map((c) => (c.text ? { value: '', type: String, format: '@' } : null));
  const requests = [header, example, ...Array.from({ length: PREFORMATTED_ROWS }, () => blank)];

  const describe: XlsxCell[][] = [
    ['Colonne', 'Bloc', 'Description', 'Format', 'Obligatoire ?', 'Conversions acceptées', 'Exemple'].map((value) => ({
      value,
      type: String,
      fontWeight: 'bold',
    })),
    ...template.descriptions.map((d) =>
      [d.column, d.block, d.description, d.format, d.required, d.accepted, d.example].map(
        (value) => ({ value, type: String, wrap: true }) as XlsxCell,
      ),
    ),
    [],
    [{ value: 'À savoir', type: String, fontWeight: 'bold' }],
    ...template.notes.map((value) => [{ value, type: String }] as XlsxCell[]),
  ];
  const blob = await writeXlsxFile([
    {
      sheet: REQUESTS_SHEET,
      data: requests as never,
      stickyRowsCount: 1,
      columns: template.columns.map((c) => ({ width: Math.max(12, Math.min(40, c.name.length + 2)) })),
    },
    {
      sheet: COLUMNS_SHEET,
      data: describe as never,
      stickyRowsCount: 1,
      columns: [{ width: 40 }, { width: 22 }, { width: 70 }, { width: 30 }, { width: 40 }, { width: 50 }, { width: 30 }],
    },
  ]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

// A dropped or named table → rows of cells: XLSX when the bytes are a zip, CSV otherwise.

import { looksLikeZip, readXlsx } from './sheet-xlsx';
import { readCsv, type TableRead } from './sheet-csv';

export type { TableRead } from './sheet-csv';

/** Reads a table (CSV or XLSX, told by its bytes, not its name). Never throws. */
export async function readTable(bytes: Uint8Array): Promise<TableRead> {
  if (bytes.length === 0) return { ok: false, reason: 'le fichier est vide' };
  try {
    return looksLikeZip(bytes) ? await readXlsx(bytes) : await readCsv(bytes);
  } catch (e) {
    return { ok: false, reason: `lecture impossible (${e instanceof Error ? e.message : String(e)})` };
  }
}

// A rule set's attachment limits as the portal writes them (the zip field, the documentation).

import type { AttachmentLimits } from '../../core/model';

const MIB = 1024 * 1024;

/** `3 Mo`, `200 Mo`, `512 ko`: a limit as the portal writes it (Mo of 1024 × 1024 bytes). */
export function limitSize(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} Mo`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} ko`;
  return `${bytes} octets`;
}

/** « 3 Mo par fichier, 200 Mo par zip, PDF, PNG ou JPG, nom de 100 caractères au plus » */
export function limitsText(limits: AttachmentLimits): string {
  const f = limits.formats;
  const formats = f.length <= 1 ? f.join('') : `${f.slice(0, -1).join(', ')} ou ${f[f.length - 1]}`;
  return `${limitSize(limits.maxFileBytes)} par fichier, ${limitSize(limits.maxZipBytes)} par zip, ${formats}, nom de ${limits.nameMax} caractères au plus`;
}

/** A chosen file's size, as the file fields show it. */
export const fileSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} octets` : bytes < MIB ? `${Math.round(bytes / 1024)} ko` : `${(bytes / MIB).toFixed(1).replace('.', ',')} Mo`;

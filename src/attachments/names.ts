// Entry names: the file name a vendor sees, its extension, and what makes a path unsafe
// ("zip slip": `../`, absolute paths, Windows separators, control characters). Pure.

import type { ZipReason } from '../messages/fr';

/** The last segment of an entry's path (`pieces/A.pdf` → `A.pdf`); `\` counts as a separator too. */
export function baseName(name: string): string {
  const cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return cut < 0 ? name : name.slice(cut + 1);
}

/** The extension in lower case, without the dot (`A.PDF` → `pdf`); empty when there is none. */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The key under which names are compared: Unicode NFC (macOS writes accents decomposed). */
export const nameKey = (name: string): string => name.normalize('NFC');

/** Length in characters (code points, not UTF-16 units). */
export const charLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why an entry's path could write outside the extraction folder, or undefined when it is safe. */
export function unsafeReason(name: string): ZipReason | undefined {
  const segments = name.split(/[\\/]/);
  if (segments.includes('..')) return 'parent-dir';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'absolute';
  if (name.includes('\\')) return 'backslash';
  if (CONTROL.test(name)) return 'control-char';
  return undefined;
}

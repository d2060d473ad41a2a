// What a file's first bytes say it is ("magic bytes"), and whether that matches its extension.
// Pure. The French labels of each kind are in src/messages/fr.ts (CONTENT_LABELS).

import type { ContentKind } from '../messages/fr';

/** Bytes of content read per entry: enough for every signature below, and an XML prolog's leading spaces. */
export const HEAD_BYTES = 64;

const at = (head: Uint8Array, offset: number, magic: readonly number[]) => magic.every((m, i) => head[offset + i] === m);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** `<` after an optional byte-order mark (UTF-8, or UTF-16 with `<` as its first unit) and white space. */
function isXml(head: Uint8Array): boolean {
  if (at(head, 0, [0xff, 0xfe, 0x3c, 0x00]) || at(head, 0, [0xfe, 0xff, 0x00, 0x3c])) return true;
  let i = at(head, 0, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x3c;
}

/** Which extension's content these first bytes are, for the formats the portal accepts. */
export function matchesExtension(head: Uint8Array, extension: string): boolean {
  switch (extension) {
    case 'pdf':
      return at(head, 0, PDF);
    case 'png':
      return at(head, 0, PNG);
    case 'jpg':
    case 'jpeg':
      return at(head, 0, JPEG);
    case 'xml':
      return isXml(head);
    default:
      return false;
  }
}

/** What the first bytes show, for messages (« il contient une image PNG »). */
export function sniff(head: Uint8Array): ContentKind {
  if (head.length === 0) return 'empty';
  if (at(head, 0, PDF)) return 'pdf';
  if (at(head, 0, PNG)) return 'png';
  if (at(head, 0, JPEG)) return 'jpeg';
  if (at(head, 0, ascii('GIF8'))) return 'gif';
  if (at(head, 0, [0x50, 0x4b]) && (at(head, 2, [3, 4]) || at(head, 2, [5, 6]) || at(head, 2, [7, 8]))) return 'zip';
  if (at(head, 0, ascii('Rar!\x1a\x07'))) return 'rar';
  if (at(head, 0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (at(head, 0, [0x1f, 0x8b])) return 'gzip';
  if (at(head, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (at(head, 0, ascii('II*\0')) || at(head, 0, ascii('MM\0*'))) return 'tiff';
  if (at(head, 0, ascii('RIFF')) && at(head, 8, ascii('WEBP'))) return 'webp';
  if (at(head, 4, ascii('ftyp')) && (at(head, 8, ascii('heic')) || at(head, 8, ascii('heix')) || at(head, 8, ascii('mif1')))) return 'heic';
  if (at(head, 0, ascii('BM')) && head.length >= 14) return 'bmp';
  if (isXml(head)) return 'xml';
  // Printable text (UTF-8 allowed): no control byte other than tab, line feed, carriage return.
  if (head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) return 'text';
  return 'unknown';
}

/** A zip inside the zip, by its first bytes. */
export const isZipContent = (head: Uint8Array): boolean => sniff(head) === 'zip';

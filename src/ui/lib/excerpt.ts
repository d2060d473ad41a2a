// The line of the file where an issue stands, with a caret under its column — what an editor
// would show. Lines end at LF, CRLF or a lone CR and columns count UTF-16 units from 1, as the
// core counts them (src/core/json/position.ts). The line's indentation is left out (on a phone,
// eight blanks are a tenth of the box); long lines (a minified file is one line) are cut around
// the column.

import { invisibleNames } from '../../core/invisible';

export interface Excerpt {
  readonly line: number;
  /** The shown part of the line (with … where it was cut). */
  readonly text: string;
  /** Blanks (tabs kept, so that they align) then ^. */
  readonly caret: string;
  /**
   * The invisible characters of the shown part, named (`espace insécable U+00A0`): the text shows
   * each as a visible mark of one column (⍽ for a space, ¤ for the others).
   */
  readonly invisible?: string;
}

/** One visible column for an invisible character: ⍽ for a space-like one, ¤ for the others. */
function mark(ch: string): string {
  const c = ch.charCodeAt(0);
  return c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x205f ? '⍽' : '¤';
}
const INVISIBLE = /[\u0080-\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]/g;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export const EXCERPT_WIDTH = 100;

/**
 * The excerpt of line `line` (1-based) at `column` (1-based, UTF-16 units): the line without its
 * indentation (blanks and tabs before the first character, or before the column if it points
 * into them), at most `width` characters of it around the column, and the caret line. Undefined
 * when the line does not exist.
 */
export function excerptAt(lines: readonly string[], line: number, column: number, width = EXCERPT_WIDTH): Excerpt | undefined {
  const full = lines[line - 1];
  if (full === undefined || line < 1) return undefined;
  const at = Math.max(0, Math.min(column - 1, full.length));
  const indent = Math.min(full.length - full.trimStart().length, at);
  let from = indent;
  let to = full.length;
  if (full.length - indent > width) {
    from = Math.max(indent, at - Math.floor(width / 2));
    to = Math.min(full.length, from + width);
    from = Math.max(indent, to - width);
  }
  const head = from > indent ? '…' : '';
  const tail = to < full.length ? '…' : '';
  const raw = full.slice(from, to);
  // A BOM at the very start of the file stays as it was (not marked nor named).
  const bom = line === 1 && from === 0 && raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const part = raw.slice(bom.length);
  // Controls and bidi overrides/isolates (issue 15) are shown as one visible mark each: the caret stays under its column.
  const invisible = invisibleNames(part.replace(/\t/g, ''));
  const shown = bom + part.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '·').replace(INVISIBLE, mark);
  const lead = full.slice(from, at).replace(/[^\t]/g, ' ');
  const out: Excerpt = { line, text: head + shown + tail, caret: (head ? ' ' : '') + lead + '^' };
  return invisible === undefined ? out : { ...out, invisible };
}

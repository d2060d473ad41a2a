// The line of the file where an issue stands, with a caret under its column — what an editor
// would show. Lines end at LF, CRLF or a lone CR and columns count UTF-16 units from 1, as the
// core counts them (src/core/json/position.ts). The line's indentation is left out (on a phone,
// eight blanks are a tenth of the box); long lines (a minified file is one line) are cut around
// the column.

export interface Excerpt {
  readonly line: number;
  /** The shown part of the line (with … where it was cut). */
  readonly text: string;
  /** Blanks (tabs kept, so that they align) then ^. */
  readonly caret: string;
}

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
  const shown = full.slice(from, to).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '·');
  const lead = full.slice(from, at).replace(/[^\t]/g, ' ');
  return { line, text: head + shown + tail, caret: (head ? ' ' : '') + lead + '^' };
}

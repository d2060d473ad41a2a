// The line of the file where an issue stands, with a caret under its column — what an editor
// would show. Lines end at LF, CRLF or a lone CR and columns count UTF-16 units from 1, as the
// core counts them (src/core/json/position.ts). Long lines (a minified file is one line) are cut
// around the column.

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

export function excerptAt(lines: readonly string[], line: number, column: number, width = EXCERPT_WIDTH): Excerpt | undefined {
  const full = lines[line - 1];
  if (full === undefined || line < 1) return undefined;
  const at = Math.max(0, Math.min(column - 1, full.length));
  let from = 0;
  let to = full.length;
  if (full.length > width) {
    from = Math.max(0, at - Math.floor(width / 2));
    to = Math.min(full.length, from + width);
    from = Math.max(0, to - width);
  }
  const head = from > 0 ? '…' : '';
  const tail = to < full.length ? '…' : '';
  // Controls, and the bidi overrides that would reorder the line (issue 15), as one visible dot each
  // (one character for one: the caret stays under its column).
  const shown = full.slice(from, to).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '·');
  const lead = full.slice(from, at).replace(/[^\t]/g, ' ');
  return { line, text: head + shown + tail, caret: (head ? ' ' : '') + lead + '^' };
}

// Where a finding stands in the editor. The core counts in the decoded text (UTF-16 offsets, a
// BOM is character 0; lines end at LF, CRLF or a lone CR; columns are 1-based and skip the BOM on
// line 1: src/core/json/position.ts). CodeMirror counts a line break as ONE position whatever the
// separator it keeps (`EditorState.lineSeparator`): with CRLF files, positions and offsets part.
// No CodeMirror import here: these are plain functions on the text, tested in Node.

/**
 * The line separator the editor keeps for a text, so that the text it gives back is the file's
 * byte for byte: CRLF when the file has one, else a lone CR when it has one, else LF. (A file that
 * mixes them keeps its other breaks as characters: nothing is rewritten.)
 */
export function lineSeparatorOf(text: string): '\r\n' | '\r' | '\n' {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\r')) return '\r';
  return '\n';
}

/** The starts (UTF-16 offsets) of the lines of `text`, as the core counts lines. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/**
 * A snapshot of the text a check was made on, with the conversions between the core's offsets
 * and the editor's positions. `separator`: the editor's line separator (lineSeparatorOf).
 */
export class TextPositions {
  #starts: number[] | undefined;
  #crlf: number[] | undefined;

  constructor(
    readonly text: string,
    readonly separator: string,
  ) {}

  /**
   * The UTF-16 offset of a finding's (line, column) (1-based, as in an Issue), clamped to the
   * line's end and to the text.
   */
  offsetOf(line: number, column: number): number {
    const starts = (this.#starts ??= lineStarts(this.text));
    const l = Math.min(Math.max(1, line), starts.length);
    const from = starts[l - 1]!;
    let end = l < starts.length ? starts[l]! : this.text.length;
    if (l < starts.length && this.text[end - 1] === '\n') end--;
    if (l < starts.length && this.text[end - 1] === '\r') end--;
    const bom = l === 1 && this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return Math.min(from + bom + Math.max(0, column - 1), end);
  }

  /** The editor position of a UTF-16 offset of the text (a CRLF counts as one position there). */
  positionOf(offset: number): number {
    const at = Math.min(Math.max(0, offset), this.text.length);
    if (this.separator !== '\r\n') return at;
    const crlf = (this.#crlf ??= crlfStarts(this.text));
    // Each CRLF that ends at or before `at` counts one position less.
    let lo = 0;
    let hi = crlf.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (crlf[mid]! + 2 <= at) lo = mid + 1;
      else hi = mid;
    }
    return at - lo;
  }

  /**
   * The range of the value (or key) that starts at `offset`: a whole string with its quotes, a
   * whole number or literal; one character for anything else (an object where a tag is missing,
   * a syntax fault). UTF-16 offsets `[from, to)`, `to > from` unless the text or the line ends at `offset`.
   */
  tokenAt(offset: number): { from: number; to: number } {
    const text = this.text;
    const from = Math.min(Math.max(0, offset), text.length);
    const c = text[from];
    // The end of a line (a missing comma is placed after the value it should follow): a cursor
    // there, not the line break (which would put the selection on the next line).
    if (c === undefined || c === '\n' || c === '\r') return { from, to: from };
    let to = from + 1;
    if (c === '"') {
      while (to < text.length) {
        const d = text[to]!;
        if (d === '\\') to += 2;
        else if (d === '"') return { from, to: to + 1 };
        else if (d === '\n' || d === '\r') break;
        else to++;
      }
      return { from, to: Math.min(to, text.length) };
    }
    if (/[-+0-9.eEa-zA-Z_]/.test(c)) {
      while (to < text.length && /[-+0-9.eEa-zA-Z_]/.test(text[to]!)) to++;
    }
    return { from, to };
  }
}

function crlfStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\r\n'); i >= 0; i = text.indexOf('\r\n', i + 2)) out.push(i);
  return out;
}

/**
 * The file's text for the editor: UTF-8 with the BOM kept as character 0 (so that the corrected
 * file keeps it), invalid sequences replaced by U+FFFD (`lossy`: the corrected file would differ
 * from the original there; the editor says so).
 */
export function decodeForEditing(bytes: Uint8Array): { text: string; lossy: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), lossy: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), lossy: true };
  }
}

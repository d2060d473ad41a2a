// Where a finding stands in the editor. The core counts in the decoded text (UTF-16 offsets, a
// BOM is character 0; lines end at LF, CRLF or a lone CR; columns are 1-based and skip the BOM on
// line 1: src/core/json/position.ts). CodeMirror counts a line break as ONE position whatever the
// separator it keeps (`EditorState.lineSeparator`): with CRLF files, positions and offsets part.
// No CodeMirror import here (DocText is the part of its Text read here): tested in Node.

/**
 * The line separator the editor keeps for a file, so that the text it gives back is the file's
 * byte for byte: CRLF when the file has one, else a lone CR when it has one, else LF. (A file that
 * mixes them keeps its other breaks as characters: nothing is rewritten.) Read on the UTF-8 bytes
 * (CR and LF are never part of a multi-byte sequence, nor of an invalid one), without decoding.
 */
export function lineSeparatorOf(bytes: Uint8Array): '\r\n' | '\r' | '\n' {
  let cr = bytes.indexOf(0x0d);
  if (cr < 0) return '\n';
  for (; cr >= 0; cr = bytes.indexOf(0x0d, cr + 1)) if (bytes[cr + 1] === 0x0a) return '\r\n';
  return '\r';
}

/** The bytes decoded per step when the editor opens a file (a step is a few ms). */
export const DECODE_STEP_BYTES = 1 << 18;

/**
 * The file's text for the editor, as its lines (split at `separator` only), a batch per step of
 * `step` bytes, so that the editor can build its document in tasks of a few ms: UTF-8 with the
 * BOM kept as character 0 (so that the corrected file keeps it). `fatal`: invalid UTF-8 throws
 * (a TypeError); else invalid sequences are replaced by U+FFFD. Every line is in exactly one
 * batch, in order; the last batch holds the last line (possibly empty); a batch may be empty.
 */
export function* decodeLines(bytes: Uint8Array, separator: string, fatal: boolean, step = DECODE_STEP_BYTES): Generator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal, ignoreBOM: true });
  let carry = '';
  for (let at = 0; at < bytes.length || at === 0; at += step) {
    const end = Math.min(bytes.length, at + step);
    let piece = decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length });
    const last = end >= bytes.length;
    // A CRLF cut between two steps ends the line carried over.
    let cut: string | undefined;
    if (separator === '\r\n' && carry.endsWith('\r') && piece.startsWith('\n')) {
      cut = carry.slice(0, -1);
      carry = '';
      piece = piece.slice(1);
    }
    const lines = piece.split(separator);
    lines[0] = carry + lines[0];
    carry = last ? '' : lines.pop()!;
    if (cut !== undefined) lines.unshift(cut);
    yield lines;
    if (last) return;
  }
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
 * The part of CodeMirror's `Text` (an immutable document) these conversions read: its lines
 * (split at the editor's separator only) and slices of it. Structural, so that this module
 * imports nothing of CodeMirror.
 */
export interface DocText {
  readonly length: number;
  readonly lines: number;
  line(n: number): { readonly from: number; readonly to: number };
  lineAt(pos: number): { readonly from: number; readonly to: number };
  sliceString(from: number, to?: number, lineSep?: string): string;
}

/**
 * A snapshot of the text a check was made on (the editor's document then, kept as it is: an
 * immutable tree, never joined into one string here), with the conversions between the core's
 * offsets and the editor's positions. `separator`: the editor's line separator (lineSeparatorOf).
 * A finding placed by its offset costs a few line lookups, whatever the size of the text; only
 * a place given by line and column without an offset (a file that could not be decoded) reads
 * the whole text, once.
 */
export class TextPositions {
  #starts: number[] | undefined;
  #text: string | undefined;

  constructor(
    readonly doc: DocText,
    readonly separator: string,
  ) {}

  /** The text's length in UTF-16 units (a CRLF counts two). */
  get textLength(): number {
    return this.doc.length + (this.doc.lines - 1) * (this.separator.length - 1);
  }

  /**
   * The UTF-16 offset of a finding's (line, column) (1-based, as in an Issue), clamped to the
   * line's end and to the text. Reads the whole text (the core's line breaks are LF, CRLF and a
   * lone CR, whatever the editor's separator): for findings without an offset only.
   */
  offsetOf(line: number, column: number): number {
    const text = (this.#text ??= this.doc.sliceString(0, this.doc.length, this.separator));
    const starts = (this.#starts ??= lineStarts(text));
    const l = Math.min(Math.max(1, line), starts.length);
    const from = starts[l - 1]!;
    let end = l < starts.length ? starts[l]! : text.length;
    if (l < starts.length && text[end - 1] === '\n') end--;
    if (l < starts.length && text[end - 1] === '\r') end--;
    const bom = l === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return Math.min(from + bom + Math.max(0, column - 1), end);
  }

  /** The editor position of a UTF-16 offset of the text (a CRLF counts as one position there). */
  positionOf(offset: number): number {
    return this.#locate(offset).position;
  }

  /**
   * The editor range of the value (or key) that starts at `offset`: a whole string with its
   * quotes, a whole number or literal; one character for anything else (an object where a tag is
   * missing, a syntax fault); an empty range at the end of a line or of the text (a missing comma
   * is placed after the value it should follow: a cursor there, not the line break, which would
   * put the selection on the next line). Reads the token only.
   */
  rangeAt(offset: number): { from: number; to: number } {
    const { position, inBreak } = this.#locate(offset);
    if (inBreak) return { from: position, to: position };
    // A value never spans a line break: the rest of its line is all there is to read.
    const rest = this.doc.sliceString(position, this.doc.lineAt(position).to);
    return { from: position, to: position + tokenLength(rest) };
  }

  /** The position of `offset`, and whether it is inside a CRLF (on its LF). */
  #locate(offset: number): { position: number; inBreak: boolean } {
    const at = Math.min(Math.max(0, offset), this.textLength);
    const extra = this.separator.length - 1;
    if (extra === 0) return { position: at, inBreak: false };
    // The last line that starts at or before `at` (line n starts at offset from + (n - 1) × extra):
    // each CRLF before it counts one position less.
    let lo = 1;
    let hi = this.doc.lines;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.doc.line(mid).from + (mid - 1) * extra <= at) lo = mid;
      else hi = mid - 1;
    }
    const position = at - (lo - 1) * extra;
    return { position, inBreak: position > this.doc.line(lo).to };
  }
}

/** The length of the token at the start of `text` (the rest of a line): see TextPositions.rangeAt. */
export function tokenLength(text: string): number {
  const c = text[0];
  if (c === undefined || c === '\n' || c === '\r') return 0;
  let to = 1;
  if (c === '"') {
    while (to < text.length) {
      const d = text[to]!;
      if (d === '\\') to += 2;
      else if (d === '"') return to + 1;
      else if (d === '\n' || d === '\r') break;
      else to++;
    }
    return Math.min(to, text.length);
  }
  if (/[-+0-9.eEa-zA-Z_]/.test(c)) {
    while (to < text.length && /[-+0-9.eEa-zA-Z_]/.test(text[to]!)) to++;
  }
  return to;
}

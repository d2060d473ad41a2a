// Offset → line/column, computed only when a finding needs one (most values never do).
// Lines end at LF, CRLF or a lone CR, as editors count them; columns are 1-based UTF-16
// units, as editors show them; a leading byte-order mark does not count as a column.

import type { SourceText } from './text';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export class LineIndex {
  /**
   * `starts`: where each line of `text` starts, when the caller has them already (the parser's
   * `lineStarts`); otherwise they are found on the first lookup.
   */
  constructor(
    private readonly text: SourceText,
    private starts?: Uint32Array,
  ) {}

  position(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.text.toString()));
    const lo = lastAtOrBefore(starts, offset);
    const bom = lo === 0 && this.text.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0;
    return { line: lo + 1, column: offset - starts[lo]! - bom + 1 };
  }

  /** The text of the line holding `offset`, without its line ending. */
  lineText(offset: number): string {
    const { line } = this.position(offset);
    const starts = this.starts!;
    const from = starts[line - 1]!;
    const to = line < starts.length ? starts[line]! : this.text.length;
    return this.text
      .slice(from, to)
      .replace(/\r?\n$|\r$/, '')
      .replace(/^\uFEFF/, '');
  }
}

/**
 * Line starts (character offsets) collected in increasing order, 0 first: a typed array grown by
 * doubling. A 300 kB file has about 12 000 lines, and a number[] grown by push left three times
 * its size of garbage on the heap for every file with a finding (issue 12: the all-rejected file).
 * Filled by the parser as it skips whitespace, or by `lineStarts` below.
 */
export class LineStarts {
  private starts: Uint32Array;
  private count = 1; // starts[0] = 0

  /**
   * `expected`: about how many lines (a guess; the array grows as needed). Guessed well, the
   * array is not copied as it grows: four copies for a 300 kB file started at 1 024 (issue 12).
   */
  constructor(expected = 1024) {
    this.starts = new Uint32Array(Math.max(1024, Math.ceil(expected)));
  }

  /** Records that a line starts at character offset `at` (larger than the last one recorded). */
  add(at: number): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(2 * this.count);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = at;
  }

  /** The starts recorded, in order (a view: no copy). */
  done(): Uint32Array {
    return this.starts.subarray(0, this.count);
  }
}

/** The offset of each line's first character in `text`, in order (0 first). */
function lineStarts(text: string): Uint32Array {
  const starts = new LineStarts();
  if (!text.includes('\r')) {
    // LF only, the usual case: let indexOf find them.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.add(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) starts.add(i + 1);
      else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.add(i + 1);
    }
  }
  return starts.done();
}

/**
 * Character offset → byte offset in the UTF-8 input, for offsets outside strings (where the
 * writer edits). The parser records where the difference changes: after each string holding
 * non-ASCII characters.
 */
export class ByteOffsets {
  /** From `from[i]` on (character offset), byte offset = character offset + `extra[i]`. */
  private readonly from: number[] = [0];
  private readonly extra: number[] = [0];

  /** Called in increasing `at` order. */
  record(at: number, extra: number): void {
    this.from.push(at);
    this.extra.push(extra);
  }

  of(offset: number): number {
    return offset + this.extra[lastAtOrBefore(this.from, offset)]!;
  }
}

/** The index of the last of the increasing `starts` (starts[0] ≤ offset) that is ≤ `offset`. */
function lastAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

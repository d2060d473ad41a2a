// The decoded file as the check reads it: slices and single characters at UTF-16 offsets.
// A string is one; so is ChunkedText, the file decoded in pieces (see decodeSource), which
// the check reads without ever joining the pieces into one string.

/**
 * What the parser, the walk, the line index and the output read of a decoded file: its length
 * in UTF-16 units, slices, single code units, and (for rare paths: a syntax fault, a report on a
 * whole line) the whole text. `slice` and `charCodeAt` behave as `String.prototype`'s do.
 */
export interface SourceText {
  readonly length: number;
  slice(start: number, end?: number): string;
  charCodeAt(index: number): number;
  /** The whole text as one string (a ChunkedText joins its pieces once, on the first call). */
  toString(): string;
}

/**
 * A text held as consecutive pieces (each a string), read as if it were their concatenation.
 *
 * Why: V8 allocates any string over 128 KiB in fresh pages of its large-object space, one per
 * file checked. On this project's machines (virtual, 2 cores) each first touch of such a page is
 * a page fault of about 12 µs: 78 of them, about 1 ms, for a 300 kB file, half the time of
 * `JSON.parse` on the same bytes (issue 12). Pieces of at most 64 KiB are allocated where small
 * objects are, in memory already touched (for files up to 1 MiB: see `PIECES_UP_TO`).
 *
 * Reads are fastest in increasing order of offsets (the parser's): the piece of the last read
 * is tried first, then the next one, then a binary search.
 */
export class ChunkedText implements SourceText {
  readonly length: number;
  /** The pieces, in order (never empty: an empty text is one empty piece). */
  readonly chunks: readonly string[];
  /** `starts[k]`: the offset of chunk k's first unit; `starts[chunks.length]` is `length`. */
  private readonly starts: Float64Array;
  /** The chunk of the last read. */
  private last = 0;
  private whole: string | undefined;

  /** `chunks`: the pieces, in order (at least one; empty strings allowed). */
  constructor(chunks: readonly string[]) {
    this.chunks = chunks.length > 0 ? chunks : [''];
    this.starts = new Float64Array(this.chunks.length + 1);
    let at = 0;
    for (let k = 0; k < this.chunks.length; k++) {
      this.starts[k] = at;
      at += this.chunks[k]!.length;
    }
    this.starts[this.chunks.length] = at;
    this.length = at;
  }

  /** The chunk holding offset `i` (0 ≤ i < length). */
  private chunkOf(i: number): number {
    const starts = this.starts;
    let k = this.last;
    if (i >= starts[k]! && i < starts[k + 1]!) return k;
    if (i >= starts[k + 1]! && i < starts[k + 2]!) return (this.last = k + 1);
    let lo = 0;
    let hi = this.chunks.length - 1;
    // The last chunk whose start is ≤ i (empty chunks share their start with the next one).
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    k = lo;
    return (this.last = k);
  }

  slice(start: number, end?: number): string {
    const n = this.length;
    let from = Math.trunc(start) || 0;
    let to = end === undefined ? n : Math.trunc(end) || 0;
    from = from < 0 ? Math.max(n + from, 0) : Math.min(from, n);
    to = to < 0 ? Math.max(n + to, 0) : Math.min(to, n);
    if (from >= to) return '';
    if (this.whole !== undefined) return this.whole.slice(from, to);
    let k = this.chunkOf(from);
    const starts = this.starts;
    if (to <= starts[k + 1]!) return this.chunks[k]!.slice(from - starts[k]!, to - starts[k]!);
    // Across pieces (an object's text, the spaces before a key): the pieces' parts joined.
    let out = this.chunks[k]!.slice(from - starts[k]!);
    for (k++; starts[k + 1]! < to; k++) out += this.chunks[k]!;
    return out + this.chunks[k]!.slice(0, to - starts[k]!);
  }

  /**
   * `slice(from, to)` for offsets already known to be within the text, `from` ≤ `to` (a string
   * value's span, from the parser): no clamping, and the piece of the last read tried first.
   */
  span(from: number, to: number): string {
    const starts = this.starts;
    const k = this.last;
    const s = starts[k]!;
    if (from >= s && to <= starts[k + 1]!) return this.chunks[k]!.slice(from - s, to - s);
    return this.slice(from, to);
  }

  charCodeAt(index: number): number {
    const i = Math.trunc(index) || 0;
    if (i < 0 || i >= this.length) return NaN;
    const k = this.chunkOf(i);
    return this.chunks[k]!.charCodeAt(i - this.starts[k]!);
  }

  toString(): string {
    return (this.whole ??= this.chunks.join(''));
  }
}

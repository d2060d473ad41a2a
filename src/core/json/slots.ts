// Where a parse keeps its values: objects and arrays are nodes (JsonObject, JsonArray), but the
// strings, numbers, booleans and nulls they hold are rows of typed columns, made into nodes only
// when read, and not kept.
//
// Why (issue 12, "linear growth"): a 31 MB file holds about 845 000 such values against 114 000
// objects and arrays. As one object each, with their strings, they made most of a tree of about
// 108 MiB, which V8 allocates in fresh pages (a page fault each, ~12 µs on this project's virtual
// machines), copies out of the young generation and marks: the check's time per MB was three
// times the 300 kB file's, JSON.parse's less than twice. As rows they take 17 bytes each, outside
// the collected heap; a node made when read dies young.
//
// A container's children are rows `first … first + count - 1` of one table (`Rows`), in
// document order: the parser writes a container's rows when it closes (see Parser). A child that
// is itself an object or an array is a row pointing at its node. `members` / `items` build the
// children's array on first read and keep it while the container is among the last RECENT
// containers read (a loop reading `node.items[i]` must not build it again each time); an array
// of containers only is kept for good (it costs what it did as a plain array).

import type { JsonArray, JsonMember, JsonNode, JsonObject } from './ast';
import type { ChunkedText } from './text';

/** Row kinds. A row of kind OBJECT or ARRAY holds the index of its node in `containers`. */
export const STRING = 1;
export const NUMBER = 2;
export const TRUE = 3;
export const FALSE = 4;
export const NULL = 5;
export const OBJECT = 6;
export const ARRAY = 7;

const LEAF_TYPES = ['', 'string', 'number', 'boolean', 'boolean', 'null'] as const;

/** No key: the row is an array item or the root. */
export const NO_KEY = 0;

/**
 * A row is four 32-bit integers: start and end (UTF-16 offsets in the text, end exclusive), key
 * (NO_KEY, a known key's id > 0, or −1 − the index of an unknown key), and kind + 8 × (aux + 1),
 * aux being the index of the container, of the number or of the escaped string's value, or −1.
 */
const ROW = 4;

const KEPT_STACK_INTS = (1024 * 1024) / 4;

/** The rows being read: a stack (the children of the containers still open), one typed array grown by doubling. */
export class RowStack {
  data = new Int32Array(256 * ROW);
  length = 0;

  push(kind: number, start: number, end: number, key: number, aux: number): void {
    let at = this.length * ROW;
    if (at === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const d = this.data;
    d[at++] = start;
    d[at++] = end;
    d[at++] = key;
    d[at] = kind + 8 * (aux + 1);
    this.length++;
  }

  /** Empties the stack; gives back its memory if a parse grew it past 1 MiB (a flat array of a million values). */
  release(): void {
    this.length = 0;
    if (this.data.length > KEPT_STACK_INTS) this.data = new Int32Array(256 * ROW);
  }

  kind(i: number): number {
    return this.data[i * ROW + 3]! & 7;
  }
  start(i: number): number {
    return this.data[i * ROW]!;
  }
  end(i: number): number {
    return this.data[i * ROW + 1]!;
  }
}

/**
 * The rows of a parse, in blocks of equal size: a block is never copied to grow. The size is
 * chosen per parse from the expected number of rows, between 2^10 and 2^16 rows (16 KiB – 1 MiB):
 * a 300 kB file fits one block of 256 KiB, not a zeroed 1 MiB one; a 31 MB file uses 15 blocks
 * of 1 MiB. (Blocks of 64 KiB cost the 1 MB bench file 160 page faults per parse, about 2 ms,
 * against 46 for blocks of 1 MiB; issue 12, measured on this project's machines.)
 */
export class Rows {
  private readonly blocks: Int32Array[] = [];
  private readonly shift: number;
  private readonly mask: number;
  length = 0;

  /** `expected`: about how many rows the parse will write (a guess: the blocks are added as needed). */
  constructor(expected: number) {
    this.shift = Math.min(16, Math.max(10, Math.ceil(Math.log2(Math.max(1, expected)))));
    this.mask = (1 << this.shift) - 1;
  }

  /** Appends rows `from … to - 1` of `stack`; returns the index of the first one here. */
  append(stack: RowStack, from: number, to: number): number {
    const first = this.length;
    const src = stack.data;
    for (let r = from; r < to; r++) {
      const i = this.length++;
      const b = i >>> this.shift;
      const block = b < this.blocks.length ? this.blocks[b]! : this.newBlock();
      let d = (i & this.mask) * ROW;
      let s = r * ROW;
      block[d++] = src[s++]!;
      block[d++] = src[s++]!;
      block[d++] = src[s++]!;
      block[d] = src[s]!;
    }
    return first;
  }

  private newBlock(): Int32Array {
    const block = new Int32Array((this.mask + 1) * ROW);
    this.blocks.push(block);
    return block;
  }

  /** The block holding row `i` (its integers start at `offset(i)`). */
  block(i: number): Int32Array {
    return this.blocks[i >>> this.shift]!;
  }
  offset(i: number): number {
    return (i & this.mask) * ROW;
  }
  key(i: number): number {
    return this.block(i)[this.offset(i) + 2]!;
  }
}

/** How many containers holding values keep their children's array (see the head of this file). */
export const RECENT = 4096;

/**
 * One parse's values: the rows, the containers, numbers, unescaped strings and keys they point
 * at, and the text the strings are sliced from. Shared by every container of the parse.
 */
export class ParsedValues {
  /** The containers whose children's array is kept for now, oldest first from `next`. */
  private readonly recent: (ContainerNode | undefined)[] = new Array<undefined>(RECENT).fill(undefined);
  private next = 0;

  constructor(
    readonly text: ChunkedText,
    readonly rows: Rows,
    readonly containers: JsonNode[],
    readonly numbers: number[],
    readonly strings: string[],
    /** Known keys by id (index 0 unused). */
    readonly knownKeys: readonly string[],
    readonly unknownKeys: string[],
  ) {}

  /** The key of row `i`, or undefined for an array item or the root. */
  keyAt(i: number): string | undefined {
    return this.keyOf(this.rows.key(i));
  }

  /** The key a row's key code stands for (see RowStack). */
  keyOf(k: number): string | undefined {
    return k > 0 ? this.knownKeys[k] : k < 0 ? this.unknownKeys[-1 - k] : undefined;
  }

  /** The node of row `i`: its container, or a new node for a value (not kept). */
  nodeAt(i: number): JsonNode {
    return this.nodeIn(this.rows.block(i), this.rows.offset(i));
  }

  /** The node of the row whose integers start at `at` in `block`. */
  private nodeIn(block: Int32Array, at: number): JsonNode {
    const packed = block[at + 3]!;
    const kind = packed & 7;
    const aux = (packed >> 3) - 1;
    if (kind >= OBJECT) return this.containers[aux]!;
    const start = block[at]!;
    const end = block[at + 1]!;
    const value =
      kind === STRING
        ? aux >= 0
          ? this.strings[aux]!
          : this.text.span(start + 1, end - 1)
        : kind === NUMBER
          ? this.numbers[aux]!
          : kind === TRUE
            ? true
            : kind === FALSE
              ? false
              : null;
    // A class, not an object literal: V8 may decide that a literal's allocation site "pretenures"
    // (allocates in the old generation) once a young collection during a check finds all its
    // nodes alive (they are, while their container is kept); every children's array then costs
    // write barriers and old-generation collections. Seen in about one process in three, the
    // all-rejected check 20 % slower (issue 12, node --trace-pretenuring-statistics).
    return new LeafNode(LEAF_TYPES[kind]!, start, end, value, this.keyOf(block[at + 2]!)) as JsonNode;
  }

  /** Builds the children's array of `holder` (rows `first … first + count - 1`) and keeps it (see RECENT). */
  children(holder: ContainerNode, first: number, count: number): JsonNode[] {
    const rows = this.rows;
    const out = new Array<JsonNode>(count);
    let values = false;
    // A container's rows are consecutive: one block lookup until they cross into the next block.
    let block = rows.block(first);
    let at = rows.offset(first);
    for (let k = 0; k < count; k++) {
      if (at === block.length) {
        block = rows.block(first + k);
        at = 0;
      }
      if ((block[at + 3]! & 7) < OBJECT) values = true;
      out[k] = this.nodeIn(block, at);
      at += 4;
    }
    holder.kept = out;
    if (values) {
      const evicted = this.recent[this.next];
      if (evicted !== undefined) evicted.kept = undefined;
      this.recent[this.next] = holder;
      this.next = (this.next + 1) % RECENT;
    }
    return out;
  }
}

/** A string, number, boolean or null of a parse: made when read, not kept (see the head of this file). */
class LeafNode {
  constructor(
    readonly type: string,
    readonly start: number,
    readonly end: number,
    readonly value: string | number | boolean | null,
    readonly key: string | undefined,
  ) {}
}

/** What an object and an array of a parse share: their span, key and rows (see the head of this file). */
abstract class ContainerNode {
  /** The children's array while kept (see ParsedValues.children). */
  kept: JsonNode[] | undefined = undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly key: string | undefined,
    private readonly values: ParsedValues,
    /** The row of the first child, and how many children. */
    readonly first: number,
    readonly count: number,
  ) {}

  /** The children, kept or made anew from their rows. */
  protected children(): JsonNode[] {
    return this.kept ?? this.values.children(this, this.first, this.count);
  }
}

/** An object of a parse: its members are read from its rows. */
export class ObjectNode extends ContainerNode implements JsonObject {
  readonly type = 'object' as const;
  get members(): JsonMember[] {
    return this.children() as JsonMember[];
  }
}

/** An array of a parse: its items are read from its rows. */
export class ArrayNode extends ContainerNode implements JsonArray {
  readonly type = 'array' as const;
  get items(): JsonNode[] {
    return this.children();
  }
}

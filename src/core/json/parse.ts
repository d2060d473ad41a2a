// A strict RFC 8259 parser that keeps the position of every value.
// Hand-written rather than JSON.parse because the checks need what JSON.parse
// throws away: positions (line/column of each fault), the raw spelling of numbers
// (`1075.00` vs `1075`), duplicate keys, and a bounded depth with a clear message.

import { indexMembers, type DuplicateKey, type JsonMember, type JsonNode } from './ast';
import { ByteOffsets, LineStarts } from './position';
import { ArrayNode, ARRAY, FALSE, NO_KEY, NULL, NUMBER, OBJECT, ObjectNode, ParsedValues, RowStack, Rows, STRING, TRUE } from './slots';
import { ChunkedText, type SourceText } from './text';

/** Deeper nesting than this is refused: no Ségur file comes near it, and it keeps recursion safe. */
export const MAX_DEPTH = 512;

export type SyntaxReason =
  | 'empty'
  | 'unexpected-end'
  | 'unexpected-char'
  | 'expected-key'
  | 'expected-colon'
  | 'expected-comma-or-close'
  | 'trailing-comma'
  | 'single-quote'
  | 'comment'
  | 'control-char-in-string'
  | 'bad-escape'
  | 'bad-unicode-escape'
  | 'bad-number'
  | 'unknown-literal'
  | 'trailing-content'
  | 'too-deep'
  | 'decimal-comma'
  | 'nul-char';

export interface SyntaxFault {
  readonly reason: SyntaxReason;
  /** Where the fault is, as a UTF-16 offset into the text. */
  readonly offset: number;
  /** What was found there, printable (a character, a word or a number). */
  readonly found: string;
  /** The bracket the parser was inside, when it matters for the message. */
  readonly close?: '}' | ']';
  /** For an unterminated string: where it started. */
  readonly openedAt?: number;
  /** The mechanical fix, when there is one (`1075,00` → `1075.00`): UTF-16 offsets in the text. */
  readonly fix?: { readonly start: number; readonly end: number; readonly text: string };
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly root: JsonNode;
      readonly duplicates: DuplicateKey[];
      /** Where each character offset outside strings is in the UTF-8 bytes (for the output writer). */
      readonly bytes: ByteOffsets;
      /**
       * Whether some string (key or value) holds a C1 control character (U+0080–U+009F), as such
       * or escaped: most files hold none, and then no string needs searching for one.
       */
      readonly c1: boolean;
      /** The character offset where each line starts (0 first), as LineIndex counts lines. */
      readonly lineStarts: Uint32Array;
    }
  | { readonly ok: false; readonly fault: SyntaxFault };

/** The stack of rows every parse uses (see Parser.pending). */
const PENDING = new RowStack();

class Fault {
  constructor(readonly fault: SyntaxFault) {}
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const KEY_SLOTS = 1024;
/** A cheap hash of a key: its length and its first and last characters. */
function keySlot(length: number, first: number, last: number): number {
  return (length * 31 + first * 7 + last) & (KEY_SLOTS - 1);
}

const encoder = new TextEncoder();

/**
 * Known keys by id (0: an unknown key), their bytes, and the id of each by `keySlot` (on a
 * collision the first stays; the other is read as usual).
 */
interface KeyTable {
  readonly keyText: readonly string[];
  readonly keyBytes: readonly Uint8Array[];
  /** Each known key's whole 32-bit words of bytes, little-endian, for `spells` (its last 1–3 bytes are compared one by one). */
  readonly keyWords: readonly Uint32Array[];
  readonly keyBySlot: Uint16Array;
}
/** The tables of frozen lists of known keys (a rule set's, see knownTags), built once: not per parse. */
const keyTables = new WeakMap<object, KeyTable>();

function keyTable(knownKeys: Iterable<string>): KeyTable {
  const frozen = Object.isFrozen(knownKeys);
  let table = frozen ? keyTables.get(knownKeys) : undefined;
  if (table !== undefined) return table;
  const keyText: string[] = [''];
  const keyBytes: Uint8Array[] = [new Uint8Array(0)];
  const keyWords: Uint32Array[] = [new Uint32Array(0)];
  const keyBySlot = new Uint16Array(KEY_SLOTS);
  for (const key of new Set(knownKeys)) {
    // Printable ASCII only: the byte comparison below reads one byte per character.
    if (!/^[\x20-\x7e]+$/.test(key) || key.includes('"') || key.includes('\\') || keyText.length > 0xfffe) continue;
    const slot = keySlot(key.length, key.charCodeAt(0), key.charCodeAt(key.length - 1));
    if (keyBySlot[slot] !== 0) continue;
    keyBySlot[slot] = keyText.length;
    keyText.push(key);
    const encoded = encoder.encode(key);
    keyBytes.push(encoded);
    // Read as `spells` reads the file (little-endian DataView), whatever the platform's order.
    const whole = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    keyWords.push(Uint32Array.from({ length: encoded.length >> 2 }, (_, i) => whole.getUint32(4 * i, true)));
  }
  table = { keyText, keyBytes, keyWords, keyBySlot };
  if (frozen) keyTables.set(knownKeys, table);
  return table;
}

/** 10^0 … 10^15, all exact doubles. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

export interface ParseOptions {
  /**
   * The UTF-8 bytes `text` was decoded from, when the caller has them (the parser scans
   * bytes; without them it encodes the text once).
   */
  readonly bytes?: Uint8Array;
  /**
   * The keys the caller expects (a rule set's tags): a key spelt like one of them is that very
   * string. A frozen list's lookup table is built once and kept for the next parses.
   */
  readonly knownKeys?: Iterable<string>;
}

/**
 * Parses `text` (already decoded; a leading U+FEFF is skipped): a string, or the pieces of
 * `decodeSource` (never joined). Offsets in the tree and the faults are UTF-16 offsets in `text`.
 */
export function parseJson(text: string | ChunkedText, options: ParseOptions = {}): ParseResult {
  const source = typeof text === 'string' ? new ChunkedText([text]) : text;
  const parser = new Parser(source, options.bytes ?? encoder.encode(source.toString()), options.knownKeys ?? []);
  try {
    const root = parser.parseDocument();
    return {
      ok: true,
      root,
      duplicates: parser.duplicates,
      bytes: parser.byteOffsets,
      c1: parser.c1,
      lineStarts: parser.lineStarts.done(),
    };
  } catch (e) {
    if (e instanceof Fault) return { ok: false, fault: e.fault };
    throw e;
  } finally {
    PENDING.release();
  }
}

/**
 * Scans the UTF-8 bytes (a typed array reads several times faster than `charCodeAt`) and
 * slices values out of the decoded text. Outside strings every character is ASCII, so a
 * character offset is the byte offset minus `delta`, the extra bytes of the non-ASCII
 * characters met so far (string scans keep it up to date).
 */
class Parser {
  /** Byte offset in `bytes`. */
  pos = 0;
  /** `pos` minus the matching UTF-16 offset in `text`. */
  delta = 0;
  readonly duplicates: DuplicateKey[] = [];
  readonly byteOffsets = new ByteOffsets();
  /** Set when a string holds a C1 control character: U+0080–U+009F is C2 80 – C2 9F in UTF-8. */
  c1 = false;
  private readonly keyText: readonly string[];
  private readonly keyBytes: readonly Uint8Array[];
  private readonly keyWords: readonly Uint32Array[];
  /** `bytes` read four at a time (see `spells`). */
  private readonly view: DataView;
  private readonly keyBySlot: Uint16Array;
  /**
   * Guesses, learnt as the parse goes: the key that came after key `id` last time, and the
   * first key of an object that is (or whose array is) the value of key `id`. Files repeat
   * one layout per kind of object, so most keys are found by one comparison.
   */
  private readonly nextKey: Uint16Array;
  private readonly firstKey: Uint16Array;
  /** For findDuplicates: the serial number of the last object searched, and per known key id the last serial met and where. */
  private objectSerial = 0;
  private readonly keySeen: Uint32Array;
  private readonly keyFirst: Uint8Array;
  /** The id of the key `parseKey` just read. */
  private keyId = 0;
  /**
   * The rows (see ./slots.ts) of the members and items read so far of the objects and arrays
   * still open, innermost last. Each object or array moves its own to `rows` when it closes: a
   * container's children are then consecutive rows. One stack for every parse (a parse runs to
   * its end before another starts): grown once, it is not allocated again.
   */
  private readonly pending = PENDING;
  /** The rows of the parse, each container's children together. */
  private readonly rows: Rows;
  private readonly containers: JsonNode[] = [];
  private readonly numbers: number[] = [];
  /** The values of the strings that hold an escape (the others are sliced from the text when read). */
  private readonly strings: string[] = [];
  private readonly unknownKeys: string[] = [];
  private readonly values: ParsedValues;
  /**
   * The character offset where each line starts (0 first). Line breaks are
   * whitespace between tokens (a raw one inside a string is a fault), so the scan that skips
   * whitespace finds them all, and no second scan of the text is needed for the findings'
   * line numbers (issue 12: 12 000 lines in a 300 kB file).
   */
  readonly lineStarts: LineStarts;

  constructor(
    // One class, whatever the caller gave: its reads stay monomorphic.
    readonly text: ChunkedText,
    readonly bytes: Uint8Array,
    knownKeys: Iterable<string>,
  ) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.pos = 3; // U+FEFF: three bytes, one character
      this.delta = 2;
      this.byteOffsets.record(1, 2);
    }
    // A pretty-printed Ségur file has a line per 25 bytes or so (a line per value).
    this.lineStarts = new LineStarts(bytes.length / 20);
    const table = keyTable(knownKeys);
    this.keyText = table.keyText;
    this.keyBytes = table.keyBytes;
    this.keyWords = table.keyWords;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.keyBySlot = table.keyBySlot;
    this.nextKey = new Uint16Array(this.keyText.length);
    this.firstKey = new Uint16Array(this.keyText.length);
    this.keySeen = new Uint32Array(this.keyText.length);
    this.keyFirst = new Uint8Array(this.keyText.length);
    PENDING.length = 0;
    // About one value per 32 bytes of a pretty-printed file.
    this.rows = new Rows(bytes.length / 32);
    this.values = new ParsedValues(text, this.rows, this.containers, this.numbers, this.strings, this.keyText, this.unknownKeys);
  }

  /** The character offset in `text` of the byte offset `p` (outside strings). */
  private charAt(p: number): number {
    return p - this.delta;
  }

  parseDocument(): JsonNode {
    this.skipSpace();
    if (this.pos >= this.bytes.length) this.fail('empty', this.charAt(this.pos));
    this.parseValue(0, 0, NO_KEY, undefined);
    this.skipSpace();
    if (this.pos < this.bytes.length) this.fail('trailing-content', this.charAt(this.pos));
    return this.values.nodeAt(this.rows.append(this.pending, 0, 1));
  }

  /**
   * skipSpace from `p`, the space of a pretty-printed file (a line feed, then spaces) read first
   * in a loop small enough for V8 to inline where it is called: after `{`, `[` and `,`, and
   * after a value not followed at once by a comma (issue 12: calls to skipSpace there were 6 %
   * of the check of a 300 kB file).
   */
  private skipSpaceFrom(p: number): void {
    const b = this.bytes;
    if (b[p] === 0x0a) {
      p++;
      this.lineStarts.add(this.charAt(p));
      // Four spaces at a time (an indentation is often 4 to 12 spaces).
      const last4 = b.length - 4;
      while (p <= last4 && this.view.getUint32(p, true) === 0x20202020) p += 4;
      while (b[p] === 0x20) p++;
    }
    this.pos = p;
    if (!(b[p]! > 0x20)) this.skipSpace();
  }

  private skipSpace(): void {
    const b = this.bytes;
    const n = b.length;
    let p = this.pos;
    while (p < n) {
      const c = b[p]!;
      if (c === 0x20) {
        p++;
        continue;
      }
      if (c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      p++;
      // A line ends at LF, CRLF or a lone CR (see LineIndex).
      if (c === 0x0a || (c === 0x0d && b[p] !== 0x0a)) this.lineStarts.add(this.charAt(p));
    }
    this.pos = p;
  }

  /** True when the bytes at `p` spell `word` (ASCII) and no word character follows. */
  private literalAt(p: number, word: string): boolean {
    const b = this.bytes;
    for (let i = 1; i < word.length; i++) if (b[p + i] !== word.charCodeAt(i)) return false;
    return !this.isWordCharAt(p + word.length);
  }

  /** Whether the character at byte offset `p` (outside a string) is a word character. */
  private isWordCharAt(p: number): boolean {
    const c = this.bytes[p];
    if (c === undefined) return false;
    return c < 0x80 ? isWordChar(c) : isWordChar(this.text.charCodeAt(this.charAt(p)));
  }

  /**
   * Reads a value and appends its row to `pending`. `keyId`: the id of the key whose value this
   * is (or whose array holds it), for the key guesses. `keyCode`: the row's key (see ./slots.ts).
   * `key`: the member's key, which an object or array node carries (undefined outside an object).
   */
  private parseValue(depth: number, keyId: number, keyCode: number, key: string | undefined): void {
    const p = this.pos;
    const start = this.charAt(p);
    const c = this.bytes[p];
    const pending = this.pending;
    switch (c) {
      case 0x7b: {
        // {
        const node = this.parseObject(depth + 1, keyId, key);
        pending.push(OBJECT, start, node.end, keyCode, this.containers.push(node) - 1);
        return;
      }
      case 0x5b: {
        // [
        const node = this.parseArray(depth + 1, keyId, key);
        pending.push(ARRAY, start, node.end, keyCode, this.containers.push(node) - 1);
        return;
      }
      case QUOTE: {
        const escaped = this.parseString(false);
        pending.push(STRING, start, this.charAt(this.pos), keyCode, escaped === undefined ? -1 : this.strings.push(escaped) - 1);
        return;
      }
      case 0x74: // t
        if (this.literalAt(p, 'true')) {
          this.pos = p + 4;
          pending.push(TRUE, start, start + 4, keyCode, -1);
          return;
        }
        break;
      case 0x66: // f
        if (this.literalAt(p, 'false')) {
          this.pos = p + 5;
          pending.push(FALSE, start, start + 5, keyCode, -1);
          return;
        }
        break;
      case 0x6e: // n
        if (this.literalAt(p, 'null')) {
          this.pos = p + 4;
          pending.push(NULL, start, start + 4, keyCode, -1);
          return;
        }
        break;
      default:
        if (c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) {
          const value = this.parseNumber();
          pending.push(NUMBER, start, this.charAt(this.pos), keyCode, this.numbers.push(value) - 1);
          return;
        }
    }
    this.failValue(start);
  }

  /** Explains why no value starts at `at` (a character offset). */
  private failValue(at: number): never {
    const c = this.text.charCodeAt(at);
    if (Number.isNaN(c)) this.fail('unexpected-end', at);
    if (c === 0x27) this.fail('single-quote', at);
    if (c === 0x2f) this.fail('comment', at);
    if (c === 0x2b || c === 0x2e) this.fail('bad-number', at, this.wordAt(at));
    if (isWordChar(c)) this.fail('unknown-literal', at, this.wordAt(at));
    this.fail('unexpected-char', at);
  }

  private parseObject(depth: number, parentKey: number, ownKey: string | undefined): ObjectNode {
    const b = this.bytes;
    const pending = this.pending;
    const start = this.charAt(this.pos);
    if (depth > MAX_DEPTH) this.fail('too-deep', start);
    this.skipSpaceFrom(this.pos + 1);
    if (b[this.pos] === 0x7d) {
      this.pos++;
      return new ObjectNode(start, this.charAt(this.pos), ownKey, this.values, this.rows.length, 0);
    }
    const first = pending.length;
    let previous = -1;
    for (;;) {
      const keyStart = this.charAt(this.pos);
      const k = b[this.pos];
      if (k !== QUOTE) {
        if (k === 0x7d && pending.length > first) this.fail('trailing-comma', keyStart, '}', '}');
        if (k === 0x27) this.fail('single-quote', keyStart);
        if (k === 0x2f) this.fail('comment', keyStart);
        if (k === undefined) this.fail('unexpected-end', keyStart, undefined, '}');
        if (pending.length > first) this.failDecimalComma(pending.length - 1, keyStart);
        this.fail('expected-key', keyStart, this.isWordCharAt(this.pos) ? this.wordAt(keyStart) : undefined);
      }
      const guess = previous < 0 ? this.firstKey[parentKey]! : this.nextKey[previous]!;
      const key = this.parseKey(guess);
      const id = this.keyId;
      if (id !== guess) {
        if (previous < 0) this.firstKey[parentKey] = id;
        else this.nextKey[previous] = id;
      }
      previous = id;
      // `"key": value`, as most files write it, without a call: no space before the colon, one after.
      if (b[this.pos] !== 0x3a) this.skipSpace();
      if (b[this.pos] !== 0x3a) this.fail(b[this.pos] === 0x2f ? 'comment' : 'expected-colon', this.charAt(this.pos));
      this.pos++;
      if (b[this.pos] === 0x20 && b[this.pos + 1]! > 0x20) this.pos++;
      else this.skipSpace();
      // The value is the member: its row carries the key (a known key's id, or the key itself).
      this.parseValue(depth, id, id !== 0 ? id : -this.unknownKeys.push(key), key);
      if (!this.moreAfterItem('}')) break;
    }
    const count = pending.length - first;
    const at = this.rows.append(pending, first, pending.length);
    const node = new ObjectNode(start, this.charAt(this.pos), ownKey, this.values, at, count);
    if (count > 1) this.findDuplicates(node, first);
    pending.length = first;
    return node;
  }

  private parseArray(depth: number, parentKey: number, key: string | undefined): ArrayNode {
    const b = this.bytes;
    const pending = this.pending;
    const start = this.charAt(this.pos);
    if (depth > MAX_DEPTH) this.fail('too-deep', start);
    this.skipSpaceFrom(this.pos + 1);
    if (b[this.pos] === 0x5d) {
      this.pos++;
      return new ArrayNode(start, this.charAt(this.pos), key, this.values, this.rows.length, 0);
    }
    const first = pending.length;
    for (;;) {
      if (b[this.pos] === 0x5d && pending.length > first) this.fail('trailing-comma', this.charAt(this.pos), ']', ']');
      this.parseValue(depth, parentKey, NO_KEY, undefined);
      if (!this.moreAfterItem(']')) break;
    }
    const count = pending.length - first;
    const at = this.rows.append(pending, first, pending.length);
    pending.length = first;
    return new ArrayNode(start, this.charAt(this.pos), key, this.values, at, count);
  }

  /**
   * After a member or an item: past a comma (true, more follow) or past the closing bracket
   * (false); anything else is a fault.
   */
  private moreAfterItem(close: '}' | ']'): boolean {
    // Where the item ends: a missing comma is reported there, at the end of the value it should follow.
    const end = this.pos;
    const b = this.bytes;
    // The comma usually follows the value at once: no call then.
    if (b[end] !== 0x2c) this.skipSpaceFrom(end);
    const c = b[this.pos];
    if (c === 0x2c) {
      this.skipSpaceFrom(this.pos + 1);
      return true;
    }
    if (c === (close === '}' ? 0x7d : 0x5d)) {
      this.pos++;
      return false;
    }
    const at = this.charAt(this.pos);
    if (c === undefined) this.fail('unexpected-end', at, undefined, close);
    if (c === 0x2f) this.fail('comment', at);
    this.fail('expected-comma-or-close', this.charAt(end), describeChar(this.text, at), close);
  }

  /**
   * `"montantSegurHT": 1075,00` (a decimal comma, as a French spreadsheet writes it): the comma
   * ends the number and digits stand where a key should. Reported at the number, with its fix.
   * `last`: the row in `pending` of the member read before the comma.
   */
  private failDecimalComma(last: number, at: number): void {
    const p = this.pending;
    const start = p.start(last);
    if (p.kind(last) !== NUMBER || this.text.slice(p.end(last), at) !== ',' || !isDigit(this.text.charCodeAt(at))) return;
    let end = at;
    while (isDigit(this.text.charCodeAt(end))) end++;
    const raw = this.text.slice(start, p.end(last));
    if (!/^-?\d+$/.test(raw)) return;
    const decimals = this.text.slice(at, end);
    throw new Fault({
      reason: 'decimal-comma',
      offset: start,
      found: `${raw},${decimals}`,
      fix: { start, end, text: `${raw}.${decimals}` },
    });
  }

  /**
   * Records each later occurrence of a key in `object` with its first occurrence: linear in the
   * object's size (a Map from key to first member), so that no later step has to search for the
   * first occurrence (issue 15: 40 000 repeats of one key must not cost 40 000 scans). `from`:
   * where the object's member rows start on the stack (still there when this runs).
   */
  private findDuplicates(object: ObjectNode, from: number): void {
    const values = this.values;
    const count = object.count;
    // The members' key codes (see ./slots.ts), read from their rows still on the stack.
    const data = this.pending.data;
    const codes = from * 4 + 2;
    // Up to 16 members: each known key's id stamped with the object's serial number and the
    // member where it was first met (no Map, no pairwise comparison). A key read as unknown
    // (escaped, say) may still spell a known one: it is compared with every member before it,
    // and a known key with the unknown ones before it. (memberOf scans up to 16 too.)
    if (count <= 16) {
      const serial = ++this.objectSerial;
      const seen = this.keySeen;
      const first = this.keyFirst;
      let unknown = false;
      for (let i = 0; i < count; i++) {
        const ki = data[codes + i * 4]!;
        if (ki > 0) {
          if (seen[ki] === serial) {
            this.duplicate(object, i, first[ki]!);
            continue;
          }
          if (unknown && this.repeats(object, codes, i, ki, true)) continue;
          seen[ki] = serial;
          first[ki] = i;
        } else {
          unknown = true;
          this.repeats(object, codes, i, ki, false);
        }
      }
      return;
    }
    const firsts = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const key = values.keyOf(data[codes + i * 4]!)!;
      const j = firsts.get(key);
      if (j !== undefined) this.duplicate(object, i, j);
      else firsts.set(key, i);
    }
    // The same key → first member map serves the rules' lookups (memberOf).
    indexMembers(object, firsts);
  }

  /**
   * Whether member `i` (key code `ki`) repeats a member before it, recorded if so; `unknownOnly`:
   * compare with the members read as unknown keys only. `codes`: where the key codes of the
   * object's rows start on the stack.
   */
  private repeats(object: ObjectNode, codes: number, i: number, ki: number, unknownOnly: boolean): boolean {
    const data = this.pending.data;
    const values = this.values;
    for (let j = 0; j < i; j++) {
      const kj = data[codes + j * 4]!;
      if (unknownOnly && kj > 0) continue;
      if (kj === ki || values.keyOf(ki) === values.keyOf(kj)) {
        this.duplicate(object, i, j);
        return true;
      }
    }
    return false;
  }

  /** Records member `i` of `object` as a repeat of member `j`. */
  private duplicate(object: ObjectNode, i: number, j: number): void {
    const member = this.values.nodeAt(object.first + i) as JsonMember;
    this.duplicates.push({ object, member, first: this.values.nodeAt(object.first + j) as JsonMember });
  }

  /**
   * Reads a key. A key spelt like a known one is returned as that known string rather than a
   * new slice of the text: V8 makes a slice of 13 characters or more a "sliced string", which
   * every later comparison and Map lookup takes on a slow path, whereas the rule set's own
   * tag compares with itself by identity. `guess`: the id of the likeliest key here.
   */
  private parseKey(guess: number): string {
    const b = this.bytes;
    const open = this.pos;
    if (guess !== 0 && this.spells(open, guess)) return this.knownKey(open, guess);
    let close = open + 1;
    const n = b.length;
    while (close < n && b[close] !== QUOTE && b[close] !== BACKSLASH) close++;
    const length = close - open - 1;
    if (b[close] === QUOTE && length > 0) {
      const id = this.keyBySlot[keySlot(length, b[open + 1]!, b[close - 1]!)]!;
      if (id !== 0 && id !== guess && this.spells(open, id)) return this.knownKey(open, id);
    }
    this.keyId = 0;
    return this.parseString(true)!;
  }

  /**
   * Whether the key whose opening quote is at byte `open` is known key `id`, quotes included.
   * Four bytes are compared at a time (a DataView read is one load once optimised): a file's
   * keys are most of its bytes compared, and this check runs for each of them (issue 12).
   */
  private spells(open: number, id: number): boolean {
    const b = this.bytes;
    const k = this.keyBytes[id]!;
    const n = k.length;
    const close = open + 1 + n;
    // The closing quote first: a key of another length fails at once (and no read passes the end).
    if (b[close] !== QUOTE) return false;
    const words = this.keyWords[id]!;
    const view = this.view;
    const full = n >> 2;
    let i = 0;
    for (; i < full; i++) if (view.getUint32(open + 1 + 4 * i, true) !== words[i]) return false;
    // The last 1–3 bytes, one by one (the word would read past the key).
    for (let j = 4 * i; j < n; j++) if (k[j] !== b[open + 1 + j]) return false;
    return true;
  }

  private knownKey(open: number, id: number): string {
    this.pos = open + this.keyBytes[id]!.length + 2;
    this.keyId = id;
    return this.keyText[id]!;
  }

  /**
   * Reads a string starting at the opening quote; leaves `pos` after the closing quote. Returns
   * its value when it holds an escape (decoded) or when `slice` is true; else undefined (the
   * value is the text between the quotes, sliced when read: see ./slots.ts).
   */
  private parseString(slice: boolean): string | undefined {
    const b = this.bytes;
    const n = b.length;
    const open = this.pos;
    const charOpen = this.charAt(open);
    let d = this.delta;
    let p = open + 1;
    // Fast path: no escape up to the closing quote; non-ASCII bytes only move `delta`.
    while (p < n) {
      const c = b[p]!;
      if (c === QUOTE) {
        this.endString(p, d);
        return slice ? this.text.slice(charOpen + 1, p - d) : undefined;
      }
      if (c === BACKSLASH || c < 0x20) break;
      // A continuation byte is one more byte for no character; a 4-byte sequence is 2 characters.
      if (c >= 0x80) {
        d += c < 0xc0 ? 1 : c >= 0xf0 ? -1 : 0;
        if (c === 0xc2 && b[p + 1]! <= 0x9f) this.c1 = true;
      }
      p++;
    }
    // Slow path from `p`: escapes are decoded, plain runs are sliced from the text.
    let chunk = p - d;
    let out = this.text.slice(charOpen + 1, chunk);
    for (;;) {
      if (p >= n) this.fail('unexpected-end', p - d, undefined, undefined, charOpen);
      const c = b[p]!;
      if (c === QUOTE) {
        this.endString(p, d);
        return out + this.text.slice(chunk, p - d);
      }
      if (c === BACKSLASH) {
        const at = p - d;
        out += this.text.slice(chunk, at);
        const e = b[p + 1];
        switch (e) {
          case QUOTE:
            out += '"';
            break;
          case BACKSLASH:
            out += '\\';
            break;
          case 0x2f:
            out += '/';
            break;
          case 0x62:
            out += '\b';
            break;
          case 0x66:
            out += '\f';
            break;
          case 0x6e:
            out += '\n';
            break;
          case 0x72:
            out += '\r';
            break;
          case 0x74:
            out += '\t';
            break;
          case 0x75: {
            // The four hex digits are ASCII if they are hex digits at all: read them from the text.
            const hex = this.text.slice(at + 2, at + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad-unicode-escape', at, this.text.slice(at, at + 6));
            const unit = parseInt(hex, 16);
            if (unit >= 0x80 && unit <= 0x9f) this.c1 = true;
            out += String.fromCharCode(unit);
            p += 4;
            break;
          }
          default:
            if (e === undefined) this.fail('unexpected-end', at + 1, undefined, undefined, charOpen);
            this.fail('bad-escape', at, this.text.slice(at, at + 2));
        }
        p += 2;
        chunk = p - d;
        continue;
      }
      if (c < 0x20) this.fail('control-char-in-string', p - d, undefined, undefined, charOpen);
      if (c >= 0x80) {
        d += c < 0xc0 ? 1 : c >= 0xf0 ? -1 : 0;
        if (c === 0xc2 && b[p + 1]! <= 0x9f) this.c1 = true;
      }
      p++;
    }
  }

  /** Moves past the closing quote at byte `p`, `d` being the difference there. */
  private endString(p: number, d: number): void {
    this.pos = p + 1;
    if (d !== this.delta) {
      this.delta = d;
      this.byteOffsets.record(p + 1 - d, d);
    }
  }

  /** Reads a number; leaves `pos` after it and returns its value. */
  private parseNumber(): number {
    const b = this.bytes;
    const startByte = this.pos;
    const start = this.charAt(startByte);
    let p = startByte;
    const negative = b[p] === 0x2d;
    if (negative) p++;
    // The digits' value as an integer, and how many of them follow the point (see below).
    let mantissa = 0;
    let digits = 0;
    let decimals = 0;
    const first = b[p];
    if (first === 0x30) {
      p++;
      digits = 1;
      if (isDigit(b[p])) this.fail('bad-number', start, this.wordAt(start));
    } else if (first !== undefined && first >= 0x31 && first <= 0x39) {
      for (let c = b[p]; isDigit(c); c = b[++p]) {
        mantissa = mantissa * 10 + (c! - 0x30);
        digits++;
      }
    } else {
      this.fail('bad-number', start, this.wordAt(start));
    }
    if (b[p] === 0x2e) {
      p++;
      if (!isDigit(b[p])) this.fail('bad-number', start, this.wordAt(start));
      for (let c = b[p]; isDigit(c); c = b[++p]) {
        mantissa = mantissa * 10 + (c! - 0x30);
        digits++;
        decimals++;
      }
    }
    let exponent = false;
    const e = b[p];
    if (e === 0x65 || e === 0x45) {
      exponent = true;
      p++;
      const sign = b[p];
      if (sign === 0x2b || sign === 0x2d) p++;
      if (!isDigit(b[p])) this.fail('bad-number', start, this.wordAt(start));
      while (isDigit(b[p])) p++;
    }
    // `1.2.3`, `1x`, `0x1F`: report the whole run as one malformed number.
    if (b[p] === 0x2e || this.isWordCharAt(p)) this.fail('bad-number', start, this.wordAt(start));
    this.pos = p;
    const end = start + (p - startByte);
    // Up to 15 digits and no exponent, the integer and 10^decimals are exact doubles, so their
    // quotient, rounded once, is the value Number() gives (the classic fast path); else Number().
    if (exponent || digits > 15) return Number(this.text.slice(start, end));
    const magnitude = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals]!;
    return negative ? -magnitude : magnitude;
  }

  /** The run of number-or-word characters at `at` (a character offset), for messages (at most 40 characters). */
  private wordAt(at: number): string {
    const t = this.text;
    let p = at;
    while (p < t.length && p - at < 40) {
      const c = t.charCodeAt(p);
      if (isWordChar(c) || c === 0x2e || c === 0x2b || c === 0x2d) p++;
      else break;
    }
    return p === at ? t.slice(at, at + 1) : t.slice(at, p);
  }

  private fail(reason: SyntaxReason, offset: number, found?: string, close?: '}' | ']', openedAt?: number): never {
    // A NUL character (a stray 0x00 byte, often before the text) is named as such (issue 15).
    if (this.text.charCodeAt(offset) === 0 && reason !== 'control-char-in-string') reason = 'nul-char';
    throw new Fault({ reason, offset, found: found ?? describeChar(this.text, offset), close, openedAt });
  }
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39;
}

/**
 * Letters, digits, `_` and `$`: what a misspelt literal or unquoted key is made of.
 * Non-ASCII characters count too, except invisible ones (a no-break space or a BOM
 * pasted after `true` is reported as that character, not as part of a word).
 */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f ||
    c === 0x24 ||
    (c > 0x7f && !isInvisible(c))
  );
}

/** Characters a reader cannot see, or cannot tell from a plain space: shown as `U+XXXX`. */
function isInvisible(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0xa0) ||
    c === 0xad ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x2064) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A printable rendering of the character at `offset` ("" at the end of the text). */
function describeChar(text: SourceText, offset: number): string {
  if (offset < 0 || offset >= text.length) return '';
  let cp = text.charCodeAt(offset);
  const low = text.charCodeAt(offset + 1);
  if (cp >= 0xd800 && cp <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
  if (isInvisible(cp) || (cp >= 0xd800 && cp <= 0xdfff)) {
    return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return String.fromCodePoint(cp);
}

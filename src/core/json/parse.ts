// A strict RFC 8259 parser that keeps the position of every value.
// Hand-written rather than JSON.parse because the checks need what JSON.parse
// throws away: positions (line/column of each fault), the raw spelling of numbers
// (`1075.00` vs `1075`), duplicate keys, and a bounded depth with a clear message.

import type { DuplicateKey, JsonArray, JsonMember, JsonNode, JsonObject } from './ast';

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
  | 'too-deep';

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
}

export type ParseResult =
  | { readonly ok: true; readonly root: JsonNode; readonly duplicates: DuplicateKey[] }
  | { readonly ok: false; readonly fault: SyntaxFault };

class Fault {
  constructor(readonly fault: SyntaxFault) {}
}

const QUOTE = 0x22;
const SPACE = /[ \t\n\r]*/y;
/** What the string fast path cannot take: an escape, or a control character (an error). */
const SLOW_STRING = /[\\\u0000-\u001f]/;
const BACKSLASH = 0x5c;

/** Parses `text` (already decoded; a leading U+FEFF is skipped). */
export function parseJson(text: string): ParseResult {
  const parser = new Parser(text);
  try {
    return { ok: true, root: parser.parseDocument(), duplicates: parser.duplicates };
  } catch (e) {
    if (e instanceof Fault) return { ok: false, fault: e.fault };
    throw e;
  }
}

class Parser {
  pos = 0;
  readonly duplicates: DuplicateKey[] = [];

  constructor(readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  parseDocument(): JsonNode {
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail('empty', this.pos);
    const root = this.parseValue(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('trailing-content', this.pos);
    return root;
  }

  private skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    if (t.charCodeAt(p) > 0x20) return; // most tokens follow no space at all
    // Indentation runs are long in pretty-printed files: let the regex engine skip them.
    SPACE.lastIndex = p;
    SPACE.test(t);
    this.pos = SPACE.lastIndex;
  }

  private parseValue(depth: number): JsonNode {
    const t = this.text;
    const start = this.pos;
    const c = t.charCodeAt(start);
    switch (c) {
      case 0x7b: // {
        return this.parseObject(depth + 1);
      case 0x5b: // [
        return this.parseArray(depth + 1);
      case QUOTE: {
        const value = this.parseString();
        return leaf('string', start, this.pos, value);
      }
      case 0x74: // t
        if (t.startsWith('true', start) && !isWordChar(t.charCodeAt(start + 4))) {
          this.pos = start + 4;
          return leaf('boolean', start, this.pos, true);
        }
        break;
      case 0x66: // f
        if (t.startsWith('false', start) && !isWordChar(t.charCodeAt(start + 5))) {
          this.pos = start + 5;
          return leaf('boolean', start, this.pos, false);
        }
        break;
      case 0x6e: // n
        if (t.startsWith('null', start) && !isWordChar(t.charCodeAt(start + 4))) {
          this.pos = start + 4;
          return leaf('null', start, this.pos, null);
        }
        break;
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.parseNumber();
    }
    return this.failValue(start);
  }

  /** Explains why no value starts at `at`. */
  private failValue(at: number): never {
    const c = this.text.charCodeAt(at);
    if (Number.isNaN(c)) this.fail('unexpected-end', at);
    if (c === 0x27) this.fail('single-quote', at);
    if (c === 0x2f) this.fail('comment', at);
    if (c === 0x2b || c === 0x2e) this.fail('bad-number', at, this.wordAt(at));
    if (isWordChar(c)) this.fail('unknown-literal', at, this.wordAt(at));
    this.fail('unexpected-char', at);
  }

  private parseObject(depth: number): JsonObject {
    const t = this.text;
    const start = this.pos;
    if (depth > MAX_DEPTH) this.fail('too-deep', start);
    this.pos++;
    const members: JsonMember[] = [];
    this.skipSpace();
    if (t.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return { type: 'object', start, end: this.pos, members };
    }
    for (;;) {
      const keyStart = this.pos;
      const k = t.charCodeAt(keyStart);
      if (k !== QUOTE) {
        if (k === 0x7d && members.length > 0) this.fail('trailing-comma', keyStart, '}', '}');
        if (k === 0x27) this.fail('single-quote', keyStart);
        if (k === 0x2f) this.fail('comment', keyStart);
        if (Number.isNaN(k)) this.fail('unexpected-end', keyStart, undefined, '}');
        this.fail('expected-key', keyStart, isWordChar(k) ? this.wordAt(keyStart) : undefined);
      }
      const key = this.parseString();
      const keyEnd = this.pos;
      this.skipSpace();
      if (t.charCodeAt(this.pos) !== 0x3a) this.fail(t.charCodeAt(this.pos) === 0x2f ? 'comment' : 'expected-colon', this.pos);
      this.pos++;
      this.skipSpace();
      const value = this.parseValue(depth);
      members.push({ key, keyStart, keyEnd, value });
      this.skipSpace();
      const c = t.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        break;
      }
      this.failSeparator(this.pos, '}');
    }
    const object: JsonObject = { type: 'object', start, end: this.pos, members };
    if (members.length > 1) this.findDuplicates(object);
    return object;
  }

  private parseArray(depth: number): JsonArray {
    const t = this.text;
    const start = this.pos;
    if (depth > MAX_DEPTH) this.fail('too-deep', start);
    this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (t.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return { type: 'array', start, end: this.pos, items };
    }
    for (;;) {
      if (t.charCodeAt(this.pos) === 0x5d && items.length > 0) this.fail('trailing-comma', this.pos, ']', ']');
      items.push(this.parseValue(depth));
      this.skipSpace();
      const c = t.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        break;
      }
      this.failSeparator(this.pos, ']');
    }
    return { type: 'array', start, end: this.pos, items };
  }

  private failSeparator(at: number, close: '}' | ']'): never {
    const c = this.text.charCodeAt(at);
    if (Number.isNaN(c)) this.fail('unexpected-end', at, undefined, close);
    if (c === 0x2f) this.fail('comment', at);
    this.fail('expected-comma-or-close', at, undefined, close);
  }

  private findDuplicates(object: JsonObject): void {
    const members = object.members;
    // Up to 16 members, pairwise comparison beats building a Set (strings of different
    // lengths compare in one step); larger objects are rare.
    if (members.length <= 16) {
      for (let i = 1; i < members.length; i++) {
        for (let j = 0; j < i; j++) {
          if (members[j]!.key === members[i]!.key) {
            this.duplicates.push({ object, member: members[i]! });
            break;
          }
        }
      }
      return;
    }
    const seen = new Set<string>();
    for (const member of members) {
      if (seen.has(member.key)) this.duplicates.push({ object, member });
      else seen.add(member.key);
    }
  }

  /** Reads a string starting at the opening quote; leaves `pos` after the closing quote. */
  private parseString(): string {
    const t = this.text;
    const open = this.pos;
    // Fast path, native code only: up to the next quote, no backslash and no control character.
    const close = t.indexOf('"', open + 1);
    if (close > open) {
      const value = t.slice(open + 1, close);
      if (!SLOW_STRING.test(value)) {
        this.pos = close + 1;
        return value;
      }
    }
    let p = open + 1;
    let chunkStart = p;
    let out = '';
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === QUOTE) {
        this.pos = p + 1;
        return chunkStart === open + 1 ? t.slice(chunkStart, p) : out + t.slice(chunkStart, p);
      }
      if (c === BACKSLASH) {
        out += t.slice(chunkStart, p);
        const e = t.charCodeAt(p + 1);
        switch (e) {
          case QUOTE: out += '"'; break;
          case BACKSLASH: out += '\\'; break;
          case 0x2f: out += '/'; break;
          case 0x62: out += '\b'; break;
          case 0x66: out += '\f'; break;
          case 0x6e: out += '\n'; break;
          case 0x72: out += '\r'; break;
          case 0x74: out += '\t'; break;
          case 0x75: {
            const hex = t.slice(p + 2, p + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad-unicode-escape', p, t.slice(p, p + 6));
            out += String.fromCharCode(parseInt(hex, 16));
            p += 4;
            break;
          }
          default:
            if (Number.isNaN(e)) this.fail('unexpected-end', p + 1, undefined, undefined, open);
            this.fail('bad-escape', p, t.slice(p, p + 2));
        }
        p += 2;
        chunkStart = p;
        continue;
      }
      if (c < 0x20) this.fail('control-char-in-string', p, undefined, undefined, open);
      if (Number.isNaN(c)) this.fail('unexpected-end', p, undefined, undefined, open);
      p++;
    }
  }

  private parseNumber(): JsonNode {
    const t = this.text;
    const start = this.pos;
    let p = start;
    if (t.charCodeAt(p) === 0x2d) p++;
    const first = t.charCodeAt(p);
    if (first === 0x30) {
      p++;
      if (isDigit(t.charCodeAt(p))) this.fail('bad-number', start, this.wordAt(start));
    } else if (first >= 0x31 && first <= 0x39) {
      while (isDigit(t.charCodeAt(p))) p++;
    } else {
      this.fail('bad-number', start, this.wordAt(start));
    }
    if (t.charCodeAt(p) === 0x2e) {
      p++;
      if (!isDigit(t.charCodeAt(p))) this.fail('bad-number', start, this.wordAt(start));
      while (isDigit(t.charCodeAt(p))) p++;
    }
    const e = t.charCodeAt(p);
    if (e === 0x65 || e === 0x45) {
      p++;
      const sign = t.charCodeAt(p);
      if (sign === 0x2b || sign === 0x2d) p++;
      if (!isDigit(t.charCodeAt(p))) this.fail('bad-number', start, this.wordAt(start));
      while (isDigit(t.charCodeAt(p))) p++;
    }
    // `1.2.3`, `1x`, `0x1F`: report the whole run as one malformed number.
    const next = t.charCodeAt(p);
    if (next === 0x2e || isWordChar(next)) this.fail('bad-number', start, this.wordAt(start));
    this.pos = p;
    return leaf('number', start, p, Number(t.slice(start, p)));
  }

  /** The run of number-or-word characters at `at`, for messages (at most 40 characters). */
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

  private fail(
    reason: SyntaxReason,
    offset: number,
    found?: string,
    close?: '}' | ']',
    openedAt?: number,
  ): never {
    throw new Fault({ reason, offset, found: found ?? describeChar(this.text, offset), close, openedAt });
  }
}

/** Leaves are built in one place, so that all of them share one object shape. */
function leaf(type: 'string' | 'number' | 'boolean' | 'null', start: number, end: number, value: string | number | boolean | null): JsonNode {
  return { type, start, end, value } as JsonNode;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
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
function describeChar(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  if (cp === undefined) return '';
  if (isInvisible(cp) || (cp >= 0xd800 && cp <= 0xdfff)) {
    return 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return String.fromCodePoint(cp);
}

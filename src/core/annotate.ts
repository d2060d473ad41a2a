// The output file: the input text exactly as it was, except the values of
// `codeTraitement` / `libelleTraitement` in each request, which are replaced — or,
// where a request lacks them, added at the end of its object in the file's own style
// (indentation, line ending, spacing around the colon).

import { keySpan, type JsonObject } from './json/ast';
import type { ByteOffsets } from './json/position';
import type { SourceText } from './json/text';
import type { OutputFile } from './types';

export interface Treatment {
  readonly request: JsonObject;
  readonly code: string;
  readonly label: string;
}

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
  /** `insert` is a string's value, to be written as a JSON string (quoted, escaped as JSON.stringify does). */
  readonly quote: boolean;
}

/** The two tags the output fills in each request. */
type Tag = 'codeTraitement' | 'libelleTraitement';

/** The output as text (the bytes version below is what the simulation uses). */
export function annotate(text: string, treatments: readonly Treatment[]): string {
  const edits = editsFor(text, treatments);
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    out += text.slice(cursor, edit.from) + (edit.quote ? JSON.stringify(edit.insert) : edit.insert);
    cursor = edit.to;
  }
  return out + text.slice(cursor);
}

const encoder = new TextEncoder();

/**
 * The output as bytes: the input's own bytes between the edits, so the untouched parts are not
 * even re-encoded (and cannot change), and not copied either — they are views of `bytes` (see
 * OutputFile). `byteOffsets` (from the parser) places the edits, made in `text`, in `bytes`.
 * Joining the parts here would cost a fresh buffer of the file's size, written once: on a 31 MB
 * file, 31 MB more memory for the CLI, which writes the parts as they are (issue 12).
 */
export function annotateBytes(bytes: Uint8Array, text: SourceText, byteOffsets: ByteOffsets, treatments: readonly Treatment[]): OutputFile {
  const edits = editsFor(text, treatments);
  const inserts = encodeEach(
    edits.map((edit) => edit.insert),
    edits.map((edit) => edit.quote),
  );
  const parts: Uint8Array[] = [];
  let size = bytes.length;
  let read = 0;
  for (let i = 0; i < edits.length; i++) {
    const edit = edits[i]!;
    const from = byteOffsets.of(edit.from);
    const inserted = inserts[i]!;
    parts.push(bytes.subarray(read, from), inserted);
    read = byteOffsets.of(edit.to);
    size += inserted.length - (read - from);
  }
  parts.push(bytes.subarray(read));
  return { parts, size };
}

/**
 * The UTF-8 bytes of each of `texts`, encoded into one buffer (views of it): a TextEncoder.encode
 * per text, each with a buffer of its own, cost six times more (an all-rejected file has a label
 * of its own per request, issue 12). The buffer is sized for mostly ASCII text; a text that does
 * not fit in what is left gets a buffer of its own. A text whose `quoted` flag is set is written
 * as the JSON string of its value, exactly as `JSON.stringify` writes it (RFC 8259 §7): its
 * bytes between quotes, escaped where they stand (see escapeInPlace). JSON.stringify costs
 * ~0.35 µs even for a label of 150 characters (Node 20), and a rejected request's label
 * quotes the value found: nearly every one needs an escape.
 */
export function encodeEach(texts: readonly string[], quoted?: readonly boolean[]): Uint8Array[] {
  let units = 0;
  for (const text of texts) units += text.length;
  let buffer = new Uint8Array(units + (units >> 2) + 2 * texts.length + 64);
  let at = 0;
  const write = (text: string, quote: boolean): Uint8Array => {
    // Past the room left: a buffer of its own (rare: texts mostly outside ASCII).
    if (buffer.length - at < text.length + 2) {
      buffer = new Uint8Array(3 * text.length + 2 + units);
      at = 0;
    }
    const from = at;
    if (quote) buffer[at++] = QUOTE;
    const { read, written } = encoder.encodeInto(text, buffer.subarray(at));
    const end = quote && read === text.length ? escapeInPlace(buffer, at, at + written) : at + written;
    // Out of room (or, quoted, a lone surrogate): encoded on its own.
    if (read < text.length || end < 0 || (quote && end === buffer.length)) {
      at = from;
      return encoder.encode(quote ? JSON.stringify(text) : text);
    }
    at = end;
    if (quote) buffer[at++] = QUOTE;
    return buffer.subarray(from, at);
  };
  // Code, label, code, label…: most requests' are the last two encoded of their kind (see
  // lastTwo). Only short texts are looked up: two long labels of one length (an all-rejected
  // file's) compare character by character.
  const plain = lastTwo((text) => write(text, false));
  const quotedText = lastTwo((text) => write(text, true));
  return texts.map((text, i) => {
    const quote = quoted?.[i] === true;
    if (text.length > SHORT) return write(text, quote);
    return quote ? quotedText(text) : plain(text);
  });
}

/** The texts that encodeEach looks up among the last two of their kind (see there). */
const SHORT = 64;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** The two-character escapes of JSON.stringify, by control character (others are \u00XX). */
const SHORT_ESCAPES: Readonly<Record<number, number>> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };
const HEX = [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66];

/**
 * Escapes, as JSON.stringify does, the UTF-8 bytes `buffer[from … to)` of a string's value,
 * moving them right as far as the escapes need: `"` and `\` get a backslash, control characters
 * `\n`-style or `\u00XX`. Returns where the escaped bytes end, `buffer.length` when they do not fit
 * (the caller encodes the text on its own), or −1 when the bytes hold U+FFFD (EF BF BD), which is
 * what TextEncoder writes for a lone surrogate: JSON.stringify writes `\udXXX` for one.
 */
function escapeInPlace(buffer: Uint8Array, from: number, to: number): number {
  let extra = 0;
  for (let i = from; i < to; i++) {
    const c = buffer[i]!;
    if (c === QUOTE || c === BACKSLASH) extra += 1;
    else if (c < 0x20) extra += SHORT_ESCAPES[c] !== undefined ? 1 : 5;
    else if (c === 0xef && buffer[i + 1] === 0xbf && buffer[i + 2] === 0xbd) return -1;
  }
  if (extra === 0) return to;
  // Room for the escapes and the closing quote.
  if (to + extra + 1 > buffer.length) return buffer.length;
  let w = to + extra;
  for (let i = to - 1; i >= from; i--) {
    const c = buffer[i]!;
    if (c === QUOTE || c === BACKSLASH) {
      buffer[--w] = c;
      buffer[--w] = BACKSLASH;
    } else if (c < 0x20) {
      const short = SHORT_ESCAPES[c];
      if (short !== undefined) {
        buffer[--w] = short;
      } else {
        buffer[--w] = HEX[c & 0xf]!;
        buffer[--w] = HEX[c >> 4]!;
        buffer[--w] = 0x30;
        buffer[--w] = 0x30;
        buffer[--w] = 0x75;
      }
      buffer[--w] = BACKSLASH;
    } else buffer[--w] = c;
  }
  return to + extra;
}

/** The output file in one new buffer of its own (never a view of the input, so it may be transferred). */
export function outputBytes(output: OutputFile): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(output.size);
  let at = 0;
  for (const part of output.parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function editsFor(text: SourceText, treatments: readonly Treatment[]): Edit[] {
  const edits: Edit[] = [];
  // Codes are few and short: each quoted once. A label is written as a JSON string by the
  // encoder (see Edit.quote), not quoted here.
  const quoted = lastTwo((s) => JSON.stringify(s));
  for (const { request, code, label } of treatments) {
    let codeFound = false;
    let labelFound = false;
    for (const member of request.members) {
      if (member.key === 'codeTraitement') {
        codeFound = true;
        edits.push({ from: member.start, to: member.end, insert: quoted(code), quote: false });
      } else if (member.key === 'libelleTraitement') {
        labelFound = true;
        edits.push({ from: member.start, to: member.end, insert: label, quote: true });
      }
    }
    if (codeFound && labelFound) continue;
    const missing: (readonly [Tag, string])[] = [];
    if (!codeFound) missing.push(['codeTraitement', quoted(code)]);
    if (!labelFound) missing.push(['libelleTraitement', JSON.stringify(label)]);
    edits.push(insertion(text, request, missing));
  }
  return edits.sort((a, b) => a.from - b.from);
}

/**
 * `make`, remembering its answers for the last two texts it was given, found by comparison
 * rather than in a Map: the codes, and the quoted code and label of accepted requests, are the
 * same few strings again and again, while a rejected file has a quoted label of its own per
 * request, which a Map would hash only to find nothing (issue 12).
 */
function lastTwo<T>(make: (text: string) => T): (text: string) => T {
  // The most recent text and its answer, then the one before.
  let text0: string | undefined;
  let answer0: T | undefined;
  let text1: string | undefined;
  let answer1: T | undefined;
  return (text) => {
    if (text === text0) return answer0!;
    if (text !== text1) {
      text1 = text;
      answer1 = make(text);
    }
    const answer = answer1!;
    text1 = text0;
    answer1 = answer0;
    text0 = text;
    answer0 = answer;
    return answer;
  };
}

/** Members appended after the last one, separated and indented as that one is. */
function insertion(text: SourceText, object: JsonObject, members: readonly (readonly [string, string])[]): Edit {
  const last = object.members.at(-1);
  if (!last) {
    const at = object.start + 1;
    return { from: at, to: at, insert: members.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', '), quote: false };
  }
  const key = keySpan(text, last);
  let leadStart = key.start;
  while (leadStart > object.start + 1 && isSpace(text.charCodeAt(leadStart - 1))) leadStart--;
  const lead = text.slice(leadStart, key.start);
  const separator = text.slice(key.end, last.start);
  const at = last.end;
  const insert = members.map(([k, v]) => `,${lead}${JSON.stringify(k)}${separator}${v}`).join('');
  return { from: at, to: at, insert, quote: false };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

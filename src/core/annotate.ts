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
 * as its JSON string (`JSON.stringify`, RFC 8259 §7): here rather than by the caller, so that a
 * short text met again (the accepted label of every request) is quoted and encoded once.
 */
export function encodeEach(texts: readonly string[], quoted?: readonly boolean[]): Uint8Array[] {
  let units = 0;
  for (const text of texts) units += text.length;
  const buffer = new Uint8Array(units + (units >> 2) + 8 * texts.length + 64);
  let at = 0;
  const write = (text: string): Uint8Array => {
    const { read, written } = encoder.encodeInto(text, buffer.subarray(at));
    if (read < text.length) return encoder.encode(text);
    at += written;
    return buffer.subarray(at - written, at);
  };
  // Code, label, code, label…: most requests' are the last two encoded of their kind (see
  // lastTwo). Only short texts are looked up: two long labels of one length (an all-rejected
  // file's) compare character by character.
  const plain = lastTwo(write);
  const quotedText = lastTwo((text) => write(JSON.stringify(text)));
  return texts.map((text, i) => {
    const quote = quoted?.[i] === true;
    if (text.length > SHORT) return write(quote ? JSON.stringify(text) : text);
    return quote ? quotedText(text) : plain(text);
  });
}

/** The texts that encodeEach looks up among the last two of their kind (see there). */
const SHORT = 64;

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

// The syntax tree of a JSON text, with the position of every value.
// Offsets are UTF-16 indices into the decoded text (end exclusive), so that the
// raw lexeme of any value is `text.slice(start, end)` and the output writer can
// splice the original text without re-serialising anything.
// A member of an object is not an object of its own: its value node carries the
// key (`key`). Other nodes have no key (undefined). Where a key is written is not
// stored: `keySpan` finds it from the value's start, for the few keys reported.
// The parser keeps objects and arrays as nodes, and the values they hold as rows (see
// ./slots.ts): a value's node is made when `members` / `items` are read, so the same value
// may be two node objects over a check. Compare nodes by `start` (no two nodes of one tree
// start at the same offset), not by identity.

import type { SourceText } from './text';

/** The fields every node has: its span, and the key of the member it is the value of, if any. */
interface JsonNodeBase {
  readonly start: number;
  readonly end: number;
  /** The key of the member whose value this node is; undefined for an array item or the root. */
  readonly key: string | undefined;
}

export interface JsonObject extends JsonNodeBase {
  readonly type: 'object';
  readonly members: JsonMember[];
}

export interface JsonArray extends JsonNodeBase {
  readonly type: 'array';
  readonly items: JsonNode[];
}

export interface JsonString extends JsonNodeBase {
  readonly type: 'string';
  readonly value: string;
}

export interface JsonNumber extends JsonNodeBase {
  readonly type: 'number';
  readonly value: number;
}

export interface JsonBoolean extends JsonNodeBase {
  readonly type: 'boolean';
  readonly value: boolean;
}

export interface JsonNull extends JsonNodeBase {
  readonly type: 'null';
  readonly value: null;
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;
export type JsonType = JsonNode['type'];

/** A member of an object: its value node, which then has a key. */
export type JsonMember = JsonNode & { readonly key: string };

/** A key that occurs twice in one object: the later occurrence, the first one, and the object. */
export interface DuplicateKey {
  readonly object: JsonObject;
  readonly member: JsonMember;
  /** The key's first occurrence in `object`. */
  readonly first: JsonMember;
}

/**
 * Objects with more members than this are looked up in an index (the parser's, see indexMembers,
 * or one built on the first lookup); below it a scan is faster, and no index is looked for.
 */
const INDEXED_ABOVE = 16;
const memberIndexes = new WeakMap<JsonObject, ReadonlyMap<string, number>>();

/**
 * The member of `object` named `key`, that is its value node (the first one, if the key is
 * duplicated). A scan for a small
 * object; for a large one, a key → first member's position index built once, so that the rules'
 * lookups stay linear in the file whatever it holds (issue 15: one request with 80 000 tags).
 */
export function memberOf(object: JsonObject, key: string): JsonMember | undefined {
  const members = object.members;
  if (members.length <= INDEXED_ABOVE) {
    for (const m of members) if (m.key === key) return m;
    return undefined;
  }
  let index = memberIndexes.get(object);
  if (index === undefined) {
    const built = new Map<string, number>();
    for (let i = 0; i < members.length; i++) if (!built.has(members[i]!.key)) built.set(members[i]!.key, i);
    memberIndexes.set(object, (index = built));
  }
  const i = index.get(key);
  return i === undefined ? undefined : members[i];
}

/**
 * Gives memberOf the key → first member's position index of `object` when its maker has one
 * already (the parser builds it to find duplicate keys): not built a second time. `index` must
 * hold every key of `object` with the position of its first member in `object.members`, and
 * neither may change afterwards.
 */
export function indexMembers(object: JsonObject, index: ReadonlyMap<string, number>): void {
  memberIndexes.set(object, index);
}

/** Where a member's quoted key is written: UTF-16 offsets, end exclusive (`"nom"`, quotes included). */
export interface KeySpan {
  readonly start: number;
  readonly end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * Where the key of `member` is written in `text`, the text it was parsed from: found back from
 * the value's start, since only JSON whitespace and one colon stand between a key and its value
 * (RFC 8259 §2 and §4), and the key's opening quote is the first quote before its closing one
 * that no odd run of backslashes escapes (§7). O(length of the key and the space around it).
 * Not stored in the tree: two fields fewer on every node (issue 12: a 31 MB file has about
 * 960 000 nodes), and only reported keys need it.
 */
export function keySpan(text: SourceText, member: JsonMember): KeySpan {
  let i = member.start - 1;
  while (isJsonSpace(text.charCodeAt(i))) i--;
  if (text.charCodeAt(i) !== COLON) throw new Error(`keySpan: no colon before the value at ${member.start}`);
  i--;
  while (isJsonSpace(text.charCodeAt(i))) i--;
  const end = i + 1; // just after the closing quote
  for (i -= 1; i >= 0; i--) {
    if (text.charCodeAt(i) !== QUOTE) continue;
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return { start: i, end };
  }
  throw new Error(`keySpan: no opening quote before ${end}`);
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The plain JavaScript value of a node (objects and arrays converted recursively). */
export function plainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) {
        // `out.__proto__ = v` would set the prototype; JSON.parse makes an own property.
        if (m.key === '__proto__')
          Object.defineProperty(out, m.key, { value: plainValue(m), enumerable: true, writable: true, configurable: true });
        else out[m.key] = plainValue(m);
      }
      return out;
    }
    case 'array':
      return node.items.map(plainValue);
    default:
      return node.value;
  }
}

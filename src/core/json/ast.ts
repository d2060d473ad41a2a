// The syntax tree of a JSON text, with the position of every value.
// Offsets are UTF-16 indices into the decoded text (end exclusive), so that the
// raw lexeme of any value is `text.slice(start, end)` and the output writer can
// splice the original text without re-serialising anything.

export interface JsonObject {
  readonly type: 'object';
  readonly start: number;
  readonly end: number;
  readonly members: JsonMember[];
}

export interface JsonMember {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: JsonNode;
}

export interface JsonArray {
  readonly type: 'array';
  readonly start: number;
  readonly end: number;
  readonly items: JsonNode[];
}

export interface JsonString {
  readonly type: 'string';
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface JsonNumber {
  readonly type: 'number';
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

export interface JsonBoolean {
  readonly type: 'boolean';
  readonly start: number;
  readonly end: number;
  readonly value: boolean;
}

export interface JsonNull {
  readonly type: 'null';
  readonly start: number;
  readonly end: number;
  readonly value: null;
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;
export type JsonType = JsonNode['type'];

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
const memberIndexes = new WeakMap<JsonObject, ReadonlyMap<string, JsonMember>>();

/**
 * The member of `object` named `key` (the first one, if the key is duplicated). A scan for a small
 * object; for a large one, a key → first member index built once, so that the rules' lookups stay
 * linear in the file whatever it holds (issue 15: one request with 80 000 tags).
 */
export function memberOf(object: JsonObject, key: string): JsonMember | undefined {
  const members = object.members;
  if (members.length <= INDEXED_ABOVE) {
    for (const m of members) if (m.key === key) return m;
    return undefined;
  }
  let index = memberIndexes.get(object);
  if (index === undefined) {
    const built = new Map<string, JsonMember>();
    for (const m of members) if (!built.has(m.key)) built.set(m.key, m);
    memberIndexes.set(object, (index = built));
  }
  return index.get(key);
}

/**
 * Gives memberOf the key → first member index of `object` when its maker has one already (the
 * parser builds it to find duplicate keys): not built a second time. `index` must hold every key
 * of `object` with its first member, and neither may change afterwards.
 */
export function indexMembers(object: JsonObject, index: ReadonlyMap<string, JsonMember>): void {
  memberIndexes.set(object, index);
}

/** The plain JavaScript value of a node (objects and arrays converted recursively). */
export function plainValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) {
        // `out.__proto__ = v` would set the prototype; JSON.parse makes an own property.
        if (m.key === '__proto__')
          Object.defineProperty(out, m.key, { value: plainValue(m.value), enumerable: true, writable: true, configurable: true });
        else out[m.key] = plainValue(m.value);
      }
      return out;
    }
    case 'array':
      return node.items.map(plainValue);
    default:
      return node.value;
  }
}

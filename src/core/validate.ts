// The engine: walks a JSON tree along a rule set's shapes and collects findings.
// It knows nothing of any particular tag; rule sets are data (see model.ts).

import * as v from 'valibot';
import type { JsonMember, JsonNode, JsonObject } from './json/ast';
import { memberOf } from './json/ast';
import type { Fill, FieldDef, Format, ObjectShape, RequestContext, RuleFinding, Shape } from './model';
import { CODES, isCode, type Code } from '../messages/codes';
import type { Finding, FindingArgs, Path, SimulationOptions } from './types';
import { nearest } from './hint';
import type { LineIndex } from './json/position';

/** Tag path relative to a request, as people read it: `beneficiaires.liberal[0].RPPS`. */
export function tagLabel(rel: Path): string {
  let out = '';
  for (const seg of rel) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : '.' + seg;
  }
  return out;
}

const FOUND_MAX = 60;

/** The value as written in the file, shortened, for messages. */
export function foundText(text: string, node: JsonNode): string {
  if (node.type === 'object') return node.members.length === 0 ? '{}' : 'un objet';
  if (node.type === 'array') return node.items.length === 0 ? '[]' : `un tableau de ${node.items.length} élément(s)`;
  const raw = text.slice(node.start, node.end);
  if (raw.length <= FOUND_MAX) return raw;
  // Never cut a surrogate pair in half: the message would show a broken character.
  let cut = FOUND_MAX - 1;
  const last = raw.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return raw.slice(0, cut) + '…';
}

/** Per-shape index of tags (and their aliases), built once. */
interface FieldEntry {
  readonly def: FieldDef;
  readonly aliasCode?: Code;
}
const fieldIndexes = new WeakMap<ObjectShape, Map<string, FieldEntry>>();
function fieldIndex(shape: ObjectShape): Map<string, FieldEntry> {
  let index = fieldIndexes.get(shape);
  if (!index) {
    index = new Map();
    for (const def of shape.fields) {
      index.set(def.tag, { def });
      for (const alias of def.aliases ?? []) index.set(alias.tag, { def, aliasCode: alias.code });
    }
    fieldIndexes.set(shape, index);
  }
  return index;
}

export function makeContext(index: number, node: JsonObject, options: SimulationOptions): RequestContext {
  const at = (...path: (string | number)[]): JsonNode | undefined => {
    let cur: JsonNode | undefined = node;
    for (const seg of path) {
      if (!cur) return undefined;
      if (typeof seg === 'number') cur = cur.type === 'array' ? cur.items[seg] : undefined;
      else cur = cur.type === 'object' ? memberOf(cur, seg)?.value : undefined;
    }
    return cur;
  };
  return {
    index,
    node,
    options,
    at,
    value(...path) {
      const n = at(...path);
      if (!n || n.type === 'object' || n.type === 'array') return undefined;
      return n.value;
    },
  };
}

/**
 * Collects the findings of one object (a request, or the file header) and its descendants.
 * `base` is the path of the object from the root; rule paths are relative to it.
 */
export class Walker {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    /** Path of the request (or `[]` for the header) from the root. */
    private readonly base: Path,
    private readonly ctx: RequestContext,
    private readonly duplicated: ReadonlySet<JsonMember>,
    /** Duplicated members met during the walk, so that the caller can place the others. */
    private readonly reportedDuplicates: Set<JsonMember>,
    readonly findings: Finding[] = [],
    /** Path from the request to `ctx.node` when the walk starts below the request. */
    private readonly prefix: Path = [],
  ) {}

  /** A walker for a block below the request, rooted at `holder` (see AnywhereBlock). */
  below(holder: JsonObject, rel: Path): Walker {
    const ctx = makeContext(this.ctx.index, holder, this.ctx.options);
    return new Walker(this.text, this.lines, this.base, ctx, this.duplicated, this.reportedDuplicates, this.findings, [...this.prefix, ...rel]);
  }

  push(code: Code, rel: Path, offset: number, args: FindingArgs = {}): void {
    const full = this.prefix.length === 0 ? rel : [...this.prefix, ...rel];
    const tag = args.tag === undefined || this.prefix.length === 0 ? args : { ...args, tag: tagLabel(full) };
    this.findings.push({ code, severity: CODES[code], path: [...this.base, ...full], offset, args: tag });
  }

  /** Adds what a rule reports. */
  report(found: RuleFinding): void {
    this.push(found.code, found.path, found.node.start, { tag: tagLabel(found.path), ...found.args });
  }

  object(node: JsonObject, shape: ObjectShape, rel: Path): void {
    if (shape.deferred) return;
    const index = fieldIndex(shape);
    const present = new Set<string>();
    const unknown: JsonMember[] = [];
    for (const member of node.members) {
      if (this.duplicated.has(member)) {
        this.duplicate(node, member, rel);
        continue;
      }
      const entry = index.get(member.key);
      if (!entry || (entry.aliasCode && memberOf(node, entry.def.tag))) {
        if (!shape.open) unknown.push(member);
        continue;
      }
      const path = [...rel, member.key];
      if (entry.aliasCode) {
        this.push(entry.aliasCode, path, member.keyStart, { tag: tagLabel(path), other: entry.def.tag });
      }
      present.add(entry.def.tag);
      this.field(member.value, entry.def, path);
    }
    const missing = shape.fields.filter((def) => !present.has(def.tag) && def.presence !== 'optional');
    for (const member of unknown) {
      const candidates = missing.length > 0 ? missing.map((d) => d.tag) : shape.fields.map((d) => d.tag);
      const path = [...rel, member.key];
      this.push('E002', path, member.keyStart, { tag: tagLabel(path), hint: nearest(member.key, candidates) });
    }
    for (const def of missing) {
      const hint = nearest(def.tag, unknown.map((m) => m.key));
      this.push('E001', [...rel, def.tag], node.start, { tag: tagLabel([...rel, def.tag]), hint });
    }
  }

  private duplicate(object: JsonObject, member: JsonMember, rel: Path): void {
    // A block checked where it stands (AnywhereBlock) may walk an object twice: report once.
    if (this.reportedDuplicates.has(member)) return;
    this.reportedDuplicates.add(member);
    const first = memberOf(object, member.key)!;
    const path = [...rel, member.key];
    this.push('E003', path, member.keyStart, { tag: tagLabel(path), where: String(this.lines.position(first.keyStart).line) });
  }

  private field(node: JsonNode, def: FieldDef, rel: Path): void {
    const fill: Fill = def.fill.fill(this.ctx);
    if (fill === 'unchecked') return;
    const tag = tagLabel(rel);
    // A blank string is no more "filled" than null is.
    const blank = node.type === 'string' && fill === 'filled' && def.shape.kind === 'value' && node.value.trim() === '';
    if (node.type === 'null' || blank) {
      if (fill === 'filled' || fill === 'empty') {
        this.push('E006', rel, node.start, { tag, expected: def.fill.doc, found: blank ? foundText(this.text, node) : 'null' });
      }
      return;
    }
    if (fill === 'null') {
      this.push('E005', rel, node.start, { tag, expected: def.fill.doc, found: foundText(this.text, node) });
      return;
    }
    if (fill === 'empty' || fill === 'empty-or-null') {
      this.empty(node, def, rel);
      return;
    }
    this.shape(node, def.shape, rel, fill);
  }

  /** A tag that must be `[]`, `{}`, or an object of null / empty tags. */
  private empty(node: JsonNode, def: FieldDef, rel: Path): void {
    const tag = tagLabel(rel);
    const shape = def.shape;
    if (shape.kind === 'value') {
      this.push('E005', rel, node.start, { tag, expected: def.fill.doc, found: foundText(this.text, node) });
      return;
    }
    if (node.type !== shape.kind) {
      this.push('E004', rel, node.start, { tag, expected: shape.kind === 'array' ? 'un tableau vide []' : 'un objet vide {}', found: foundText(this.text, node) });
      return;
    }
    if (node.type === 'array') {
      if (node.items.length > 0) this.push('E017', rel, node.start, { tag, expected: def.fill.doc, found: foundText(this.text, node) });
      return;
    }
    if (node.type !== 'object' || shape.kind !== 'object') return;
    const index = fieldIndex(shape);
    for (const member of node.members) {
      const path = [...rel, member.key];
      if (this.duplicated.has(member)) {
        this.duplicate(node, member, rel);
        continue;
      }
      if (!index.has(member.key) && !shape.open) {
        this.push('E002', path, member.keyStart, { tag: tagLabel(path), hint: nearest(member.key, shape.fields.map((d) => d.tag)) });
        continue;
      }
      const value = member.value;
      const isEmpty = value.type === 'null' || ((value.type === 'array' || value.type === 'object') && (value.type === 'array' ? value.items.length === 0 : value.members.length === 0));
      if (!isEmpty) this.push('E017', path, value.start, { tag: tagLabel(path), expected: def.fill.doc, found: foundText(this.text, value) });
    }
  }

  /** Checks a non-null value against its shape; an array's minimum applies when it must be filled. */
  shape(node: JsonNode, shape: Shape, rel: Path, fill: Fill = 'filled'): void {
    const tag = tagLabel(rel);
    switch (shape.kind) {
      case 'value':
        this.leaf(node, shape.format, rel);
        return;
      case 'object':
        if (node.type !== 'object') {
          this.push('E004', rel, node.start, { tag, expected: 'un objet { … }', found: foundText(this.text, node) });
          return;
        }
        this.object(node, shape, rel);
        return;
      case 'array': {
        if (node.type !== 'array') {
          this.push('E004', rel, node.start, { tag, expected: 'un tableau [ … ]', found: foundText(this.text, node) });
          return;
        }
        const n = node.items.length;
        if (shape.min !== undefined && n < shape.min && fill === 'filled') this.push('E016', rel, node.start, { tag, count: shape.min, found: foundText(this.text, node) });
        if (shape.max !== undefined && n > shape.max) this.push('E018', rel, node.start, { tag, count: shape.max, found: String(n) });
        for (let i = 0; i < n; i++) this.shape(node.items[i]!, shape.items, [...rel, i]);
      }
    }
  }

  private leaf(node: JsonNode, format: Format, rel: Path): void {
    const tag = tagLabel(rel);
    if (node.type !== format.type) {
      this.push('E004', rel, node.start, { tag, expected: format.expected, found: foundText(this.text, node) });
      return;
    }
    this.issues(v.safeParse(format.schema, node.value).issues, node, format, rel);
    if (format.raw && node.type === 'number') {
      this.issues(v.safeParse(format.raw, this.text.slice(node.start, node.end)).issues, node, format, rel);
    }
  }

  /** The one place where Valibot issues become findings: each action's message is our code. */
  private issues(issues: readonly v.BaseIssue<unknown>[] | undefined, node: JsonNode, format: Format, rel: Path): void {
    if (!issues) return;
    for (const issue of issues) {
      const code = isCode(issue.message) ? issue.message : 'E004';
      const count = typeof issue.requirement === 'number' ? issue.requirement : undefined;
      this.push(code, rel, node.start, { tag: tagLabel(rel), expected: format.expected, found: foundText(this.text, node), count });
    }
  }
}

/** Every object below `node` (itself included) that holds the tag `tag`, with its path. */
export function holders(node: JsonNode, tag: string, rel: Path = []): { object: JsonObject; rel: Path }[] {
  const found: { object: JsonObject; rel: Path }[] = [];
  if (node.type === 'object') {
    if (memberOf(node, tag)) found.push({ object: node, rel });
    for (const m of node.members) if (m.value.type === 'object' || m.value.type === 'array') found.push(...holders(m.value, tag, [...rel, m.key]));
  } else if (node.type === 'array') {
    node.items.forEach((item, i) => {
      if (item.type === 'object' || item.type === 'array') found.push(...holders(item, tag, [...rel, i]));
    });
  }
  return found;
}

// A JSON Schema (draft 2020-12) per rule set, derived from the same definitions as the checker,
// the documentation and the example file: a vendor's editor (VS Code `json.schemas`,
// JetBrains) completes tag names and flags faults while they type.
//
// The one law: the schema never rejects a file the checker accepts (a false rejection is the
// worst fault). So it says only what the definitions say for sure, and is looser elsewhere:
//  - warnings (A… codes) are not constraints; a Valibot `check` (a function) is not either,
//    unless the format gives a JSON equivalent no stricter than it (Format.json);
//  - what the schema cannot see is left to the checker: numbers as written (`1075.00`),
//    duplicate keys, rules across requests, attachments, the form's choices (VAT, profiles);
//  - a fill that depends on the request (`when(…)`) is probed (see probeFills): the tag accepts
//    every fill the rule can answer, and each answer read from enum / boolean tags becomes an
//    `if` / `then` (LIBERAL → `liberal` filled, `structure` empty…).
// tests/schema.test.ts holds the schema and the checker to the same verdict on every fixture.

import { CODES, isCode } from '../messages/codes';
import type { JsonNode, JsonObject } from './json/ast';
import type { FieldDef, Fill, FillRule, Format, ObjectShape, RequestContext, RuleSet, Shape } from './model';

/** A JSON Schema: an object of keywords, or `true` (anything). */
export type JsonSchema = { [keyword: string]: unknown } | true;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const NULL: JsonSchema = { type: 'null' };
const EMPTY_MEMBER: JsonSchema = { anyOf: [NULL, { type: 'array', maxItems: 0 }, { type: 'object', maxProperties: 0 }] };

/**
 * The JSON Schema of a rule set's files: the file header at the root, one request in
 * `$defs.demande`, blocks checked wherever they stand in `$defs` too. Pure and deterministic
 * (same rule set, same text once serialised). Descriptions in French, from the definitions.
 */
export function jsonSchemaOf(ruleSet: RuleSet): { [keyword: string]: unknown } {
  const defs: Record<string, JsonSchema> = {};
  const requestScope: Scope = { root: ruleSet.request, conditions: [] };
  const request = objectSchema(ruleSet.request, requestScope, []);
  const anywhere: JsonSchema[] = [];
  for (const block of ruleSet.anywhere ?? []) {
    const scope: Scope = { root: block.shape, conditions: [] };
    const name = `bloc_${block.holds}`;
    defs[name] = withConditions({ ...objectSchema(block.shape, scope, []), description: `Bloc contrôlé dans ${block.label}.` }, scope);
    // Every object of the request that holds the tag, at any depth (the request itself included).
    defs[`partout_${block.holds}`] = {
      if: { type: 'object', required: [block.holds] },
      then: { $ref: `#/$defs/${name}` },
      additionalProperties: { $ref: `#/$defs/partout_${block.holds}` },
      items: { $ref: `#/$defs/partout_${block.holds}` },
    };
    anywhere.push({ $ref: `#/$defs/partout_${block.holds}` });
  }
  const requestSchema = withConditions(request, requestScope);
  defs.demande = anywhere.length > 0 ? { ...requestSchema, allOf: [...asArray(requestSchema.allOf), ...anywhere] } : requestSchema;

  const headerScope: Scope = { root: ruleSet.header, conditions: [] };
  const header = withConditions(objectSchema(ruleSet.header, headerScope, [], true), headerScope);
  const reconstructed = ruleSet.reconstructed ? ` Jeu de règles reconstitué : ${ruleSet.reconstructed}` : '';
  return {
    $schema: DRAFT,
    title: `Simulateur JSON Ségur numérique — ${ruleSet.title}`,
    description:
      `Fichier JSON de demandes (${ruleSet.type}, ${ruleSet.dsr}) à déposer sur le portail de l’ASP : balises, formats, ` +
      `valeurs permises et balises obligatoires selon la demande. Les règles entre balises d’autres demandes ou du ` +
      `formulaire (unicité, taux de TVA, profils, pièces jointes, nombres écrits avec deux décimales) restent au simulateur.` +
      reconstructed,
    ...header,
    $defs: defs,
  };
}

// ---------------------------------------------------------------------------------------------
// Shapes → schemas.

/** Where the `if` / `then` of request-dependent fills go: the request, or a block's holder. */
interface Scope {
  /** The object the fills' context is rooted at (their `ctx.value(…)` paths start there). */
  readonly root: ObjectShape;
  readonly conditions: JsonSchema[];
}

/** A path below the scope's root: tags, and `*` for the items of an array. */
type SchemaPath = readonly (string | typeof ITEMS)[];
const ITEMS = Symbol('items');

function objectSchema(shape: ObjectShape, scope: Scope, path: SchemaPath, isHeader = false): { [keyword: string]: unknown } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const eitherOf: JsonSchema[] = [];
  for (const def of shape.fields) {
    const schema = fieldSchema(def, scope, [...path, def.tag], isHeader);
    properties[def.tag] = schema;
    for (const alias of def.aliases ?? [])
      properties[alias.tag] = {
        ...(schema === true ? {} : schema),
        description: `Autre orthographe acceptée (avec un avertissement) de ${def.tag}.`,
      };
    // Both spellings in one object: the alias is then an unknown tag (E002).
    if (!shape.open) for (const alias of def.aliases ?? []) eitherOf.push({ not: { required: [def.tag, alias.tag] } });
    if (def.presence === 'optional') continue;
    if (def.aliases?.length) eitherOf.push({ anyOf: [def.tag, ...def.aliases.map((a) => a.tag)].map((t) => ({ required: [t] })) });
    else required.push(def.tag);
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    ...(shape.open ? {} : { additionalProperties: false }),
    ...(eitherOf.length ? { allOf: eitherOf } : {}),
  };
}

/** The schema of a value of `shape` that must be filled (`filled`: a blank string is not). */
function shapeSchema(shape: Shape, scope: Scope, path: SchemaPath, fill: 'filled' | 'nullable', isHeader = false): JsonSchema {
  switch (shape.kind) {
    case 'value':
      return valueSchema(shape.format, fill === 'filled');
    case 'object':
      // The header's `lignesImport` holds requests, checked one by one: `$defs.demande`.
      if (shape.deferred) return isHeader ? { $ref: '#/$defs/demande' } : { type: 'object' };
      return objectSchema(shape, scope, path);
    case 'array': {
      // Items are checked as filled values; the minimum applies when the array must be filled.
      const items =
        shape.items.kind === 'value'
          ? valueSchema(shape.items.format, false)
          : shapeSchema(shape.items, scope, [...path, ITEMS], 'filled', isHeader);
      return {
        type: 'array',
        items,
        ...(fill === 'filled' && shape.min !== undefined ? { minItems: shape.min } : {}),
        ...(shape.max !== undefined ? { maxItems: shape.max } : {}),
      };
    }
  }
}

/** What the Valibot pipe of a format says (error codes only), plus its `json` hint. */
function valueSchema(format: Format, filled: boolean): JsonSchema {
  const out: Record<string, unknown> = { type: format.json?.integer ? 'integer' : format.type };
  if (format.json?.enum) out.enum = [...format.json.enum];
  const patterns: string[] = format.json?.pattern ? [format.json.pattern] : [];
  const pipe = (format.schema as { pipe?: readonly { type: string; requirement?: unknown; message?: unknown }[] }).pipe ?? [];
  for (const action of pipe) {
    const code = action.message;
    // A warning is not a rejection: only actions that carry an error code constrain.
    if (typeof code !== 'string' || !isCode(code) || CODES[code] !== 'error') continue;
    const r = action.requirement;
    switch (action.type) {
      case 'length':
        out.minLength = r;
        out.maxLength = r;
        break;
      case 'min_length':
        out.minLength = r;
        break;
      case 'max_length':
        out.maxLength = r;
        break;
      case 'min_value':
        out.minimum = r;
        break;
      case 'max_value':
        out.maximum = r;
        break;
      case 'gt_value':
        out.exclusiveMinimum = r;
        break;
      case 'regex':
        if (r instanceof RegExp && /^u?$/.test(r.flags)) patterns.push(r.source);
        break;
    }
  }
  // A blank string is no more filled than null (the checker's E006): at least one character.
  if (filled && format.type === 'string' && out.minLength === undefined) out.minLength = 1;
  if (patterns.length === 1) out.pattern = patterns[0];
  else if (patterns.length > 1) out.allOf = patterns.map((pattern) => ({ pattern }));
  return out;
}

/** The schema a tag's value must meet under one fill (see Fill in model.ts). */
function fillSchema(def: FieldDef, fill: Fill, scope: Scope, path: SchemaPath, isHeader: boolean): JsonSchema {
  switch (fill) {
    case 'filled':
      return shapeSchema(def.shape, scope, path, 'filled', isHeader);
    case 'nullable':
      return { anyOf: [NULL, shapeSchema(def.shape, scope, path, 'nullable', isHeader)] };
    case 'null':
      return NULL;
    case 'empty':
      return emptySchema(def.shape);
    case 'empty-or-null':
      return { anyOf: [NULL, emptySchema(def.shape)] };
    case 'unchecked':
      return true;
  }
}

/** `[]`, `{}`, or an object whose known tags are null / `[]` / `{}`. */
function emptySchema(shape: Shape): JsonSchema {
  if (shape.kind === 'array') return { type: 'array', maxItems: 0 };
  if (shape.kind === 'value') return { not: true };
  const properties: Record<string, JsonSchema> = {};
  for (const def of shape.fields) for (const tag of [def.tag, ...(def.aliases ?? []).map((a) => a.tag)]) properties[tag] = EMPTY_MEMBER;
  return { type: 'object', properties, ...(shape.open ? {} : { additionalProperties: false }) };
}

function fieldSchema(def: FieldDef, scope: Scope, path: SchemaPath, isHeader: boolean): JsonSchema {
  const description = `${def.description} — ${def.fill.doc}${def.presence === 'optional' ? ' ; balise facultative' : ''}.`;
  const constant = def.fill.constant;
  if (constant !== undefined) return describe(fillSchema(def, constant, scope, path, isHeader), description);
  const probe = probeFills(scope.root, [...ancestorsFills(scope.root, path), def.fill]);
  if (!probe) return describe(true, description);
  const fills = widest(new Set(probe.map((row) => row.fills.at(-1)!)));
  const union = alternatives([...fills].map((fill) => fillSchema(def, fill, scope, path, isHeader)));
  // Each answer read from enum / boolean tags, where every block above the tag is walked
  // (filled or nullable there), becomes an if / then.
  for (const row of probe) {
    const fill = row.fills.at(-1)!;
    // Nothing to add when the answer is the only fill the union keeps.
    if ((fills.size === 1 && fills.has(fill)) || fill === 'unchecked' || !row.concrete) continue;
    // Blocks above that the walk enters: filled or nullable (their value is then checked).
    if (!row.fills.slice(0, -1).every((f) => f === 'filled' || f === 'nullable')) continue;
    scope.conditions.push({ if: conditionOn(row.values), then: nested(path, fillSchema(def, fill, scope, path, isHeader)) });
  }
  return describe(union, description);
}

/** The fills whose values no other fill of the set already accepts (`filled` within `nullable`…). */
function widest(fills: ReadonlySet<Fill>): ReadonlySet<Fill> {
  const within: Partial<Record<Fill, readonly Fill[]>> = {
    filled: ['nullable'],
    null: ['nullable', 'empty-or-null'],
    empty: ['empty-or-null'],
  };
  return new Set([...fills].filter((fill) => !(within[fill] ?? []).some((wider) => fills.has(wider))));
}

function describe(schema: JsonSchema, description: string): JsonSchema {
  return schema === true ? { description } : { description, ...schema };
}

function alternatives(schemas: JsonSchema[]): JsonSchema {
  if (schemas.some((s) => s === true)) return true;
  // Nested alternatives flattened (`nullable` is itself null or a value).
  const flat = schemas.flatMap((s) =>
    s !== true && Object.keys(s).length === 1 && Array.isArray(s.anyOf) ? (s.anyOf as JsonSchema[]) : [s],
  );
  const unique = [...new Map(flat.map((s) => [JSON.stringify(s), s])).values()];
  return unique.length === 1 ? unique[0]! : { anyOf: unique };
}

function withConditions(schema: { [keyword: string]: unknown }, scope: Scope): { [keyword: string]: unknown } {
  if (scope.conditions.length === 0) return schema;
  // Same condition and target twice (one row per probed value of an unread tag): keep one.
  const unique = [...new Map(scope.conditions.map((c) => [JSON.stringify(c), c])).values()];
  return { ...schema, allOf: [...asArray(schema.allOf), ...unique] };
}

const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** `then` for the tag at `path`: the schema nested in `properties` / `items` down to it. */
function nested(path: SchemaPath, leaf: JsonSchema): JsonSchema {
  let out = leaf;
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i]!;
    out = seg === ITEMS ? { items: out } : { properties: { [seg]: out } };
  }
  return out;
}

/** `if`: each probed path holds its value (objects all the way down, the tags present). */
function conditionOn(values: ReadonlyMap<string, ProbeValue | typeof ABSENT>): JsonSchema {
  const all: JsonSchema[] = [];
  for (const [key, value] of values) {
    const path = JSON.parse(key) as string[];
    const last = path.at(-1)!;
    // Absent: the objects above are there, the tag is not.
    let out: JsonSchema =
      value === ABSENT
        ? { type: 'object', not: { required: [last] } }
        : { type: 'object', required: [last], properties: { [last]: { const: value } } };
    for (let i = path.length - 2; i >= 0; i--) out = { type: 'object', required: [path[i]!], properties: { [path[i]!]: out } };
    all.push(out);
  }
  return all.length === 1 ? all[0]! : { allOf: all };
}

/** The fill rules of the tags above `path` in the scope (the blocks the walk goes through). */
function ancestorsFills(root: ObjectShape, path: SchemaPath): FillRule[] {
  const out: FillRule[] = [];
  let shape: Shape = root;
  for (const seg of path.slice(0, -1)) {
    if (seg === ITEMS) {
      if (shape.kind !== 'array') return out;
      shape = shape.items;
      continue;
    }
    if (shape.kind !== 'object') return out;
    const def: FieldDef | undefined = shape.fields.find((d) => d.tag === seg);
    if (!def) return out;
    out.push(def.fill);
    shape = def.shape;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Probing request-dependent fills: run them on made-up requests.

type ProbeValue = string | number | boolean | null;
/** A tag absent, or present with a type no tag read has (an object: never a condition). */
const ABSENT = Symbol('absent');
const OBJECT = Symbol('object');
type Candidate = ProbeValue | typeof ABSENT | typeof OBJECT;

interface ProbeRow {
  /** The answer of each fill rule, in the order given. */
  readonly fills: readonly Fill[];
  /** The value of each path read (JSON of the path → value), when `concrete`. */
  readonly values: ReadonlyMap<string, ProbeValue | typeof ABSENT>;
  /** Every value read is one a condition can name: an enum value, a boolean, or absent. */
  readonly concrete: boolean;
}

const MAX_PATHS = 6;

/**
 * Runs `rules` on every combination of values of the tags they read (found by recording
 * `ctx.value` / `ctx.at` calls, until no new path appears): enum values and booleans of the
 * tags' formats (concrete, so they can name an `if`), and absent, null, a stray string, a
 * number, an object (so that every branch of the rule is met). `undefined` when a rule reads
 * what a probe cannot vary (the form's options, the request node itself), throws, or reads
 * more than MAX_PATHS tags: the caller then accepts anything.
 */
function probeFills(root: ObjectShape, rules: readonly FillRule[]): ProbeRow[] | undefined {
  // The same tag's fills are asked for again for each variant of its block (filled, nullable,
  // each `then`): probe once per root and list of rules.
  let byRules = PROBES.get(root);
  if (!byRules) PROBES.set(root, (byRules = new Map()));
  const key = rules.map(ruleId).join(' ');
  if (!byRules.has(key)) byRules.set(key, probeOnce(root, rules));
  return byRules.get(key);
}

const PROBES = new WeakMap<ObjectShape, Map<string, ProbeRow[] | undefined>>();
const RULE_IDS = new WeakMap<FillRule, number>();
let nextRuleId = 0;
function ruleId(rule: FillRule): number {
  let id = RULE_IDS.get(rule);
  if (id === undefined) RULE_IDS.set(rule, (id = nextRuleId++));
  return id;
}

function probeOnce(root: ObjectShape, rules: readonly FillRule[]): ProbeRow[] | undefined {
  const paths = new Map<string, readonly (string | number)[]>();
  const candidates = new Map<string, readonly { value: Candidate; concrete: boolean }[]>();
  const NONE = new Map<string, ProbeValue | typeof ABSENT>();
  for (let round = 0; round < MAX_PATHS + 1; round++) {
    const keys = [...paths.keys()];
    const lists = keys.map((k) => candidates.get(k)!);
    const slot = new Map(keys.map((k, i) => [k, i]));
    const rows: ProbeRow[] = [];
    let grew = false;
    let opaque = false;
    // An odometer over the candidates of each path (no array per combination).
    const digits = keys.map(() => 0);
    const read = (path: readonly (string | number)[]): Candidate => {
      const key = JSON.stringify(path);
      const i = slot.get(key);
      if (i !== undefined) return lists[i]![digits[i]!]!.value;
      if (!paths.has(key)) {
        paths.set(key, path);
        candidates.set(
          key,
          candidatesFor(root, path).map((value) => ({ value, concrete: isConcrete(root, path, value) })),
        );
        grew = true;
      }
      return ABSENT;
    };
    const ctx = probeContext(read, () => (opaque = true));
    for (;;) {
      let fills: Fill[];
      try {
        fills = rules.map((rule) => rule.fill(ctx));
      } catch {
        return undefined;
      }
      if (opaque) return undefined;
      const concrete = lists.every((list, i) => list[digits[i]!]!.concrete);
      const values = concrete ? new Map(keys.map((k, i) => [k, lists[i]![digits[i]!]!.value as ProbeValue | typeof ABSENT])) : NONE;
      rows.push({ fills, values, concrete });
      let i = 0;
      while (i < digits.length && ++digits[i]! === lists[i]!.length) digits[i++] = 0;
      if (i === digits.length) break;
    }
    if (!grew) return rows;
    if (paths.size > MAX_PATHS) return undefined;
  }
  return undefined;
}

/** A context whose reads come from `read`; anything else it offers marks the probe opaque. */
function probeContext(read: (path: readonly (string | number)[]) => Candidate, opaque: () => void): RequestContext {
  const node = (c: Candidate): JsonNode | undefined => {
    if (c === ABSENT) return undefined;
    const at = { start: 0, end: 0, key: undefined };
    if (c === OBJECT) return { type: 'object', members: [], ...at };
    if (c === null) return { type: 'null', value: null, ...at };
    if (typeof c === 'string') return { type: 'string', value: c, ...at };
    if (typeof c === 'number') return { type: 'number', value: c, ...at };
    return { type: 'boolean', value: c, ...at };
  };
  return {
    index: 0,
    get node(): JsonObject {
      opaque();
      return { type: 'object', members: [], start: 0, end: 0, key: undefined };
    },
    get options() {
      opaque();
      return { type: 'avance', dsr: 'MDV-LGC' } as RequestContext['options'];
    },
    at: (...path) => node(read(path)),
    value: (...path) => {
      const c = read(path);
      return c === ABSENT ? undefined : c === OBJECT ? undefined : c;
    },
    memo: (_key, compute) => compute(),
  };
}

/** The definition of the tag at `path` below `root`, if the path follows the shapes. */
function defAt(root: ObjectShape, path: readonly (string | number)[]): FieldDef | undefined {
  let shape: Shape = root;
  let def: FieldDef | undefined;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (shape.kind !== 'array') return undefined;
      shape = shape.items;
      def = undefined;
      continue;
    }
    if (shape.kind !== 'object') return undefined;
    def = shape.fields.find((d: FieldDef) => d.tag === seg);
    if (!def) return undefined;
    shape = def.shape;
  }
  return def;
}

function namedValues(root: ObjectShape, path: readonly (string | number)[]): readonly ProbeValue[] {
  if (path.some((seg) => typeof seg === 'number')) return [];
  const def = defAt(root, path);
  if (!def || def.shape.kind !== 'value') return [];
  const format = def.shape.format;
  if (format.json?.enum) return format.json.enum;
  if (format.type === 'boolean') return [true, false];
  return [];
}

function candidatesFor(root: ObjectShape, path: readonly (string | number)[]): readonly Candidate[] {
  const def = defAt(root, path);
  const example = def && (typeof def.example === 'string' || typeof def.example === 'number') ? [def.example] : [];
  // One value of each other kind: a rule reading a tag tells these apart by type, not by value.
  return [...namedValues(root, path), ...example, ABSENT, null, '\u0000', 0, OBJECT];
}

function isConcrete(root: ObjectShape, path: readonly (string | number)[], value: Candidate): boolean {
  if (value === OBJECT) return false;
  // Absent is nameable for a tag of the tags' definitions (a condition reads `not required`).
  if (value === ABSENT) return path.every((seg) => typeof seg === 'string') && defAt(root, path) !== undefined;
  return namedValues(root, path).includes(value);
}

// ---------------------------------------------------------------------------------------------
// What the documentation and the CLI say around the schema.

/** The schema's file name: `segur-avance-MDV-LGC.schema.json`. */
export function schemaFileName(ruleSet: Pick<RuleSet, 'type' | 'dsr'>): string {
  return `segur-${ruleSet.type}-${ruleSet.dsr}.schema.json`;
}

/**
 * The two lines of editor settings that tie the portal's files (`JSON-*.json`) to the schema
 * saved beside them: VS Code's `settings.json`, then JetBrains' JSON Schema Mappings. (Not a
 * `"$schema"` tag in the file itself: the portal would refuse it as an unknown tag.)
 */
export function editorSettings(ruleSet: Pick<RuleSet, 'type' | 'dsr'>): readonly [string, string] {
  const file = schemaFileName(ruleSet);
  return [
    `"json.schemas": [{ "fileMatch": ["JSON-*.json"], "url": "./${file}" }]`,
    `JetBrains\u00a0: Settings › Languages & Frameworks › Schemas and DTDs › JSON Schema Mappings › ${file}, motif JSON-*.json`,
  ];
}

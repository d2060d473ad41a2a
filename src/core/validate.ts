// The engine: walks a JSON tree along a rule set's shapes and collects findings.
// It knows nothing of any particular tag; rule sets are data (see model.ts).

import * as v from 'valibot';
import type { JsonMember, JsonNode, JsonObject } from './json/ast';
import { keySpan, memberOf } from './json/ast';
import { shapesOf } from './model';
import type {
  Alias,
  Fill,
  FieldDef,
  FillRule,
  Format,
  ObjectShape,
  RequestContext,
  RuleFinding,
  RuleSet,
  Shape,
  ValueShape,
} from './model';
import { CODES, isCode, type Code } from '../messages/codes';
import type { Finding, FindingArgs, Fix, Path, SimulationOptions } from './types';
import { nearest } from './hint';
import { adviseDate, adviseDecimals, adviseKind, adviseLength, type Advice } from './advice';
import { invisibleNames } from './invisible';
import { append } from './append';
import type { LineIndex } from './json/position';
import type { SourceText } from './json/text';

/** Every tag a rule set knows (header, request, blocks, aliases): what the parser may meet. */
const TAGS = new WeakMap<RuleSet, readonly string[]>();
export function knownTags(ruleSet: RuleSet): readonly string[] {
  let tags = TAGS.get(ruleSet);
  if (tags === undefined) {
    const found = new Set<string>();
    for (const shape of shapesOf(ruleSet)) {
      if (shape.kind !== 'object') continue;
      for (const def of shape.fields) {
        found.add(def.tag);
        for (const alias of def.aliases ?? []) found.add(alias.tag);
      }
    }
    // Frozen: the parser keeps its table of known keys for this very list (parse.ts).
    tags = Object.freeze([...found]);
    TAGS.set(ruleSet, tags);
  }
  return tags;
}

/**
 * Tag path relative to a request, as people read it: `beneficiaires.liberal.1.RPPS` for the first
 * doctor. Lists are numbered from 1 in words (issue 10; the spreadsheet template's column names
 * are the same), while JSON Pointers (`/beneficiaires/liberal/0/RPPS`) stay 0-based.
 */
export function tagLabel(rel: Path): string {
  let out = '';
  for (const seg of rel) {
    if (typeof seg === 'number') out += out === '' ? String(seg + 1) : `.${seg + 1}`;
    else out += out === '' ? seg : '.' + seg;
  }
  return out;
}

const FOUND_MAX = 60;

/** Empty or white space only (checked without allocating for the usual non-blank value). */
function isBlank(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  return (c <= 0x20 || c === 0xa0 || c >= 0x2000) && s.trim() === '';
}

/** The value as written in the file, shortened, for messages. */
export function foundText(text: SourceText, node: JsonNode): string {
  if (node.type === 'object') return node.members.length === 0 ? '{}' : 'un objet';
  if (node.type === 'array')
    return node.items.length === 0 ? '[]' : `un tableau de ${node.items.length} élément${node.items.length > 1 ? 's' : ''}`;
  const raw = text.slice(node.start, node.end);
  if (raw.length <= FOUND_MAX) return raw;
  // Never cut a surrogate pair in half: the message would show a broken character.
  let cut = FOUND_MAX - 1;
  const last = raw.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return raw.slice(0, cut) + '…';
}

/**
 * What a message says of a value found: its text as written (`found`), its JSON kind, and the
 * invisible or suspicious characters it holds, named.
 */
export function foundArgs(text: SourceText, node: JsonNode): Pick<FindingArgs, 'found' | 'kind' | 'invisible'> {
  const found = foundText(text, node);
  if (node.type !== 'string') return { found, kind: node.type };
  const invisible = invisibleNames(node.value);
  return invisible === undefined ? { found, kind: 'string' } : { found, kind: 'string', invisible };
}

/**
 * Per-shape index of tags (and their aliases), built once: the tag's position in `fields`.
 * Entries all have one object shape and copy what the walk reads of the definition, whose
 * objects come in many shapes (optional properties): reads stay monomorphic on the hot path.
 */
interface FieldEntry {
  readonly tag: string;
  readonly def: FieldDef;
  readonly fill: FillRule;
  readonly shape: Shape;
  readonly position: number;
  /** Set when the tag met is an alias of the definition's tag. */
  readonly alias: boolean;
  /** The note reported where the alias is met, if any. */
  readonly aliasCode: Code | undefined;
  /** The definition's aliases (read here, not on `def`, whose objects come in many shapes). */
  readonly aliases: readonly Alias[] | undefined;
  /** What checks the tag's value when it is a value (not an object or an array): see leafCheck. */
  readonly leaf: LeafCheck | undefined;
}
function fieldEntry(def: FieldDef, position: number, alias?: Alias): FieldEntry {
  return {
    tag: def.tag,
    def,
    fill: def.fill,
    shape: def.shape,
    position,
    alias: alias !== undefined,
    aliasCode: alias?.code,
    aliases: def.aliases,
    leaf: def.shape.kind === 'value' ? leafCheck(def.shape) : undefined,
  };
}
interface FieldIndex {
  readonly byTag: Map<string, FieldEntry>;
  /** The entries in the order of `fields` (aliases excluded). */
  readonly inOrder: readonly FieldEntry[];
}
/**
 * Built once per shape and kept on the shape object itself under a private symbol: the walk
 * asks for it at every object, and a property read is cheaper than a WeakMap lookup.
 */
const INDEX = Symbol('field index');
function fieldIndex(shape: ObjectShape): FieldIndex {
  const holder = shape as ObjectShape & { [INDEX]?: FieldIndex };
  let index = holder[INDEX];
  if (!index) {
    const byTag = new Map<string, FieldEntry>();
    const inOrder = shape.fields.map((def, position) => {
      const entry = fieldEntry(def, position);
      byTag.set(def.tag, entry);
      for (const alias of def.aliases ?? []) byTag.set(alias.tag, fieldEntry(def, position, alias));
      return entry;
    });
    index = { byTag, inOrder };
    Object.defineProperty(holder, INDEX, { value: index });
  }
  return index;
}

/** The member of `node` spelt as one of `aliases`, if any (only tags with aliases pay the scan). */
function aliasMember(node: JsonObject, aliases: readonly Alias[] | undefined): JsonMember | undefined {
  if (aliases === undefined) return undefined;
  for (const alias of aliases) {
    const m = memberOf(node, alias.tag);
    if (m) return m;
  }
  return undefined;
}

/**
 * A plain program equivalent to a Valibot schema, compiled once per value shape (see
 * leafCheck), so that Valibot runs only to explain a value that fails (most values pass).
 * Its steps all have one object shape and are run by one switch (`passes`): no call per step
 * but for a `check` action's own function (issue 12: two or three steps per value of a file).
 * `undefined` when the schema uses an action this compiler does not know: Valibot then checks
 * every value.
 */
type Predicate = (value: unknown) => boolean;
const enum Op {
  String,
  Number,
  Boolean,
  Null,
  Length,
  MaxLength,
  MinLength,
  Regex,
  Check,
  MinValue,
  MaxValue,
  GtValue,
}
interface Step {
  readonly op: Op;
  readonly n: number;
  readonly regex: RegExp | undefined;
  readonly check: Predicate | undefined;
  /** The action's message (our code; '' for a type step) and requirement, as Valibot's issue for it carries them. */
  readonly message: string;
  readonly requirement: unknown;
}
type Program = readonly Step[];

/** The steps of the actions whose requirement is a number (a length or a bound). */
const NUMERIC_OPS: Readonly<Record<string, Op>> = {
  length: Op.Length,
  max_length: Op.MaxLength,
  min_length: Op.MinLength,
  min_value: Op.MinValue,
  max_value: Op.MaxValue,
  gt_value: Op.GtValue,
};
/** The steps that read nothing but the value's type. */
const TYPE_OPS: Readonly<Record<string, Op>> = { string: Op.String, number: Op.Number, boolean: Op.Boolean, null: Op.Null };

function compile(schema: v.GenericSchema): Program | undefined {
  type Item = { kind: string; type: string; requirement?: unknown; message?: unknown };
  const items = ((schema as { pipe?: readonly Item[] }).pipe ?? [schema]) as readonly Item[];
  const steps: Step[] = [];
  for (const { type, requirement: r, message: m } of items) {
    const typeOp = Object.hasOwn(TYPE_OPS, type) ? TYPE_OPS[type] : undefined;
    const numericOp = Object.hasOwn(NUMERIC_OPS, type) ? NUMERIC_OPS[type] : undefined;
    const step = (op: Op, n: number, regex?: RegExp, check?: Predicate): Step => ({
      op,
      n,
      regex,
      check,
      message: typeof m === 'string' ? m : '',
      requirement: r,
    });
    if (typeOp !== undefined) steps.push(step(typeOp, 0));
    // An action whose message is not a code (a function, Valibot's default): Valibot explains.
    else if (typeof m !== 'string') return undefined;
    // A requirement of another kind than the step reads (a date bound, say): Valibot decides.
    else if (numericOp !== undefined && typeof r === 'number') steps.push(step(numericOp, r));
    else if (type === 'regex' && r instanceof RegExp) steps.push(step(Op.Regex, 0, r));
    else if (type === 'check' && typeof r === 'function') steps.push(step(Op.Check, 0, undefined, r as Predicate));
    else return undefined;
  }
  return steps;
}

/**
 * The steps of `program` that `x` fails, in order: what Valibot's issues would be, one per
 * failed action, since a pipe runs every action after a failed one (valibot 1.x `pipe`, no
 * abortEarly). `undefined` when a type step fails: Valibot then explains (the walk checks the
 * value's type first, so this does not happen). Valibot itself costs ~0.5 µs per failing value
 * (its issue's message text, a stringified input): an all-rejected file has one per request.
 */
function failedSteps(program: Program, x: unknown): Step[] | undefined {
  let failed: Step[] | undefined;
  for (let i = 0; i < program.length; i++) {
    if (passes(program, x, i, i + 1)) continue;
    const s = program[i]!;
    if (s.op <= Op.Null) return undefined;
    failed = append(failed, s);
  }
  return failed ?? [];
}

/** Whether `x` passes steps `from … to - 1` of `program` (by default, every step; see compile). */
function passes(program: Program, x: unknown, from = 0, to = program.length): boolean {
  for (let i = from; i < to; i++) {
    const s = program[i]!;
    switch (s.op) {
      case Op.String:
        if (typeof x !== 'string') return false;
        break;
      case Op.Number:
        if (typeof x !== 'number' || Number.isNaN(x)) return false;
        break;
      case Op.Boolean:
        if (typeof x !== 'boolean') return false;
        break;
      case Op.Null:
        if (x !== null) return false;
        break;
      case Op.Length:
        if ((x as string).length !== s.n) return false;
        break;
      case Op.MaxLength:
        if ((x as string).length > s.n) return false;
        break;
      case Op.MinLength:
        if ((x as string).length < s.n) return false;
        break;
      case Op.Regex:
        s.regex!.lastIndex = 0;
        if (!s.regex!.test(x as string)) return false;
        break;
      case Op.Check:
        if (!s.check!(x)) return false;
        break;
      case Op.MinValue:
        if (!((x as number) >= s.n)) return false;
        break;
      case Op.MaxValue:
        if (!((x as number) <= s.n)) return false;
        break;
      case Op.GtValue:
        if (!((x as number) > s.n)) return false;
        break;
    }
  }
  return true;
}

/** What a finding reads of a failed action: its message (our code) and its requirement. */
type Explained = Pick<v.BaseIssue<unknown>, 'message' | 'requirement'>;

/**
 * Why `x` fails `schema`: the failed steps of its program when it has one, else (or when a type
 * step fails) Valibot's issues. The same messages and requirements either way (see failedSteps).
 */
function explain(program: Program | undefined, schema: v.GenericSchema, x: unknown): readonly Explained[] | undefined {
  const failed = program && failedSteps(program, x);
  return failed !== undefined ? failed : v.safeParse(schema, x).issues;
}

/**
 * Why `x` fails `schema`, as the walk explains it (see explain): for tests, which compare it with
 * Valibot's own issues. `undefined` when `x` passes.
 */
export function explainFailure(schema: v.GenericSchema, x: unknown): readonly Explained[] | undefined {
  const program = compile(schema);
  return program && passes(program, x) ? undefined : explain(program, schema, x);
}

/**
 * What the walk needs to check a value, gathered once per value shape and kept on it (value
 * shapes share one object shape, so this read is monomorphic; formats and Valibot schemas
 * come in many shapes).
 */
interface LeafCheck {
  readonly format: Format;
  readonly type: Format['type'];
  readonly program: Program | undefined;
  readonly raw: v.GenericSchema<string> | undefined;
  readonly rawProgram: Program | undefined;
}
const LEAF = Symbol('leaf check');
function leafCheck(shape: ValueShape): LeafCheck {
  const holder = shape as ValueShape & { [LEAF]?: LeafCheck };
  let check = holder[LEAF];
  if (check === undefined) {
    const format = shape.format;
    check = {
      format,
      type: format.type,
      program: compile(format.schema),
      raw: format.raw,
      rawProgram: format.raw ? compile(format.raw) : undefined,
    };
    Object.defineProperty(holder, LEAF, { value: check });
  }
  return check;
}

/**
 * What the rules read of one request (see RequestContext): its node, the form's options, values
 * at paths below it, and values derived once per request. A class: its methods are shared by
 * every request, not three closures made per request (issue 12).
 */
class Context implements RequestContext {
  // The values derived once per request, by key: a few per request (a scan of two short arrays
  // beats a Map made per request, issue 12).
  private memoKeys: object[] | undefined = undefined;
  private memoValues: unknown[] | undefined = undefined;
  constructor(
    readonly index: number,
    readonly node: JsonObject,
    readonly options: SimulationOptions,
  ) {}

  at(...path: (string | number)[]): JsonNode | undefined {
    return this.follow(path);
  }

  value(...path: (string | number)[]): string | number | boolean | null | undefined {
    const n = this.follow(path);
    if (!n || n.type === 'object' || n.type === 'array') return undefined;
    return n.value;
  }

  /** The node at `path` below the request (at and value share it: no second rest array). */
  private follow(path: readonly (string | number)[]): JsonNode | undefined {
    // Keys spelt like the rule set's tags are those very strings (see parseJson's knownKeys):
    // the linear scans of memberOf compare them by identity, cheaper than indexing each request.
    let cur: JsonNode | undefined = this.node;
    for (let i = 0; i < path.length; i++) {
      if (!cur) return undefined;
      const seg = path[i]!;
      if (typeof seg === 'number') cur = cur.type === 'array' ? cur.items[seg] : undefined;
      else cur = cur.type === 'object' ? memberOf(cur, seg) : undefined;
    }
    return cur;
  }

  memo<T>(key: object, compute: () => T): T {
    const keys = (this.memoKeys ??= []);
    const values = (this.memoValues ??= []);
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return values[i] as T;
    const value = compute();
    keys.push(key);
    values.push(value);
    return value;
  }
}

/** The context the rules read for request `index` (−1: the file header), `node` being its object. */
export function makeContext(index: number, node: JsonObject, options: SimulationOptions): RequestContext {
  return new Context(index, node, options);
}

/** At most this many findings of one code in one request (or in the header): the rest are counted. */
export const MAX_FINDINGS_PER_CODE = 100;
/** At most this many findings in one file, beyond the first of each code of each request. */
export const MAX_FINDINGS_PER_FILE = 5_000;
/** A misspelt tag's hint is looked for among at most this many unknown tags of its object. */
const MAX_HINT_CANDIDATES = 1_000;

/** Findings of one code that a bounded report left out: how many, and where the first one was. */
export interface Overflow {
  readonly code: Code;
  count: number;
  readonly offset: number;
  readonly path: Path;
}

/**
 * What one simulation reports, bounded (issue 15: 2.2 million duplicate keys must not make 2.2
 * million findings): per request (or header) and code at most `MAX_FINDINGS_PER_CODE`, and in
 * the whole file at most `MAX_FINDINGS_PER_FILE` — except the first finding of each code of each
 * request, always kept so that a rejected request always shows a real reason. Findings beyond
 * are counted in `overflow` (rendered «… et N autres erreurs du même type»).
 */
export class FindingBudget {
  used = 0;
  constructor(
    readonly perCode = MAX_FINDINGS_PER_CODE,
    readonly perFile = MAX_FINDINGS_PER_FILE,
  ) {}
}

/** The findings of one request (or of the header): those kept, and those counted only. */
export class FindingTally {
  /** The findings kept (see `add`). */
  findings: Finding[] = [];
  // The codes met and how many of each were kept, side by side: a request meets few codes, and
  // a scan of a short array beats a Map made per request (issue 12: a rejected file has one per
  // request). Made on the first finding: most requests of a file have none.
  private codes: Code[] = NO_CODES;
  private kept: number[] = NO_COUNTS;
  private dropped: Map<Code, Overflow> | undefined;
  constructor(private readonly budget: FindingBudget) {}

  /** The findings left out, one entry per code (in the order their first one was dropped). */
  get overflow(): ReadonlyMap<Code, Overflow> {
    return this.dropped ?? NOTHING_DROPPED;
  }

  /** Keeps `finding` (admitted first; see append). */
  add(finding: Finding): void {
    this.findings = append(this.findings, finding);
  }

  /** Whether a finding of `code` is kept (and counted as kept). */
  admit(code: Code): boolean {
    const i = this.codes.indexOf(code);
    if (i < 0) {
      this.codes = append(this.codes, code);
      this.kept = append(this.kept, 1);
    } else {
      const n = this.kept[i]!;
      if (n >= this.budget.perCode || this.budget.used >= this.budget.perFile) return false;
      this.kept[i] = n + 1;
    }
    this.budget.used++;
    return true;
  }

  /** Counts a finding left out; `path` is asked for the first one of its code only. */
  drop(code: Code, offset: number, path: () => Path): void {
    const dropped = (this.dropped ??= new Map());
    const o = dropped.get(code);
    if (o !== undefined) o.count++;
    else dropped.set(code, { code, count: 1, offset, path: path() });
  }
}
const NOTHING_DROPPED: ReadonlyMap<Code, Overflow> = new Map();
// Shared while a tally has kept nothing; replaced, never pushed to, on its first finding (see append).
const NO_CODES: Code[] = Object.freeze([]) as unknown as Code[];
const NO_COUNTS: number[] = Object.freeze([]) as unknown as number[];

/**
 * Collects the findings of one object (a request, or the file header) and its descendants.
 * The walk keeps the current path on a stack: a finding's path array and tag label are
 * built only when there is a finding, not for every value walked.
 */
export class Walker {
  /** The path being walked, relative to the request. */
  private readonly stack: (string | number)[];
  /** The fill rules asked so far and their answers (a few per request: a scan beats a Map made per request). */
  private readonly fillRules: FillRule[] = [];
  private readonly fills: Fill[] = [];
  /** The definition of the tag being checked (its example and name feed the advice). */
  private def: FieldDef | undefined;

  constructor(
    private readonly text: SourceText,
    private readonly lines: LineIndex,
    /** Path of the request (or `[]` for the header) from the root. */
    private readonly base: Path,
    private readonly ctx: RequestContext,
    /**
     * Each later occurrence of a duplicated key → its first occurrence (the parser's `duplicates`),
     * keyed by the later one's `start` (nodes of values are made anew when read: json/slots.ts).
     */
    private readonly duplicated: ReadonlyMap<number, JsonMember>,
    /** The `start` of the duplicated members met during the walk, so that the caller can place the others. */
    private readonly reportedDuplicates: Set<number>,
    /** Where the findings go (bounded); one per request, shared by the walkers below it. */
    readonly tally: FindingTally = new FindingTally(new FindingBudget()),
    /** Path from the request to `ctx.node` when the walk starts below the request. */
    prefix: Path = [],
  ) {
    this.stack = [...prefix];
  }

  /** The findings kept (see `FindingTally`). */
  get findings(): Finding[] {
    return this.tally.findings;
  }

  /** A walker for a block below the request, rooted at `holder` (see AnywhereBlock). */
  below(holder: JsonObject, rel: Path): Walker {
    const ctx = makeContext(this.ctx.index, holder, this.ctx.options);
    return new Walker(this.text, this.lines, this.base, ctx, this.duplicated, this.reportedDuplicates, this.tally, [...this.stack, ...rel]);
  }

  /**
   * A fill rule's answer for this walker's context. Fill rules are pure functions of the
   * context, so each is asked once per request (not once per doctor of the request).
   */
  private fillOf(rule: FillRule): Fill {
    if (rule.constant !== undefined) return rule.constant;
    const rules = this.fillRules;
    for (let i = 0; i < rules.length; i++) if (rules[i] === rule) return this.fills[i]!;
    const fill = rule.fill(this.ctx);
    rules.push(rule);
    this.fills.push(fill);
    return fill;
  }

  /** Reports a finding at `rel` (relative to the request); its tag defaults to the path's label. */
  push(code: Code, rel: Path, offset: number, args: FindingArgs = {}, fix?: Fix): void {
    if (this.admitted(code, offset, () => rel)) this.tally.add(this.finding(code, rel, offset, args, fix));
  }

  /**
   * Whether a finding of `code` is within its bound (FindingTally). Past it the finding is only
   * counted, and `rel` (its path below the request) is asked for the first one dropped only: no
   * path is copied for the others (issue 15: 80 000 duplicate keys).
   */
  private admitted(code: Code, offset: number, rel: () => Path): boolean {
    if (this.tally.admit(code)) return true;
    this.tally.drop(code, offset, () => [...this.base, ...rel()]);
    return false;
  }

  private finding(code: Code, rel: Path, offset: number, args: FindingArgs, fix?: Fix): Finding {
    const path = [...this.base, ...rel];
    const all = { tag: tagLabel(rel), ...args };
    // Two literals rather than a copy of the finding to add its fix (a rejected file has one per request).
    return fix ? { code, severity: CODES[code], path, offset, args: all, fix } : { code, severity: CODES[code], path, offset, args: all };
  }

  /** Reports a finding at the current path, or at its child `key`. */
  private here(code: Code, offset: number, args: FindingArgs = {}, key?: string | number, fix?: Fix): void {
    const rel = () => (key === undefined ? this.stack.slice() : [...this.stack, key]);
    if (this.admitted(code, offset, rel)) this.tally.add(this.finding(code, rel(), offset, args, fix));
  }

  /** Where the key of `member` starts (its opening quote), as findings on a tag point there. */
  private keyAt(member: JsonMember): number {
    return keySpan(this.text, member).start;
  }

  /** Adds what a rule reports. */
  report(found: RuleFinding): void {
    this.push(found.code, found.path, found.node.start, found.args, found.fix);
  }

  /** Checks an object at the walker's root (a request, the header, a block below the request). */
  object(node: JsonObject, shape: ObjectShape): void {
    if (!shape.deferred) this.members(node, shape);
  }

  private members(node: JsonObject, shape: ObjectShape): void {
    const index = fieldIndex(shape);
    const fields = shape.fields;
    const seen = fields.length > 31 ? new Uint8Array(fields.length) : undefined;
    let mask = 0;
    let cursor = 0;
    let unknown: JsonMember[] | undefined;
    const checkDuplicates = this.duplicated.size > 0;
    for (const member of node.members) {
      if (checkDuplicates && this.duplicated.has(member.start)) {
        this.duplicate(node, member);
        continue;
      }
      // Files usually follow the documented order: try the next expected tag before the index.
      const expected = index.inOrder[cursor];
      const entry = expected !== undefined && expected.tag === member.key ? expected : index.byTag.get(member.key);
      if (entry !== undefined) cursor = entry.position + 1;
      if (entry === undefined) {
        if (!shape.open) (unknown ??= []).push(member);
        continue;
      }
      // Both spellings of one tag (`isDirectToDMP` and `isDirecToDMP`): the tag is there twice.
      // The second one met is blamed; the first is checked.
      const other = entry.alias ? memberOf(node, entry.tag) : aliasMember(node, entry.aliases);
      if (other !== undefined && other.start < member.start) {
        const where = String(this.lines.position(this.keyAt(other)).line);
        this.here('E033', this.keyAt(member), { other: other.key, where }, member.key);
        continue;
      }
      if (seen) seen[entry.position] = 1;
      else mask |= 1 << entry.position;
      this.stack.push(member.key);
      if (entry.aliasCode !== undefined) this.here(entry.aliasCode, this.keyAt(member), { other: entry.tag });
      this.field(member, entry);
      this.stack.pop();
    }
    let missing: FieldDef[] | undefined;
    for (let i = 0; i < fields.length; i++) {
      const present = seen ? seen[i] === 1 : (mask & (1 << i)) !== 0;
      if (!present && !this.mayBeAbsent(fields[i]!)) (missing ??= []).push(fields[i]!);
    }
    if (unknown) {
      const candidates = (missing ?? fields).map((d) => d.tag);
      for (const member of unknown) this.unknownTag(member, candidates, missing);
    }
    if (missing) {
      // The hint for a missing tag among the first unknown tags only (issue 15: millions of them).
      const near = (unknown ?? []).slice(0, MAX_HINT_CANDIDATES);
      const keys = near.map((m) => m.key);
      for (const def of missing) {
        const hint = nearest(def.tag, keys);
        // The misspelt tag renamed: the same fix as its E002.
        const member = hint === undefined ? undefined : near.find((m) => m.key === hint);
        const fix = member ? { ...keySpan(this.text, member), text: JSON.stringify(def.tag) } : undefined;
        this.here('E001', node.start, { hint }, def.tag, fix);
      }
    }
  }

  /** Whether a tag may be left out of this request (its presence rule). */
  private mayBeAbsent(def: FieldDef): boolean {
    const presence = def.presence;
    if (presence === undefined || presence === 'required') return false;
    return presence === 'optional' || presence.optional(this.ctx);
  }

  /** E002 for `member`; past the bound only counted, with no hint looked for (issue 15: millions of unknown tags). */
  private unknownTag(member: JsonMember, candidates: readonly string[], missing?: readonly FieldDef[]): void {
    const at = keySpan(this.text, member);
    if (!this.admitted('E002', at.start, () => [...this.stack, member.key])) return;
    const hint = nearest(member.key, candidates);
    // Renaming is mechanical when the near miss is a missing tag (not one already there).
    const fix = hint !== undefined && missing?.some((d) => d.tag === hint) ? { ...at, text: JSON.stringify(hint) } : undefined;
    this.tally.add(this.finding('E002', [...this.stack, member.key], at.start, { hint }, fix));
  }

  private duplicate(object: JsonObject, member: JsonMember): void {
    // A block checked where it stands (AnywhereBlock) may walk an object twice: report once.
    if (this.reportedDuplicates.has(member.start)) return;
    this.reportedDuplicates.add(member.start);
    // Past the bound, not even the first occurrence's line is looked up.
    const at = this.keyAt(member);
    if (!this.admitted('E003', at, () => [...this.stack, member.key])) return;
    const first = this.duplicated.get(member.start) ?? memberOf(object, member.key)!;
    const args = { where: String(this.lines.position(this.keyAt(first)).line) };
    this.tally.add(this.finding('E003', [...this.stack, member.key], at, args));
  }

  private field(node: JsonNode, def: FieldEntry): void {
    const fill = this.fillOf(def.fill);
    if (fill === 'unchecked') return;
    this.def = def.def;
    // A blank string is no more "filled" than null is.
    const blank = node.type === 'string' && fill === 'filled' && def.shape.kind === 'value' && isBlank(node.value);
    if (node.type === 'null' && fill === 'empty' && def.shape.kind !== 'value') {
      // `"liberal": null` for a STRUCTURE: say what is expected, `[]` (or `{}`), not «must be filled».
      this.here('E004', node.start, {
        expected: def.shape.kind === 'array' ? 'un tableau vide []' : 'un objet vide {}',
        found: 'null',
        kind: 'null' as const,
      });
      return;
    }
    if (node.type === 'null' || blank) {
      if (fill === 'filled' || fill === 'empty') {
        this.here('E006', node.start, {
          expected: def.fill.doc,
          ...(blank ? foundArgs(this.text, node) : { found: 'null', kind: 'null' as const }),
        });
      }
      return;
    }
    if (fill === 'null') {
      this.here('E005', node.start, { expected: def.fill.doc, ...foundArgs(this.text, node) });
      return;
    }
    if (fill === 'empty' || fill === 'empty-or-null') {
      this.empty(node, def);
      return;
    }
    // A value's check read from the entry: no switch on the shape, no lookup of its check.
    if (def.leaf !== undefined) this.leafWith(node, def.leaf);
    else this.shape(node, def.shape, fill);
  }

  /** A tag that must be `[]`, `{}`, or an object of null / empty tags. */
  private empty(node: JsonNode, def: FieldEntry): void {
    const shape = def.shape;
    if (shape.kind === 'value') {
      this.here('E005', node.start, { expected: def.fill.doc, ...foundArgs(this.text, node) });
      return;
    }
    if (node.type !== shape.kind) {
      this.here('E004', node.start, {
        expected: shape.kind === 'array' ? 'un tableau vide []' : 'un objet vide {}',
        ...foundArgs(this.text, node),
      });
      return;
    }
    if (node.type === 'array') {
      if (node.items.length > 0) this.here('E017', node.start, { expected: def.fill.doc, ...foundArgs(this.text, node) });
      return;
    }
    if (node.type !== 'object' || shape.kind !== 'object') return;
    const index = fieldIndex(shape);
    for (const member of node.members) {
      if (this.duplicated.size > 0 && this.duplicated.has(member.start)) {
        this.duplicate(node, member);
        continue;
      }
      if (!index.byTag.has(member.key) && !shape.open) {
        this.unknownTag(
          member,
          shape.fields.map((d) => d.tag),
        );
        continue;
      }
      const isEmpty =
        member.type === 'null' ||
        (member.type === 'array' && member.items.length === 0) ||
        (member.type === 'object' && member.members.length === 0);
      if (!isEmpty) this.here('E017', member.start, { expected: def.fill.doc, ...foundArgs(this.text, member) }, member.key);
    }
  }

  /** Checks a non-null value against its shape; an array's minimum applies when it must be filled. */
  shape(node: JsonNode, shape: Shape, fill: Fill = 'filled'): void {
    switch (shape.kind) {
      case 'value':
        this.leaf(node, shape);
        return;
      case 'object':
        if (node.type !== 'object') {
          this.here('E004', node.start, { expected: 'un objet { … }', ...foundArgs(this.text, node) });
          return;
        }
        if (!shape.deferred) this.members(node, shape);
        return;
      case 'array': {
        if (node.type !== 'array') {
          this.here('E004', node.start, { expected: 'un tableau [ … ]', ...foundArgs(this.text, node) });
          return;
        }
        const n = node.items.length;
        if (shape.min !== undefined && n < shape.min && fill === 'filled')
          this.here('E016', node.start, { count: shape.min, ...foundArgs(this.text, node) });
        if (shape.max !== undefined && n > shape.max) this.here('E018', node.start, { count: shape.max, found: String(n) });
        for (let i = 0; i < n; i++) {
          this.stack.push(i);
          this.shape(node.items[i]!, shape.items);
          this.stack.pop();
        }
      }
    }
  }

  private leaf(node: JsonNode, shape: ValueShape): void {
    this.leafWith(node, leafCheck(shape));
  }

  private leafWith(node: JsonNode, check: LeafCheck): void {
    const format = check.format;
    if (node.type !== check.type) {
      const raw = node.type === 'number' ? this.text.slice(node.start, node.end) : '';
      const advice = adviseKind(node, raw, { type: check.type, hint: format.hint, example: this.def?.example, tag: this.def?.tag });
      this.valueFinding('E004', node, format.expected, undefined, advice);
      return;
    }
    const value = node.value;
    const program = check.program;
    if (!program || !passes(program, value)) this.issues(explain(program, format.schema, value), node, format);
    if (check.raw && node.type === 'number') {
      const raw = this.text.slice(node.start, node.end);
      const rawProgram = check.rawProgram;
      if (!rawProgram || !passes(rawProgram, raw)) this.issues(explain(rawProgram, check.raw, raw), node, format);
    }
  }

  /** The one place where Valibot issues (or the failed steps standing for them) become findings: each action's message is our code. */
  private issues(issues: readonly Explained[] | undefined, node: JsonNode, format: Format): void {
    if (!issues) return;
    for (const issue of issues) {
      const code = isCode(issue.message) ? issue.message : 'E004';
      const count = typeof issue.requirement === 'number' ? issue.requirement : undefined;
      this.valueFinding(code, node, format.expected, count, this.advice(code, node, format));
    }
  }

  /**
   * A value found wrong at the current path: what was expected, the value as written (see
   * foundArgs), a count, the advice and its fix. Its arguments made in one literal of one shape,
   * absent ones `undefined` (messages read them so): no spread copies (issue 12, the all-rejected
   * file has one in each request).
   */
  private valueFinding(
    code: Code,
    node: JsonNode,
    expected: string | undefined,
    count: number | undefined,
    advice: Advice | undefined,
  ): void {
    const offset = node.start;
    const rel = this.stack;
    // The bound checked here, so that no closure is made for a finding kept (see admitted).
    if (!this.tally.admit(code)) {
      this.tally.drop(code, offset, () => this.base.concat(rel));
      return;
    }
    const { found, kind, invisible } = foundArgs(this.text, node);
    const args: FindingArgs = {
      tag: tagLabel(rel),
      expected,
      found,
      kind,
      invisible,
      count,
      advice: advice?.advice,
      write: advice?.write,
    };
    const path = this.base.concat(rel);
    const severity = CODES[code];
    const fix = advice?.fix;
    this.tally.add(fix ? { code, severity, path, offset, args, fix } : { code, severity, path, offset, args });
  }

  /** How a value that fails its format would be right, when a spreadsheet or a script mangled it. */
  private advice(code: Code, node: JsonNode, format: Format): Advice | undefined {
    switch (code) {
      case 'E010':
        return adviseDate(node);
      case 'E011':
        return adviseDecimals(node, this.text.slice(node.start, node.end));
      case 'E007':
        return adviseLength(node, { type: format.type, example: this.def?.example });
      default:
        return undefined;
    }
  }
}

/**
 * Every object below `node` (itself included) that holds the tag `tag`, with its path relative to
 * `node` (prefixed by `rel`), in document order. Linear in the size of the tree: one walk with a
 * shared path stack, a path copied only for an object found (a file may hold 100 000 objects in an
 * unknown tag's value: issue 15).
 */
export function holders(node: JsonNode, tag: string, rel: Path = []): { object: JsonObject; rel: Path }[] {
  const found: { object: JsonObject; rel: Path }[] = [];
  const path: (string | number)[] = [...rel];
  const walk = (n: JsonNode): void => {
    if (n.type === 'object') {
      if (memberOf(n, tag)) found.push({ object: n, rel: [...path] });
      for (const m of n.members) {
        if (m.type !== 'object' && m.type !== 'array') continue;
        path.push(m.key);
        walk(m);
        path.pop();
      }
    } else if (n.type === 'array') {
      for (let i = 0; i < n.items.length; i++) {
        const item = n.items[i]!;
        if (item.type !== 'object' && item.type !== 'array') continue;
        path.push(i);
        walk(item);
        path.pop();
      }
    }
  };
  walk(node);
  return found;
}

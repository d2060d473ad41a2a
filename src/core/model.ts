// What a rule set is: data. One definition per tag (block, French description, format,
// required-ness, condition) plus named cross-field rules. The validation engine
// (validate.ts), the documentation and the example file are all derived from it.

import type * as v from 'valibot';
import type { JsonNode, JsonObject } from './json/ast';
import type { Code } from '../messages/codes';
import type { Dsr, FindingArgs, Fix, Path, RequestType, SimulationOptions } from './types';

/** Example of an object tag (or array item) made of its own tags' examples. */
export const FROM_FIELDS = Symbol('from fields');

/** The JSON type a format expects once filled. */
export type ValueType = 'string' | 'number' | 'boolean' | 'null';

/**
 * The format of a leaf value. `schema` (Valibot) checks the value, `raw` the number as written;
 * each Valibot action carries one of our codes as its message, so converting a Valibot issue
 * into a finding is a lookup (see validate.ts).
 */
export interface Format {
  /** As the guides print it: `VARCHAR (=10)`, `FLOAT (2 chiffres après le point)`, `Boolean`. */
  readonly label: string;
  /** What is expected, in French, for messages (`une chaîne de 10 caractères`). */
  readonly expected: string;
  readonly type: ValueType;
  readonly schema: v.GenericSchema;
  /** Checks on the raw lexeme of a number (`1075.00`): only for `type: 'number'`. */
  readonly raw?: v.GenericSchema<string>;
  /** How an example value is written in the example file (default: JSON.stringify). */
  readonly write?: (value: unknown) => string;
  /** A value of known shape, for advice on values written another way (src/core/advice.ts). */
  readonly hint?: 'date' | 'amount';
}

/**
 * How a tag must be filled in a given request:
 * - `filled`: a value of the format (not null; an array with its minimum of elements);
 * - `nullable`: a value of the format, or null;
 * - `null`: null only;
 * - `empty`: `[]`, `{}` or an object whose known tags are all null / `[]`;
 * - `empty-or-null`: as `empty`, or null;
 * - `unchecked`: not checked (what it should hold depends on a tag that is itself wrong).
 */
export type Fill = 'filled' | 'nullable' | 'null' | 'empty' | 'empty-or-null' | 'unchecked';

export interface FillRule {
  /** The "Obligatoire ?" column of the documentation, in French. */
  readonly doc: string;
  readonly fill: (ctx: RequestContext) => Fill;
  /** True when `fill` may answer `empty` / `empty-or-null` (so the rule set can report E017). */
  readonly empties?: boolean;
  /** Set when the answer never depends on the request (`Obligatoire`): no per-request lookup. */
  readonly constant?: Fill;
}

export type Shape = ValueShape | ObjectShape | ArrayShape;

export interface ValueShape {
  readonly kind: 'value';
  readonly format: Format;
}

export interface ObjectShape {
  readonly kind: 'object';
  readonly fields: readonly FieldDef[];
  /** Not descended into here (the requests of `lignesImport` are checked one by one). */
  readonly deferred?: boolean;
  /** Tags not listed are tolerated (a reconstructed rule set that checks only some blocks). */
  readonly open?: boolean;
}

export interface ArrayShape {
  readonly kind: 'array';
  readonly items: Shape;
  /** Minimum number of elements when the array is `filled`. */
  readonly min?: number;
  readonly max?: number;
  /** The French label of the format column (`Tableau de VARCHAR (=9)`). */
  readonly label?: string;
}

/** Another spelling of a tag that is accepted with a warning (`isDirecToDMP`). */
export interface Alias {
  readonly tag: string;
  readonly code: Code;
}

export interface FieldDef {
  readonly tag: string;
  /** The guide's block: `Entête demande`, `Commande`, `Bénéficiaires`… */
  readonly block: string;
  readonly description: string;
  readonly shape: Shape;
  readonly fill: FillRule;
  /** `optional`: the tag may be absent altogether (default: it must be present). */
  readonly presence?: 'required' | 'optional';
  readonly aliases?: readonly Alias[];
  /** A value for the example file; `FROM_FIELDS` builds an object from its tags' own examples. */
  readonly example: unknown;
}

/** A finding reported by a rule; the engine adds severity and resolves the position. */
export interface RuleFinding {
  readonly code: Code;
  /** The node blamed, or the object holding a missing tag. */
  readonly node: JsonNode;
  /** Its path relative to the request (or to the root, for file-level rules). */
  readonly path: Path;
  readonly args?: FindingArgs;
  /** The mechanical fix, when the rule knows one. */
  readonly fix?: Fix;
}

/** A cross-field rule inside one request. */
export interface RequestRule {
  readonly code: Code;
  /** What it checks, in French, for the documentation. */
  readonly doc: string;
  /** Reports each finding through `report` (a callback: cheaper than a generator per request). */
  readonly check: (ctx: RequestContext, report: (finding: RuleFinding) => void) => void;
}

/** A rule across the requests of one file (uniqueness of numLigne…). */
export interface FileRule {
  readonly code: Code;
  readonly doc: string;
  readonly check: (requests: readonly RequestContext[], report: (finding: RuleFinding & { readonly index: number }) => void) => void;
}

/**
 * A block checked wherever it stands inside a request: every object that holds the tag
 * `holds` is checked against `shape` (the MS certificate block beside each FINESSJuridique).
 * Its fill rules see a context rooted at that object.
 */
export interface AnywhereBlock {
  readonly holds: string;
  /** How the documentation names where it stands (`tout objet portant FINESSJuridique`). */
  readonly label: string;
  readonly shape: ObjectShape;
}

/** A `formatFichier` value an attachment may take; its file extension is the value in lower case. */
export type AttachmentFormat = 'PDF' | 'PNG' | 'JPG' | 'XML';

/**
 * What the portal accepts in a rule set's attachment zips (spec: pieces-justificatives.md).
 * Sizes in bytes, `Mo` read as 1024 × 1024 bytes as the spec does (3 Mo = 3 145 728 bytes).
 */
export interface AttachmentLimits {
  /** The largest file, uncompressed. */
  readonly maxFileBytes: number;
  /** The largest zip. */
  readonly maxZipBytes: number;
  /** The longest file name, in characters. */
  readonly nameMax: number;
  /** The formats accepted; a file's extension must be one of them, in lower case. */
  readonly formats: readonly AttachmentFormat[];
}

/**
 * What the form and the documentation index need to know of a rule set, kept apart from its
 * definitions (a folder's meta.ts) so that the page can show the form before the checker loads.
 */
export type RuleSetMeta = Pick<RuleSet, 'type' | 'dsr' | 'title' | 'reconstructed' | 'form' | 'attachments'>;

export interface RuleSet {
  readonly type: RequestType;
  readonly dsr: Dsr;
  /** Shown to the user: `MDV-LGC — demande d'avance`. */
  readonly title: string;
  /** Set when the rule set is reconstructed rather than documented: what is reconstructed and why. */
  readonly reconstructed?: string;
  /** The form's options that apply: profiles and VAT rates offered for this rule set. */
  readonly form: { readonly profiles: boolean; readonly vatRates: readonly string[] };
  readonly header: ObjectShape;
  readonly request: ObjectShape;
  readonly requestRules: readonly RequestRule[];
  readonly fileRules: readonly FileRule[];
  /** Header-level rules: same shape as request rules, on the root. */
  readonly headerRules?: readonly RequestRule[];
  readonly anywhere?: readonly AnywhereBlock[];
  /** Limits of the attachment zips (src/attachments/limits.ts has the guides' presets). */
  readonly attachments: AttachmentLimits;
}

/**
 * What a rule sees of one request: its node, quick access to values, the form's choices.
 * For an `AnywhereBlock`, `node` (and so `at` / `value`) is the object holding the block.
 */
export interface RequestContext {
  readonly index: number;
  readonly node: JsonObject;
  readonly options: SimulationOptions;
  /** The node at a path below the request (first occurrence of duplicated keys), if any. */
  at(...path: (string | number)[]): JsonNode | undefined;
  /** The scalar value at a path (string, number, boolean or null), or undefined if absent or not scalar. */
  value(...path: (string | number)[]): string | number | boolean | null | undefined;
  /**
   * What `compute` returns for this request, computed once per `key` (a function or object
   * owned by the caller): for data several rules derive from the request.
   */
  memo<T>(key: object, compute: () => T): T;
}

/** Every shape of a rule set (header, request, blocks), each followed by the shapes inside it. */
export function* shapesOf(ruleSet: RuleSet): Generator<Shape> {
  function* within(shape: Shape): Generator<Shape> {
    yield shape;
    if (shape.kind === 'array') yield* within(shape.items);
    else if (shape.kind === 'object') for (const def of shape.fields) yield* within(def.shape);
  }
  yield* within(ruleSet.header);
  yield* within(ruleSet.request);
  for (const block of ruleSet.anywhere ?? []) yield* within(block.shape);
}

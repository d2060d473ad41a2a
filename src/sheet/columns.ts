// The columns of a rule set's spreadsheet, derived from its definitions: one column per tag of
// a request, named by its path with dots and 1-based indices for lists
// (`commande.dateCommande`, `beneficiaires.liberal.1.RPPS`, `beneficiaires.structure.FINESSGeo.1`).
// Nothing here names a rule set's tags: a new tag in a definition is a new column.

import { FROM_FIELDS, type FieldDef, type Format, type ObjectShape, type RuleSet, type Shape } from '../core/model';
import { TREATMENT } from '../rules/common/define';

/** How many times each list is repeated in the template (a table may add `….4.…` columns for more). */
export const TEMPLATE_REPEATS = 3;

/**
 * Request tags the builder fills itself, by name (the list): `numLigne` numbers the
 * requests of each file 1…n; `typeAction` takes its only value (its example) when no cell gives it.
 * The others it fills are found from their definitions: tags that are always null (`impId`,
 * `numeroASP` of an advance, `lienCompteRendu`) and the traitement tags.
 */
export const NUMBERED_TAG = 'numLigne';
export const DEFAULTED_TAGS: readonly string[] = ['typeAction'];

/** One column of the template. */
export interface TemplateColumn {
  /** `beneficiaires.liberal.1.RPPS` */
  readonly name: string;
  /** The path in the request, 0-based indices: `['beneficiaires', 'liberal', 0, 'RPPS']`. */
  readonly path: readonly (string | number)[];
  readonly def: FieldDef;
  readonly format: Format;
  /** The example row's cell: the example value as text ('' when null or beyond the example's items). */
  readonly example: string;
  /** The example as a typed value (for XLSX cells): string, number, boolean or null. */
  readonly exampleValue: string | number | boolean | null;
  /** Text cells where leading zeros matter (identifiers of fixed length, numbers as text). */
  readonly text: boolean;
}

/** True for a tag the builder fills itself (no template column). */
export function filledByBuilder(def: FieldDef): boolean {
  return def.tag === NUMBERED_TAG || DEFAULTED_TAGS.includes(def.tag) || def.fill.constant === 'null' || def.fill === TREATMENT;
}

/** The template's columns of `ruleSet`, in the order of its definitions. */
export function templateColumns(ruleSet: RuleSet, repeats = TEMPLATE_REPEATS): TemplateColumn[] {
  const columns: TemplateColumn[] = [];
  const walkObject = (shape: ObjectShape, path: (string | number)[], example: unknown, top: boolean) => {
    for (const def of shape.fields) {
      if (top && filledByBuilder(def)) continue;
      const sub =
        example === FROM_FIELDS
          ? def.example
          : example && typeof example === 'object'
            ? (example as Record<string, unknown>)[def.tag]
            : undefined;
      walk(def, def.shape, [...path, def.tag], sub);
    }
  };
  const walk = (def: FieldDef, shape: Shape, path: (string | number)[], example: unknown) => {
    if (shape.kind === 'value') {
      columns.push(column(def, shape.format, path, example));
    } else if (shape.kind === 'object') {
      walkObject(shape, path, example, false);
    } else {
      const items = Array.isArray(example) ? example : [];
      const n = Math.max(repeats, items.length);
      for (let i = 0; i < n; i++) {
        const item = items[i];
        walk(def, shape.items, [...path, i], item === FROM_FIELDS ? FROM_FIELDS : item);
      }
    }
  };
  walkObject(ruleSet.request, [], FROM_FIELDS, true);
  return columns;
}

/** `['beneficiaires', 'liberal', 0, 'RPPS']` → `beneficiaires.liberal.1.RPPS`. */
export function columnName(path: readonly (string | number)[]): string {
  return path.map((seg) => (typeof seg === 'number' ? String(seg + 1) : seg)).join('.');
}

function column(def: FieldDef, format: Format, path: (string | number)[], example: unknown): TemplateColumn {
  const exampleValue =
    example === undefined || example === null || typeof example === 'object' || typeof example === 'symbol'
      ? null
      : (example as string | number | boolean);
  let text = '';
  if (exampleValue !== null) text = format.write && typeof exampleValue === 'number' ? format.write(exampleValue) : String(exampleValue);
  return {
    name: columnName(path),
    path,
    def,
    format,
    example: text,
    exampleValue,
    text: format.type === 'string',
  };
}

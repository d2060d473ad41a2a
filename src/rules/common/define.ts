// Small builders that keep rule-set definitions readable as the guides' tables.

import type { ArrayShape, FieldDef, Fill, FillRule, Format, ObjectShape, RequestContext, Shape, ValueShape } from '../../core/model';

export const value = (format: Format): ValueShape => ({ kind: 'value', format });

export const object = (fields: readonly FieldDef[], options: { open?: boolean; deferred?: boolean } = {}): ObjectShape => ({
  kind: 'object',
  fields,
  ...options,
});

export const arrayOf = (items: Shape | Format, options: { min?: number; max?: number; label?: string } = {}): ArrayShape => ({
  kind: 'array',
  items: 'kind' in items ? items : value(items),
  ...options,
});

const always = (doc: string, fill: Fill): FillRule => ({ doc, fill: () => fill, constant: fill });

export const REQUIRED = always('Obligatoire', 'filled');
export const NULLABLE = always('Facultatif (null permis)', 'nullable');
export const ALWAYS_NULL = always('Toujours null', 'null');
/**
 * Traitement tags: null in a new file; a previous output's text is accepted (and overwritten);
 * an absent one is added by the output writer, so absence is tolerated (`presence: 'optional'`).
 */
export const TREATMENT = always('null dans un nouveau fichier (rempli par le simulateur ; ajouté s’il manque)', 'nullable');

/** A fill that depends on the request; `empties` when it may demand an empty block. */
export const when = (doc: string, fill: (ctx: RequestContext) => Fill, options: { empties?: boolean } = {}): FillRule => ({
  doc,
  fill,
  ...options,
});

/** A tag of the guide's table: block, name, description, format or shape, fill rule, example. */
export function tag(
  block: string,
  name: string,
  description: string,
  shape: Shape | Format,
  fill: FillRule,
  example: unknown,
  extra: Pick<FieldDef, 'presence' | 'aliases'> = {},
): FieldDef {
  return { tag: name, block, description, shape: 'kind' in shape ? shape : value(shape), fill, example, ...extra };
}

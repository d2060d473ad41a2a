// The documentation and the example file, derived from a rule set's definitions:
// nothing here is written by hand per rule set.

import { FROM_FIELDS, shapesOf, type ObjectShape, type RuleSet, type Shape } from './model';
import { CODES, isCode, type Code } from '../messages/codes';

export interface TagRow {
  readonly block: string;
  /** Where the tag sits: `lignesImport[].beneficiaires.liberal[].RPPS`. */
  readonly path: string;
  readonly tag: string;
  readonly description: string;
  readonly format: string;
  readonly required: string;
  /** Other accepted spellings (checked as the tag itself). */
  readonly aliases: readonly string[];
}

/** The table of tags: the file header, then one request, in the order of the guide. */
export function tagRows(ruleSet: RuleSet): TagRow[] {
  const rows: TagRow[] = [];
  const walk = (shape: ObjectShape, prefix: string) => {
    for (const def of shape.fields) {
      const path = prefix === '' ? def.tag : `${prefix}.${def.tag}`;
      rows.push({
        block: def.block,
        path,
        tag: def.tag,
        description: def.description,
        format: formatLabel(def.shape),
        required:
          def.presence === 'optional'
            ? `${def.fill.doc} ; balise facultative`
            : typeof def.presence === 'object'
              ? `${def.fill.doc} ; ${def.presence.doc}`
              : def.fill.doc,
        aliases: (def.aliases ?? []).map((a) => a.tag),
      });
      const inner = innerObject(def.shape);
      if (inner && !inner.shape.deferred) walk(inner.shape, path + inner.suffix);
    }
  };
  walk(ruleSet.header, '');
  walk(ruleSet.request, 'lignesImport[]');
  for (const block of ruleSet.anywhere ?? []) walk(block.shape, `lignesImport[]…(${block.label})`);
  return rows;
}

function innerObject(shape: Shape): { shape: ObjectShape; suffix: string } | undefined {
  if (shape.kind === 'object') return { shape, suffix: '' };
  if (shape.kind === 'array' && shape.items.kind === 'object') return { shape: shape.items, suffix: '[]' };
  return undefined;
}

/** The format column of the documentation for a shape (`VARCHAR (=5)`, `Objet`, `Tableau de …`). */
export function formatLabel(shape: Shape): string {
  switch (shape.kind) {
    case 'value':
      return shape.format.label;
    case 'object':
      return 'Objet';
    case 'array':
      return shape.label ?? `Tableau de ${formatLabel(shape.items)}`;
  }
}

/** Every code a rule set can report: the engine's, its formats', its rules'. */
export function codesOf(ruleSet: RuleSet): Code[] {
  // A011 (C1 control characters) is checked on every string of every request.
  const codes = new Set<Code>(['E001', 'E002', 'E003', 'E004', 'E005', 'E006', 'A011']);
  const fromSchema = (schema: unknown) => {
    const s = schema as { message?: unknown; pipe?: unknown[] } | undefined;
    if (!s) return;
    if (typeof s.message === 'string' && isCode(s.message)) codes.add(s.message);
    for (const item of s.pipe ?? []) if (item !== s) fromSchema(item);
  };
  for (const shape of shapesOf(ruleSet)) {
    if (shape.kind === 'value') {
      fromSchema(shape.format.schema);
      fromSchema(shape.format.raw);
    } else if (shape.kind === 'array') {
      if (shape.min !== undefined) codes.add('E016');
      if (shape.max !== undefined) codes.add('E018');
    } else
      for (const def of shape.fields) {
        if (def.fill.empties) codes.add('E017');
        for (const alias of def.aliases ?? []) {
          if (alias.code) codes.add(alias.code);
          codes.add('E033');
        }
      }
  }
  for (const rule of [...ruleSet.requestRules, ...ruleSet.fileRules, ...(ruleSet.headerRules ?? [])]) codes.add(rule.code);
  return Object.keys(CODES).filter((c): c is Code => codes.has(c as Code));
}

/** The example file: every tag with its example value, in the guide's order, 2-space indented. */
export function exampleFile(ruleSet: RuleSet): string {
  const request = exampleObject(ruleSet.request, '    ');
  const header = ruleSet.header.fields.map((def) => {
    const value = def.tag === 'lignesImport' ? `[\n    ${request}\n  ]` : exampleValue(def.example, def.shape, '  ');
    return `  ${JSON.stringify(def.tag)}: ${value}`;
  });
  return `{\n${header.join(',\n')}\n}\n`;
}

function exampleObject(shape: ObjectShape, indent: string): string {
  const inner = indent + '  ';
  const lines = shape.fields.map((def) => `${inner}${JSON.stringify(def.tag)}: ${exampleValue(def.example, def.shape, inner)}`);
  return lines.length === 0 ? '{}' : `{\n${lines.join(',\n')}\n${indent}}`;
}

function exampleValue(value: unknown, shape: Shape, indent: string): string {
  if (value === FROM_FIELDS && shape.kind === 'object') return exampleObject(shape, indent);
  if (shape.kind === 'array' && Array.isArray(value) && value.length > 0) {
    const inner = indent + '  ';
    return `[\n${value.map((item) => inner + exampleValue(item, shape.items, inner)).join(',\n')}\n${indent}]`;
  }
  if (shape.kind === 'value' && shape.format.write && value !== null) return shape.format.write(value);
  return JSON.stringify(value) ?? 'null';
}

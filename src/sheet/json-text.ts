// The JSON text of a built file: pretty-printed with 2 spaces, in the definitions' key order,
// numbers written as the builder decided (`1075.00`, never `1075`): JSON.stringify cannot keep
// a number's spelling, so numbers travel as `RawNumber`.

/** A JSON number kept as written (`1075.00`): the lexeme must be a valid JSON number. */
export class RawNumber {
  constructor(readonly raw: string) {}
}

/** A value the builder writes: JSON values whose numbers are `RawNumber`s. */
export type BuiltValue = string | boolean | null | RawNumber | readonly BuiltValue[] | { readonly [key: string]: BuiltValue };

/**
 * `value` as JSON text, 2-space indented, empty arrays and objects as `[]` / `{}`; `indent`: the
 * indentation of the line the value starts on. Strings are escaped by JSON.stringify.
 */
export function jsonText(value: BuiltValue, indent = ''): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (value instanceof RawNumber) return value.raw;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item: BuiltValue) => inner + jsonText(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: BuiltValue });
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonText(v, inner)}`).join(',\n')}\n${indent}}`;
}

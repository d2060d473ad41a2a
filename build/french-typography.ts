// French typography in the templates, at build time: a Svelte markup preprocessor that writes the
// no-break spaces of frenchSpaces (src/ui/lib/typography.ts) into the static prose of every
// component, so that no `:`, `;`, `?`, `!` or `»` starts a line and no `«` ends one. Prose is the
// markup's text, the static parts of the attributes a person reads (title, aria-label,
// placeholder, alt), and the string literals of an expression shown as text (`{a ? 'x : y' : ''}`).
// Code is left alone: <code>, <pre>, <kbd>, <textarea>, scripts, styles, other
// attributes, and the values an expression computes (file names, JSON values, messages: those
// are typeset, if prose, where they are built or rendered). Registered in vite.config.ts, so the
// app, the offline file, the embed element and the component tests all show the same text.

import MagicString from 'magic-string';
import { parse, type AST, type PreprocessorGroup, type Processed } from 'svelte/compiler';
import { frenchSpaces } from '../src/ui/lib/typography.ts';

/** Elements whose text is code or user data, never prose. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'textarea', 'script', 'style']);

/** Attributes whose text is read (shown on hover, in the field, or by a screen reader). */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt']);

/** Operators whose string operands are compared, not shown. */
const COMPARISONS = new Set(['===', '!==', '==', '!=', 'in', 'instanceof']);

/**
 * frenchSpaces on the raw text of a template. A line break (and its indentation) before the
 * punctuation or after « is a space once rendered, so a run of white space counts as one space.
 */
export function typesetText(raw: string): string {
  return frenchSpaces(raw.replace(/[ \t\r\n\f]+(?=[:;?!»])/g, ' ').replace(/«[ \t\r\n\f]+/g, '« '));
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

type Node = { type?: unknown; start?: number; end?: number; [key: string]: unknown };

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The string literals and template-literal parts of an expression that it shows (not those it compares or looks up). */
function shownStrings(expression: unknown, edits: Edit[]): void {
  const visit = (value: unknown, parent?: Node, key?: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, parent, key);
      return;
    }
    if (!isNode(value)) return;
    if (value.type === 'Literal' && typeof value.value === 'string' && typeof value.raw === 'string') {
      const compared = parent?.type === 'BinaryExpression' && COMPARISONS.has(parent.operator as string);
      const looked = (parent?.type === 'MemberExpression' && key === 'property') || (parent?.type === 'Property' && key === 'key');
      if (!compared && !looked) {
        const quote = value.raw[0]!;
        edits.push({ start: value.start!, end: value.end!, text: quote + typesetText(value.raw.slice(1, -1)) + quote });
      }
      return;
    }
    if (value.type === 'TemplateElement') {
      edits.push({ start: value.start!, end: value.end!, text: typesetText((value.value as { raw: string }).raw) });
      return;
    }
    // A tagged template is the tag's to read (fr`…` typesets itself).
    if (value.type === 'TaggedTemplateExpression') return;
    for (const [k, v] of Object.entries(value)) if (k !== 'type' && k !== 'loc' && k !== 'metadata') visit(v, value, k);
  };
  visit(expression);
}

/** The edits that typeset the prose of a component's markup. */
function proseEdits(fragment: AST.Fragment): Edit[] {
  const edits: Edit[] = [];
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
      return;
    }
    if (!isNode(value)) return;
    if (value.type === 'Text') {
      const text = value as unknown as AST.Text;
      edits.push({ start: text.start, end: text.end, text: typesetText(text.raw) });
      return;
    }
    if (value.type === 'ExpressionTag') {
      shownStrings((value as unknown as AST.ExpressionTag).expression, edits);
      return;
    }
    // Block tests, {@const}, {@render} arguments, snippet parameters: JavaScript, not text.
    if (key === 'expression' || key === 'metadata' || value.type === 'Comment') return;
    if (value.type === 'Attribute') {
      const attribute = value as unknown as AST.Attribute;
      if (READ_ATTRIBUTES.has(attribute.name) && attribute.value !== true) visit(attribute.value);
      return;
    }
    // Directives (bind:, on:, class:, …), spread attributes and attachments hold no prose.
    if (typeof value.type === 'string' && /Directive$|^SpreadAttribute$|^AttachTag$/.test(value.type)) return;
    if (value.type === 'RegularElement' && VERBATIM.has(value.name as string)) return;
    for (const [k, v] of Object.entries(value)) if (k !== 'type') visit(v, k);
  };
  visit(fragment.nodes);
  return edits;
}

/** The component's source with its prose typeset, and its source map (undefined: nothing to change). */
export function typesetMarkup(source: string, filename?: string): Processed | undefined {
  const ast = parse(source, { modern: true, filename });
  const out = new MagicString(source);
  let changed = false;
  for (const edit of proseEdits(ast.fragment)) {
    if (edit.text === source.slice(edit.start, edit.end)) continue;
    out.overwrite(edit.start, edit.end, edit.text);
    changed = true;
  }
  if (!changed) return undefined;
  return { code: out.toString(), map: out.generateMap({ hires: true, source: filename, includeContent: true }) };
}

/** The preprocessor for `svelte({ preprocess })`. */
export const frenchTypography = (): PreprocessorGroup => ({
  name: 'segur-french-typography',
  markup: ({ content, filename }) => typesetMarkup(content, filename),
});

// Rows of cells + a rule set → files ready to deposit, or the cells in error. Pure: the readers
// (src/io/sheet-*.ts) give the rows, the app and the CLI offer or write the files.
//
// Each row is a request; its cells are converted by their column's declared format (convert.ts),
// assembled in the order of the definitions, numbered 1…n in files of at most 200 requests, and
// every file is run through the checker: its findings come back to the row and column they came
// from, with the checker's codes and messages. Nothing is offered while one cell is in error.

import type { ArrayShape, FieldDef, ObjectShape, RuleSet, Shape } from '../core/model';
import { PROFILES, type Issue, type SimulationOptions } from '../core/types';
import { simulate } from '../core/simulate';
import { MAX_REQUESTS } from '../rules/common/header';
import { nearest } from '../core/hint';
import { columnLetters, sheetMessage, type SheetArgs, type SheetCode } from '../messages/sheet';
import { DEFAULTED_TAGS, NUMBERED_TAG, filledByBuilder, templateColumns } from './columns';
import { cellText, convertCell, type Cell } from './convert';
import { jsonText, RawNumber, type BuiltValue } from './json-text';

/** A table as a reader gives it: the first row holds the column names. */
export interface Table {
  readonly rows: readonly (readonly Cell[])[];
  /** What was read, for the report: `CSV (UTF-8, séparateur « ; »)`, `XLSX, feuille « Demandes »`. */
  readonly description?: string;
  /** Notes of the reader (encoding detected…), shown as they are. */
  readonly notes?: readonly string[];
}

export interface BuildOptions {
  /** The file header's tags given once: `numeroAns`, `siret`. */
  readonly header: Readonly<Record<string, string>>;
  /** The deposit date of the file names, `AAAAMMJJ`. */
  readonly date: string;
  /** "Today" for the checker's future-date warning (`AAAA-MM-JJ`); defaults to the clock. */
  readonly today?: string;
}

/** A finding located in the table: spreadsheet row (1-based; null for the header given once) and column. */
export interface CellIssue {
  readonly row: number | null;
  readonly column: string;
  /** The cell as written ('' when the column is absent or the finding is about a list). */
  readonly value: string;
  readonly code: string;
  readonly message: string;
}

export interface CellConversion {
  readonly row: number | null;
  readonly column: string;
  readonly from: string;
  readonly to: string;
}

export interface BuiltFile {
  /** `JSON-<numeroAns>-<AAAAMMJJ>-<NNN>.json` */
  readonly name: string;
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly requests: number;
  /** Spreadsheet rows of its first and last requests. */
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface BuildResult {
  /** `built`: every file accepted by the checker; `rejected`: at least one error, no file. */
  readonly status: 'built' | 'rejected';
  readonly files: readonly BuiltFile[];
  readonly errors: readonly CellIssue[];
  readonly warnings: readonly CellIssue[];
  readonly conversions: readonly CellConversion[];
  /** How many requests (non-empty rows) the table holds. */
  readonly requests: number;
}

/** At most 999 files a day (`NNN` has 3 digits). */
export const MAX_FILES = 999;

/** `JSON-<numeroAns>-<AAAAMMJJ>-<NNN>.json`, `n` from 1 (spec: mdv-lgc-avance.md, « File naming »). */
export function builtFileName(numeroAns: string, date: string, n: number): string {
  return `JSON-${numeroAns}-${date}-${String(n).padStart(3, '0')}.json`;
}

/** True for `AAAAMMJJ` naming a real calendar day. */
export function isCompactDate(s: string): boolean {
  if (!/^\d{8}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// ── Columns ─────────────────────────────────────────────────────────────────────────────────

interface ColumnNode {
  /** The column name down to this node (`beneficiaires.liberal.1`). */
  readonly name: string;
  /** Index of the table's column, for a leaf. */
  column?: number;
  readonly children: Map<string, ColumnNode>;
}

const newNode = (name: string): ColumnNode => ({ name, children: new Map() });

/** The finding of a sheet code, at the header row. */
function sheetIssue(code: SheetCode, args: SheetArgs, row: number | null = 1): CellIssue {
  return { row, column: args.column ?? '', value: '', code, message: sheetMessage(code, args) };
}

/** The column names of row 1 as a tree; faults of names (duplicates, structure) as issues. */
function columnTree(table: Table, ruleSet: RuleSet, errors: CellIssue[]): ColumnNode {
  const root = newNode('');
  const header = table.rows[0] ?? [];
  const known = templateColumns(ruleSet).map((c) => c.name);
  const seen = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = cellText(cell).trim();
    if (name === '') {
      if (table.rows.some((row, r) => r > 0 && cellText(row[index] ?? null).trim() !== '')) {
        errors.push(sheetIssue('T003', { letters: columnLetters(index) }));
      }
      return;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      errors.push(sheetIssue('T001', { column: name, letters: `${columnLetters(earlier)} et ${columnLetters(index)}` }));
      return;
    }
    seen.set(name, index);
    const fault = (reason: string) =>
      errors.push(sheetIssue('T002', { column: name, letters: columnLetters(index), reason, hint: nearest(name, known) }));
    const segments = name.split('.');
    if (segments.some((s) => s === '')) return fault('un nom de balise manque entre deux points');
    const misfit = structureFault(segments, ruleSet.request);
    if (misfit) return fault(misfit);
    let node = root;
    for (const seg of segments) {
      if (node.column !== undefined) return fault(`« ${node.name} » est déjà une colonne de valeur`);
      let child = node.children.get(seg);
      if (!child) {
        child = newNode(node.name === '' ? seg : `${node.name}.${seg}`);
        node.children.set(seg, child);
      }
      node = child;
    }
    if (node.children.size > 0) return fault(`d’autres colonnes détaillent déjà « ${name} »`);
    node.column = index;
  });
  return root;
}

/** Why a column's path does not fit the definitions (undefined when it fits or leaves them for unknown tags). */
function structureFault(segments: readonly string[], request: ObjectShape): string | undefined {
  let shape: Shape = request;
  let path = '';
  for (const seg of segments) {
    const isIndex = /^\d+$/.test(seg);
    if (shape.kind === 'array') {
      if (!isIndex) return `« ${path} » est une liste : un numéro (1, 2, 3…) est attendu après « ${path}. », pas « ${seg} »`;
      if (Number(seg) < 1) return `les éléments d’une liste se numérotent à partir de 1 (« ${path}.${seg} »)`;
      shape = shape.items;
    } else if (shape.kind === 'object') {
      const def: FieldDef | undefined = shape.fields.find((d) => d.tag === seg || d.aliases?.some((a) => a.tag === seg));
      if (!def) return undefined; // an unknown tag: the checker says so, with its own message
      shape = def.shape;
    } else {
      return `« ${path} » est une valeur, elle n’a pas de balises sous elle`;
    }
    path = path === '' ? seg : `${path}.${seg}`;
  }
  if (shape.kind === 'array')
    return `« ${path} » est une liste : une colonne par élément, « ${path}.1${shape.items.kind === 'object' ? '.…' : ''} », « ${path}.2${shape.items.kind === 'object' ? '.…' : ''} »…`;
  if (shape.kind === 'object') return `« ${path} » est un bloc : une colonne par balise, « ${path}.${shape.fields[0]?.tag ?? '…'} »…`;
  return undefined;
}

// ── One row → one request ───────────────────────────────────────────────────────────────────

interface RowContext {
  readonly cells: readonly Cell[];
  readonly row: number;
  /** Path of a built value in the request (`beneficiaires/liberal/0/RPPS`) → its column's name. */
  readonly sources: Map<string, string>;
  /** Column name → the cell as written, for the report. */
  readonly values: Map<string, string>;
  readonly conversions: CellConversion[];
}

const key = (path: readonly (string | number)[]) => path.join('/');

function leafValue(
  node: ColumnNode | undefined,
  ctx: RowContext,
  path: readonly (string | number)[],
  format: Parameters<typeof convertCell>[1] | undefined,
): BuiltValue | undefined {
  if (!node || node.column === undefined) return node ? generic(node, ctx, path) : undefined;
  const cell = ctx.cells[node.column] ?? null;
  ctx.sources.set(key(path), node.name);
  ctx.values.set(node.name, cellText(cell));
  if (!format) {
    const text = cellText(cell).trim();
    return text === '' ? undefined : text;
  }
  const { value, conversion } = convertCell(cell, format);
  if (conversion && value !== undefined) ctx.conversions.push({ row: ctx.row, column: node.name, ...conversion });
  return value;
}

/** Columns under a tag the definitions do not know: text values, lists where the keys are numbers. */
function generic(node: ColumnNode, ctx: RowContext, path: readonly (string | number)[]): BuiltValue | undefined {
  if (node.column !== undefined) return leafValue(node, ctx, path, undefined);
  ctx.sources.set(key(path), node.name);
  const entries = [...node.children];
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    const items: BuiltValue[] = [];
    for (const [, child] of entries.sort(([a], [b]) => Number(a) - Number(b))) {
      const value = generic(child, ctx, [...path, items.length]);
      if (value !== undefined) items.push(value);
    }
    return items.length > 0 ? items : undefined;
  }
  const out: [string, BuiltValue][] = [];
  for (const [k, child] of entries) {
    const value = generic(child, ctx, [...path, k]);
    if (value !== undefined) out.push([k, value]);
  }
  return out.length > 0 ? Object.fromEntries(out) : undefined;
}

/** The value of an empty tag: null, `[]`, `{}` (or the block with its tags null when it must be filled). */
function emptyValue(def: FieldDef, shape: Shape): BuiltValue {
  if (shape.kind === 'value') return null;
  if (shape.kind === 'array') return [];
  if (def.fill.constant !== 'filled') return {};
  return Object.fromEntries(shape.fields.filter((d) => d.presence !== 'optional').map((d) => [d.tag, emptyValue(d, d.shape)]));
}

function assemble(shape: Shape, node: ColumnNode | undefined, ctx: RowContext, path: readonly (string | number)[]): BuiltValue | undefined {
  switch (shape.kind) {
    case 'value':
      return leafValue(node, ctx, path, shape.format);
    case 'array':
      return assembleArray(shape, node, ctx, path);
    case 'object':
      return assembleObject(shape, node, ctx, path, undefined);
  }
}

function assembleArray(
  shape: ArrayShape,
  node: ColumnNode | undefined,
  ctx: RowContext,
  path: readonly (string | number)[],
): BuiltValue | undefined {
  if (!node) return undefined;
  if (node.column !== undefined) return leafValue(node, ctx, path, undefined);
  ctx.sources.set(key(path), node.name);
  const items: BuiltValue[] = [];
  const indices = [...node.children.keys()].sort((a, b) => Number(a) - Number(b));
  for (const index of indices) {
    const value = assemble(shape.items, node.children.get(index), ctx, [...path, items.length]);
    if (value !== undefined) items.push(value);
  }
  return items.length > 0 ? items : undefined;
}

/** `numLigne`: set for the request object (top level only). */
function assembleObject(
  shape: ObjectShape,
  node: ColumnNode | undefined,
  ctx: RowContext,
  path: readonly (string | number)[],
  numLigne: number | undefined,
): BuiltValue | undefined {
  if (node?.column !== undefined) return leafValue(node, ctx, path, undefined);
  if (node) ctx.sources.set(key(path), node.name);
  const top = numLigne !== undefined;
  const entries: [string, BuiltValue][] = [];
  const used = new Set<string>();
  let filled = false;
  for (const def of shape.fields) {
    const spelling = [def.tag, ...(def.aliases ?? []).map((a) => a.tag)].find((t) => node?.children.has(t)) ?? def.tag;
    const child = node?.children.get(spelling);
    used.add(spelling);
    let value = assemble(def.shape, child, ctx, [...path, spelling]);
    if (value !== undefined) filled = true;
    if (top && value === undefined && filledByBuilder(def)) {
      if (def.tag === NUMBERED_TAG) value = new RawNumber(String(numLigne));
      else if (DEFAULTED_TAGS.includes(def.tag) && typeof def.example === 'string') value = def.example;
      else value = null;
    }
    if (value === undefined) {
      if (def.presence === 'optional') continue;
      value = emptyValue(def, def.shape);
    }
    entries.push([spelling, value]);
  }
  for (const [k, child] of node?.children ?? []) {
    if (used.has(k)) continue;
    const value = generic(child, ctx, [...path, k]);
    if (value === undefined) continue;
    filled = true;
    entries.push([k, value]);
  }
  return filled || top ? Object.fromEntries(entries) : undefined;
}

function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((cell) => cellText(cell).replace(/[\s\u00a0\u202f]/g, '') === '');
}

// ── The table → files ───────────────────────────────────────────────────────────────────────

interface Built {
  readonly row: number;
  readonly request: BuiltValue;
  readonly sources: Map<string, string>;
  readonly values: Map<string, string>;
}

/**
 * Builds the files of `table` for `ruleSet`: see the module comment. Never throws on any table;
 * a table that cannot be used gives `rejected` with its T… findings.
 */
export function buildFromTable(table: Table, ruleSet: RuleSet, options: BuildOptions): BuildResult {
  const errors: CellIssue[] = [];
  const warnings: CellIssue[] = [];
  const conversions: CellConversion[] = [];
  const rejected = (): BuildResult => ({ status: 'rejected', files: [], errors, warnings, conversions, requests: dataRows.length });

  const dataRows = table.rows.map((cells, i) => ({ cells, row: i + 1 })).filter((r, i) => i > 0 && !isBlankRow(r.cells));
  if (table.rows.length === 0 || isBlankRow(table.rows[0]!)) {
    errors.push(sheetIssue('T004', {}));
    return rejected();
  }
  const tree = columnTree(table, ruleSet, errors);
  if (dataRows.length === 0) errors.push(sheetIssue('T004', {}));
  if (dataRows.length > MAX_FILES * MAX_REQUESTS) errors.push(sheetIssue('T005', { count: dataRows.length }));
  if (errors.length > 0) return rejected();

  // The header given once, converted by its tags' formats (a SIRET written with spaces…).
  const headerValues = new Map<string, BuiltValue>();
  for (const def of ruleSet.header.fields) {
    if (def.shape.kind !== 'value' || def.fill.constant === 'null') continue;
    const given = options.header[def.tag];
    const { value, conversion } = convertCell(given ?? null, def.shape.format);
    if (conversion) conversions.push({ row: null, column: def.tag, ...conversion });
    if (value !== undefined) headerValues.set(def.tag, value);
  }

  // Requests, numbered 1…n in each file.
  const chunks: Built[][] = [];
  for (let start = 0; start < dataRows.length; start += MAX_REQUESTS) {
    chunks.push(
      dataRows.slice(start, start + MAX_REQUESTS).map(({ cells, row }, i) => {
        const ctx: RowContext = { cells, row, sources: new Map(), values: new Map(), conversions };
        const request = assembleObject(ruleSet.request, tree, ctx, [], i + 1)!;
        return { row, request, sources: ctx.sources, values: ctx.values };
      }),
    );
  }

  const simulation: SimulationOptions = {
    type: ruleSet.type,
    dsr: ruleSet.dsr,
    // Profiles and VAT rate are choices of the portal's form, not of the file: not checked here.
    profiles: ruleSet.form.profiles ? PROFILES : [],
    ...(options.today ? { today: options.today } : {}),
  };
  const fileOf = (header: ReadonlyMap<string, BuiltValue>, requests: readonly Built[]) => {
    const root = Object.fromEntries(
      ruleSet.header.fields.map((def) => [
        def.tag,
        def.shape.kind === 'array' && def.shape.items.kind === 'object' && def.shape.items.deferred
          ? requests.map((r) => r.request)
          : (header.get(def.tag) ?? (def.fill.constant === 'null' ? null : emptyValue(def, def.shape))),
      ]),
    );
    const text = jsonText(root) + '\n';
    return { text, bytes: new TextEncoder().encode(text) };
  };

  const files: BuiltFile[] = [];
  let headerReported = false;
  chunks.forEach((requests, n) => {
    const file = fileOf(headerValues, requests);
    let result = simulate(file.bytes, simulation, ruleSet);
    if (result.status === 'invalid') {
      if (!headerReported) {
        headerReported = true;
        for (const issue of result.globalErrors) errors.push(headerIssue(issue, options.header));
        for (const issue of result.globalWarnings) warnings.push(headerIssue(issue, options.header));
      }
      // Check the requests all the same, under the definitions' example header.
      const example = new Map<string, BuiltValue>();
      for (const def of ruleSet.header.fields) if (typeof def.example === 'string') example.set(def.tag, def.example);
      result = simulate(fileOf(example, requests).bytes, simulation, ruleSet);
    } else if (!headerReported) {
      headerReported = true;
      for (const issue of result.globalWarnings) warnings.push(headerIssue(issue, options.header));
    }
    if (result.status === 'invalid') {
      // Not expected: a request the builder made breaks the file's global format.
      for (const issue of result.globalErrors)
        errors.push({ row: null, column: issue.path, value: '', code: issue.code, message: issue.message });
      return;
    }
    for (const request of result.requests) {
      const built = requests[request.index]!;
      for (const issue of request.errors) errors.push(cellIssue(issue, built));
      for (const issue of request.warnings) warnings.push(cellIssue(issue, built));
    }
    const numeroAns = headerValues.get('numeroAns');
    files.push({
      name: builtFileName(typeof numeroAns === 'string' ? numeroAns : 'numeroAns', options.date, n + 1),
      text: file.text,
      bytes: file.bytes,
      requests: requests.length,
      firstRow: requests[0]!.row,
      lastRow: requests.at(-1)!.row,
    });
  });

  if (errors.length > 0) return rejected();
  return { status: 'built', files, errors, warnings, conversions, requests: dataRows.length };
}

/** JSON Pointer → segments (`/lignesImport/0/a~1b` → ['lignesImport', '0', 'a/b']). */
function segments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function headerIssue(issue: Issue, header: Readonly<Record<string, string>>): CellIssue {
  const [tag = ''] = segments(issue.path);
  return { row: null, column: tag, value: header[tag] ?? '', code: issue.code, message: issue.message };
}

/** A checker's finding in a request → its spreadsheet row and column. */
function cellIssue(issue: Issue, built: Built): CellIssue {
  const rel = segments(issue.path).slice(2);
  // The longest prefix of the path that came from a column; what follows is named after it.
  for (let n = rel.length; n >= 0; n--) {
    const source = n === 0 ? undefined : built.sources.get(rel.slice(0, n).join('/'));
    if (source === undefined && n > 0) continue;
    const rest = rel.slice(n).map((s) => (/^\d+$/.test(s) ? String(Number(s) + 1) : s));
    const column = [source, ...rest].filter((s): s is string => s !== undefined && s !== '').join('.');
    const value = n === rel.length && source !== undefined ? (built.values.get(source) ?? '') : '';
    return { row: built.row, column, value, code: issue.code, message: issue.message };
  }
  return { row: built.row, column: '', value: '', code: issue.code, message: issue.message };
}

/** The result for a table that cannot be read at all (T006): `reason` in French. */
export function unreadableTable(reason: string): BuildResult {
  return { status: 'rejected', files: [], errors: [sheetIssue('T006', { reason }, null)], warnings: [], conversions: [], requests: 0 };
}

/** Today as `AAAAMMJJ` (local time), the default date of the file names. */
export function compactToday(now: Date = new Date()): string {
  return `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
}

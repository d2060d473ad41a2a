// The reports of `segur-sim build`: the JSON document (`--format json`) and the French text.
// Pure: sheet.ts prints them.

import type { BuildResult, CellIssue } from '../sheet/build';
import type { RuleSet } from '../core/model';
import { PLAIN, type Palette } from './report';

/** A written file: where, and how many requests. */
export interface WrittenFile {
  readonly path: string;
  readonly requests: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** A file of that name was there before and is replaced. */
  readonly replaced: boolean;
}

export interface BuildReportContext {
  readonly table: string;
  readonly ruleSet: RuleSet;
  readonly description?: string;
  readonly notes: readonly string[];
  readonly written: readonly WrittenFile[];
}

/** `--format json`: `{ status, files, errors, conversions }`, then `warnings` and `notes`. */
export function buildJsonReport(result: BuildResult, ctx: BuildReportContext): string {
  const issue = (i: CellIssue) => ({ row: i.row, column: i.column, code: i.code, message: i.message });
  const report = {
    status: result.status,
    files: ctx.written.map((f) => ({ path: f.path, requests: f.requests })),
    errors: result.errors.map(issue),
    conversions: result.conversions.map((c) => ({ row: c.row, column: c.column, from: c.from, to: c.to })),
    warnings: result.warnings.map(issue),
    notes: ctx.notes,
  };
  return JSON.stringify(report, null, 2) + '\n';
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** Where a finding stands: `ligne 3, colonne commande.dateCommande (« 31/02/2024 »)`, or the header. */
export function cellPlace(i: Pick<CellIssue, 'row' | 'column' | 'value'>): string {
  const value = i.value === '' ? '' : ` (« ${i.value} »)`;
  if (i.row === null) return i.column === '' ? 'tableau' : `en-tête ${i.column}${value}`;
  return i.column === '' ? `ligne ${i.row}` : `ligne ${i.row}, colonne ${i.column}${value}`;
}

/** How many conversions the text report lists (the JSON report has them all). */
const CONVERSIONS_SHOWN = 30;

export function buildTextReport(result: BuildResult, ctx: BuildReportContext, palette: Palette = PLAIN): string {
  const { red, yellow, green, bold } = palette;
  const lines: string[] = [];
  lines.push(bold(`Tableau : ${ctx.table}${ctx.description ? ` — ${ctx.description}` : ''}`));
  lines.push(`Jeu de règles : ${ctx.ruleSet.title}${ctx.ruleSet.reconstructed ? ' (reconstitué)' : ''}`);
  for (const note of ctx.notes) lines.push(note);
  lines.push('');
  if (result.status === 'built') {
    lines.push(
      green(
        `${plural(result.requests, 'demande acceptée', 'demandes acceptées')} : ${plural(ctx.written.length, 'fichier écrit', 'fichiers écrits')}.`,
      ),
    );
    for (const f of ctx.written) {
      lines.push(
        `  ${f.path} — ${plural(f.requests, 'demande', 'demandes')} (${f.firstRow === f.lastRow ? `ligne ${f.firstRow}` : `lignes ${f.firstRow} à ${f.lastRow}`} du tableau)${f.replaced ? ', remplace le fichier existant' : ''}`,
      );
    }
  } else {
    lines.push(red(bold(`${plural(result.errors.length, 'erreur', 'erreurs')} : aucun fichier écrit.`)));
    for (const e of result.errors) lines.push(`  ${red(e.code)} ${cellPlace(e)} : ${e.message}`);
  }
  if (result.warnings.length > 0) {
    lines.push('', yellow(`${plural(result.warnings.length, 'avertissement', 'avertissements')} :`));
    for (const w of result.warnings) lines.push(`  ${yellow(w.code)} ${cellPlace(w)} : ${w.message}`);
  }
  if (result.conversions.length > 0) {
    lines.push('', `${plural(result.conversions.length, 'conversion', 'conversions')} :`);
    for (const c of result.conversions.slice(0, CONVERSIONS_SHOWN))
      lines.push(`  ${cellPlace({ row: c.row, column: c.column, value: '' })} : ${c.from} → ${c.to}`);
    const more = result.conversions.length - CONVERSIONS_SHOWN;
    if (more > 0) lines.push(`  … et ${plural(more, 'autre', 'autres')} (toutes dans --format json).`);
  }
  return lines.join('\n') + '\n';
}

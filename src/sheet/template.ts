// The spreadsheet template of a rule set, derived from its definitions: the column names, one
// filled example row that builds a valid request, and a description of each column (for the
// XLSX template's second sheet). The writers (src/io/sheet-csv.ts, sheet-xlsx.ts) lay it out.

import type { RuleSet } from '../core/model';
import { operator } from '../rules/common/formats';
import { formatLabel } from '../core/docs';
import { isDateFormat } from './convert';
import { filledByBuilder, TEMPLATE_REPEATS, templateColumns, type TemplateColumn } from './columns';

export interface ColumnDescription {
  readonly column: string;
  readonly block: string;
  readonly description: string;
  readonly format: string;
  readonly required: string;
  /** What the builder converts in this column, in French. */
  readonly accepted: string;
  readonly example: string;
}

export interface Template {
  readonly ruleSet: RuleSet;
  readonly columns: readonly TemplateColumn[];
  readonly descriptions: readonly ColumnDescription[];
  /** General notes (lists, tags filled by the builder, header), one sentence each, in French. */
  readonly notes: readonly string[];
}

/** `modele-<DSR>-<type>.<ext>`: the template's file name. */
export function templateFileName(ruleSet: Pick<RuleSet, 'dsr' | 'type'>, ext: 'csv' | 'xlsx'): string {
  return `modele-${ruleSet.dsr}-${ruleSet.type}.${ext}`;
}

function accepted(column: TemplateColumn): string {
  const f = column.format;
  if (f.type === 'boolean') return 'vrai/faux, oui/non, true/false, 1/0 ; une case vide vaut null';
  if (f.type === 'number') {
    return f.write ? 'nombre ; 1 075,00 €, 1075,5 ou 1075 deviennent 1075.00' : 'nombre entier';
  }
  if (isDateFormat(f)) return 'JJ/MM/AAAA ; une date Excel, 2024-01-15 ou 15-01-2024 deviennent 15/01/2024';
  const parts = ['texte ; une case vide vaut null'];
  if (/^\d+$/.test(column.example)) parts.push('les zéros de tête perdus sont rétablis (1 → 00001 pour 5 caractères)');
  if (f === operator) parts.push('le nom d’un opérateur de la liste (Mailiz) devient son code (MAI_15)');
  return parts.join(' ; ');
}

/** The template of `ruleSet`: columns (lists repeated `TEMPLATE_REPEATS` times), descriptions, notes. */
export function buildTemplate(ruleSet: RuleSet): Template {
  const columns = templateColumns(ruleSet);
  const descriptions = columns.map((c) => ({
    column: c.name,
    block: c.def.block,
    description: c.def.description,
    format: formatLabel(c.def.shape.kind === 'array' ? c.def.shape.items : c.def.shape),
    required: c.def.presence === 'optional' ? `${c.def.fill.doc} ; colonne facultative` : c.def.fill.doc,
    accepted: accepted(c),
    example: c.example,
  }));
  const builderTags = ruleSet.request.fields.filter(filledByBuilder).map((d) => d.tag);
  const lists = [
    ...new Set(columns.filter((c) => c.path.some((s) => typeof s === 'number')).map((c) => c.name.replace(/\.\d+(?:\..*)?$/, ''))),
  ];
  const hasLists = lists.length > 0;
  const notes = [
    'Ligne 1 : les noms des colonnes, à ne pas modifier. Chaque ligne suivante est une demande ; une ligne vide est ignorée.',
    'La ligne 2 est un exemple complet qui construit une demande valide : remplacez-la par vos demandes.',
    `L’en-tête du fichier (numeroAns, siret) se donne une fois, au moment de construire les fichiers ; les demandes sont réparties en fichiers de 200 au plus, nommés JSON-<numeroAns>-<AAAAMMJJ>-<NNN>.json.`,
    `Remplies par le simulateur, sans colonne : ${builderTags.join(', ')} (numLigne numérote les demandes de 1 à n dans chaque fichier).`,
    ...(hasLists
      ? [
          `Listes (${lists.join(', ')}) : ${TEMPLATE_REPEATS} répétitions par liste dans le modèle, numérotées à partir de 1 ; ajoutez des colonnes ….4.…, ….5.… pour davantage ; les répétitions vides sont ignorées.`,
        ]
      : []),
    'Une case vide vaut null là où la balise le permet. Les montants, dates, booléens et identifiants écrits autrement sont convertis, et chaque conversion est signalée.',
  ];
  return { ruleSet, columns, descriptions, notes };
}

/** The template's two rows as text: the column names and the example. */
export function templateRows(template: Template): [string[], string[]] {
  return [template.columns.map((c) => c.name), template.columns.map((c) => c.example)];
}

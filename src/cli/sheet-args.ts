// Arguments of `segur-sim template` and `segur-sim build` → their options, or a usage error.
// Pure: no Node API (sheet.ts does the reading and writing).

import { REQUEST_TYPES, type Dsr, type RequestType } from '../core/types';
import { DSRS } from '../rules/index';
import { isCompactDate } from '../sheet/build';

export const TEMPLATE_USAGE = `Usage : segur-sim template --type avance|solde --dsr ${DSRS.join('|')} [--format csv|xlsx] [--out <fichier>]`;
export const BUILD_USAGE = [
  `Usage : segur-sim build <tableau.csv|tableau.xlsx> --type avance|solde --dsr ${DSRS.join('|')}`,
  '                        --numero-ans <numeroAns> --siret <siret> [--date AAAAMMJJ]',
  '                        [--out-dir <dossier>] [--format text|json]',
].join('\n');

export const TEMPLATE_HELP = `segur-sim template — écrit le modèle de tableau d'un jeu de règles : une colonne par balise
d'une demande (listes numérotées à partir de 1), et une ligne d'exemple qui construit une demande valide.

${TEMPLATE_USAGE}

  --type T            avance ou solde (obligatoire)
  --dsr D             couloir / logiciel (obligatoire)
  --format csv|xlsx   CSV (UTF-8 avec BOM, séparateur « ; », s'ouvre dans Excel) ou XLSX (avec une
                      feuille « Colonnes » qui décrit chaque colonne) ; défaut : csv
  --out F             fichier écrit (défaut : modele-<DSR>-<type>.<ext> dans le dossier courant) ;
                      « - » : sortie standard`;

export const BUILD_HELP = `segur-sim build — construit les fichiers JSON à déposer depuis un tableau rempli d'après le modèle
(segur-sim template) : une demande par ligne, 200 demandes au plus par fichier, chaque fichier
vérifié par le simulateur avant d'être écrit.

${BUILD_USAGE}

  <tableau>           CSV (UTF-8 ou Windows-1252, séparateur « ; » ou « , ») ou XLSX
  --type T, --dsr D   le jeu de règles (obligatoires)
  --numero-ans N      numeroAns de l'en-tête des fichiers (obligatoire)
  --siret S           siret de l'en-tête des fichiers (obligatoire)
  --date AAAAMMJJ     date des noms de fichiers JSON-<numeroAns>-<AAAAMMJJ>-<NNN>.json (défaut : aujourd'hui)
  --out-dir D         dossier où écrire les fichiers (défaut : celui du tableau)
  --format text|json  rapport lisible (défaut) ou document JSON sur la sortie standard

Codes de sortie :
  0   fichiers écrits, toutes les lignes acceptées
  1   au moins une case en erreur : aucun fichier écrit
  64  mauvaise utilisation`;

export interface TemplateOptions {
  readonly type: RequestType;
  readonly dsr: Dsr;
  readonly format: 'csv' | 'xlsx';
  readonly out?: string;
}

export interface BuildCliOptions {
  readonly table: string;
  readonly type: RequestType;
  readonly dsr: Dsr;
  readonly numeroAns: string;
  readonly siret: string;
  readonly date?: string;
  readonly outDir?: string;
  readonly format: 'text' | 'json';
}

export type Parsed<T> =
  { readonly kind: 'run'; readonly options: T } | { readonly kind: 'help' } | { readonly kind: 'usage-error'; readonly message: string };

class UsageError extends Error {}
const fail = (message: string): never => {
  throw new UsageError(message);
};

/** `--name value` and `--name=value` pairs, and the positional arguments. */
function collect(argv: readonly string[], names: readonly string[]): { values: Map<string, string>; positional: string[] } {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositional || arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : arg;
    if (!names.includes(name)) fail(`option inconnue : ${arg.startsWith('--') ? `--${name}` : arg}.`);
    let value = eq === -1 ? undefined : arg.slice(eq + 1);
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) fail(`l'option --${name} attend une valeur.`);
      value = next!;
      i++;
    }
    if (value.trim() === '') fail(`l'option --${name} attend une valeur non vide.`);
    if (values.has(name)) fail(`l'option --${name} est donnée plusieurs fois.`);
    values.set(name, value);
  }
  return { values, positional };
}

function typeAndDsr(values: Map<string, string>): { type: RequestType; dsr: Dsr } {
  const typeRaw = values.get('type');
  const dsrRaw = values.get('dsr');
  if (typeRaw === undefined) fail("l'option --type est obligatoire (avance ou solde).");
  if (dsrRaw === undefined) fail(`l'option --dsr est obligatoire (${DSRS.join(', ')}).`);
  const type =
    REQUEST_TYPES.find((t) => t === typeRaw!.trim().toLowerCase()) ??
    fail(`valeur invalide pour --type : « ${typeRaw} » (attendu : ${REQUEST_TYPES.join(', ')}).`);
  const dsr =
    DSRS.find((d) => d === dsrRaw!.trim().toUpperCase()) ??
    fail(`valeur invalide pour --dsr : « ${dsrRaw} » (attendu : ${DSRS.join(', ')}).`);
  return { type, dsr };
}

function parse<T>(argv: readonly string[], read: (argv: readonly string[]) => T): Parsed<T> {
  const end = argv.indexOf('--');
  if ((end === -1 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help')) return { kind: 'help' };
  try {
    return { kind: 'run', options: read(argv) };
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'usage-error', message: e.message };
    throw e;
  }
}

/** `segur-sim template …` (argv after `template`). */
export function parseTemplateArgs(argv: readonly string[]): Parsed<TemplateOptions> {
  return parse(argv, (args) => {
    const { values, positional } = collect(args, ['type', 'dsr', 'format', 'out']);
    if (positional.length > 0) fail(`argument inattendu : ${positional[0]} (le modèle s'écrit avec --out).`);
    const formatRaw = values.get('format')?.trim().toLowerCase() ?? 'csv';
    if (formatRaw !== 'csv' && formatRaw !== 'xlsx')
      fail(`valeur invalide pour --format : « ${values.get('format')} » (attendu : csv, xlsx).`);
    const out = values.get('out');
    return { ...typeAndDsr(values), format: formatRaw as 'csv' | 'xlsx', ...(out !== undefined ? { out } : {}) };
  });
}

/** `segur-sim build …` (argv after `build`). */
export function parseBuildArgs(argv: readonly string[]): Parsed<BuildCliOptions> {
  return parse(argv, (args) => {
    const { values, positional } = collect(args, ['type', 'dsr', 'numero-ans', 'siret', 'date', 'out-dir', 'format']);
    if (positional.length === 0) fail('tableau à lire manquant (un fichier .csv ou .xlsx).');
    if (positional.length > 1) fail(`un seul tableau à la fois (reçus : ${positional.join(', ')}).`);
    const { type, dsr } = typeAndDsr(values);
    const numeroAns = values.get('numero-ans') ?? fail("l'option --numero-ans est obligatoire (le numeroAns de l'en-tête des fichiers).");
    const siret = values.get('siret') ?? fail("l'option --siret est obligatoire (le siret de l'en-tête des fichiers).");
    const date = values.get('date');
    if (date !== undefined && !isCompactDate(date.trim()))
      fail(`valeur invalide pour --date : « ${date} » (attendu : une date AAAAMMJJ, ex. 20240115).`);
    const formatRaw = values.get('format')?.trim().toLowerCase() ?? 'text';
    if (formatRaw !== 'text' && formatRaw !== 'json')
      fail(`valeur invalide pour --format : « ${values.get('format')} » (attendu : text, json).`);
    const outDir = values.get('out-dir');
    return {
      table: positional[0]!,
      type,
      dsr,
      numeroAns: numeroAns.trim(),
      siret: siret.trim(),
      ...(date !== undefined ? { date: date.trim() } : {}),
      ...(outDir !== undefined ? { outDir } : {}),
      format: formatRaw as 'text' | 'json',
    };
  });
}

// The command line's arguments → the CLI's options, or a usage error (exit 64).
// Pure: no Node API, no I/O; main.ts does the reading, writing and printing.

import { PROFILES, REQUEST_TYPES, VAT_RATES } from '../core/types';
import { DSRS } from '../rules/index';
import type { Dsr, Profile, RequestType, VatRate } from '../core/types';

export type ReportFormat = 'text' | 'json';

export interface CliOptions {
  /** The input file; `-` reads standard input. */
  readonly file: string;
  readonly type: RequestType;
  readonly dsr: Dsr;
  /** Profiles selected (advance only), in the order given, without repeats. */
  readonly profiles: readonly Profile[];
  /** VAT rate selected (advance only); absent → the rate check is not made. */
  readonly vatRate?: VatRate;
  /** Attachment zips (`--pj`, repeatable). */
  readonly attachments: readonly string[];
  /** `--pj-complet`: every zip entry inflated whole (bounded, streaming), its size and CRC checked. */
  readonly completeZipCheck: boolean;
  readonly strict: boolean;
  readonly firstErrorOnly: boolean;
  /** `--out`: a path, or `-` for standard output; absent → the default name (or none for stdin). */
  readonly out?: string;
  readonly format: ReportFormat;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usage-error'; readonly message: string };

export const USAGE = [
  `Usage : segur-sim <fichier.json> --type avance|solde --dsr ${DSRS.join('|')}`,
  '                  [--profil stockage-identite|general|mailiz|centre-sante]...   (avance seulement)',
  '                  [--tva 20|8.5|0]                                              (avance seulement)',
  '                  [--pj <pieces.zip>]... [--pj-complet]  [--strict] [--first-error-only]',
  '                  [--out <sortie.json>] [--format text|json]',
].join('\n');

export const HELP = `segur-sim — simulateur des fichiers JSON de financement Ségur numérique (vérifie le
fichier comme le portail de l'ASP, sans rien envoyer sur le réseau).

${USAGE}

Arguments :
  <fichier.json>        le fichier à vérifier ; « - » lit l'entrée standard
  --type T              type de demande : avance ou solde (obligatoire)
  --dsr D               couloir / logiciel : MDV-LGC, BIO-SGL, HOP-DPI, HOP-PFI ou MS (obligatoire)
  --profil P            profil référencé (avance seulement, répétable) :
                        stockage-identite, general, mailiz, centre-sante
  --tva R               taux de TVA choisi (avance seulement) : 20, 8.5 (ou 8,5) ou 0 ;
                        sans --tva, la cohérence regimeTVA / taux n'est pas vérifiée
  --pj Z                zip des pièces justificatives (répétable) : chaque pièce nommée par le
                        JSON doit s'y trouver, sans fichier en trop, et être conforme (taille,
                        format, nom, contenu) ; par défaut, seuls le répertoire central et
                        les premiers octets de chaque pièce sont lus
  --pj-complet          vérification complète des zips : chaque pièce est décompressée en
                        entier (en flux, sans la garder en mémoire), sa taille et son CRC
                        comparés à ceux qu'annonce le zip
  --strict              les avertissements deviennent des erreurs
  --first-error-only    une seule erreur par demande, comme le portail
  --out F               fichier de sortie (défaut : <base>_sortie.json à côté du fichier
                        d'entrée ; aucun pour l'entrée standard) ; « - » : sortie standard
                        (le rapport texte passe alors sur la sortie d'erreur)
  --format text|json    rapport lisible (défaut) ou un document JSON sur la sortie standard
  -h, --help            cette aide
  --version             la version

Les options acceptent aussi la forme --option=valeur.

Depuis un tableur (aide : segur-sim template --help, segur-sim build --help) :
  segur-sim template --type T --dsr D [--format csv|xlsx] [--out F]     le modèle de tableau
  segur-sim build <tableau> --type T --dsr D --numero-ans N --siret S   les fichiers JSON à déposer

Le schéma JSON du jeu de règles, pour l'éditeur (segur-sim schema --help) :
  segur-sim schema --type T --dsr D

Codes de sortie :
  0   toutes les demandes sont acceptées
  1   au moins une demande est rejetée, ou (avec --pj) une pièce manque, est en trop
      ou en défaut
  2   erreur de format global : le fichier est rejeté en entier, aucun fichier de sortie
  64  mauvaise utilisation (option inconnue ou manquante, valeur invalide, fichier ou zip
      introuvable ou illisible…)`;

type ValueOption = 'type' | 'dsr' | 'profil' | 'tva' | 'pj' | 'out' | 'format';
type FlagOption = 'strict' | 'first-error-only' | 'pj-complet';

const VALUE_OPTIONS: readonly ValueOption[] = ['type', 'dsr', 'profil', 'tva', 'pj', 'out', 'format'];
const FLAG_OPTIONS: readonly FlagOption[] = ['strict', 'first-error-only', 'pj-complet'];
/** Options that may be given more than once. */
const REPEATABLE: ReadonlySet<ValueOption> = new Set(['profil', 'pj']);
const FORMATS: readonly ReportFormat[] = ['text', 'json'];

class UsageError extends Error {}

const fail = (message: string): never => {
  throw new UsageError(message);
};

const list = (values: readonly string[]) => values.join(', ');

/** `--tva` as a vendor may type it: `20`, `8.5`, `8,5`, `20%`, `8,5 %`, `0`. */
export function parseVatRate(raw: string): VatRate | undefined {
  const s = raw.trim().replace(/\s*%$/, '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return VAT_RATES.find((r) => Number(r) === n);
}

function parseType(raw: string): RequestType {
  const v = raw.trim().toLowerCase();
  return REQUEST_TYPES.find((t) => t === v) ?? fail(`valeur invalide pour --type : « ${raw} » (attendu : ${list(REQUEST_TYPES)}).`);
}

function parseDsr(raw: string): Dsr {
  const v = raw.trim().toUpperCase();
  return DSRS.find((d) => d === v) ?? fail(`valeur invalide pour --dsr : « ${raw} » (attendu : ${list(DSRS)}).`);
}

function parseProfiles(raw: string): Profile[] {
  // `--profil general,mailiz` is accepted as a shorthand for two --profil.
  return raw.split(',').map((part) => {
    const v = part.trim().toLowerCase();
    return PROFILES.find((p) => p === v) ?? fail(`valeur invalide pour --profil : « ${part.trim()} » (attendu : ${list(PROFILES)}).`);
  });
}

function parseFormat(raw: string): ReportFormat {
  const v = raw.trim().toLowerCase();
  return FORMATS.find((f) => f === v) ?? fail(`valeur invalide pour --format : « ${raw} » (attendu : ${list(FORMATS)}).`);
}

/** argv without `node` and the script: `process.argv.slice(2)`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  // Help and version win over everything else on the line (before a `--`).
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  if (options.some((a) => a === '-h' || a === '--help')) return { kind: 'help' };
  if (options.includes('--version')) return { kind: 'version' };
  try {
    return { kind: 'run', options: collect(argv) };
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'usage-error', message: e.message };
    throw e;
  }
}

function collect(argv: readonly string[]): CliOptions {
  const files: string[] = [];
  const values = new Map<ValueOption, string[]>();
  const flags = new Set<FlagOption>();
  let onlyFiles = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (!arg.startsWith('--')) fail(`option inconnue : ${arg}.`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);

    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (inline !== undefined) fail(`l'option --${name} ne prend pas de valeur (trouvé : ${arg}).`);
      flags.add(name as FlagOption);
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) fail(`option inconnue : --${name}.`);
    const option = name as ValueOption;

    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // A following `--something` is the next option, not this one's value (`-` alone is a value).
      if (next === undefined || (next.startsWith('--') && next.length > 2)) fail(`l'option --${option} attend une valeur.`);
      value = next!;
      i++;
    }
    if (value.trim() === '') fail(`l'option --${option} attend une valeur non vide.`);
    const seen = values.get(option) ?? [];
    if (seen.length > 0 && !REPEATABLE.has(option)) fail(`l'option --${option} est donnée plusieurs fois.`);
    values.set(option, [...seen, value]);
  }

  const one = (o: ValueOption) => values.get(o)?.[0];

  const typeRaw = one('type');
  const dsrRaw = one('dsr');
  if (typeRaw === undefined && dsrRaw === undefined) fail('les options --type et --dsr sont obligatoires.');
  if (typeRaw === undefined) fail("l'option --type est obligatoire (avance ou solde).");
  if (dsrRaw === undefined) fail(`l'option --dsr est obligatoire (${list(DSRS)}).`);
  const type = parseType(typeRaw!);
  const dsr = parseDsr(dsrRaw!);

  const profileRaws = values.get('profil') ?? [];
  const tvaRaw = one('tva');
  if (type === 'solde' && profileRaws.length > 0) fail("l'option --profil ne s'applique qu'à une avance (--type avance).");
  if (type === 'solde' && tvaRaw !== undefined) fail("l'option --tva ne s'applique qu'à une avance (--type avance).");
  const profiles = [...new Set(profileRaws.flatMap(parseProfiles))];
  let vatRate: VatRate | undefined;
  if (tvaRaw !== undefined) {
    vatRate = parseVatRate(tvaRaw) ?? fail(`valeur invalide pour --tva : « ${tvaRaw} » (attendu : 20, 8.5 ou 0).`);
  }

  const formatRaw = one('format');
  const format = formatRaw === undefined ? 'text' : parseFormat(formatRaw);
  const out = one('out');
  if (out === '-' && format === 'json') {
    fail('--out - et --format json ne peuvent pas aller ensemble : les deux écriraient sur la sortie standard.');
  }

  if (files.length === 0) fail("fichier JSON à vérifier manquant (« - » pour lire l'entrée standard).");
  if (files.length > 1) fail(`un seul fichier à la fois (reçus : ${files.join(', ')}).`);

  return {
    file: files[0]!,
    type,
    dsr,
    profiles,
    ...(vatRate !== undefined ? { vatRate } : {}),
    attachments: values.get('pj') ?? [],
    completeZipCheck: flags.has('pj-complet'),
    strict: flags.has('strict'),
    firstErrorOnly: flags.has('first-error-only'),
    ...(out !== undefined ? { out } : {}),
    format,
  };
}

/** The default output file name: `<base>_sortie.json`, base without a `.json` extension (any case). */
export function defaultOutputName(inputName: string): string {
  const base = inputName.replace(/\.json$/i, '');
  return `${base}_sortie.json`;
}

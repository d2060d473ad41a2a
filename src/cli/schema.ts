// `segur-sim schema --type T --dsr D [--out F]`: prints the JSON Schema of a rule set
// (src/core/schema.ts) for a vendor's editor. Its own module, dispatched by main.ts on the
// first argument, beside the checking command.

import { writeFile } from 'node:fs/promises';
import { editorSettings, jsonSchemaOf } from '../core/schema';
import { REQUEST_TYPES, type Dsr, type RequestType } from '../core/types';
import { DSRS, ruleSetFor } from '../rules/index';
import { RULE_SETS } from '../simulator';

export const SCHEMA_USAGE = `Usage : segur-sim schema --type avance|solde --dsr ${DSRS.join('|')} [--out <schema.json>]`;

export const SCHEMA_HELP = `segur-sim schema — le schéma JSON (draft 2020-12) d'un jeu de règles, pour qu'un éditeur
(VS Code, JetBrains) complète les balises et signale les erreurs pendant la saisie.

${SCHEMA_USAGE}

  --type T      type de demande : avance ou solde (obligatoire)
  --dsr D       couloir / logiciel : ${DSRS.join(', ')} (obligatoire)
  --out F       écrit le schéma dans le fichier F (défaut : la sortie standard)

Le schéma ne refuse jamais un fichier que le simulateur accepte ; il en dit moins : les règles
entre demandes, le formulaire (TVA, profils), les pièces et les montants écrits avec deux
décimales restent à « segur-sim <fichier.json> ».

Réglages de l'éditeur (schéma enregistré sous son nom, à côté des fichiers JSON) :
  ${editorSettings({ type: 'avance', dsr: 'MDV-LGC' }).join('\n  ')}
N'ajoutez pas de balise "$schema" au fichier : le portail la refuserait (balise inconnue).

Codes de sortie : 0 le schéma est écrit ; 64 mauvaise utilisation.`;

export type SchemaArgs =
  | { readonly kind: 'run'; readonly type: RequestType; readonly dsr: Dsr; readonly out?: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

/** The arguments after `schema` → what to print, or a French usage error. Pure. */
export function parseSchemaArgs(argv: readonly string[]): SchemaArgs {
  if (argv.some((a) => a === '-h' || a === '--help')) return { kind: 'help' };
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      return { kind: 'usage-error', message: `argument inattendu : « ${arg} » (segur-sim schema ne lit aucun fichier).` };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (name !== 'type' && name !== 'dsr' && name !== 'out')
      return { kind: 'usage-error', message: `option inconnue pour segur-sim schema : --${name} (permises : --type, --dsr, --out).` };
    let value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value.trim() === '' || (eq === -1 && value.startsWith('--')))
      return { kind: 'usage-error', message: `l'option --${name} attend une valeur.` };
    value = value.trim();
    if (values.has(name)) return { kind: 'usage-error', message: `l'option --${name} est donnée plusieurs fois.` };
    values.set(name, value);
  }
  const typeRaw = values.get('type');
  const dsrRaw = values.get('dsr');
  if (typeRaw === undefined || dsrRaw === undefined)
    return { kind: 'usage-error', message: 'les options --type et --dsr sont obligatoires.' };
  const type = REQUEST_TYPES.find((t) => t === typeRaw.toLowerCase());
  if (!type)
    return { kind: 'usage-error', message: `valeur invalide pour --type : « ${typeRaw} » (attendu : ${REQUEST_TYPES.join(', ')}).` };
  const dsr = DSRS.find((d) => d === dsrRaw.toUpperCase());
  if (!dsr) return { kind: 'usage-error', message: `valeur invalide pour --dsr : « ${dsrRaw} » (attendu : ${DSRS.join(', ')}).` };
  const out = values.get('out');
  return { kind: 'run', type, dsr, ...(out !== undefined && out !== '-' ? { out } : {}) };
}

/** The schema's text as printed and downloaded: two-space indentation, a final newline. */
export function schemaText(type: RequestType, dsr: Dsr): string | undefined {
  const ruleSet = ruleSetFor(type, dsr);
  return ruleSet && `${JSON.stringify(jsonSchemaOf(ruleSet), null, 2)}\n`;
}

/** Runs `segur-sim schema …`; returns the exit status (0, or 64 for a usage error). */
export async function runSchema(argv: readonly string[]): Promise<number> {
  const parsed = parseSchemaArgs(argv);
  const usage = (message: string) => {
    process.stderr.write(`segur-sim schema : ${message}\n${SCHEMA_USAGE}\nAide : segur-sim schema --help\n`);
    return 64;
  };
  if (parsed.kind === 'help') {
    process.stdout.write(SCHEMA_HELP + '\n');
    return 0;
  }
  if (parsed.kind === 'usage-error') return usage(parsed.message);
  const text = schemaText(parsed.type, parsed.dsr);
  if (text === undefined) {
    const available = RULE_SETS.map((r) => `--type ${r.type} --dsr ${r.dsr}`).join(' ; ');
    return usage(`aucun jeu de règles pour --type ${parsed.type} --dsr ${parsed.dsr}. Combinaisons disponibles : ${available}.`);
  }
  if (parsed.out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  try {
    await writeFile(parsed.out, text);
  } catch (e) {
    return usage(`impossible d'écrire ${parsed.out} (${(e as NodeJS.ErrnoException).code ?? 'erreur'}).`);
  }
  process.stderr.write(`segur-sim : schéma écrit dans ${parsed.out}\n`);
  return 0;
}

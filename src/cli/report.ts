// A simulation result → the CLI's reports: the JSON report (built in src/core/report.ts, shared
// with the app) and the French text summary (default). Pure: no Node API; main.ts prints them.

import type { Issue, SimulationResult, Status, VatRate } from '../core/types';
import { visible } from '../core/visible';
export { NO_ATTACHMENT_FINDINGS, formatJsonReport, jsonReport, overallStatus } from '../core/report';
export type { AttachmentsReport, IssueReport, JsonReport, ReportContext, RequestReport } from '../core/report';
import { overallStatus, type AttachmentFault, type AttachmentsReport, type ReportContext } from '../core/report';
import { ATTACHMENT_STATUS_LABELS, attachmentTypeLabel, sizeFr } from '../messages/fr';

/** Exit status of the contract: 0 accepted, 1 rejected, 2 invalid (64, bad usage, is main.ts's). */
export function exitCodeFor(status: Status): 0 | 1 | 2 {
  return status === 'accepted' ? 0 : status === 'rejected' ? 1 : 2;
}

export interface Palette {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly bold: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
export const ANSI: Palette = { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), bold: sgr(1, 22) };
const id = (s: string) => s;
export const PLAIN: Palette = { red: id, yellow: id, green: id, bold: id };

/**
 * Colours or not, for a stream: FORCE_COLOR decides when set (`0`/`false` → no, anything else →
 * yes), as in Node itself; otherwise NO_COLOR (set and not empty) → no; otherwise only on a
 * terminal that is not `dumb`.
 */
export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY && env['TERM'] !== 'dumb';
}

// ---------------------------------------------------------------------------------------------
// Terminal safety

/**
 * `text` with every character a terminal would act on written as an escape (`\n`, `\u001B`,
 * `\u202E`): what the file holds, shown visibly, on one line (src/core/visible.ts). Idempotent.
 * Used on every piece of the text report (issue 15).
 */
export const terminalSafe = visible;

/** A palette that makes each piece terminal-safe before colouring it. */
function safePalette(p: Palette): Palette {
  return {
    red: (s) => p.red(terminalSafe(s)),
    yellow: (s) => p.yellow(terminalSafe(s)),
    green: (s) => p.green(terminalSafe(s)),
    bold: (s) => p.bold(terminalSafe(s)),
  };
}

// ---------------------------------------------------------------------------------------------
// Text report

const VAT_LABEL: Record<VatRate, string> = { '20': '20 %', '8.5': '8,5 %', '0': '0 %' };

/** `1 demande acceptée`, `2 demandes acceptées`. */
const count = (n: number, singular: string, plural: string) => `${n} ${n > 1 ? plural : singular}`;

const where = (i: Issue) => `ligne ${i.line}, colonne ${i.column}`;

function requestLabel(numLigne: number | null, numeroEditeur: string | null, index: number): string {
  const n = numLigne === null ? `? (élément ${index + 1} de lignesImport)` : String(numLigne);
  return `numLigne ${n} (numeroEditeur ${numeroEditeur ?? '?'})`;
}

/**
 * The French text report: the run's choices, one line per finding, the attachments, the verdict
 * and the counts. Every piece that comes from the input (values, tag names, entry names) is
 * written terminal-safe (`terminalSafe`): one report line per line, whatever the file holds.
 */
export function textReport(result: SimulationResult, ctx: ReportContext, palette: Palette = PLAIN): string {
  const { red, yellow, green, bold } = safePalette(palette);
  const lines: string[] = [];
  const plain = (s: string) => lines.push(terminalSafe(s));
  const status = overallStatus(result, ctx.attachments);

  // Header: the file and the form's choices.
  const head = [
    `Fichier : ${ctx.file === '-' ? 'entrée standard' : ctx.file}`,
    `jeu de règles : ${ctx.ruleSet.title}`,
    `type : ${ctx.type}`,
  ];
  if (ctx.type === 'avance') {
    head.push(`TVA : ${ctx.vatRate !== undefined ? VAT_LABEL[ctx.vatRate] : 'non fourni'}`);
    head.push(`profils : ${ctx.profiles.length > 0 ? ctx.profiles.join(', ') : 'aucun'}`);
  }
  if (ctx.strict) head.push('strict');
  if (ctx.firstErrorOnly) head.push('première erreur seulement');
  lines.push(bold(head.join(' | ')));
  if (ctx.ruleSet.reconstructed) plain(`Jeu de règles reconstitué : ${ctx.ruleSet.reconstructed}`);
  if (ctx.type === 'avance' && ctx.vatRate === undefined) {
    plain("Taux de TVA non fourni (--tva) : la cohérence entre regimeTVA et le taux de TVA n'est pas vérifiée.");
  }

  // File-level findings.
  for (const e of result.globalErrors) {
    lines.push(red(`Erreur globale ${where(e)} [${e.code}] ${e.path || '(racine)'} : ${e.message}`));
  }
  for (const w of result.globalWarnings) {
    lines.push(yellow(`Avertissement global ${where(w)} [${w.code}] ${w.path || '(racine)'} : ${w.message}`));
  }

  // One line per request, then one per finding.
  for (const r of result.requests) {
    const accepted = r.errors.length === 0;
    const label = requestLabel(r.numLigne, r.numeroEditeur, r.index);
    lines.push(`${terminalSafe(label)} : ${accepted ? green('acceptée') : red('rejetée')}`);
    const n = r.numLigne === null ? '?' : String(r.numLigne);
    for (const e of r.errors) {
      lines.push(red(`    numLigne ${n} ${e.path} (ligne ${e.line}, col. ${e.column}) [${e.code}] ${e.message}`));
    }
    for (const w of r.warnings) {
      lines.push(yellow(`    numLigne ${n} ${w.path} (ligne ${w.line}, col. ${w.column}) [${w.code}] avertissement : ${w.message}`));
    }
  }

  // Attachments: the «Documents attendus» list, when zips were given.
  lines.push(...attachmentsSection(ctx.attachments, palette));

  // The portal's verdict, then the counts and the output file.
  if (status === 'invalid') {
    lines.push(
      red("Le JSON chargé ne respecte pas le format attendu : le fichier est rejeté en entier, aucun fichier de sortie n'est produit."),
    );
  } else if (status === 'accepted') {
    lines.push(green("La simulation de l'import s'est déroulée correctement."));
  } else if (result.status === 'accepted') {
    lines.push(
      red(
        'Les demandes du JSON sont correctes, mais les pièces justificatives ne le sont pas : corrigez les zips (voir « Documents attendus »).',
      ),
    );
  } else {
    lines.push(
      red(
        "Une ou plusieurs erreurs ont été retournées lors de la simulation de l'import. Veuillez corriger votre fichier en suivant les erreurs du fichier de retour.",
      ),
    );
  }

  const total = result.requests.length;
  const rejected = result.requests.filter((r) => r.errors.length > 0).length;
  const errors = result.globalErrors.length + result.requests.reduce((s, r) => s + r.errors.length, 0);
  const warnings = result.globalWarnings.length + result.requests.reduce((s, r) => s + r.warnings.length, 0);
  const counts =
    status === 'invalid'
      ? `Bilan : fichier invalide, ${count(errors, 'erreur globale', 'erreurs globales')}`
      : `Bilan : ${count(total, 'demande', 'demandes')}, ${count(total - rejected, 'acceptée', 'acceptées')}, ` +
        `${count(rejected, 'rejetée', 'rejetées')}, ${count(errors, 'erreur', 'erreurs')}, ${count(warnings, 'avertissement', 'avertissements')}` +
        (ctx.attachments.detail
          ? `, ${count(attachmentFaults(ctx.attachments), 'défaut de pièce justificative', 'défauts de pièces justificatives')}`
          : '');
  const output =
    ctx.output === null
      ? status === 'invalid'
        ? 'aucun fichier de sortie'
        : 'fichier de sortie non écrit (entrée standard : indiquer --out)'
      : ctx.output === '-'
        ? 'fichier de sortie : sortie standard'
        : `fichier de sortie : ${ctx.output}`;
  lines.push(bold(`${counts} ; ${output}.`));
  if (ctx.staleOutput) {
    lines.push(
      red(
        `Attention : ${ctx.staleOutput}, fichier de sortie d'une vérification précédente, est toujours là ; il ne correspond plus au fichier d'entrée (rejeté en entier) : ne le déposez pas.`,
      ),
    );
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Attachments section

/** Every attachment fault: missing (P001), unexpected (P002) and faulty files and zips. */
export const attachmentFaults = (a: AttachmentsReport) => a.missing.length + a.unexpected.length + a.faulty.length;

const faultLines = (faults: readonly AttachmentFault[], red: (s: string) => string) =>
  faults.map((f) => red(`      [${f.code}] ${f.message}`));

/**
 * The «Documents attendus» list as the portal shows it (type, file name), with a status per
 * file; then the zips' own faults, the files no request names, and the counts. Empty without zips.
 */
export function attachmentsSection(a: AttachmentsReport, palette: Palette = PLAIN): string[] {
  const { red, green, bold } = safePalette(palette);
  const detail = a.detail;
  if (!detail) return [];
  const lines: string[] = [];

  lines.push(bold(`Pièces justificatives — ${count(detail.zips.length, 'zip', 'zips')} :`));
  for (const z of detail.zips) {
    lines.push(terminalSafe(`  ${z.name} : ${count(z.files, 'fichier', 'fichiers')}, ${sizeFr(z.size)}`));
    lines.push(...faultLines(z.faults, red));
  }
  lines.push(
    detail.complete
      ? "  Vérification complète : chaque pièce a été décompressée en entier, sa taille et son CRC comparés à ceux qu'annonce le zip."
      : '  Vérification rapide : seuls le répertoire central et les premiers octets de chaque pièce ont été lus ; ni la taille réelle ni le CRC des pièces ne sont contrôlés (--pj-complet pour tout vérifier).',
  );

  if (detail.documents === null) {
    lines.push(bold("Documents attendus : inconnus (le JSON n'a pas pu être lu) ; seuls les défauts propres aux zips sont signalés."));
  } else {
    lines.push(bold('Documents attendus :'));
    if (detail.documents.length === 0) lines.push('  aucune pièce nommée par le JSON');
    for (const d of detail.documents) {
      const type = d.typeFichier === null ? '(type non précisé)' : attachmentTypeLabel(d.typeFichier);
      const label = terminalSafe(
        `  numLigne ${d.numLigne ?? '?'} (numeroEditeur ${d.numeroEditeur ?? '?'}) | ${type} | ${d.nomFichier} : `,
      );
      const status = ATTACHMENT_STATUS_LABELS[d.status];
      if (d.status === 'missing') lines.push(label + red(`${status} [P001]`));
      else {
        const where = d.entry !== null && d.entry !== d.nomFichier ? `${d.zip}, ${d.entry}` : d.zip;
        lines.push(label + (d.status === 'present' ? green(status) : red(status)) + terminalSafe(` (${where})`));
        lines.push(...faultLines(d.faults, red));
      }
    }
  }

  if (detail.extra.length > 0) {
    lines.push(bold('Fichiers nommés par aucune demande :'));
    for (const x of detail.extra) {
      lines.push(red(`  ${x.zip} : ${x.name} [P002]`) + terminalSafe(x.hint ? ` — vouliez-vous dire « ${x.hint} » ?` : ''));
      lines.push(...faultLines(x.faults, red));
    }
  }

  if (detail.documents !== null) {
    const by = (s: 'present' | 'missing' | 'faulty') => detail.documents!.filter((d) => d.status === s).length;
    lines.push(
      bold(
        `Bilan des pièces : ${count(detail.documents.length, 'attendue', 'attendues')}, ${count(by('present'), 'présente', 'présentes')}, ` +
          `${by('faulty')} en défaut, ${count(by('missing'), 'manquante', 'manquantes')} ; ` +
          `${count(a.unexpected.length, 'fichier inattendu', 'fichiers inattendus')} ; ${count(attachmentFaults(a), 'défaut', 'défauts')} au total.`,
      ),
    );
  } else {
    lines.push(bold(`Bilan des pièces : ${count(attachmentFaults(a), 'défaut', 'défauts')}.`));
  }
  return lines;
}

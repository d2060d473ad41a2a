// `segur-sim template` and `segur-sim build`: Node I/O around the pure builder (src/sheet) and
// the table readers and writers (src/io/sheet*.ts). Exit statuses: 0 written; 1 a cell (or the
// table) in error, nothing written; 64 bad usage.

import { access, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ruleSetFor, RULE_SETS } from '../simulator';
import { buildTemplate, templateFileName } from '../sheet/template';
import { buildFromTable, compactToday, unreadableTable } from '../sheet/build';
import { templateCsv } from '../io/sheet-csv';
import { templateXlsx } from '../io/sheet-xlsx';
import { readTable } from '../io/sheet';
import { BUILD_HELP, BUILD_USAGE, parseBuildArgs, parseTemplateArgs, TEMPLATE_HELP, TEMPLATE_USAGE } from './sheet-args';
import { buildJsonReport, buildTextReport, type WrittenFile } from './sheet-report';
import { ANSI, PLAIN, useColor } from './report';

const EXIT_USAGE = 64;

function usage(command: string, message: string, text: string): number {
  process.stderr.write(`segur-sim ${command} : ${message}\n${text}\nAide : segur-sim ${command} --help\n`);
  return EXIT_USAGE;
}

const combinations = () => RULE_SETS.map((r) => `--type ${r.type} --dsr ${r.dsr}`).join(' ; ');

const errnoCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : 'erreur');

/** Runs `segur-sim <command> …`; `argv` after the command's name. Resolves to the exit status. */
export async function runSheetCommand(command: 'template' | 'build', argv: readonly string[]): Promise<number> {
  return command === 'template' ? runTemplate(argv) : runBuild(argv);
}

async function runTemplate(argv: readonly string[]): Promise<number> {
  const parsed = parseTemplateArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(TEMPLATE_HELP + '\n');
    return 0;
  }
  if (parsed.kind === 'usage-error') return usage('template', parsed.message, TEMPLATE_USAGE);
  const options = parsed.options;
  const ruleSet = ruleSetFor(options.type, options.dsr);
  if (!ruleSet)
    return usage(
      'template',
      `aucun jeu de règles pour --type ${options.type} --dsr ${options.dsr}. Combinaisons disponibles : ${combinations()}.`,
      TEMPLATE_USAGE,
    );
  const template = buildTemplate(ruleSet);
  const bytes = options.format === 'csv' ? new TextEncoder().encode(await templateCsv(template)) : await templateXlsx(template);
  if (options.out === '-') {
    process.stdout.write(bytes);
    return 0;
  }
  const target = resolve(options.out ?? templateFileName(ruleSet, options.format));
  try {
    await writeFile(target, bytes);
  } catch (e) {
    return usage('template', `impossible d'écrire ${target} (${errnoCode(e)}).`, TEMPLATE_USAGE);
  }
  process.stdout.write(`Modèle ${ruleSet.title} écrit : ${target} (${template.columns.length} colonnes, une ligne d'exemple).\n`);
  return 0;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function runBuild(argv: readonly string[]): Promise<number> {
  const parsed = parseBuildArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(BUILD_HELP + '\n');
    return 0;
  }
  if (parsed.kind === 'usage-error') return usage('build', parsed.message, BUILD_USAGE);
  const options = parsed.options;
  const ruleSet = ruleSetFor(options.type, options.dsr);
  if (!ruleSet)
    return usage(
      'build',
      `aucun jeu de règles pour --type ${options.type} --dsr ${options.dsr}. Combinaisons disponibles : ${combinations()}.`,
      BUILD_USAGE,
    );

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(options.table));
  } catch (e) {
    const code = errnoCode(e);
    const why =
      code === 'ENOENT'
        ? `tableau introuvable : ${options.table}.`
        : code === 'EISDIR'
          ? `${options.table} est un dossier, pas un tableau.`
          : `impossible de lire ${options.table} (${code}).`;
    return usage('build', why, BUILD_USAGE);
  }
  const outDir = resolve(options.outDir ?? dirname(options.table));
  try {
    if (!(await stat(outDir)).isDirectory()) return usage('build', `--out-dir ${outDir} n'est pas un dossier.`, BUILD_USAGE);
  } catch {
    return usage('build', `dossier de sortie introuvable : ${outDir}.`, BUILD_USAGE);
  }

  const read = await readTable(bytes);
  const result = read.ok
    ? buildFromTable(read.table, ruleSet, {
        header: { numeroAns: options.numeroAns, siret: options.siret },
        date: options.date ?? compactToday(),
      })
    : unreadableTable(read.reason);

  const written: WrittenFile[] = [];
  if (result.status === 'built') {
    for (const file of result.files) {
      const path = join(outDir, file.name);
      const replaced = await exists(path);
      try {
        await writeFile(path, file.bytes);
      } catch (e) {
        return usage('build', `impossible d'écrire ${path} (${errnoCode(e)}).`, BUILD_USAGE);
      }
      written.push({ path, requests: file.requests, firstRow: file.firstRow, lastRow: file.lastRow, replaced });
    }
  }
  const ctx = {
    table: options.table,
    ruleSet,
    notes: read.ok ? (read.table.notes ?? []) : [],
    written,
    ...(read.ok && read.table.description ? { description: read.table.description } : {}),
  };
  if (options.format === 'json') process.stdout.write(buildJsonReport(result, ctx));
  else process.stdout.write(buildTextReport(result, ctx, useColor(process.env, process.stdout.isTTY === true) ? ANSI : PLAIN));
  return result.status === 'built' ? 0 : 1;
}

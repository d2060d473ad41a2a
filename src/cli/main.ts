// The `segur-sim` command: Node I/O around the pure core (args.ts → simulateFile → report.ts).
// No shebang here: the CLI build adds it (vite.config.ts, postBanner).
//
// Exit statuses (the contract in /work/shared/spec/README.md):
//   0  every request accepted and, with --pj, every attachment present and sound;
//   1  at least one request rejected, or an attachment missing, unexpected or faulty
//      (a --pj file that is not a zip is such a fault);
//   2  global format error (no output file);
//   64 bad usage (options, unreadable input or zip, no rule set for the type and DSR, output not writable).
// The contract has no status for a bug of our own: a truly unexpected exception prints
// « erreur interne » on stderr (no stack trace unless SEGUR_SIM_DEBUG is set) and exits 2,
// the "the file could not be checked" status — never 0 or 1, which would be a verdict.

import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { defaultOutputName, HELP, parseArgs, USAGE, type CliOptions } from './args';
import {
  ANSI,
  exitCodeFor,
  formatJsonReport,
  NO_ATTACHMENT_FINDINGS,
  overallStatus,
  PLAIN,
  textReport,
  useColor,
  type ReportContext,
} from './report';
import { MAX_INPUT_BYTES, NoRuleSetError, oversized, RULE_SETS, ruleSetFor, simulateFile } from '../simulator';
import { checkAttachments, expectedAttachments, type ZipInput } from '../attachments/index';
import type { AttachmentsReport } from '../core/report';
import type { OutputFile, SimulationOptions } from '../core/types';
import { version } from '../../package.json';
import { openFileBlob } from './file-blob';
import { batched, InputError, readInputBounded, writeAtomically, type InputRead } from './io';
import { runSheetCommand } from './sheet';
import { runSchema } from './schema';

const EXIT_USAGE = 64;
const EXIT_INTERNAL = 2;

class UsageFailure extends Error {}

function usageError(message: string): never {
  throw new UsageFailure(message);
}

function printUsageError(message: string): void {
  process.stderr.write(`segur-sim : ${message}\n${USAGE}\nAide : segur-sim --help\n`);
}

const availableRuleSets = () => RULE_SETS.map((r) => `--type ${r.type} --dsr ${r.dsr}`).join(' ; ');

function noRuleSet(options: Pick<CliOptions, 'type' | 'dsr'>): never {
  usageError(`aucun jeu de règles pour --type ${options.type} --dsr ${options.dsr}. Combinaisons disponibles : ${availableRuleSets()}.`);
}

/**
 * The input, read within MAX_INPUT_BYTES (io.ts: a larger regular file is not read, a stream is
 * read up to the limit + 1 byte); an input that cannot be read at all is a usage error.
 */
async function readInput(file: string): Promise<InputRead> {
  try {
    return await readInputBounded(file, MAX_INPUT_BYTES);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (e.reason === 'missing') usageError(`fichier introuvable : ${file}.`);
    if (e.reason === 'directory') usageError(`${file} est un dossier, pas un fichier JSON.`);
    if (e.reason === 'denied') usageError(`fichier illisible (droits insuffisants) : ${file}.`);
    usageError(`impossible de lire ${file} (${e.code ?? 'erreur inconnue'}).`);
  }
}

/** The device and inode of a path, or null when it does not exist (or cannot be stat'ed). */
async function identity(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Refuses an output file that is one of the inputs (the JSON or a --pj zip): writing it would destroy that input. */
async function refuseOverwritingInputs(target: string, options: CliOptions): Promise<void> {
  const inputs = [...(options.file === '-' ? [] : [options.file]), ...options.attachments];
  const targetId = await identity(target);
  for (const input of inputs) {
    const same = resolve(input) === target || (targetId !== null && (await identity(input)) === targetId);
    if (same)
      usageError(
        `--out ${options.out ?? target} désigne un fichier d'entrée (${input}) : le fichier de sortie l'écraserait. Choisissez un autre chemin.`,
      );
  }
}

/** Whether a regular file stands at `path` (an earlier output left there). */
async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A --pj zip, opened for positional reads: only the slices the check asks for are read (the descriptor closes with the process). */
async function openZip(zip: string): Promise<ZipInput> {
  let isFile = false;
  try {
    isFile = (await stat(zip)).isFile();
  } catch {
    usageError(`zip des pièces justificatives introuvable : ${zip}.`);
  }
  if (!isFile) usageError(`--pj ${zip} n'est pas un fichier.`);
  try {
    return { name: zip, blob: openFileBlob(zip) };
  } catch (e) {
    usageError(`impossible de lire le zip ${zip} (${(e as NodeJS.ErrnoException).code ?? 'erreur'}).`);
  }
}

/**
 * A progress line on standard error, only on a terminal and only for work that lasts: nothing
 * before 300 ms, then at most ten updates a second, erased at the end.
 */
function progressLine(stream: NodeJS.WriteStream): { update(done: number, total: number): void; end(): void } {
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - start < 300 || now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[Ksegur-sim : pièces justificatives, ${done}/${total} fichiers examinés…`);
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** The attachments check of the --pj zips against what the JSON names. */
async function attachmentsOf(
  zips: readonly ZipInput[],
  bytes: Uint8Array | null,
  ruleSet: NonNullable<ReturnType<typeof ruleSetFor>>,
  options: SimulationOptions,
  complete: boolean,
): Promise<AttachmentsReport> {
  const expected = bytes !== null ? expectedAttachments(bytes, ruleSet, options) : null;
  const progress = progressLine(process.stderr);
  try {
    return await checkAttachments(zips, expected, ruleSet.attachments, { onProgress: progress.update, complete });
  } catch (e) {
    // Faults of the archives are in the report; only a failure to read the file lands here.
    const code = (e as NodeJS.ErrnoException).code;
    usageError(`impossible de lire les zips des pièces justificatives (${code ?? (e instanceof Error ? e.message : 'erreur')}).`);
  } finally {
    progress.end();
  }
}

/** Where the output file goes: `--out`, or `<base>_sortie.json` next to the input, or nowhere (stdin). */
function outputTarget(options: CliOptions): string | null {
  if (options.out === '-') return '-';
  if (options.out !== undefined) return resolve(options.out);
  if (options.file === '-') return null;
  return resolve(join(dirname(options.file), defaultOutputName(basename(options.file))));
}

/** Writes the output file's parts to standard output, in batches; a closed pipe (EPIPE) ends it quietly. */
async function writeStdout(output: OutputFile): Promise<void> {
  for (const batch of batched(output.parts)) {
    const closed = await new Promise<boolean>((done, failed) =>
      process.stdout.write(batch, (e) =>
        e && (e as NodeJS.ErrnoException).code !== 'EPIPE' ? failed(e) : done(e !== null && e !== undefined),
      ),
    );
    if (closed) return;
  }
}

async function run(argv: readonly string[]): Promise<number> {
  // Subcommands, each in its own module; anything else is a file to check.
  if (argv[0] === 'template' || argv[0] === 'build') return runSheetCommand(argv[0], argv.slice(1));
  if (argv[0] === 'schema') return runSchema(argv.slice(1));
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(HELP + '\n');
      return 0;
    case 'version':
      process.stdout.write(`segur-sim ${version}\n`);
      return 0;
    case 'usage-error':
      printUsageError(parsed.message);
      return EXIT_USAGE;
  }
  const options = parsed.options;

  try {
    const ruleSet = ruleSetFor(options.type, options.dsr) ?? noRuleSet(options);
    const zips: ZipInput[] = [];
    for (const zip of options.attachments) zips.push(await openZip(zip));
    const target = outputTarget(options);
    if (target !== null && target !== '-') await refuseOverwritingInputs(target, options);
    const input = await readInput(options.file);

    // Options the chosen rule set's form does not offer: said, then ignored (not a usage error:
    // the portal's form simply does not show them).
    if (options.profiles.length > 0 && !ruleSet.form.profiles) {
      process.stderr.write(
        `segur-sim : note — le formulaire ${ruleSet.dsr} (${ruleSet.type}) ne propose pas de profils ; --profil est ignoré.\n`,
      );
    }
    if (options.vatRate !== undefined && !ruleSet.form.vatRates.includes(options.vatRate)) {
      process.stderr.write(
        `segur-sim : note — le formulaire ${ruleSet.dsr} (${ruleSet.type}) ne propose pas le taux de TVA ${options.vatRate} ; --tva est ignoré.\n`,
      );
    }
    const simulation: SimulationOptions = {
      type: options.type,
      dsr: options.dsr,
      profiles: options.profiles,
      ...(options.vatRate !== undefined && ruleSet.form.vatRates.includes(options.vatRate) ? { vatRate: options.vatRate } : {}),
      strict: options.strict,
      firstErrorOnly: options.firstErrorOnly,
      // The file name warning (G020): the name as the user gave it, without its folder.
      ...(options.file !== '-' ? { fileName: basename(options.file) } : {}),
    };
    let result;
    try {
      result = input.kind === 'too-large' ? oversized(input.size) : simulateFile(input.bytes, simulation);
    } catch (e) {
      if (e instanceof NoRuleSetError) noRuleSet(options);
      throw e;
    }

    // With an invalid JSON the list of expected attachments is unknown: the zips are still
    // checked for their own faults.
    const jsonBytes = input.kind === 'bytes' && result.status !== 'invalid' ? input.bytes : null;
    const attachments =
      zips.length === 0 ? NO_ATTACHMENT_FINDINGS : await attachmentsOf(zips, jsonBytes, ruleSet, simulation, options.completeZipCheck);
    const status = overallStatus(result, attachments);

    // The output file: for accepted or rejected, never for invalid; byte for byte. It is written
    // once the report is ready (a failure before leaves nothing), atomically (io.ts).
    const output = result.output !== null && target !== null ? target : null;
    // An invalid re-run leaves an earlier output of this input beside it: say it no longer matches.
    const staleOutput = result.output === null && target !== null && target !== '-' && (await isRegularFile(target)) ? target : null;

    const ctx: ReportContext = {
      file: options.file,
      type: options.type,
      dsr: options.dsr,
      ruleSet,
      profiles: options.profiles,
      ...(options.vatRate !== undefined ? { vatRate: options.vatRate } : {}),
      strict: options.strict,
      firstErrorOnly: options.firstErrorOnly,
      output,
      staleOutput,
      attachments,
      completeZipCheck: options.completeZipCheck,
    };
    // With --out -, standard output carries the output file: the text report goes to stderr.
    const stream = options.format === 'text' && options.out === '-' ? process.stderr : process.stdout;
    const report =
      options.format === 'json'
        ? formatJsonReport(result, ctx)
        : textReport(result, ctx, useColor(process.env, stream.isTTY === true) ? ANSI : PLAIN);

    if (result.output !== null && output !== null) {
      if (output === '-') {
        await writeStdout(result.output);
      } else {
        try {
          await writeAtomically(output, result.output.parts);
        } catch (e) {
          usageError(
            `impossible d'écrire le fichier de sortie ${output} (${(e as NodeJS.ErrnoException).code ?? 'erreur'}) ; aucun fichier de sortie n'a été écrit.`,
          );
        }
      }
    }
    stream.write(report);
    return exitCodeFor(status);
  } catch (e) {
    if (e instanceof UsageFailure) {
      printUsageError(e.message);
      return EXIT_USAGE;
    }
    throw e;
  }
}

// A closed pipe (`segur-sim … | head`) is not an error of ours: stop writing quietly. Any other
// failure of a standard stream cannot be printed there; it only marks the run as failed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.exitCode = EXIT_INTERNAL;
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`segur-sim : erreur interne — ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env['SEGUR_SIM_DEBUG'] && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    process.exitCode = EXIT_INTERNAL;
  },
);

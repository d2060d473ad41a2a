// Benchmarks, run by `npm run bench` (bundled by Vite into dist/bench/run.mjs, then node). Each section prints its own
// table and its targets as PASS / ABOVE TARGET; the script always exits 0 — a benchmark
// informs, it never fails CI.
//
// Sections: JSON check (below), CLI memory (./cli-memory.ts), attachments check (./attachments.ts), duplicate keys
// (./hostile.ts), bundle sizes (./sizes.ts). To add one (bundle
// sizes…), write a `Section` and append it to SECTIONS; reuse `measure` from ./measure.

import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { outputBytes, simulateFile } from '../../src/simulator';
import Ajv from 'ajv';
import { allRejectedFile, BENCH_OPTIONS, benchFile, type BenchFile } from './generate';
import { MDV_ADVANCE_SCHEMA } from './mdv-advance-schema';
import { blackhole, costs, fmtBytes, fmtMs, measure, table, type Cost } from './measure';
import { attachmentsSection, isAttachmentsProbe, runAttachmentsProbe } from './attachments';
import { sizesSection } from './sizes';
import { hostileSection } from './hostile';
import { cliMemorySection } from './cli-memory';

interface Section {
  readonly title: string;
  run(): void | Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Memory, roughly: a forced GC (when it can be had) before reading heapUsed.

setFlagsFromString('--expose-gc');
const gc = ((globalThis as { gc?: () => void }).gc ?? runInNewContext('gc')) as () => void;

const MB = 1_000_000;
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;

interface Memory {
  /** heapUsed right after the call minus before it (forced GC before; scavenges may run during the call, so a lower bound of what it allocates). */
  readonly heapDuring: number;
  /** Resident set size before the call, and the process's peak RSS after it (the peak is this call's only if it set a new one). */
  readonly rssBefore: number;
  readonly peakRssAfter: number;
}

function memoryOf(fn: () => unknown): Memory {
  gc();
  const rssBefore = process.memoryUsage().rss;
  const before = process.memoryUsage().heapUsed;
  const result = fn();
  const during = process.memoryUsage().heapUsed;
  const peakRssAfter = maxRssBytes();
  if (result === undefined) throw new Error('unreachable'); // keeps `result` alive until here
  return { heapDuring: during - before, rssBefore, peakRssAfter };
}

// ---------------------------------------------------------------------------------------
// Section 1: checking and annotating a JSON file against JSON.parse.

function assertAccepted(file: BenchFile): void {
  const result = simulateFile(file.bytes, BENCH_OPTIONS);
  const warnings = result.globalWarnings.length + result.requests.reduce((n, r) => n + r.warnings.length, 0);
  if (result.status !== 'accepted' || warnings > 0 || !result.output || result.requests.length !== file.requests) {
    const first = [...result.globalErrors, ...result.requests.flatMap((r) => [...r.errors, ...r.warnings])].slice(0, 5);
    throw new Error(
      `${file.label}: the synthetic file should be accepted without warnings; status ${result.status}, ` +
        `${warnings} warning(s), first findings: ${JSON.stringify(first, null, 2)}`,
    );
  }
}

/** The all-rejected file: each request rejected by exactly one error, E010 on commande.dateCommande. */
function assertAllRejected(file: BenchFile): void {
  const result = simulateFile(file.bytes, BENCH_OPTIONS);
  const ok =
    result.status === 'rejected' &&
    !!result.output &&
    result.requests.length === file.requests &&
    result.requests.every(
      (r) =>
        r.errors.length === 1 &&
        r.errors[0]!.code === 'E010' &&
        r.errors[0]!.path.endsWith('/commande/dateCommande') &&
        r.warnings.length === 0,
    );
  if (!ok) throw new Error(`${file.label}: every request should have exactly one error, E010 commande.dateCommande`);
}

/** The peer: JSON.parse, then ajv (allErrors) with a hand-written schema of the MDV advance. */
function ajvPeer(): (bytes: Uint8Array) => { valid: boolean; errors: number } {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(MDV_ADVANCE_SCHEMA);
  return (bytes) => {
    const valid = validate(JSON.parse(new TextDecoder().decode(bytes)));
    return { valid, errors: validate.errors?.length ?? 0 };
  };
}

const jsonCheck: Section = {
  title: 'JSON check: simulateFile (decode + parse + check + annotated output) vs JSON.parse(TextDecoder), and vs JSON.parse + ajv',
  run() {
    const peer = ajvPeer();
    // Smallest first, one at a time: the peak RSS after a call is then roughly that file's.
    const specs = [
      { make: () => benchFile('200 requests (1×)'), valid: true, growth: true },
      { make: () => allRejectedFile('200 requests, all rejected'), valid: false, growth: false },
      { make: () => benchFile('200 requests, 10× content (3 MB)', { scale: 10 }), valid: true, growth: true },
      { make: () => benchFile('200 requests, 100× content (31 MB)', { scale: 100 }), valid: true, growth: true },
    ];
    const rows: {
      file: BenchFile;
      growth: boolean;
      check: number;
      joined: number;
      parse: number;
      ajv: number;
      ajvErrors: number;
      minRatio: number;
      runs: number;
      memCheck: Memory;
      memParse: Memory;
      /** Where the time goes (growth files only): the check's and JSON.parse's median costs. */
      cost?: { check: Cost; parse: Cost };
    }[] = [];
    for (const spec of specs) {
      const file = spec.make();
      const bytes = file.bytes;
      const check = () => simulateFile(bytes, BENCH_OPTIONS).output;
      // The same, with the output joined into one buffer (what the worker hands to the page).
      const joined = () => outputBytes(simulateFile(bytes, BENCH_OPTIONS).output!);
      const parse = () => JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      const ajv = () => peer(bytes);
      const memParse = memoryOf(parse);
      const memCheck = memoryOf(check);
      // Once before timing: the timed path is the full one, through to the output file.
      if (spec.valid) assertAccepted(file);
      else assertAllRejected(file);
      const verdict = peer(bytes);
      if (verdict.valid !== spec.valid) console.log(`  NOTE: ajv says ${verdict.valid ? 'valid' : 'invalid'} for ${file.label}`);
      const stats = measure(file.label, { check, joined, parse, ajv });
      // Fewer calls on larger files: about 10 s of work on the 31 MB one.
      const cost = spec.growth ? costs({ check, parse }, bytes.length > 10 * MB ? 7 : bytes.length > MB ? 21 : 61) : undefined;
      rows.push({
        file,
        growth: spec.growth,
        check: stats.check.median,
        joined: stats.joined.median,
        parse: stats.parse.median,
        ajv: stats.ajv.median,
        ajvErrors: verdict.errors,
        minRatio: stats.check.min / stats.parse.min,
        runs: Math.min(stats.check.runs, stats.joined.runs, stats.parse.runs, stats.ajv.runs),
        memCheck,
        memParse,
        cost,
      });
      console.log(
        `  ${file.label}: ${bytes.length} bytes (${fmtBytes(bytes.length)}), ${file.requests} requests, ${spec.valid ? 'accepted without warning' : 'every request rejected (E010)'}; ajv: ${verdict.errors} error(s); ${stats.check.runs} + ${stats.joined.runs} + ${stats.parse.runs} + ${stats.ajv.runs} timed runs (interleaved)`,
      );
    }
    console.log();

    const base = rows[0]!;
    const perMb = (ms: number, file: BenchFile) => ms / (file.bytes.length / MB);
    console.log(
      table(
        [
          'file',
          'size (bytes)',
          'check+annotate median (ms)',
          'JSON.parse median (ms)',
          'ratio',
          'ratio of minima',
          'with the output in one buffer (ms)',
          'its ratio',
          'JSON.parse + ajv (ms)',
          'ajv ratio',
          'runs',
        ],
        rows.map((r) => [
          r.file.label,
          String(r.file.bytes.length),
          fmtMs(r.check),
          fmtMs(r.parse),
          `${(r.check / r.parse).toFixed(2)}×`,
          `${r.minRatio.toFixed(2)}×`,
          fmtMs(r.joined),
          `${(r.joined / r.parse).toFixed(2)}×`,
          fmtMs(r.ajv),
          `${(r.ajv / r.parse).toFixed(2)}×`,
          String(r.runs),
        ]),
      ),
    );
    console.log();
    const grown = rows.filter((r) => r.growth);
    console.log('Growth (time per MB = 10^6 bytes, relative to the 1× file; linear growth ≈ 1.00):');
    console.log(
      table(
        ['file', 'size / 1×', 'check ms/MB', 'check growth', 'JSON.parse ms/MB', 'JSON.parse growth', 'check growth / JSON.parse growth'],
        grown.map((r) => [
          r.file.label,
          `${(r.file.bytes.length / base.file.bytes.length).toFixed(1)}×`,
          fmtMs(perMb(r.check, r.file)),
          `${(perMb(r.check, r.file) / perMb(base.check, base.file)).toFixed(2)}`,
          fmtMs(perMb(r.parse, r.file)),
          `${(perMb(r.parse, r.file) / perMb(base.parse, base.file)).toFixed(2)}`,
          `${(r.check / r.parse / (base.check / base.parse)).toFixed(2)}`,
        ]),
      ),
    );
    console.log();
    // The same files' costs per MB split by kind, from calls apart from the timed rounds above:
    // user CPU (this thread's work and the collector's threads), system CPU (the kernel's: above
    // all the first touch of each fresh page of memory), and the minor page faults themselves.
    console.log('Where the time per MB goes (medians of separate calls; CPU times of the whole process, collector threads included):');
    console.log(
      table(
        ['file', 'check wall', 'user CPU', 'system CPU', 'page faults', 'JSON.parse wall', 'user CPU', 'system CPU', 'page faults'],
        grown.map((r) => {
          const mb = r.file.bytes.length / MB;
          const { check, parse } = r.cost!;
          const cells = (c: Cost) => [fmtMs(c.wall / mb), fmtMs(c.user / mb), fmtMs(c.system / mb), String(Math.round(c.minorFaults / mb))];
          return [r.file.label, ...cells(check), ...cells(parse)];
        }),
      ),
    );
    console.log('(ms per MB, and minor page faults per MB)');
    console.log();
    console.log(
      'Memory (rough: one call each after a forced GC; heap Δ = heapUsed just after − before, a lower bound; peak RSS is the process peak so far):',
    );
    console.log(
      table(
        ['file', 'check heap Δ', 'JSON.parse heap Δ', 'RSS before check', 'peak RSS after check', 'peak RSS after JSON.parse'],
        rows.map((r) => [
          r.file.label,
          fmtBytes(r.memCheck.heapDuring),
          fmtBytes(r.memParse.heapDuring),
          fmtBytes(r.memCheck.rssBefore),
          fmtBytes(r.memCheck.peakRssAfter),
          fmtBytes(r.memParse.peakRssAfter),
        ]),
      ),
    );
    console.log();

    const verdict = (ok: boolean) => (ok ? 'PASS' : 'ABOVE TARGET');
    for (const r of rows.slice(0, 3)) {
      const ratio = r.check / r.parse;
      console.log(`Target "ratio ≤ 2× JSON.parse" (issue 12), ${r.file.label}: ${ratio.toFixed(2)}× → ${verdict(ratio <= 2)}`);
    }
    const worstGrowth = Math.max(...grown.slice(1).map((r) => perMb(r.check, r.file) / perMb(base.check, base.file)));
    console.log(
      `Target "growth linear (per-MB time within 2× of the 1× file)": worst ${worstGrowth.toFixed(2)} → ${verdict(worstGrowth <= 2)}`,
    );
    // The same, with the machine's own growth taken out: JSON.parse, linear by construction, also
    // takes more time per MB on a larger file here (the memory it touches: page faults, collector).
    const worstRelative = Math.max(...grown.slice(1).map((r) => r.check / r.parse / (base.check / base.parse)));
    console.log(
      `Target "growth linear against JSON.parse's (check growth / JSON.parse growth within 2)": worst ${worstRelative.toFixed(2)} → ${verdict(worstRelative <= 2)}`,
    );
  },
};

// ---------------------------------------------------------------------------------------

const SECTIONS: readonly Section[] = [jsonCheck, cliMemorySection, attachmentsSection, hostileSection, sizesSection];

/** `--section <word>`: only the sections whose title contains it (`--section Attachments`). */
function selected(argv: readonly string[]): readonly Section[] {
  const at = argv.indexOf('--section');
  const word = at >= 0 ? argv[at + 1]?.toLowerCase() : undefined;
  return word === undefined ? SECTIONS : SECTIONS.filter((s) => s.title.toLowerCase().includes(word));
}

if (isAttachmentsProbe(process.argv.slice(2))) {
  // A child process of the attachments section, measuring one contender's memory.
  await runAttachmentsProbe(process.argv.slice(2));
} else {
  const cpus = availableParallelism();
  const load = loadavg()[0]!;
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${cpus} CPU(s), load average ${load.toFixed(2)}`);
  if (load > cpus * 0.75)
    console.log(
      'WARNING: the machine is busy; figures are noisy (a long call is preempted more often than a short one, which inflates ratios).',
    );
  for (const section of selected(process.argv.slice(2))) {
    console.log(`\n== ${section.title} ==\n`);
    try {
      await section.run();
    } catch (error) {
      // Not a performance result: say so loudly, but a benchmark never fails the build.
      console.log(`SECTION NOT MEASURED (setup error): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`\n(sink ${blackhole()})`);
  process.exitCode = 0;
}

// Benchmarks, run by `npm run bench` (bundled by Vite into dist/bench/run.mjs, then node). Each section prints its own
// table and its targets as PASS / ABOVE TARGET; the script always exits 0 — a benchmark
// informs, it never fails CI.
//
// Sections: JSON check (below), attachments check (./attachments.ts). To add one (bundle
// sizes…), write a `Section` and append it to SECTIONS; reuse `measure` from ./measure.

import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { simulateFile } from '../../src/simulator';
import { BENCH_OPTIONS, benchFile, type BenchFile } from './generate';
import { blackhole, fmtBytes, fmtMs, measure, table } from './measure';
import { attachmentsSection, isAttachmentsProbe, runAttachmentsProbe } from './attachments';
import { sizesSection } from './sizes';

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

const jsonCheck: Section = {
  title: 'JSON check: simulateFile (decode + parse + check + annotated output) vs JSON.parse(TextDecoder)',
  run() {
    // Smallest first, one at a time: the peak RSS after a call is then roughly that file's.
    const specs = [
      { label: '200 requests (1×)', scale: 1 },
      { label: '200 requests, 10× content', scale: 10 },
      { label: '200 requests, 100× content', scale: 100 },
    ];
    const rows: { file: BenchFile; check: number; parse: number; minRatio: number; runs: number; memCheck: Memory; memParse: Memory }[] = [];
    for (const spec of specs) {
      const file = benchFile(spec.label, { scale: spec.scale });
      const bytes = file.bytes;
      const check = () => simulateFile(bytes, BENCH_OPTIONS).output;
      const parse = () => JSON.parse(new TextDecoder().decode(bytes)) as unknown;
      const memParse = memoryOf(parse);
      const memCheck = memoryOf(check);
      assertAccepted(file); // once before timing: the timed path is the full one, through to the output file
      const stats = measure(file.label, { check, parse });
      rows.push({ file, check: stats.check.median, parse: stats.parse.median, minRatio: stats.check.min / stats.parse.min, runs: Math.min(stats.check.runs, stats.parse.runs), memCheck, memParse });
      console.log(`  ${file.label}: ${bytes.length} bytes (${fmtBytes(bytes.length)}), ${file.requests} requests, accepted without warning; ${stats.check.runs} + ${stats.parse.runs} timed runs (interleaved)`);
    }
    console.log();

    const base = rows[0]!;
    const perMb = (ms: number, file: BenchFile) => ms / (file.bytes.length / MB);
    console.log(
      table(
        ['file', 'size (bytes)', 'check+annotate median (ms)', 'JSON.parse median (ms)', 'ratio', 'ratio of minima', 'runs'],
        rows.map((r) => [r.file.label, String(r.file.bytes.length), fmtMs(r.check), fmtMs(r.parse), `${(r.check / r.parse).toFixed(2)}×`, `${r.minRatio.toFixed(2)}×`, String(r.runs)]),
      ),
    );
    console.log();
    console.log('Growth (time per MB = 10^6 bytes, relative to the 1× file; linear growth ≈ 1.00):');
    console.log(
      table(
        ['file', 'size / 1×', 'check ms/MB', 'check growth', 'JSON.parse ms/MB', 'JSON.parse growth'],
        rows.map((r) => [
          r.file.label,
          `${(r.file.bytes.length / base.file.bytes.length).toFixed(1)}×`,
          fmtMs(perMb(r.check, r.file)),
          `${(perMb(r.check, r.file) / perMb(base.check, base.file)).toFixed(2)}`,
          fmtMs(perMb(r.parse, r.file)),
          `${(perMb(r.parse, r.file) / perMb(base.parse, base.file)).toFixed(2)}`,
        ]),
      ),
    );
    console.log();
    console.log('Memory (rough: one call each after a forced GC; heap Δ = heapUsed just after − before, a lower bound; peak RSS is the process peak so far):');
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

    const ratio = base.check / base.parse;
    const worstGrowth = Math.max(...rows.slice(1).map((r) => perMb(r.check, r.file) / perMb(base.check, base.file)));
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'ABOVE TARGET');
    console.log(`Target "ratio ≤ 3× for the 200-request file": ${ratio.toFixed(2)}× → ${verdict(ratio <= 3)}`);
    console.log(`Target "growth linear (per-MB time within 2× of the 1× file)": worst ${worstGrowth.toFixed(2)} → ${verdict(worstGrowth <= 2)}`);
  },
};

// ---------------------------------------------------------------------------------------

const SECTIONS: readonly Section[] = [jsonCheck, attachmentsSection, sizesSection];

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
  if (load > cpus * 0.75) console.log('WARNING: the machine is busy; figures are noisy (a long call is preempted more often than a short one, which inflates ratios).');
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

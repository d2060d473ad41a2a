// A profiling loop for the JSON check (the first section of ./run.ts): one bench file,
// simulateFile and JSON.parse(TextDecoder) interleaved `runs` times in one process, then the
// median CPU time of each (the first fifth of the runs is warm-up) and their ratio. CPU time and
// one process make the ratio far less sensitive to a loaded machine than wall times are.
// `npx vite build --mode profile`, then `node dist/profile/profile.mjs [1x|rejected|10x|100x] [runs]`;
// `node --cpu-prof --cpu-prof-dir=/tmp/p dist/profile/profile.mjs …` writes a CPU profile.
// V8's optimising decisions differ from one process to the next: one build gave 2.63× in most
// runs and 2.9–3.0× in some. To compare two changes of a few per cent, run with
// `node --predictable` (repeatable decisions): three or four processes per build, alternating
// the builds, and compare the median ratios (issue 12: an A/A comparison so made differed by
// at most 2 %). Both builds loaded in one process are not comparable on the all-rejected file:
// the second one loaded ran up to 15 % slower than the same code loaded first.
// CPU profiles mislead where V8 inlines (a function's time lands in its caller): to find what
// a part costs, remove it and measure the difference.
import { simulateFile } from '../../src/simulator';
import { allRejectedFile, BENCH_OPTIONS, benchFile } from './generate';
import { minorFaults } from './measure';

const which = process.argv[2] ?? '1x';
const runs = Number(process.argv[3] ?? 300);
const scale = which === '10x' ? 10 : which === '100x' ? 100 : 1;
const file = which === 'rejected' ? allRejectedFile(which) : benchFile(which, { scale });
const bytes = file.bytes;
const check = () => simulateFile(bytes, BENCH_OPTIONS).output;
const parse = () => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

/** CPU time of the process (user + system, GC threads included) during `fn`, in ms. */
function cpuMs(fn: () => unknown): number {
  const f0 = minorFaults();
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  (fn === check ? checkFaults : parseFaults).push(minorFaults() - f0);
  return (c.user + c.system) / 1e3;
}

const checkFaults: number[] = [];
const parseFaults: number[] = [];

const checkMs: number[] = [];
const parseMs: number[] = [];
for (let i = 0; i < runs; i++) {
  // Alternate the order: neither always runs first.
  const order = i % 2 === 0 ? [check, parse] : [parse, check];
  for (const fn of order) (fn === check ? checkMs : parseMs).push(cpuMs(fn));
}
const warm = (xs: number[]) => xs.slice(Math.floor(runs / 5)).sort((x, y) => x - y);
const at = (xs: number[], q: number) => xs[Math.floor(q * xs.length)]!;
const c = warm(checkMs);
const p = warm(parseMs);
console.log(
  `${which}: ${bytes.length} bytes; simulateFile ${at(c, 0.5).toFixed(2)} ms, JSON.parse ${at(p, 0.5).toFixed(2)} ms, ` +
    `ratio ${(at(c, 0.5) / at(p, 0.5)).toFixed(2)}× (CPU time; first quartiles ${(at(c, 0.25) / at(p, 0.25)).toFixed(2)}×)`,
);
console.log(`minor page faults per call (median): simulateFile ${at(warm(checkFaults), 0.5)}, JSON.parse ${at(warm(parseFaults), 0.5)}`);

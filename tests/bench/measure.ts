// Timing helper shared by every benchmark section of tests/bench/run.ts.
//
// `measure(name, fn)` times one function; `measure(name, { a, b })` times several in
// interleaved rounds (a, b, then b, a, …) so that machine noise — another process, a GC,
// CPU frequency changes — falls on all of them alike. Each function gets a warm-up, then
// at least `minRuns` timed runs and at least `minTimeMs` of timed work.

import { readFileSync } from 'node:fs';

export interface MeasureOptions {
  /** Timed runs per function, at least (default 15). */
  readonly minRuns?: number;
  /** Timed work per function, at least, in milliseconds (default 1500). */
  readonly minTimeMs?: number;
  /** Warm-up runs per function, at least (default 3), and at least `warmupMs` of work. */
  readonly warmupRuns?: number;
  readonly warmupMs?: number;
  /** Safety cap on the timed runs of very fast functions (default 100 000). */
  readonly maxRuns?: number;
}

export interface Stats {
  readonly name: string;
  readonly runs: number;
  /** Milliseconds. */
  readonly median: number;
  readonly min: number;
  readonly p90: number;
  readonly mean: number;
  readonly totalMs: number;
}

type Fn = () => unknown;

/** Results are folded in here so the JIT cannot drop a call whose value is unused. */
let sink = 0;
export function blackhole(): number {
  return sink;
}
function consume(value: unknown): void {
  if (value === undefined || value === null) return;
  sink = (sink + (typeof value === 'object' ? 1 : String(value).length)) | 0;
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function time(fn: Fn): number {
  const t0 = process.hrtime.bigint();
  consume(fn());
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function measure(name: string, fn: Fn, options?: MeasureOptions): Stats;
export function measure<K extends string>(name: string, fns: Readonly<Record<K, Fn>>, options?: MeasureOptions): Record<K, Stats>;
export function measure(
  name: string,
  fnOrFns: Fn | Readonly<Record<string, Fn>>,
  options: MeasureOptions = {},
): Stats | Record<string, Stats> {
  const single = typeof fnOrFns === 'function';
  const fns: Record<string, Fn> = single ? { [name]: fnOrFns } : { ...fnOrFns };
  const keys = Object.keys(fns);
  const { minRuns = 15, minTimeMs = 1500, warmupRuns = 3, warmupMs = 300, maxRuns = 100_000 } = options;

  // Warm-up, interleaved too.
  const warmStart = now();
  for (let round = 0; round < warmupRuns || now() - warmStart < warmupMs * keys.length; round++) {
    for (const key of keys) consume(fns[key]!());
  }

  const samples: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  const total: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  const done = () => keys.every((k) => samples[k]!.length >= maxRuns || (samples[k]!.length >= minRuns && total[k]! >= minTimeMs));
  for (let round = 0; !done(); round++) {
    // Alternate the order each round (a b, b a, …): neither function always runs first.
    const order = round % 2 === 0 ? keys : [...keys].reverse();
    for (const key of order) {
      const ms = time(fns[key]!);
      samples[key]!.push(ms);
      total[key]! += ms;
    }
  }

  const stats = Object.fromEntries(keys.map((k) => [k, summarize(single ? name : `${name} / ${k}`, samples[k]!)]));
  return single ? stats[name]! : stats;
}

/** Where one call's time goes: wall time, the process's CPU time (user: this thread and the collector's; system: the kernel's, mostly first touches of fresh pages), minor page faults. */
export interface Cost {
  /** Milliseconds. */
  readonly wall: number;
  readonly user: number;
  readonly system: number;
  readonly minorFaults: number;
}

/**
 * The median cost of each of `fns` over `runs` interleaved calls (after one warm-up call each).
 * CPU times are the whole process's (the collector's threads included); on a busy machine they
 * move less than wall times do. Page faults are read from /proc/self/stat (0 where there is none).
 */
export function costs<K extends string>(fns: Readonly<Record<K, Fn>>, runs: number): Record<K, Cost> {
  const keys = Object.keys(fns) as K[];
  for (const key of keys) consume(fns[key]());
  const samples = Object.fromEntries(keys.map((k) => [k, [] as Cost[]])) as unknown as Record<K, Cost[]>;
  for (let round = 0; round < runs; round++) {
    for (const key of round % 2 === 0 ? keys : [...keys].reverse()) {
      const faults = minorFaults();
      const cpu = process.cpuUsage();
      const t0 = now();
      consume(fns[key]());
      const wall = now() - t0;
      const used = process.cpuUsage(cpu);
      samples[key].push({ wall, user: used.user / 1e3, system: used.system / 1e3, minorFaults: minorFaults() - faults });
    }
  }
  return Object.fromEntries(
    keys.map((k) => {
      const s = samples[k];
      const cost: Cost = {
        wall: median(s.map((c) => c.wall)),
        user: median(s.map((c) => c.user)),
        system: median(s.map((c) => c.system)),
        minorFaults: median(s.map((c) => c.minorFaults)),
      };
      return [k, cost];
    }),
  ) as Record<K, Cost>;
}

/** The process's minor page faults so far (Linux; 0 elsewhere): fresh memory touched for the first time. */
export function minorFaults(): number {
  try {
    return Number(readFileSync('/proc/self/stat', 'latin1').split(') ')[1]!.split(' ')[7]);
  } catch {
    return 0;
  }
}

/** The median of `values` (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

function summarize(name: string, samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const n = sorted.length;
  const totalMs = samples.reduce((a, b) => a + b, 0);
  return { name, runs: n, median: median(sorted), min: sorted[0]!, p90: at(0.9), mean: totalMs / n, totalMs };
}

/** Table printing for the sections: right-aligned columns except the first. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
export const fmtBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;

// The CLI's memory (issue 12), a section of `npm run bench` (`npm run bench -- --section memory`):
// the peak resident set size of `segur-sim` checking the 31 MB bench file, against that of
// `node -e "JSON.parse(fs.readFileSync(file, 'utf8'))"` on the same file — both whole processes,
// Node's own start-up included — and of `segur-sim` given a file over the 64 MB limit (sparse: it
// takes no disk), which must be refused from its size alone, before any reading.
//
// The peak is each child's VmHWM (/proc/<pid>/status), printed at its exit by a preloaded
// script; where /proc does not exist (macOS, Windows) the section says so and measures nothing.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_INPUT_BYTES } from '../../src/core/json/decode';
import { BENCH_OPTIONS, benchFile } from './generate';
import { fmtBytes, table } from './measure';

const RUNS = 3;
const MARK = 'SEGUR_BENCH_VMHWM';

/** Preloaded into each child: its peak RSS on stderr as it exits (whatever makes it exit). */
const PRELOAD = `process.on('exit', () => {
  const fs = require('node:fs');
  const m = /^VmHWM:\\s+(\\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  if (m) fs.writeSync(2, '\\n${MARK} ' + m[1] + '\\n');
});`;

interface Peak {
  /** Median peak RSS, bytes. */
  readonly bytes: number;
  /** Median wall time, ms. */
  readonly ms: number;
  readonly status: number | null;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `node --require preload ...args` RUNS times: the median peak RSS and wall time. */
function peakOf(preload: string, args: readonly string[]): Peak {
  const peaks: number[] = [];
  const times: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    times.push(performance.now() - t0);
    status = r.status;
    const m = new RegExp(`^${MARK} (\\d+)$`, 'm').exec(r.stderr);
    if (!m) throw new Error(`no peak reported by node ${args.join(' ')} (exit ${r.status}): ${r.stderr.slice(-500)}`);
    peaks.push(Number(m[1]) * 1024);
  }
  return { bytes: median(peaks), ms: median(times), status };
}

export const cliMemorySection = {
  title: 'CLI memory (issue 12): segur-sim against node -e JSON.parse on the 31 MB file, peak RSS of whole processes',
  run(): void {
    if (!existsSync('/proc/self/status')) {
      console.log('NOT MEASURED: this system has no /proc/<pid>/status (VmHWM).');
      return;
    }
    const bin = resolve('dist/cli/segur-sim.mjs');
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first`);
    const dir = mkdtempSync(join(tmpdir(), 'segur-bench-memory-'));
    try {
      const preload = join(dir, 'peak.cjs');
      writeFileSync(preload, PRELOAD);
      const file = benchFile('200 requests, 100× content (31 MB)', { scale: 100 });
      const input = join(dir, 'in.json');
      writeFileSync(input, file.bytes);
      const oversized = join(dir, 'oversized.json');
      writeFileSync(oversized, '');
      truncateSync(oversized, MAX_INPUT_BYTES + 1);
      const options = [
        '--type',
        BENCH_OPTIONS.type,
        '--dsr',
        BENCH_OPTIONS.dsr,
        '--tva',
        BENCH_OPTIONS.vatRate!,
        ...(BENCH_OPTIONS.profiles ?? []).flatMap((p) => ['--profil', p]),
        '--out',
        join(dir, 'out.json'),
      ];
      const cli = peakOf(preload, [bin, input, ...options]);
      const parse = peakOf(preload, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(input)}, 'utf8'))`]);
      const refused = peakOf(preload, [bin, oversized, ...options]);
      const idle = peakOf(preload, ['-e', '0']);
      const row = (name: string, p: Peak) => [name, fmtBytes(p.bytes), (p.ms / 1000).toFixed(2), String(p.status)];
      console.log(
        table(
          ['process', 'peak RSS (median)', 'wall time (s)', 'exit status'],
          [
            row(`segur-sim, ${fmtBytes(file.bytes.length)} file`, cli),
            row('node -e JSON.parse, same file', parse),
            row(`segur-sim, file of ${MAX_INPUT_BYTES + 1} bytes (sparse)`, refused),
            row('node -e 0 (start-up only)', idle),
          ],
        ),
      );
      console.log(`(${RUNS} runs each.)`);
      console.log();
      const ratio = cli.bytes / parse.bytes;
      const verdict = (ok: boolean) => (ok ? 'PASS' : 'ABOVE TARGET');
      console.log(`Target "CLI peak memory ≤ 2.5× JSON.parse's on the 31 MB file": ${ratio.toFixed(2)}× → ${verdict(ratio <= 2.5)}`);
      // Refused before reading: it costs about what Node's start-up costs, nowhere near the file's size.
      const extra = refused.bytes - idle.bytes;
      console.log(
        `Target "a file over the limit is refused before it is read": peak ${fmtBytes(extra)} above Node's start-up, exit ${refused.status} → ${verdict(extra < 16 * 1024 * 1024 && refused.status === 2)}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

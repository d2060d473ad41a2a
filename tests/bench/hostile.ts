// Issue 15's full-sized duplicate-key inputs (tests/hostile/generate.ts): the CLI against
// JSON.parse, a section of `npm run bench` (`npm run bench -- --section duplicate`). Two
// comparisons, by their medians: process against process (`segur-sim` against
// `node -e "JSON.parse(…)"` on the same file: both pay Node's start-up and the file's reading), and
// the check in this process against JSON.parse in this process; each pair timed in interleaved
// rounds by ./measure.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simulateFile } from '../../src/simulator';
import { duplicateObjects, duplicateTags } from '../hostile/generate';
import { measure, table } from './measure';

/** Spawning a process takes a quarter of a second here: few runs, no minimum time. */
const PROCESS_RUNS = { minRuns: 5, minTimeMs: 0, warmupRuns: 1, warmupMs: 0 } as const;

export const hostileSection = {
  title: 'Duplicate keys (issue 15): segur-sim against JSON.parse on 1–2 MB hostile files',
  run(): void {
    const bin = resolve('dist/cli/segur-sim.mjs');
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first`);
    const dir = mkdtempSync(join(tmpdir(), 'segur-bench-hostile-'));
    const rows: string[][] = [];
    try {
      const cases: [string, string][] = [
        ['40 000 unknown tags + 40 000 repeats', duplicateTags(40_000, 40_000)],
        ['80 000 {"a":0,"a":0} objects', duplicateObjects(80_000)],
        ['160 000 {"a":0,"a":0} objects', duplicateObjects(160_000)],
      ];
      const args = ['--type', 'avance', '--dsr', 'MDV-LGC', '--out', join(dir, 'out.json')];
      for (const [name, text] of cases) {
        const file = join(dir, 'in.json');
        writeFileSync(file, text);
        const bytes = new TextEncoder().encode(text);
        let status: number | null = null;
        const processes = measure(
          name,
          {
            cli: () => (status = spawnSync(process.execPath, [bin, file, ...args], { stdio: 'ignore' }).status),
            parse: () => spawnSync(process.execPath, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]),
          },
          PROCESS_RUNS,
        );
        const inProcess = measure(name, {
          check: () => simulateFile(bytes, { type: 'avance', dsr: 'MDV-LGC', profiles: [] }),
          parse: () => JSON.parse(new TextDecoder().decode(bytes)) as unknown,
        });
        const [cli, parseProcess] = [processes.cli.median, processes.parse.median];
        const [check, parse] = [inProcess.check.median, inProcess.parse.median];
        rows.push([
          name,
          String(bytes.length),
          String(status),
          cli.toFixed(0),
          parseProcess.toFixed(0),
          `${(cli / parseProcess).toFixed(1)}×`,
          check.toFixed(0),
          parse.toFixed(1),
          `${(check / parse).toFixed(1)}×`,
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      table(
        [
          'file',
          'size (bytes)',
          'exit',
          'segur-sim process (ms)',
          'node -e JSON.parse process (ms)',
          'ratio',
          'check in process (ms)',
          'JSON.parse in process (ms)',
          'ratio',
        ],
        rows,
      ),
    );
  },
};

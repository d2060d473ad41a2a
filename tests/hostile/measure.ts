// Measures the CLI against JSON.parse on issue 15's full-sized duplicate-key inputs (a script,
// not a test: `npx vite-node tests/hostile/measure.ts`, after `npm run build`).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { duplicateObjects, duplicateTags } from './generate';

const BIN = resolve(import.meta.dirname, '../../dist/cli/segur-sim.mjs');
const dir = mkdtempSync(join(tmpdir(), 'segur-measure-'));
const cases: [string, string][] = [
  ['40 000 unknown tags + 40 000 repeats', duplicateTags(40_000, 40_000)],
  ['80 000 {"a":0,"a":0} objects', duplicateObjects(80_000)],
  ['160 000 {"a":0,"a":0} objects', duplicateObjects(160_000)],
];
for (const [name, text] of cases) {
  const file = join(dir, 'in.json');
  writeFileSync(file, text);
  const parse = median(5, () => JSON.parse(text));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, file, '--type', 'avance', '--dsr', 'MDV-LGC', '--out', join(dir, 'out.json')], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const cli = performance.now() - t0;
  console.log(
    `${name}: ${(text.length / 1e6).toFixed(2)} MB, exit ${r.status}, CLI ${cli.toFixed(0)} ms, JSON.parse ${parse.toFixed(1)} ms, ratio ${(cli / parse).toFixed(1)}, report ${r.stdout.length} chars`,
  );
}
rmSync(dir, { recursive: true });

function median(n: number, f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

// The built CLI (dist/cli/segur-sim.mjs) for the tests that run it: `npm test` builds first;
// a lone `vitest run` of such a file builds it when it is missing or older than the sources.

import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'dist/cli/segur-sim.mjs');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the CLI if needed; returns the path of the bin. */
export function builtCli(): string {
  const stale =
    !existsSync(BIN) || statSync(BIN).mtimeMs < Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'package.json')).mtimeMs);
  if (stale) execSync('npx vite build --mode cli', { cwd: ROOT, stdio: 'pipe' });
  return BIN;
}

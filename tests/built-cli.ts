// The built CLI (dist/cli/segur-sim.mjs) for the tests that run it: `npm test` builds first;
// a lone `vitest run` of such a file builds it when it is missing or older than the sources.

import { execSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
  if (stale) {
    // Built beside, then renamed over the bin: a test of another file may be running the bin
    // meanwhile (several test files run at once), and must never find it half written.
    const beside = join(ROOT, `dist/cli-build-${process.pid}`);
    execSync(`npx vite build --mode cli --outDir ${JSON.stringify(beside)}`, { cwd: ROOT, stdio: 'pipe' });
    mkdirSync(dirname(BIN), { recursive: true });
    renameSync(join(beside, 'segur-sim.mjs'), BIN);
    rmSync(beside, { recursive: true, force: true });
  }
  return BIN;
}

/** One run of the bin: its exit status, its standard output and error as text, and the raw result (bytes). */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly raw: SpawnSyncReturns<Buffer>;
}

export interface CliRunOptions {
  readonly cwd: string;
  /** Standard input (default: empty). */
  readonly input?: string | Buffer;
  /** Variables over the test's own environment; `undefined` removes one. */
  readonly env?: Record<string, string | undefined>;
}

/**
 * Runs `node BIN ...args` in `cwd` and waits for it. Colours are as on a plain terminal: the
 * environment's FORCE_COLOR and NO_COLOR are removed unless `env` sets them. Output up to 256 MiB.
 */
export function runCli(args: readonly string[], { cwd, input = '', env: extra = {} }: CliRunOptions): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const raw = spawnSync(process.execPath, [BIN, ...args], { cwd, input, env: env as NodeJS.ProcessEnv, maxBuffer: 1 << 28 });
  return { status: raw.status, stdout: raw.stdout.toString('utf8'), stderr: raw.stderr.toString('utf8'), raw };
}

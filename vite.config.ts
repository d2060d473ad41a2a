// One config for both builds: the web app (default mode) and the Node CLI (`--mode cli`).
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
// From vitest/config so that the `test` field type-checks.
import { defineConfig } from 'vitest/config';

// Make the built CLI runnable as ./dist/cli/segur-sim.mjs (npm also does this for `bin` on install).
const chmodExecutable = (): Plugin => ({
  name: 'segur-chmod-executable',
  async writeBundle(options, bundle) {
    for (const fileName of Object.keys(bundle)) {
      if (fileName.endsWith('.mjs')) await chmod(join(options.dir ?? '', fileName), 0o755);
    }
  },
});

/** Node programs built from the same sources: the CLI, and the benchmark script. */
const NODE_PROGRAMS: Record<string, { entry: string; outDir: string; file: string }> = {
  cli: { entry: 'src/cli/main.ts', outDir: 'dist/cli', file: 'segur-sim.mjs' },
  bench: { entry: 'tests/bench/run.ts', outDir: 'dist/bench', file: 'run.mjs' },
};

export default defineConfig(({ mode }) => {
  const program = NODE_PROGRAMS[mode];
  if (program) {
    return {
      plugins: [chmodExecutable()],
      publicDir: false, // public/ belongs to the web app only
      // Bundle every dependency: the .mjs must run with no node_modules.
      ssr: { noExternal: true, target: 'node' },
      build: {
        ssr: program.entry,
        target: 'node20',
        outDir: program.outDir,
        emptyOutDir: true,
        rolldownOptions: {
          output: {
            entryFileNames: program.file,
            // postBanner is added after renderChunk/minify, so the shebang stays on line 1.
            // Keep src/cli/main.ts shebang-free: rolldown keeps a source shebang too (DUPLICATE_SHEBANG).
            postBanner: '#!/usr/bin/env node',
          },
        },
      },
    };
  }

  return {
    // svelteTesting(): Svelte's browser build + auto-cleanup under vitest; a no-op outside it.
    plugins: [svelte(), svelteTesting()],
    base: './', // relative asset URLs: the app works from any sub-path
    build: { outDir: 'dist/app', emptyOutDir: true },
    test: {
      // Node by default. A component test (*.svelte.test.ts) starts with the line
      // `// @vitest-environment jsdom` (vitest 4 dropped environmentMatchGlobs; the
      // per-file comment is simpler than two `projects`).
      environment: 'node',
      setupFiles: ['tests/setup.ts'],
      // The default report, then a plain "N passed, N failed" line for CI.
      reporters: ['default', './tests/summary-reporter.ts'],
      projects: [
        // Each project has its own `include` (a root one would be merged into both).
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
            exclude: ['tests/e2e/**', '**/node_modules/**'],
          },
        },
        {
          // End-to-end (tests/e2e/*.e2e.test.ts): the built dist/app in Debian's Chromium.
          // maxWorkers 1: one file at a time, after the unit tests (one Chromium on 2 cores).
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.e2e.test.ts'],
            maxWorkers: 1,
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  };
});

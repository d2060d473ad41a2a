// One config for every build: the web app (default mode, dist/app), the offline file
// (`--mode offline`, dist/segur-simulateur.html, copied into dist/app), the embeddable element
// (`--mode embed`), the Node CLI (`--mode cli`), the benchmark (`--mode bench`) and its profiling
// loop (`--mode profile`, tests/bench/profile.ts); and vitest's
// `test` section. Each build plugin is a module of build/.
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
// From vitest/config so that the `test` field type-checks.
import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { chmodExecutable } from './build/chmod-executable.ts';
import { contentSecurityPolicyMeta } from './build/content-security-policy.ts';
import { embedComponentCss } from './build/embed-component-css.ts';
import { frenchTypography } from './build/french-typography.ts';
import { offlineFile } from './build/offline-file.ts';
import { simulationWorker } from './build/simulation-worker.ts';
import { thirdPartyLicenses } from './build/third-party-licenses.ts';

const ROOT = import.meta.dirname;
const EMBED_ELEMENT = resolve(ROOT, 'src/embed/SegurSimulateur.svelte');

// Every Svelte build (app, offline file, embed element, component tests) writes the templates'
// French no-break spaces (build/french-typography.ts).
const preprocess = [frenchTypography()];

/** Unit test files that replace a module or a global (vi.mock, vi.stubGlobal): run isolated. */
const MOCKING_TESTS = ['src/io/store-failure.test.ts', 'src/ui/components/AttachmentsReport.svelte.test.ts'];

/** Node programs built from the same sources: the CLI, the benchmark script and its profiling loop. */
const NODE_PROGRAMS: Record<string, { entry: string; outDir: string; file: string }> = {
  cli: { entry: 'src/cli/main.ts', outDir: 'dist/cli', file: 'segur-sim.mjs' },
  bench: { entry: 'tests/bench/run.ts', outDir: 'dist/bench', file: 'run.mjs' },
  profile: { entry: 'tests/bench/profile.ts', outDir: 'dist/profile', file: 'profile.mjs' },
};

// The embeddable element: one classic script defining <segur-simulateur> (build/embed-component-css.ts).
function embedConfig() {
  return {
    plugins: [
      svelte({
        preprocess,
        dynamicCompileOptions: ({ filename }: { filename: string }) => (filename === EMBED_ELEMENT ? { customElement: true } : undefined),
      }),
      simulationWorker('inline', ROOT),
      embedComponentCss(),
    ],
    publicDir: false as const, // the app's build copies public/
    build: {
      outDir: 'dist/app',
      emptyOutDir: false,
      lib: { entry: 'src/embed/element.ts', formats: ['iife' as const], name: 'SegurSimulateur', fileName: () => 'segur-simulateur.js' },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'embed') return embedConfig();
  const program = NODE_PROGRAMS[mode];
  if (program) {
    return {
      plugins: [chmodExecutable(), thirdPartyLicenses()],
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
            // One file: the table readers the app loads on demand are inlined here.
            codeSplitting: false,
            // postBanner is added after renderChunk/minify, so the shebang stays on line 1.
            // Keep src/cli/main.ts shebang-free: rolldown keeps a source shebang too (DUPLICATE_SHEBANG).
            postBanner: '#!/usr/bin/env node',
          },
        },
      },
    };
  }

  if (mode === 'offline') {
    return {
      plugins: [
        svelte({ preprocess }),
        simulationWorker('inline', ROOT),
        // Inlines the JS and CSS; also sets codeSplitting: false (documentation and examples
        // inlined: no dynamic chunk) and base './'.
        viteSingleFile(),
        contentSecurityPolicyMeta({ self: false }),
        offlineFile(resolve(ROOT, 'dist/app'), resolve(ROOT, 'dist')),
      ],
      publicDir: false, // robots.txt belongs to the served app
      build: {
        outDir: 'dist',
        emptyOutDir: false, // dist/ holds the app, the CLI, the benchmark
        modulePreload: { polyfill: false },
      },
    };
  }

  return {
    // svelteTesting(): Svelte's browser build + auto-cleanup under vitest; a no-op outside it.
    plugins: [svelte({ preprocess }), svelteTesting(), simulationWorker('chunk', ROOT), contentSecurityPolicyMeta({ self: true })],
    base: './', // relative asset URLs: the app works from any sub-path
    build: {
      outDir: 'dist/app',
      emptyOutDir: true,
      // No polyfill: Chromium, Firefox and Safari support modulepreload, and the polyfill fetch()es.
      modulePreload: { polyfill: false },
      // dist/app/.vite/manifest.json: which chunk loads which, for the size budget
      // (tests/bench/sizes.ts): start-up, worker, on demand.
      manifest: true,
    },
    test: {
      // Node by default. A component test (*.svelte.test.ts) starts with the line
      // `// @vitest-environment jsdom` (vitest 4 dropped environmentMatchGlobs; the
      // per-file comment is simpler than two `projects`).
      environment: 'node',
      // Two files at a time, one per core of the 2-core CI machine (vitest's default leaves one
      // core free, which ran the whole suite one file at a time). At least 2 elsewhere too.
      maxWorkers: Math.max(2, availableParallelism() - 1),
      // The default report, then a plain "N passed, N failed" line for CI.
      reporters: ['default', './tests/summary-reporter.ts'],
      projects: [
        // Each project has its own `include` (a root one would be merged into both).
        {
          extends: true,
          test: {
            name: 'unit',
            setupFiles: ['tests/setup.ts'],
            include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
            exclude: ['tests/e2e/**', '**/node_modules/**', ...MOCKING_TESTS],
            // The files of a worker share its modules and environment instead of each loading
            // them anew (≈ 1 s a file on this machine: the unit run took 113 s isolated, 67 s
            // not). Each test file sets up and cleans up what it uses (testing-library's
            // cleanup, idb-keyval's clear()).
            isolate: false,
            // Sized for a loaded 2-core machine (a test that takes 1 s alone may take 20 s
            // there), never to measure speed: no test asserts a duration.
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          // The files that replace a module or a global (vi.mock, vi.stubGlobal): each in a
          // fresh worker, as vitest does by default, so that the replacement reaches no other file.
          extends: true,
          test: {
            name: 'unit-isolated',
            setupFiles: ['tests/setup.ts'],
            include: [...MOCKING_TESTS],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          // End-to-end (tests/e2e/*.e2e.test.ts): the built dist/app in Debian's Chromium.
          // Same worker pool as the unit tests (one file per core): an end-to-end file mostly waits
          // on Chromium, so it shares the machine with a unit file.
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.e2e.test.ts'],
            // One Chromium for the run; each file gets fresh contexts in it.
            globalSetup: ['tests/e2e/global-setup.ts'],
            // A whole session (the a11y and keyboard walks) took over 60 s under a load average
            // of 30 on 2 cores: sized for that, never to measure speed.
            testTimeout: 300_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});

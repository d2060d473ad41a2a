// One config for every build: the web app (default mode, dist/app), the offline file
// (`--mode offline`, dist/segur-simulateur.html, copied into dist/app), the Node CLI
// (`--mode cli`) and the benchmark (`--mode bench`); and vitest's `test` section.
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
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

// ---------------------------------------------------------------------------------------------
// The simulation worker, loaded the way each build needs (src/worker/simulation-worker.d.ts).

const WORKER_MODULE = 'virtual:simulation-worker';
const WORKER_ENTRY = resolve(import.meta.dirname, 'src/worker/simulate.worker.ts');

/**
 * `import createWorker from 'virtual:simulation-worker'`:
 *  - 'chunk' (the served app): the worker is one more entry chunk of the app's bundle, started as
 *    a module worker; rolldown puts what it shares with the page (rule sets, types) in common
 *    chunks instead of copying the core into a separate worker bundle;
 *  - 'inline' (the offline file): Vite's `?worker&inline` (the worker's code as a string, started
 *    from a Blob URL): one HTML file, and it works from file://;
 *  - dev server and vitest: Vite's `?worker` (a module worker served from src/).
 */
const simulationWorker = (strategy: 'chunk' | 'inline'): Plugin => {
  let serving = false;
  return {
    name: 'segur-simulation-worker',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (id) => (id === WORKER_MODULE ? `\0${WORKER_MODULE}` : undefined),
    load(id) {
      if (id !== `\0${WORKER_MODULE}`) return undefined;
      if (serving || strategy === 'inline') {
        return `export { default } from ${JSON.stringify(`${WORKER_ENTRY}?worker${serving ? '' : '&inline'}`)};`;
      }
      const ref = this.emitFile({ type: 'chunk', id: WORKER_ENTRY, name: 'simulate.worker' });
      return `export default (options) => new Worker(import.meta.ROLLUP_FILE_URL_${ref}, { ...options, type: 'module' });`;
    },
  };
};

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy, in builds only (the dev server's HMR needs a websocket and inline
// scripts): a <meta> added to the built HTML once its scripts and styles are final (after
// vite-plugin-singlefile has inlined them), with the sha256 of each inline <script>/<style>.

/** sha256 sources for the inline elements `tag` of `html` (those without a src attribute). */
function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))) {
    if (/\ssrc\s*=/i.test(attributes!) || body === '') continue;
    hashes.add(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy of a built page. `self`: the page loads files next to it (the served app); the
 * offline file loads nothing, so its scripts and styles are allowed by hash only and its worker
 * as a blob: URL.
 */
function contentSecurityPolicy(html: string, { self }: { self: boolean }): string {
  const own = self ? ["'self'"] : [];
  return [
    "default-src 'none'",
    `script-src ${[...own, ...inlineHashes(html, 'script')].join(' ') || "'none'"}`,
    `style-src ${[...own, ...inlineHashes(html, 'style')].join(' ') || "'none'"}`,
    `img-src ${[...own, 'data:', 'blob:'].join(' ')}`,
    `worker-src ${self ? "'self'" : 'blob:'}`,
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const contentSecurityPolicyMeta = ({ self }: { self: boolean }): Plugin => ({
  name: 'segur-content-security-policy',
  apply: 'build',
  enforce: 'post',
  generateBundle: {
    order: 'post', // after vite-plugin-singlefile (also post; listed before this plugin)
    handler(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html, { self })}" />`;
        // Right after <meta charset>: before any script or style of the page.
        const withMeta = html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`);
        if (withMeta === html) this.error(`${file.fileName}: no <meta charset> to put the Content-Security-Policy after`);
        file.source = withMeta;
      }
    },
  },
});

// ---------------------------------------------------------------------------------------------
// The offline file: dist/index.html of the single-file build becomes dist/segur-simulateur.html,
// and a copy goes into dist/app so that the served app can offer it for download. Run after the
// app's build (which empties dist/app).

const OFFLINE_FILE = 'segur-simulateur.html';

const offlineFile = (): Plugin => ({
  name: 'segur-offline-file',
  apply: 'build',
  enforce: 'post',
  generateBundle: {
    order: 'post', // after the Content-Security-Policy
    handler(_options, bundle) {
      const html = bundle['index.html'];
      if (html?.type !== 'asset') return this.error('the offline build made no index.html');
      const leftovers = Object.keys(bundle).filter((name) => name !== 'index.html');
      if (leftovers.length) this.error(`the offline file must be alone, but the build also made: ${leftovers.join(', ')}`);
      delete bundle['index.html'];
      // Rolldown does not take new keys in `bundle`: emit the renamed file instead.
      this.emitFile({ type: 'asset', fileName: OFFLINE_FILE, source: html.source });
    },
  },
  async writeBundle(options) {
    const appDir = resolve(import.meta.dirname, 'dist/app');
    await mkdir(appDir, { recursive: true });
    await copyFile(join(options.dir ?? resolve(import.meta.dirname, 'dist'), OFFLINE_FILE), join(appDir, OFFLINE_FILE));
  },
});

/** Node programs built from the same sources: the CLI, and the benchmark script. */
const NODE_PROGRAMS: Record<string, { entry: string; outDir: string; file: string }> = {
  cli: { entry: 'src/cli/main.ts', outDir: 'dist/cli', file: 'segur-sim.mjs' },
  bench: { entry: 'tests/bench/run.ts', outDir: 'dist/bench', file: 'run.mjs' },
};

// ---------------------------------------------------------------------------------------------
// The embeddable element (`--mode embed`): dist/app/segur-simulateur.js, ONE classic script (IIFE:
// no import, no CORS needed when a documentation site loads it from another origin) defining
// <segur-simulateur>. Everything inside: the documentation (no dynamic chunk), the worker from a
// Blob URL (`?worker&inline`), the styles: styles.css as a string (`?inline`) and the components'
// CSS, which Vite extracts as usual and `embedComponentCss` moves into the script (at the marker of
// src/embed/shadow-styles.ts); the element adopts both as one constructed stylesheet in its shadow
// root (no <style> element: a host page whose Content-Security-Policy refuses inline styles still
// styles it). Run after the app's build (which empties dist/app).

const EMBED_ELEMENT = resolve(import.meta.dirname, 'src/embed/SegurSimulateur.svelte');
const EMBED_CSS_MARKER = '/*segur-embed-component-css*/';

const embedComponentCss = (): Plugin => ({
  name: 'segur-embed-component-css',
  apply: 'build',
  enforce: 'post',
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      const sheets = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
      const css = sheets.map((f) => (f.type === 'asset' ? String(f.source) : '')).join('\n');
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const chunk = chunks[0];
      if (chunks.length !== 1 || chunk?.type !== 'chunk') return this.error(`the embed build must make one script, not ${chunks.length}`);
      if (chunk.code.split(EMBED_CSS_MARKER).length !== 2) return this.error(`${EMBED_CSS_MARKER} must appear once in ${chunk.fileName}`);
      // Escaped for any JS string or template literal the marker may sit in after minification.
      const escaped = css.replace(/[\\'"`$\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      chunk.code = chunk.code.replace(EMBED_CSS_MARKER, () => escaped);
      for (const sheet of sheets) delete bundle[sheet.fileName];
    },
  },
});

function embedConfig() {
  return {
    plugins: [
      svelte({
        dynamicCompileOptions: ({ filename }: { filename: string }) => (filename === EMBED_ELEMENT ? { customElement: true } : undefined),
      }),
      simulationWorker('inline'),
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

  if (mode === 'offline') {
    return {
      plugins: [
        svelte(),
        simulationWorker('inline'),
        // Inlines the JS and CSS; also sets codeSplitting: false (documentation and examples
        // inlined: no dynamic chunk) and base './'.
        viteSingleFile(),
        contentSecurityPolicyMeta({ self: false }),
        offlineFile(),
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
    plugins: [svelte(), svelteTesting(), simulationWorker('chunk'), contentSecurityPolicyMeta({ self: true })],
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
            // A component test renders whole pages in jsdom: 5 s (the default) is too short on a
            // loaded 2-core machine. A bound, not a timed assertion.
            testTimeout: 30_000,
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

// The offline file: dist/index.html of the single-file build becomes dist/segur-simulateur.html,
// and a copy goes into dist/app so that the served app can offer it for download. Run after the
// app's build (which empties dist/app).

import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const OFFLINE_FILE = 'segur-simulateur.html';

/** `appDir`: where the served app is built (dist/app); `distDir`: the build's default outDir. */
export const offlineFile = (appDir: string, distDir: string): Plugin => ({
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
    await mkdir(appDir, { recursive: true });
    await copyFile(join(options.dir ?? distDir, OFFLINE_FILE), join(appDir, OFFLINE_FILE));
  },
});

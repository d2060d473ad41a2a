// Makes the built Node programs runnable as ./dist/cli/segur-sim.mjs (npm also does this for
// `bin` on install).

import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** After writing, every `.mjs` of the bundle gets mode 0755. */
export const chmodExecutable = (): Plugin => ({
  name: 'segur-chmod-executable',
  async writeBundle(options, bundle) {
    for (const fileName of Object.keys(bundle)) {
      if (fileName.endsWith('.mjs')) await chmod(join(options.dir ?? '', fileName), 0o755);
    }
  },
});

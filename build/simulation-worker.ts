// The simulation worker, loaded the way each build needs (src/worker/simulation-worker.d.ts).

import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const WORKER_MODULE = 'virtual:simulation-worker';
/**
 * `import createWorker from 'virtual:simulation-worker'`:
 *  - 'chunk' (the served app): the worker is one more entry chunk of the app's bundle, started as
 *    a module worker; rolldown puts what it shares with the page (rule sets, types) in common
 *    chunks instead of copying the core into a separate worker bundle;
 *  - 'inline' (the offline file): Vite's `?worker&inline` (the worker's code as a string, started
 *    from a Blob URL): one HTML file, and it works from file://;
 *  - dev server and vitest: Vite's `?worker` (a module worker served from src/).
 * `root`: the repository (where src/ is).
 */
export const simulationWorker = (strategy: 'chunk' | 'inline', root: string): Plugin => {
  const WORKER_ENTRY = resolve(root, 'src/worker/simulate.worker.ts');
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

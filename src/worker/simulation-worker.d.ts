// The simulation worker's constructor, provided by the `segur-simulation-worker` plugin of
// vite.config.ts, so that each build loads the worker its own way:
//   - the served app (`vite build`): a module worker, an entry chunk of the app's own bundle
//     (the core's chunks are shared with the page, not copied);
//   - the offline file (`vite build --mode offline`): Vite's inline worker (`?worker&inline`, a
//     Blob URL built from a string inside the one HTML file: it works from file://);
//   - dev server and vitest: Vite's `?worker` (a module worker served from src/).
declare module 'virtual:simulation-worker' {
  /** Starts a new simulation worker. */
  export default function createWorker(options?: { name?: string }): Worker;
}

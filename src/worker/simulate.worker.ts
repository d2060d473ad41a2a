// The simulation off the main thread: receives { id, bytes, options }, answers { id, result }
// with the output file's buffer transferred. Started by client.ts through `virtual:simulation-worker`
// (vite.config.ts): an entry chunk of the served app, an inline Blob worker in the offline file.

import { handleRequest } from './handle';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, options?: { transfer?: Transferable[] }): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { response, transfer } = handleRequest(event.data);
  scope.postMessage(response, { transfer });
};

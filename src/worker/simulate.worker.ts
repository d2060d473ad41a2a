// The simulation off the main thread (protocol.ts): checks files, posting progress while it
// checks and the result with the output file's buffer transferred; builds excerpts from its own
// copy of each file's text. Started by client.ts through `virtual:simulation-worker`
// (vite.config.ts): an entry chunk of the served app, an inline Blob worker in the offline file.

import { Files } from './files';
import { handleRequest, throttled } from './handle';
import type { WorkerRequest, WorkerResponse } from './protocol';

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, options?: { transfer?: Transferable[] }): void;
}

const scope = self as unknown as WorkerScope;
const files = new Files();

scope.onmessage = (event) => {
  const progress = throttled(
    (response) => scope.postMessage(response),
    () => performance.now(),
  );
  const answer = handleRequest(event.data, files, progress);
  if (answer) scope.postMessage(answer.response, { transfer: answer.transfer });
};

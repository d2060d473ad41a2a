// The simulation off the main thread (protocol.ts): checks files, posting progress while it
// checks and the result with the output file's buffer transferred; builds excerpts from its own
// copy of each file's text. Started by client.ts through `virtual:simulation-worker`
// (vite.config.ts): an entry chunk of the served app, an inline Blob worker in the offline file.
// Until its first request it warms the checker up (warm-up.ts).

import { Files } from './files';
import { handlePosted, throttled } from './handle';
import type { PostedRequest, WorkerResponse } from './protocol';
import { warmUp } from './warm-up';

/** The part of DedicatedWorkerGlobalScope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<PostedRequest>) => void) | null;
  postMessage(message: WorkerResponse, options?: { transfer?: Transferable[] }): void;
}

const scope = self as unknown as WorkerScope;
const files = new Files();

let queue: Promise<void> = Promise.resolve();
/** Set by the first request: the warm-up gives way for good. */
let requested = false;

scope.onmessage = (event) => {
  requested = true;
  const request = event.data;
  // One request after another, in the order they came (a Blob's read may take a while).
  queue = queue.then(async () => {
    const progress = throttled(
      (response) => scope.postMessage(response),
      () => performance.now(),
    );
    const answer = await handlePosted(request, files, progress);
    if (answer) scope.postMessage(answer.response, { transfer: answer.transfer });
  });
};

// Until the first request: the checker's code made hot on a small built-in file (warm-up.ts).
void warmUp({ stop: () => requested, later: (step) => setTimeout(step, 0), now: () => performance.now() });

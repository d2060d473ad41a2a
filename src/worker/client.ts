// A promise API over the simulation worker:
//   const client = createSimulationClient();
//   const result = await client.simulate(bytes, options);
// The worker is started on first use and reused. Where Worker does not exist (tests under jsdom,
// old engines) or cannot start (a Content-Security-Policy refusing the worker), the check runs
// on the main thread instead — after yielding once, so the page can paint its progress first.
// The main-thread core is imported only then (a dynamic import): the page does not carry a
// second copy of the checker next to the worker's.

import createWorker from 'virtual:simulation-worker';
import type { SimulationOptions, SimulationResult } from '../core/types';
import type { WorkerRequest, WorkerResponse } from './protocol';

export interface SimulationClient {
  simulate(bytes: Uint8Array, options: SimulationOptions): Promise<SimulationResult>;
  /** Stops the worker (a later simulate() starts a new one). */
  dispose(): void;
}

export interface ClientOptions {
  /** Creates the worker; undefined → main thread. Defaults to the build's worker (see
   *  simulation-worker.d.ts) when Worker exists. */
  readonly createWorker?: () => Worker | undefined;
}

interface Pending {
  readonly request: WorkerRequest;
  readonly resolve: (result: SimulationResult) => void;
  readonly reject: (error: Error) => void;
}

const defaultWorker = (): Worker | undefined => (typeof Worker === 'undefined' ? undefined : createWorker({ name: 'simulation' }));

/** Runs the check on the main thread, after giving the page one turn to render. */
export async function simulateOnMainThread(bytes: Uint8Array, options: SimulationOptions): Promise<SimulationResult> {
  const [{ simulateFile }] = await Promise.all([import('../simulator'), new Promise((resolve) => setTimeout(resolve, 0))]);
  return simulateFile(bytes, options);
}

export function createSimulationClient({ createWorker = defaultWorker }: ClientOptions = {}): SimulationClient {
  let worker: Worker | undefined;
  /** Set once the worker failed to start or crashed: everything runs on the main thread. */
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const fallBack = () => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    // Whatever was sent to the dead worker is checked here instead.
    const stranded = [...pending.values()];
    pending.clear();
    for (const p of stranded) simulateOnMainThread(p.request.bytes, p.request.options).then(p.resolve, p.reject);
  };

  const start = (): Worker | undefined => {
    if (broken) return undefined;
    if (worker) return worker;
    try {
      worker = createWorker();
    } catch {
      broken = true;
      return undefined;
    }
    if (!worker) {
      broken = true;
      return undefined;
    }
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const answer = event.data;
      const p = pending.get(answer.id);
      if (!p) return;
      pending.delete(answer.id);
      if (answer.ok) p.resolve(answer.result);
      else p.reject(new Error(answer.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    worker.onmessageerror = () => fallBack();
    return worker;
  };

  return {
    simulate(bytes, options) {
      const w = start();
      if (!w) return simulateOnMainThread(bytes, options);
      return new Promise<SimulationResult>((resolve, reject) => {
        // Plain data only: a reactive proxy cannot cross to the worker.
        const request: WorkerRequest = { id: nextId++, bytes, options: plainOptions(options) };
        pending.set(request.id, { request, resolve, reject });
        try {
          // The bytes are copied, not transferred: the page keeps them to show excerpts.
          w.postMessage(request);
        } catch {
          fallBack();
        }
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const p of pending.values()) p.reject(new Error('simulation interrompue'));
      pending.clear();
    },
  };
}

function plainOptions(options: SimulationOptions): SimulationOptions {
  return {
    type: options.type,
    dsr: options.dsr,
    ...(options.profiles ? { profiles: [...options.profiles] } : {}),
    ...(options.vatRate !== undefined ? { vatRate: options.vatRate } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.firstErrorOnly !== undefined ? { firstErrorOnly: options.firstErrorOnly } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Profile } from '../core/types';
import { simulateFile } from '../simulator';
import { createSimulationClient } from './client';
import { handleRequest } from './handle';
import type { WorkerRequest } from './protocol';

const fixture = new Uint8Array(readFileSync(new URL('../rules/mdv-lgc/fixtures/avance-liberal.json', import.meta.url)));
const options = { type: 'avance', dsr: 'MDV-LGC', vatRate: '20', today: '2026-11-22' } as const;

/** A Worker stand-in that runs the worker's handler asynchronously, through structured clone. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  received: WorkerRequest[] = [];
  terminated = false;
  constructor(private readonly crash = false) {}
  postMessage(message: WorkerRequest) {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (this.crash) {
        this.onerror?.({ preventDefault() {} } as ErrorEvent);
        return;
      }
      const { response, transfer } = handleRequest(copy);
      this.onmessage?.({ data: structuredClone(response, { transfer }) } as MessageEvent);
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('simulation client', () => {
  test('without Worker (Node, jsdom) it runs on the main thread', async () => {
    expect(typeof Worker).toBe('undefined');
    const client = createSimulationClient();
    expect(await client.simulate(fixture, options)).toEqual(simulateFile(fixture, options));
  });

  test('with a worker: one worker for every request, answers matched by id', async () => {
    const workers: FakeWorker[] = [];
    const client = createSimulationClient({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1) as unknown as Worker) });
    const invalid = new TextEncoder().encode('[');
    const [a, b] = await Promise.all([client.simulate(fixture, options), client.simulate(invalid, options)]);
    expect(workers).toHaveLength(1);
    expect(a).toEqual(simulateFile(fixture, options));
    expect(b.status).toBe('invalid');
    // Plain data crossed over, and the page kept its bytes.
    expect(workers[0]!.received[0]!.options).toEqual(options);
    expect(fixture.byteLength).toBeGreaterThan(0);
    client.dispose();
    expect(workers[0]!.terminated).toBe(true);
  });

  test('options are sent as plain data (a reactive proxy cannot be cloned)', async () => {
    const worker = new FakeWorker();
    const client = createSimulationClient({ createWorker: () => worker as unknown as Worker });
    const profiles = new Proxy<Profile[]>(['mailiz'], {});
    await client.simulate(fixture, { ...options, profiles });
    expect(worker.received[0]!.options.profiles).toEqual(['mailiz']);
  });

  test('a worker that crashes: the request is checked on the main thread', async () => {
    const client = createSimulationClient({ createWorker: () => new FakeWorker(true) as unknown as Worker });
    expect(await client.simulate(fixture, options)).toEqual(simulateFile(fixture, options));
  });

  test('a worker that cannot start: main thread', async () => {
    const client = createSimulationClient({
      createWorker: () => {
        throw new Error('CSP');
      },
    });
    expect((await client.simulate(fixture, options)).status).toBe('accepted');
  });

  test('an error inside the worker rejects the promise', async () => {
    const client = createSimulationClient({ createWorker: () => new FakeWorker() as unknown as Worker });
    await expect(client.simulate(fixture, { type: 'solde', dsr: 'INCONNU' })).rejects.toThrow(/Aucun jeu de règles/);
  });
});

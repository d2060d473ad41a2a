import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Profile, SimulationResult } from '../core/types';
import { outputBytes, simulateFile } from '../simulator';
import { CancelledError, createSimulationClient, TEXT_PIECE, UnreadableFileError, type TextSource } from './client';
import { Files } from './files';
import { handlePosted } from './handle';
import type { PostedRequest, SimulateRequest, TextPieceRequest, WorkerResponse } from './protocol';

const fixture = new Uint8Array(readFileSync(new URL('../rules/mdv-lgc/fixtures/avance-liberal.json', import.meta.url)));
const options = { type: 'avance', dsr: 'MDV-LGC', vatRate: '20', today: '2026-11-22' } as const;

/** A result with its output file as one buffer: the worker's (joined there) and the core's (parts) compare. */
function joined(result: SimulationResult): unknown {
  return { ...result, output: result.output && outputBytes(result.output) };
}

/** A Worker stand-in that runs the worker's handler asynchronously, through structured clone. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  received: PostedRequest[] = [];
  terminated = false;
  readonly files = new Files();
  /** hold: answers nothing (a check that runs for ever). */
  constructor(private readonly behaviour: 'normal' | 'crash' | 'hold' = 'normal') {}
  postMessage(message: PostedRequest) {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (this.terminated || this.behaviour === 'hold') return;
      if (this.behaviour === 'crash') {
        this.onerror?.({ preventDefault() {} } as ErrorEvent);
        return;
      }
      const send = (response: WorkerResponse, transfer: ArrayBuffer[] = []) =>
        this.onmessage?.({ data: structuredClone(response, { transfer }) } as MessageEvent);
      void handlePosted(copy, this.files, (r) => send(r)).then((answer) => {
        if (answer) send(answer.response, answer.transfer);
      });
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
    expect(joined(await client.simulate(fixture, options))).toEqual(joined(simulateFile(fixture, options)));
  });

  test('with a worker: one worker for every request, answers matched by id', async () => {
    const workers: FakeWorker[] = [];
    const client = createSimulationClient({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1) as unknown as Worker) });
    const invalid = new TextEncoder().encode('[');
    const [a, b] = await Promise.all([client.simulate(fixture, options), client.simulate(invalid, options)]);
    expect(workers).toHaveLength(1);
    expect(joined(a)).toEqual(joined(simulateFile(fixture, options)));
    expect(b.status).toBe('invalid');
    // Plain data crossed over, and the page kept its bytes.
    expect((workers[0]!.received[0] as SimulateRequest).options).toEqual(options);
    expect(fixture.byteLength).toBeGreaterThan(0);
    client.dispose();
    expect(workers[0]!.terminated).toBe(true);
  });

  test('options are sent as plain data (a reactive proxy cannot be cloned)', async () => {
    const worker = new FakeWorker();
    const client = createSimulationClient({ createWorker: () => worker as unknown as Worker });
    const profiles = new Proxy<Profile[]>(['mailiz'], {});
    await client.simulate(fixture, { ...options, profiles });
    expect((worker.received[0] as SimulateRequest).options.profiles).toEqual(['mailiz']);
  });

  test('every option reaches the worker, the file name too (its warning G020)', async () => {
    const worker = new FakeWorker();
    const client = createSimulationClient({ createWorker: () => worker as unknown as Worker });
    const named = { ...options, profiles: new Proxy<Profile[]>(['mailiz'], {}), strict: false, fileName: 'mauvais nom.json' };
    const result = await client.simulate(fixture, named);
    expect((worker.received[0] as SimulateRequest).options).toEqual({ ...named, profiles: ['mailiz'] });
    expect(result.globalWarnings.map((w) => w.code)).toContain('G020');
    const viaFile = await client.checkFile(new Blob([fixture]), named);
    expect(viaFile.result.globalWarnings.map((w) => w.code)).toContain('G020');
  });

  test('a worker that crashes: the request is checked on the main thread', async () => {
    const client = createSimulationClient({ createWorker: () => new FakeWorker('crash') as unknown as Worker });
    expect(joined(await client.simulate(fixture, options))).toEqual(joined(simulateFile(fixture, options)));
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

  test('check: progress from the worker, then excerpts built by the worker until released', async () => {
    const worker = new FakeWorker();
    const client = createSimulationClient({ createWorker: () => worker as unknown as Worker });
    const progress: [number, number][] = [];
    const { result, excerpts } = await client.check(fixture, options, { onProgress: (done, total) => progress.push([done, total]) });
    expect(joined(result)).toEqual(joined(simulateFile(fixture, options)));
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const [first, none] = await excerpts.excerpts([
      { line: 2, column: 3 },
      { line: 10_000, column: 1 },
    ]);
    expect(first?.text).toBe(new TextDecoder().decode(fixture).split('\n')[1]!.trimStart()); // the indentation left out (issue 16)
    expect(none).toBeNull();
    expect(worker.received.map((r) => r.kind)).toEqual(['simulate', 'excerpts']);
    excerpts.release();
    expect(worker.received.at(-1)).toEqual({ kind: 'release', files: [1] });
  });

  test('checkFile: the worker reads the File itself (no bytes posted), hands a copy of them back, same result and excerpts', async () => {
    const worker = new FakeWorker();
    const client = createSimulationClient({ createWorker: () => worker as unknown as Worker });
    const { result, excerpts, bytes } = await client.checkFile(new Blob([fixture]), options);
    expect(joined(result)).toEqual(joined(simulateFile(fixture, options)));
    expect(bytes).toEqual(fixture);
    const posted = worker.received[0]!;
    expect(posted.kind).toBe('simulate-file');
    expect('bytes' in posted).toBe(false);
    const [line] = await excerpts.excerpts([{ line: 2, column: 3 }]);
    expect(line?.text).toBe(new TextDecoder().decode(fixture).split('\n')[1]!.trimStart());
  });

  test('checkFile of a file that cannot be read: UnreadableFileError, in the worker and on the main thread', async () => {
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) } as unknown as Blob;
    const worker = new FakeWorker();
    const client = createSimulationClient({ createWorker: () => worker as unknown as Worker });
    // structuredClone cannot copy the stand-in: the fake worker is given it as it is.
    worker.postMessage = function (this: FakeWorker, message: PostedRequest) {
      this.received.push(message);
      void handlePosted(message, this.files).then((answer) => this.onmessage?.({ data: answer!.response } as MessageEvent));
    };
    await expect(client.checkFile(unreadable, options)).rejects.toBeInstanceOf(UnreadableFileError);
    const local = createSimulationClient({ createWorker: () => undefined });
    await expect(local.checkFile(unreadable, options)).rejects.toBeInstanceOf(UnreadableFileError);
  });

  test('checkFile without a worker: read and checked on the main thread, bytes and excerpts there', async () => {
    const client = createSimulationClient({ createWorker: () => undefined });
    const { result, excerpts, bytes } = await client.checkFile(new Blob([fixture]), options);
    expect(joined(result)).toEqual(joined(simulateFile(fixture, options)));
    expect(bytes).toEqual(fixture);
    const [line] = await excerpts.excerpts([{ line: 2, column: 3 }]);
    expect(line?.text).toBe(new TextDecoder().decode(fixture).split('\n')[1]!.trimStart());
  });

  test('checkFile with a worker that crashes: the File is read and checked on the main thread', async () => {
    const client = createSimulationClient({ createWorker: () => new FakeWorker('crash') as unknown as Worker });
    const { result, bytes } = await client.checkFile(new Blob([fixture]), options);
    expect(joined(result)).toEqual(joined(simulateFile(fixture, options)));
    expect(bytes).toEqual(fixture);
  });

  test('warmUp starts the worker before any check', () => {
    const workers: FakeWorker[] = [];
    const client = createSimulationClient({ createWorker: () => (workers.push(new FakeWorker()), workers.at(-1) as unknown as Worker) });
    client.warmUp();
    expect(workers).toHaveLength(1);
    client.warmUp();
    expect(workers).toHaveLength(1);
  });

  test('cancel: the check rejects with CancelledError, the busy worker is stopped, the next check starts another', async () => {
    const workers: FakeWorker[] = [];
    let behaviour: 'hold' | 'normal' = 'hold';
    const client = createSimulationClient({
      createWorker: () => (workers.push(new FakeWorker(behaviour)), workers.at(-1) as unknown as Worker),
    });
    const running = client.check(fixture, options);
    client.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0]!.terminated).toBe(true);
    behaviour = 'normal';
    expect((await client.simulate(fixture, options)).status).toBe('accepted');
    expect(workers).toHaveLength(2);
  });

  test('without a worker, excerpts are made on the page from its copy of the file', async () => {
    const client = createSimulationClient({ createWorker: () => undefined });
    const { excerpts } = await client.check(new TextEncoder().encode('{\n  "x": 1\n}'), options);
    expect(await excerpts.excerpts([{ line: 2, column: 8 }])).toEqual([{ line: 2, text: '"x": 1', caret: '     ^' }]);
  });
});

describe('simulateText: a text checked in pieces, encoded in the worker', () => {
  /** The fixture's text, grown past three pieces, with an emoji across the first pieces' border. */
  const base = new TextDecoder().decode(fixture);
  const pad = ' '.repeat(TEXT_PIECE - 4 - base.indexOf('{'));
  const text = base.replace('{', `{${pad}"x😀": 1,`).padEnd(3 * TEXT_PIECE + 10, ' ');
  const bytes = new TextEncoder().encode(text);
  /** `text` as the editor gives it, recording the slices read. */
  const sourceOf = (s: string, read: [number, number][] = []): TextSource => ({
    length: s.length,
    slice: (from, to) => (read.push([from, to]), s.slice(from, to)),
  });

  test('with a worker: posted in pieces, joined there, the same result and bytes as the whole text', async () => {
    // The emoji's two halves are in two pieces.
    expect(text.charCodeAt(TEXT_PIECE - 1)).toBe(0xd83d);
    const worker = new FakeWorker();
    const client = createSimulationClient({ createWorker: () => worker as unknown as Worker });
    const read: [number, number][] = [];
    const checked = await client.simulateText(sourceOf(text, read), options);
    expect(joined(checked.result)).toEqual(joined(simulateFile(bytes, options)));
    expect(checked.bytes).toEqual(bytes);
    const pieces = worker.received.filter((m): m is TextPieceRequest => m.kind === 'text-piece');
    expect(pieces).toHaveLength(4);
    expect(Math.max(...read.map(([from, to]) => to - from))).toBe(TEXT_PIECE);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    // Nothing is left in the worker.
    expect(worker.received.map((m) => m.kind)).toEqual([
      'text-piece',
      'text-piece',
      'text-piece',
      'text-piece',
      'simulate-text',
      'release',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(worker.files.size).toBe(0);
  });

  test('the page gets its turn between pieces when slicing takes time', async () => {
    const client = createSimulationClient({ createWorker: () => new FakeWorker() as unknown as Worker });
    const order: string[] = [];
    // Each slice takes 5 ms or more: two of them exceed the budget, and the client yields.
    const slow: TextSource = {
      length: text.length,
      slice: (from, to) => {
        const until = performance.now() + 5;
        while (performance.now() < until);
        order.push('slice');
        return text.slice(from, to);
      },
    };
    setTimeout(() => order.push('page'), 0);
    await client.simulateText(slow, options);
    expect(order.indexOf('page')).toBeGreaterThan(0);
    expect(order.indexOf('page')).toBeLessThan(order.lastIndexOf('slice'));
  });

  test('without a worker, or with one that crashes: joined and encoded on the main thread', async () => {
    for (const createWorker of [() => undefined, () => new FakeWorker('crash') as unknown as Worker]) {
      const client = createSimulationClient({ createWorker });
      const checked = await client.simulateText(sourceOf(text), options);
      expect(joined(checked.result)).toEqual(joined(simulateFile(bytes, options)));
      expect(checked.bytes).toEqual(bytes);
    }
  });

  test('cancelled while the pieces are posted: CancelledError, and the next check starts another worker', async () => {
    const workers: FakeWorker[] = [];
    let behaviour: 'hold' | 'normal' = 'hold';
    const client = createSimulationClient({
      createWorker: () => (workers.push(new FakeWorker(behaviour)), workers.at(-1) as unknown as Worker),
    });
    let slices = 0;
    const cancelling: TextSource = {
      length: text.length,
      slice: (from, to) => {
        if (++slices === 2) client.cancel();
        return text.slice(from, to);
      },
    };
    // cancel() stops a worker only while a check runs: one holds it busy.
    const busy = client.check(fixture, options);
    await expect(client.simulateText(cancelling, options)).rejects.toBeInstanceOf(CancelledError);
    await expect(busy).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.received.filter((m) => m.kind === 'text-piece')).toHaveLength(1);
    behaviour = 'normal';
    const checked = await client.simulateText(sourceOf(text), options);
    expect(checked.bytes).toEqual(bytes);
    expect(workers).toHaveLength(2);
  });
});

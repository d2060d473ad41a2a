import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { outputBytes, simulateFile } from '../simulator';
import { Files } from './files';
import { handleRequest, throttled } from './handle';
import type { WorkerResponse } from './protocol';

const fixture = new Uint8Array(readFileSync(new URL('../rules/mdv-lgc/fixtures/avance-liberal.json', import.meta.url)));
const options = { type: 'avance', dsr: 'MDV-LGC', vatRate: '20', today: '2026-11-22' } as const;

describe('simulate', () => {
  test('answers the same result as simulateFile, and transfers the output buffer', () => {
    const answer = handleRequest({ kind: 'simulate', id: 7, bytes: fixture, options }, new Files());
    const response = answer!.response;
    if (response.kind !== 'result' || !response.ok) throw new Error(JSON.stringify(response));
    expect(response.id).toBe(7);
    const expected = simulateFile(fixture, options);
    expect({ ...response.result, output: null }).toEqual({ ...expected, output: null });
    // One buffer of its own, the output's bytes exactly, and the fixture's buffer not given away.
    const output = response.result.output!;
    expect(output.parts).toHaveLength(1);
    expect(output.parts[0]).toEqual(outputBytes(expected.output!));
    expect(output.size).toBe(expected.output!.size);
    expect(answer!.transfer).toEqual([output.parts[0]!.buffer]);
    expect(answer!.transfer[0]).not.toBe(fixture.buffer);
  });

  test('progress: one message per request checked, with the total', () => {
    const progress: WorkerResponse[] = [];
    handleRequest({ kind: 'simulate', id: 3, bytes: fixture, options }, new Files(), (r) => progress.push(r));
    expect(progress).toEqual([
      { kind: 'progress', id: 3, done: 1, total: 2 },
      { kind: 'progress', id: 3, done: 2, total: 2 },
    ]);
  });

  test('an invalid file has no output: nothing to transfer', () => {
    const answer = handleRequest({ kind: 'simulate', id: 1, bytes: new TextEncoder().encode('{'), options }, new Files());
    expect(answer!.response.kind === 'result' && answer!.response.ok && answer!.response.result.status).toBe('invalid');
    expect(answer!.transfer).toEqual([]);
  });

  test('a failure becomes an error response, not an exception', () => {
    const answer = handleRequest({ kind: 'simulate', id: 2, bytes: fixture, options: { type: 'solde', dsr: 'INCONNU' } }, new Files());
    expect(answer!.response).toMatchObject({ kind: 'result', id: 2, ok: false });
    expect(answer!.response.kind === 'result' && !answer!.response.ok && answer!.response.message).toMatch(/Aucun jeu de règles/);
  });
});

describe('excerpts', () => {
  test('built from the kept file, until it is released', () => {
    const files = new Files();
    handleRequest({ kind: 'simulate', id: 1, bytes: new TextEncoder().encode('{\n  "a": [1,\n  2]\n}'), options }, files);
    const ask = () =>
      handleRequest(
        {
          kind: 'excerpts',
          id: 9,
          file: 1,
          at: [
            { line: 2, column: 3 },
            { line: 40, column: 1 },
          ],
        },
        files,
      )!.response;
    expect(ask()).toEqual({ kind: 'excerpts', id: 9, excerpts: [{ line: 2, text: '"a": [1,', caret: '^' }, null] });
    expect(handleRequest({ kind: 'release', files: [1] }, files)).toBeNull();
    expect(files.size).toBe(0);
    expect(ask()).toEqual({ kind: 'excerpts', id: 9, excerpts: [null, null] });
  });
});

describe('throttled', () => {
  test('at most one progress message per interval, and always the last', () => {
    let now = 0;
    const posted: WorkerResponse[] = [];
    const post = throttled(
      (r) => posted.push(r),
      () => now,
      50,
    );
    for (let done = 1; done <= 200; done++) {
      now = done; // 1 ms per request
      post({ kind: 'progress', id: 1, done, total: 200 });
    }
    expect(posted.map((r) => (r.kind === 'progress' ? r.done : -1))).toEqual([1, 51, 101, 151, 200]);
  });
});

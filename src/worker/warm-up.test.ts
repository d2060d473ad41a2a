// Unit tests of the worker's warm-up: its built-in file goes through the whole check, findings
// included, and the warm-up gives way to a request and keeps to its budget.

import { describe, expect, test } from 'vitest';
import { simulateFile } from '../simulator';
import { warmUp, warmUpFile, WARM_UP_OPTIONS, type WarmUpHooks } from './warm-up';

/** Hooks that run each step at once (a queue, not recursion), with a clock of `stepMs` per check. */
function hooks(stepMs: number, stopAfter = Infinity): WarmUpHooks & { run(): void; steps: number } {
  const queue: (() => void)[] = [];
  let clock = 0;
  let reads = 0;
  const h = {
    steps: 0,
    stop: () => h.steps >= stopAfter,
    later: (step: () => void) => queue.push(step),
    // Read twice per check (before and after): the clock moves by `stepMs` per check.
    now: () => (reads++ % 2 === 0 ? clock : (clock += stepMs)),
    run() {
      for (let step = queue.shift(); step; step = queue.shift()) {
        step();
        h.steps++;
      }
    },
  };
  return h;
}

describe('the worker’s warm-up', () => {
  test('its file is read to the end: every request checked, the spoilt ones with their findings', () => {
    const result = simulateFile(warmUpFile(16), WARM_UP_OPTIONS);
    expect(result.status).toBe('rejected');
    expect(result.requests).toHaveLength(16);
    const codes = (i: number) => result.requests[i]!.errors.map((e) => e.code);
    // A date as AAAA-MM-JJ, a number as text, an unknown tag: in every other request.
    for (const i of [1, 3, 15]) expect(codes(i)).toEqual(expect.arrayContaining(['E010', 'E004', 'E002']));
    for (const i of [0, 2, 14]) expect(codes(i)).not.toContain('E010');
    expect(result.output).not.toBeNull();
  });

  test('checks the file `rounds` times, one check per step', async () => {
    const h = hooks(1);
    const done = warmUp(h, 5, 1000);
    h.run();
    expect(await done).toBe(5);
  });

  test('stops when a request has come, and when its budget is spent', async () => {
    const stopped = hooks(1, 2);
    const a = warmUp(stopped, 50, 1000);
    stopped.run();
    expect(await a).toBe(2);
    const slow = hooks(40);
    const b = warmUp(slow, 50, 100);
    slow.run();
    // 40 ms per check: after 3 checks, 120 ms are spent (over 100): no fourth.
    expect(await b).toBe(3);
  });
});

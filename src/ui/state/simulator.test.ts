// The simulator's state around the verdict, without a DOM: the verdict dialog comes a task before
// the results it sums up (#show, issue 12), and closing it in between waits for them.

import { expect, test } from 'vitest';
import { simulateFile } from '../../simulator';
import { fixtureBytes, fixtureFile } from '../testing';
import { SimulatorState, type SimulatorStore } from './simulator.svelte';

const memoryStore: SimulatorStore = {
  loadSettings: async () => undefined,
  saveSettings: async () => true,
  loadHistory: async () => [],
  addToHistory: async () => [],
  clearHistory: async () => true,
};

test('the verdict is shown a task before the results; closeVerdict() in between settles once they are there', async () => {
  const simulator = new SimulatorState({
    client: { simulate: async (bytes, options) => simulateFile(bytes, options), dispose() {} },
    store: memoryStore,
    readFile: async () => fixtureBytes(),
  });
  await simulator.ready;
  simulator.setFiles([fixtureFile('avance.json')]);
  const simulated = simulator.simulate();
  // Microtasks only (the reader and the client answer at once): the task that puts the results
  // on the page cannot run before the dialog is closed.
  for (let i = 0; i < 1000 && simulator.verdict === null; i++) await Promise.resolve();
  expect(simulator.verdict?.kind).toBe('accepted');
  expect(simulator.runs).toEqual([]);
  const closed = simulator.closeVerdict();
  expect(simulator.verdict).toBeNull();
  await closed;
  expect(simulator.runs.map((r) => r.fileName)).toEqual(['avance.json']);
  await simulated;
  expect(simulator.running).toBe(false);
});

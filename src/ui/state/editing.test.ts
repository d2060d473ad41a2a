// The simulator's state around the editor (issue 11), without a DOM: live re-checks of the
// editor's text, a syntax fault that keeps the last good results, fixes' versions, a file changed
// on the disk, stale settings and « Relancer ». The editor's text is given by a plain source
// (what the CodeMirror view registers in the browser).

import { describe, expect, test, vi } from 'vitest';
import type { SimulationOptions } from '../../core/types';
import { simulateFile } from '../../simulator';
import { createSimulationClient } from '../../worker/client';
import { fixtureText } from '../testing';
import { RECHECK_DELAY_MS, textSource } from './edit-session.svelte';
import { CHANGED_ON_DISK, EDITS_KEPT, SimulatorState } from './simulator.svelte';

const memoryStore = () => {
  /** The entries of each addToHistory call. */
  const added: unknown[][] = [];
  return {
    added,
    loadSettings: async () => undefined,
    saveSettings: async () => true,
    loadHistory: async () => [],
    addToHistory: async (entries: readonly unknown[]) => (added.push([...entries]), []),
    clearHistory: async () => true,
  };
};

function setup(readFile?: (file: File) => Promise<Uint8Array>) {
  const calls: { text: string; options: SimulationOptions }[] = [];
  const client = {
    simulate: async (bytes: Uint8Array, options: SimulationOptions) => {
      calls.push({ text: new TextDecoder().decode(bytes), options });
      return simulateFile(bytes, options);
    },
    dispose() {},
  };
  const store = memoryStore();
  const simulator = new SimulatorState({ client, store, ...(readFile ? { readFile } : {}) });
  return { simulator, calls, store };
}

/** A file reader like the default one, that fails as a browser does once the file changed on the disk (`gone`). */
function diskReader() {
  const disk = {
    gone: false,
    read: async (file: File) => {
      if (disk.gone) throw new DOMException('changed', 'NotReadableError');
      return new Uint8Array(await file.arrayBuffer());
    },
  };
  return disk;
}

const VALID = fixtureText();
const NO_COMMA = VALID.replace('"typeAction": "C",', '"typeAction": "C"');
const fileOf = (text: string, name = 'avance.json') => new File([text], name, { type: 'application/json' });

/** Opens the only run in the editor, with `text()` as the editor's text. */
function edit(simulator: SimulatorState, text: () => string) {
  simulator.open(simulator.runs[0]!);
  const session = simulator.editing!;
  let version = 0;
  session.attach(() => ({ text: textSource(text()), version }));
  return { session, bump: () => ++version };
}

describe('the editor and the results', () => {
  test('typing re-checks once, after the pause, and the results follow (no dialog)', async () => {
    vi.useFakeTimers();
    try {
      const { simulator, calls } = setup();
      await simulator.ready;
      simulator.setFiles([fileOf(NO_COMMA)]);
      await simulator.simulate();
      expect(simulator.runs[0]!.status).toBe('invalid');
      let text = NO_COMMA;
      const { session, bump } = edit(simulator, () => text);
      const before = calls.length;
      text = VALID;
      for (let i = 0; i < 3; i++) {
        bump();
        session.changed(true);
        await vi.advanceTimersByTimeAsync(RECHECK_DELAY_MS - 50);
      }
      expect(calls.length).toBe(before); // still typing
      await vi.advanceTimersByTimeAsync(100);
      await vi.waitFor(() => expect(simulator.runs[0]!.status).toBe('accepted'));
      expect(calls.length).toBe(before + 1);
      expect(session.status).toContain("La simulation de l'import s'est déroulée correctement.");
      expect(simulator.verdict).toBeNull();
      expect(simulator.quiet).toBe(true);
      expect(session.versionOf(simulator.runs[0]!)).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a syntax fault while typing is shown in the editor, the last good results are kept', async () => {
    const { simulator } = setup();
    simulator.setFiles([fileOf(VALID)]);
    await simulator.simulate();
    const good = simulator.runs[0]!;
    const { session, bump } = edit(simulator, () => NO_COMMA);
    bump();
    await session.check();
    expect(simulator.runs[0]).toBe(good);
    expect(session.syntax?.status).toBe('invalid');
    expect(session.findings.map((f) => f.issue.code)).toEqual(['G010']);
    expect(session.findings[0]!.version).toBe(1);
    expect(simulator.invalidRuns).toEqual([]);
  });

  test('a file changed on the disk: said, the previous results kept', async () => {
    const disk = diskReader();
    const { simulator, store } = setup(disk.read);
    simulator.setFiles([fileOf(VALID)]);
    await simulator.simulate();
    const previous = simulator.runs[0]!;
    disk.gone = true;
    await simulator.simulate();
    expect(simulator.runs).toEqual([previous]);
    expect(previous.notice).toBe(CHANGED_ON_DISK);
    expect(previous.result?.status).toBe('accepted');
    // Not a new check: no verdict, no history entry; the announcement says what was kept.
    expect(simulator.verdict).toBeNull();
    expect(simulator.announcement).toMatch(
      /^avance\.json\s: le fichier a changé sur le disque et n'a pas pu être relu\s; les résultats affichés sont ceux du contrôle précédent\.$/,
    );
    expect(store.added).toHaveLength(1);
  });

  test('two chosen files of one name: said at once, nothing checked', async () => {
    const { simulator, calls } = setup();
    simulator.setFiles([fileOf(VALID, 'same.json'), fileOf(NO_COMMA, 'same.json'), fileOf(VALID, 'other.json')]);
    const said =
      "Plusieurs fichiers choisis portent le même nom (same.json)\u00a0: leurs résultats se confondraient. Renommez-les, ou vérifiez-les l'un après l'autre.";
    expect(simulator.fileError).toBe(said);
    await simulator.simulate();
    expect(calls).toEqual([]);
    expect(simulator.runs).toEqual([]);
    expect(simulator.fileError).toBe(said);
    simulator.setFiles([fileOf(VALID, 'same.json')]);
    expect(simulator.fileError).toBe('');
  });

  test('a file changed on the disk, with the default reader (the worker reads the file): said, the previous results kept', async () => {
    const simulator = new SimulatorState({ client: createSimulationClient({ createWorker: () => undefined }), store: memoryStore() });
    let readable = true;
    const file = fileOf(VALID);
    const read = file.arrayBuffer.bind(file);
    Object.defineProperty(file, 'arrayBuffer', {
      value: () => (readable ? read() : Promise.reject(new DOMException('changed', 'NotReadableError'))),
    });
    simulator.setFiles([file]);
    await simulator.simulate();
    const previous = simulator.runs[0]!;
    expect(previous.result?.status).toBe('accepted');
    // The bytes the client read and checked are the run's (the editor opens on them).
    expect(new TextDecoder().decode(previous.bytes!)).toBe(VALID);
    readable = false;
    await simulator.simulate();
    expect(simulator.runs).toEqual([previous]);
    expect(previous.notice).toBe(CHANGED_ON_DISK);
  });

  test('the editor holds changes when the file is simulated again: they are checked, and kept (the file on the disk is not read)', async () => {
    const disk = diskReader();
    const { simulator, calls } = setup(disk.read);
    simulator.setFiles([fileOf(NO_COMMA)]);
    await simulator.simulate();
    const { session, bump } = edit(simulator, () => VALID);
    bump();
    session.changed(true);
    await session.check();
    disk.gone = true; // it may have changed, or be gone: the edits are what is checked
    await simulator.simulate();
    expect(calls.at(-1)!.text).toBe(VALID);
    expect(simulator.runs[0]!.status).toBe('accepted');
    expect(session.notice).toBe(EDITS_KEPT);
    expect(session.owns(simulator.runs[0]!)).toBe(true);
  });

  test("« Simuler » on the editor's text: the client reads it in slices (checkText), the page never joins it", async () => {
    const client = createSimulationClient({ createWorker: () => undefined });
    const checkText = vi.spyOn(client, 'checkText');
    const simulator = new SimulatorState({ client, store: memoryStore() });
    simulator.setFiles([fileOf(NO_COMMA)]);
    await simulator.simulate();
    const { session, bump } = edit(simulator, () => VALID);
    // The editor's text as CodeMirror's: slices only, no whole-text read from the page.
    const sliced: number[] = [];
    session.attach(() => ({
      text: { length: VALID.length, slice: (from, to) => (sliced.push(to - from), VALID.slice(from, to)) },
      version: bump(),
    }));
    session.edited = true;
    await simulator.simulate();
    expect(checkText).toHaveBeenCalledTimes(1);
    expect(simulator.runs[0]!.status).toBe('accepted');
    expect(new TextDecoder().decode(simulator.runs[0]!.bytes!)).toBe(VALID);
    expect(session.notice).toBe(EDITS_KEPT);
    expect(session.owns(simulator.runs[0]!)).toBe(true);
    // Without a worker the client joins the slices itself: what matters is that it was given them.
    expect(sliced.length).toBeGreaterThan(0);
  });

  test('settings changed after a check: stale, then « Relancer » checks the same bytes with the new ones', async () => {
    const { simulator, calls } = setup();
    simulator.setFiles([fileOf(VALID)]);
    await simulator.simulate();
    const run = simulator.runs[0]!;
    expect(simulator.isStale(run)).toBe(false);
    simulator.form.strict = true;
    expect(simulator.isStale(run)).toBe(true);
    await simulator.rerun();
    const again = simulator.runs[0]!;
    expect(again).not.toBe(run);
    expect(again.options.strict).toBe(true);
    expect(calls.at(-1)!.text).toBe(VALID);
    expect(simulator.isStale(again)).toBe(false);
  });

  test('a fix is asked of the editor with the version of the text it was found in', async () => {
    const { simulator } = setup();
    simulator.setFiles([fileOf(VALID.replace('"montantSegurHT": 1075.00', '"montantSegurHT": 1075'))]);
    await simulator.simulate();
    const run = simulator.runs[0]!;
    const issue = run.result!.requests[0]!.errors[0]!;
    const fix = { start: 1, end: 2, text: 'x' };
    simulator.applyFix(run, { ...issue, fix });
    expect(simulator.editing?.fixRequest).toMatchObject({ fix, version: 0 });
    // No fix, no request.
    simulator.editing!.fixRequest = null;
    simulator.applyFix(run, issue.fix ? { ...issue, fix: undefined } : issue);
    expect(simulator.editing?.fixRequest).toBeNull();
  });
});

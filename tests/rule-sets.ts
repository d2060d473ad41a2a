// Test support shared by the rule sets' own tests (src/rules/*/*.test.ts): running a
// folder's base files with edits, reading findings back, and the strict checks every
// fixture of a rule set must pass.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { simulate } from '../src/core/simulate';
import { outputBytes } from '../src/core/annotate';
import { codesOf } from '../src/core/docs';
import type { RuleSet } from '../src/core/model';
import type { SimulationOptions, SimulationResult } from '../src/core/types';
import { CODES } from '../src/messages/codes';
import { applyEdits, type Fixture } from '../src/rules/fixture';

const encoder = new TextEncoder();

/** `read` a base file of `dir`, `run` a text, or run a base file `edited` (options on top of `options`). */
export function ruleSetHarness(ruleSet: RuleSet, options: SimulationOptions, dir: URL) {
  const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
  const run = (text: string, extra: Partial<SimulationOptions> = {}): SimulationResult =>
    simulate(encoder.encode(text), { ...options, ...extra }, ruleSet);
  const edited = (base: string, edits: Fixture['edits'], extra: Partial<SimulationOptions> = {}) =>
    run(applyEdits(read(base), edits), extra);
  return { read, run, edited };
}

/** Every finding of a result, with the list it stands in. */
export function findings(r: SimulationResult) {
  return [
    ...r.globalErrors.map((i) => ({ ...i, where: 'globalErrors' })),
    ...r.globalWarnings.map((i) => ({ ...i, where: 'globalWarnings' })),
    ...r.requests.flatMap((q) => [
      ...q.errors.map((i) => ({ ...i, where: 'errors' })),
      ...q.warnings.map((i) => ({ ...i, where: 'warnings' })),
    ]),
  ];
}
/** `CODE /json/pointer` of every finding. */
export const codes = (r: SimulationResult) => findings(r).map((i) => `${i.code} ${i.path}`);
export const errorCodes = (r: SimulationResult) =>
  findings(r)
    .filter((i) => i.where === 'errors' || i.where === 'globalErrors')
    .map((i) => i.code);
export const warningCodes = (r: SimulationResult) =>
  findings(r)
    .filter((i) => i.where === 'warnings' || i.where === 'globalWarnings')
    .map((i) => i.code);

/** Accepted, with no error and no warning. */
export function expectClean(r: SimulationResult) {
  expect(codes(r)).toEqual([]);
  expect(r.status).toBe('accepted');
}

/** Inside a rule set's `describe`: its codes and its fixtures cover each other. */
export function fixtureCoverageTests(ruleSet: RuleSet, fixtures: readonly Fixture[], bases: readonly string[]) {
  test('every code it can report has a fixture', () => {
    const covered = new Set(fixtures.map((f) => f.code));
    const missing = codesOf(ruleSet).filter((c) => !c.startsWith('G') && !covered.has(c));
    expect(missing).toEqual([]);
  });

  test('every fixture is of a code it can report, on an existing base file', () => {
    const known = new Set(codesOf(ruleSet));
    for (const f of fixtures) {
      expect(known.has(f.code), f.code).toBe(true);
      expect(bases).toContain(f.base);
    }
  });
}

/**
 * Each fixture reports its code at its path, as the only error of the file; a request's error
 * becomes its `codeTraitement` in the output file, a header error leaves no output file.
 */
export function describeFixtures(title: string, fixtures: readonly Fixture[], edited: ReturnType<typeof ruleSetHarness>['edited']) {
  describe(title, () => {
    test.each(fixtures.map((f) => [`${f.code} ${f.title}`, f] as const))('%s', (_, fixture) => {
      const r = edited(fixture.base, fixture.edits, fixture.options);
      const request = /^\/lignesImport\/(\d+)(\/|$)/.exec(fixture.path);
      const severity = CODES[fixture.code];
      const where = request ? (severity === 'error' ? 'errors' : 'warnings') : severity === 'error' ? 'globalErrors' : 'globalWarnings';
      expect(
        findings(r)
          .filter((i) => i.code === fixture.code)
          .map((i) => `${i.where} ${i.path}`),
      ).toContain(`${where} ${fixture.path}`);
      // One fault per fixture: its code is the only error of the file (warnings aside).
      if (severity === 'error') expect(new Set(errorCodes(r))).toEqual(new Set([fixture.code]));
      else expect(errorCodes(r)).toEqual([]);
      if (request && severity === 'error') {
        const index = Number(request[1]);
        const result = r.requests[index]!;
        expect(result.codeTraitement).toBe(result.errors[0]!.code);
        expect(result.codeTraitement).toBe(fixture.code);
        const output = JSON.parse(new TextDecoder().decode(outputBytes(r.output!))) as { lignesImport: { codeTraitement: string }[] };
        expect(output.lignesImport[index]!.codeTraitement).toBe(fixture.code);
      }
      if (!request && severity === 'error') {
        expect(r.status).toBe('invalid');
        expect(r.output).toBeNull();
      }
    });
  });
}

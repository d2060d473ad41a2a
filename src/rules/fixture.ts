// A fixture: a real base file of a rule set's fixtures/ folder, plus text edits that make it
// trigger one code. Tests prove each fixture triggers its code at its path; the documentation
// shows the edit as the code's example.

import { PROFILES, type SimulationOptions } from '../core/types';
import type { RuleSet } from '../core/model';
import type { Code } from '../messages/codes';

export interface Fixture {
  readonly code: Code;
  /** What the edit does, in French (shown in the documentation). */
  readonly title: string;
  /** A file name in the rule set's fixtures/ folder. */
  readonly base: string;
  /** `[from, to]` pairs: the first occurrence of `from` is replaced by `to`. */
  readonly edits: readonly (readonly [string, string])[];
  /** Form choices that differ from the defaults (VAT 20 %, every profile, today 2026-11-22). */
  readonly options?: Partial<SimulationOptions>;
  /** The JSON Pointer where the code must be reported. */
  readonly path: string;
}

/** Applies a fixture's edits; throws when a `from` is absent, so a stale fixture fails loudly. */
export function applyEdits(text: string, edits: Fixture['edits']): string {
  let out = text;
  for (const [from, to] of edits) {
    const at = out.indexOf(from);
    if (at < 0) throw new Error(`fixture edit not applicable: ${JSON.stringify(from)} not found`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

/** A rule set's fixtures and the base files they edit (a folder's `examples.ts` exports these). */
export interface FixtureSet {
  readonly ruleSet: RuleSet;
  readonly fixtures: readonly Fixture[];
  /** The base files of the folder's fixtures/, by file name. */
  readonly bases: Readonly<Record<string, string>>;
}

/** `{'./fixtures/a.json': text}` (an `import.meta.glob` of raw files) → `{'a.json': text}`. */
export function basesFrom(files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) out[path.slice(path.lastIndexOf('/') + 1)] = text;
  return out;
}

/** The form choices fixtures start from: VAT 20 % and every profile where the form offers them. */
export function fixtureOptions(ruleSet: RuleSet): SimulationOptions {
  return {
    type: ruleSet.type,
    dsr: ruleSet.dsr,
    today: '2026-11-22',
    ...(ruleSet.form.vatRates.includes('20') ? { vatRate: '20' as const } : {}),
    ...(ruleSet.form.profiles ? { profiles: [...PROFILES] } : {}),
  };
}

/** The text a fixture produces: its base file with its edits applied. */
export function fixtureText(set: FixtureSet, fixture: Fixture): string {
  const base = set.bases[fixture.base];
  if (base === undefined) throw new Error(`fixture base not found: ${fixture.base}`);
  return applyEdits(base, fixture.edits);
}

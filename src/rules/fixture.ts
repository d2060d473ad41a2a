// A fixture: a real base file of a rule set's fixtures/ folder, plus text edits that make it
// trigger one code. Tests prove each fixture triggers its code at its path; the documentation
// shows the edit as the code's example.

import type { SimulationOptions } from '../core/types';
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

// « Essayer avec un fichier d'exemple » (issue 11): a rule set's valid base file with two
// deliberate errors, taken from its fixtures (src/rules/<folder>/fixtures.ts: the edits that the
// documentation shows as each code's example), so that the example stays true to the rules.

import type { FixtureSet, Fixture } from '../../rules/fixture';
import { applyEdits } from '../../rules/fixture';
import { CODES, type Code } from '../../messages/codes';

/** Codes whose errors have a mechanical fix (issue 10) or stay one error each, tried first (a
 *  renamed tag, E002, also makes its tag missing, E001: two errors for one edit). */
const PREFERRED: readonly Code[] = ['E011', 'E010', 'E004', 'E009', 'E007', 'E008', 'E013', 'E012', 'E006', 'E005'];

export interface ExampleFile {
  readonly fileName: string;
  readonly text: string;
  /** The codes of the two deliberate errors. */
  readonly codes: readonly Code[];
}

const rank = (f: Fixture): number => {
  const at = PREFERRED.indexOf(f.code);
  return at < 0 ? PREFERRED.length : at;
};

/**
 * The example file of a rule set: the base file its request fixtures use most, with the edits of
 * two request-level error fixtures (distinct codes, no special form choice, edits that apply one
 * after the other). Undefined when the set has no such pair. The file name is
 * `exemple-<DSR>-<type>.json`.
 */
export function exampleWithErrors(set: FixtureSet): ExampleFile | undefined {
  const candidates = set.fixtures.filter(
    (f) => CODES[f.code] === 'error' && f.code.startsWith('E') && !f.options && f.path.startsWith('/lignesImport/') && f.base in set.bases,
  );
  const uses = new Map<string, number>();
  for (const f of candidates) uses.set(f.base, (uses.get(f.base) ?? 0) + 1);
  const base = [...uses.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (base === undefined) return undefined;
  const ordered = candidates.filter((f) => f.base === base).sort((a, b) => rank(a) - rank(b));
  let text = set.bases[base]!;
  const codes: Code[] = [];
  for (const fixture of ordered) {
    if (codes.includes(fixture.code)) continue;
    try {
      text = applyEdits(text, fixture.edits);
    } catch {
      continue; // an earlier edit took this one's place
    }
    codes.push(fixture.code);
    if (codes.length === 2) break;
  }
  if (codes.length < 2) return undefined;
  return { fileName: `exemple-${set.ruleSet.dsr}-${set.ruleSet.type}.json`, text, codes };
}

// The registry of rule sets: every folder of src/rules with an index.ts exporting `ruleSets`.
// Adding a rule set is adding a folder (its definitions, index.ts, examples.ts, tests).

import type { RuleSet } from '../core/model';
import type { Dsr, RequestType } from '../core/types';

const modules = import.meta.glob<{ ruleSets: readonly RuleSet[] }>('./*/index.ts', { eager: true });

/** The couloirs in the portal's order; a new one goes after them. */
const ORDER = ['MDV-LGC', 'BIO-SGL', 'HOP-DPI', 'HOP-PFI', 'MS'];
const rank = (r: RuleSet) => (ORDER.includes(r.dsr) ? ORDER.indexOf(r.dsr) : ORDER.length) * 2 + (r.type === 'avance' ? 0 : 1);

export const RULE_SETS: readonly RuleSet[] = Object.values(modules)
  .flatMap((m) => m.ruleSets)
  .sort((a, b) => rank(a) - rank(b) || a.dsr.localeCompare(b.dsr));

/** The couloirs that have at least one rule set. */
export const DSRS: readonly Dsr[] = [...new Set(RULE_SETS.map((r) => r.dsr))];

export function ruleSetFor(type: RequestType, dsr: Dsr): RuleSet | undefined {
  return RULE_SETS.find((r) => r.type === type && r.dsr === dsr);
}

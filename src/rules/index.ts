// The registry of rule sets: every folder of src/rules with an index.ts exporting `ruleSets`.
// Adding a rule set is adding a folder (meta.ts, its definitions, index.ts, examples.ts, tests).

import type { RuleSet } from '../core/model';
import type { Dsr, RequestType } from '../core/types';
import { inPortalOrder } from './catalog';

export { DSRS } from './catalog';

const modules = import.meta.glob<{ ruleSets: readonly RuleSet[] }>('./*/index.ts', { eager: true });

export const RULE_SETS: readonly RuleSet[] = inPortalOrder(Object.values(modules).flatMap((m) => m.ruleSets));

export function ruleSetFor(type: RequestType, dsr: Dsr): RuleSet | undefined {
  return RULE_SETS.find((r) => r.type === type && r.dsr === dsr);
}

// The registry of rule sets: one entry per (type, DSR) that has one.

import type { RuleSet } from '../core/model';
import type { Dsr, RequestType } from '../core/types';
import { mdvLgcAvance } from './mdv-lgc/avance';

export const RULE_SETS: readonly RuleSet[] = [mdvLgcAvance];

export function ruleSetFor(type: RequestType, dsr: Dsr): RuleSet | undefined {
  return RULE_SETS.find((r) => r.type === type && r.dsr === dsr);
}

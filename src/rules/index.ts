// The registry of rule sets: one entry per (type, DSR) that has one.

import type { RuleSet } from '../core/model';
import type { Dsr, RequestType } from '../core/types';
import { mdvLgcAvance } from './mdv-lgc/avance';
import { mdvLgcSolde } from './mdv-lgc/solde';
import { hopDpiAvance } from './hop/dpi';
import { hopPfiAvance } from './hop/pfi';
import { msAvance } from './ms/avance';
import { bioSglSolde } from './bio-sgl/solde';

export const RULE_SETS: readonly RuleSet[] = [mdvLgcAvance, mdvLgcSolde, bioSglSolde, hopDpiAvance, hopPfiAvance, msAvance];

export function ruleSetFor(type: RequestType, dsr: Dsr): RuleSet | undefined {
  return RULE_SETS.find((r) => r.type === type && r.dsr === dsr);
}

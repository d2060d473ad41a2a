// The front door every adapter uses (UI, worker, CLI): file bytes + form choices → result.

import { simulate, type SimulationHooks } from './core/simulate';
import { ruleSetFor, RULE_SETS } from './rules/index';
import type { SimulationOptions, SimulationResult } from './core/types';

export { ACCEPTED_CODE, ACCEPTED_LABEL, oversized, pointer } from './core/simulate';
export { MAX_INPUT_BYTES } from './core/json/decode';
export { outputBytes } from './core/annotate';
export { RULE_SETS, ruleSetFor };

export class NoRuleSetError extends Error {
  constructor(readonly options: Pick<SimulationOptions, 'type' | 'dsr'>) {
    const available = RULE_SETS.map((r) => `${r.dsr} (${r.type})`).join(', ');
    super(`Aucun jeu de règles pour ${options.dsr} en ${options.type} ; disponibles : ${available}.`);
  }
}

export type { SimulationHooks };

/**
 * The rule set of `options` (type and DSR) applied to `bytes`; see `simulate` (src/core/simulate.ts).
 * `hooks.onProgress` follows the requests checked. Throws NoRuleSetError for an unknown rule set.
 */
export function simulateFile(bytes: Uint8Array, options: SimulationOptions, hooks?: SimulationHooks): SimulationResult {
  const ruleSet = ruleSetFor(options.type, options.dsr);
  if (!ruleSet) throw new NoRuleSetError(options);
  return simulate(bytes, options, ruleSet, RULE_SETS, hooks);
}

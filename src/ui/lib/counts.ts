// The counts shown for one file's result and kept in the history.

import type { SimulationResult } from '../../core/types';

export interface Counts {
  readonly requests: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly errors: number;
  readonly warnings: number;
}

export function countsOf(result: SimulationResult): Counts {
  let rejected = 0;
  let errors = result.globalErrors.length;
  let warnings = result.globalWarnings.length;
  for (const r of result.requests) {
    if (r.errors.length > 0) rejected++;
    errors += r.errors.length;
    warnings += r.warnings.length;
  }
  return { requests: result.requests.length, accepted: result.requests.length - rejected, rejected, errors, warnings };
}

/** « 1 demande », « 3 demandes » (French: 0 and 1 are singular). */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n <= 1 ? one : many}`;
}

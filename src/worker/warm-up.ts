// The checker's code made hot in the worker before the first real check (issue 12).
//
// A new worker runs the checker's code cold: interpreted, then compiled as it gets hot. Measured in
// Chromium (`npm run bench:browser`, the all-rejected 200-request file), the first check of a
// fresh worker took 42–98 ms inside the worker, against about 4 ms once the code is compiled (the
// same file in Node, warm). So the worker, once started (when the page is idle, or a file is
// chosen), checks a small built-in file a few times, in short steps that give way to any request.
// The results are dropped; nothing leaves the worker.

import sample from '../rules/mdv-lgc/fixtures/avance-liberal.json?raw';
import { mdvLgcAvance } from '../rules/mdv-lgc/avance';
import { fixtureOptions } from '../rules/fixture';
import { simulateFile } from '../simulator';

/** The options the built-in file is checked with: its rule set's (MDV-LGC advance), as for its fixtures. */
export const WARM_UP_OPTIONS = fixtureOptions(mdvLgcAvance);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The built-in file: the MDV-LGC advance fixture's request, `requests` times; every other copy
 * has the faults a real file has most (a date written `AAAA-MM-JJ`, a number written as text, an
 * unknown tag), so that the findings' code (messages, advice, hints, the output's labels) is made
 * hot too. UTF-8 bytes, pretty-printed as a vendor's file is.
 */
export function warmUpFile(requests = 16): Uint8Array {
  const file = JSON.parse(sample) as { lignesImport: Json[] } & Record<string, Json>;
  const request = file.lignesImport[0]!;
  const lignesImport: Json[] = [];
  for (let i = 0; i < requests; i++) {
    const copy = structuredClone(request) as Record<string, Json>;
    copy.numLigne = i + 1;
    if (i % 2 === 1) spoil(copy);
    lignesImport.push(copy);
  }
  return new TextEncoder().encode(JSON.stringify({ ...file, lignesImport }, null, 2) + '\n');
}

/** Adds the usual faults to a request: its first JJ/MM/AAAA date as AAAA-MM-JJ, its first number as text, an unknown tag. */
function spoil(request: Record<string, Json>): void {
  let date = false;
  let number = false;
  const visit = (holder: Record<string, Json> | Json[]) => {
    for (const key of Object.keys(holder)) {
      const value = (holder as Record<string, Json>)[key]!;
      if (!date && typeof value === 'string' && /^\d\d\/\d\d\/\d{4}$/.test(value)) {
        (holder as Record<string, Json>)[key] = value.split('/').reverse().join('-');
        date = true;
      } else if (!number && typeof value === 'number' && key !== 'numLigne') {
        (holder as Record<string, Json>)[key] = String(value);
        number = true;
      } else if (value !== null && typeof value === 'object') visit(value);
    }
  };
  visit(request);
  request.numeroEditeurr = 'X';
}

export interface WarmUpHooks {
  /** True once a real request has come: the warm-up stops before its next step. */
  readonly stop: () => boolean;
  /** Runs `step` later, letting the worker take its messages first (setTimeout in the worker). */
  readonly later: (step: () => void) => void;
  /** Milliseconds, for the time budget (performance.now in the worker). */
  readonly now: () => number;
}

/**
 * Checks the built-in file up to `rounds` times, one check per step, until `budgetMs` of checking
 * is spent or `hooks.stop()` says a real request came. Resolves with the number of checks made.
 * Never throws (a failed check ends the warm-up).
 */
export function warmUp(hooks: WarmUpHooks, rounds = 40, budgetMs = 300): Promise<number> {
  const bytes = warmUpFile();
  return new Promise((resolve) => {
    let done = 0;
    let spent = 0;
    const step = () => {
      if (done >= rounds || spent >= budgetMs || hooks.stop()) return resolve(done);
      const t0 = hooks.now();
      try {
        simulateFile(bytes, WARM_UP_OPTIONS);
      } catch {
        return resolve(done);
      }
      spent += hooks.now() - t0;
      done++;
      hooks.later(step);
    };
    hooks.later(step);
  });
}

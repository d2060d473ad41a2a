// The walk explains a value that fails its format with the steps of the format's compiled
// program, not with Valibot (issue 12): the findings must be the very ones Valibot's issues give.

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { RULE_SETS } from '../rules';
import { shapesOf } from './model';
import { explainFailure } from './validate';

/** Every format schema of every rule set (value schemas and raw-number schemas), once each. */
function schemas(): v.GenericSchema[] {
  const found = new Set<v.GenericSchema>();
  for (const ruleSet of RULE_SETS)
    for (const shape of shapesOf(ruleSet))
      if (shape.kind === 'value') {
        found.add(shape.format.schema);
        if (shape.format.raw) found.add(shape.format.raw);
      }
  return [...found];
}

const issuesOf = (xs: readonly { message: string; requirement?: unknown }[] | undefined) =>
  (xs ?? []).map((i) => [i.message, i.requirement]);

describe('a failing value explained without Valibot', () => {
  const all = schemas();

  test('the rule sets have formats to compare (and most are compiled)', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  test('the same messages and requirements as Valibot, in the same order, for any value of the format’s type', () => {
    // Strings near what formats ask: dates, digits, codes, e-mails, lengths around the limits.
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      // Past the longest limits (VARCHAR <25, <50, <150), failing a second action too (lower case, no @).
      fc.string({ minLength: 24, maxLength: 200 }),
      fc.stringMatching(/^[a-zé 0-9]{24,60}$/),
      fc.stringMatching(/^\d{0,16}$/),
      fc.stringMatching(/^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/),
      fc.stringMatching(/^[A-Z0-9_ ]{0,12}$/),
      fc.stringMatching(/^[a-z.]{1,8}@[a-z]{1,6}\.[a-z]{1,3}$/),
      fc.constantFrom('', ' ', '17/04/2024', '31/02/2024', '2024-04-17', '00000', '10101010101', '1075.00', '1075,5', '-1'),
    );
    const number = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -10, max: 1_000_000 }), fc.constantFrom(0, 0.5, 20, 8.5, 5.5));
    fc.assert(
      fc.property(fc.constantFrom(...all), text, number, (schema, s, n) => {
        for (const x of [s, n, true, null]) {
          // A value Valibot accepts is not explained either (no finding).
          expect(issuesOf(explainFailure(schema, x))).toEqual(issuesOf(v.safeParse(schema, x).issues));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

import { describe, expect, test } from 'vitest';
import { loadExamples } from '../../rules/examples';
import { simulateFile } from '../../simulator';
import { exampleWithErrors } from './example-file';

describe("the example file with two deliberate errors (« Essayer avec un fichier d'exemple »)", async () => {
  const sets = await loadExamples();

  test('there is one per rule set', () => {
    expect(sets.length).toBeGreaterThanOrEqual(6);
  });

  test.each(sets.map((s) => [`${s.ruleSet.dsr} ${s.ruleSet.type}`, s] as const))(
    '%s: exactly its two errors, with the form at its defaults',
    (_, set) => {
      const example = exampleWithErrors(set);
      expect(example, 'no example').toBeDefined();
      expect(example!.fileName).toBe(`exemple-${set.ruleSet.dsr}-${set.ruleSet.type}.json`);
      const vatRate = set.ruleSet.form.vatRates.includes('20') ? ({ vatRate: '20' } as const) : {};
      const result = simulateFile(new TextEncoder().encode(example!.text), {
        type: set.ruleSet.type,
        dsr: set.ruleSet.dsr,
        profiles: [],
        ...vatRate,
        strict: false,
        firstErrorOnly: false,
      });
      expect(result.status).toBe('rejected');
      const errors = result.requests.flatMap((r) => r.errors.map((e) => e.code));
      expect(errors.sort()).toEqual([...example!.codes].sort());
    },
  );
});

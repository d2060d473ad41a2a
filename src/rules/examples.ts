// Every rule set's fixtures and base files, for the documentation (loaded on demand: they
// are not needed to check a file) and for the tests.

import type { FixtureSet } from './fixture';

const loaders = import.meta.glob<{ examples: readonly FixtureSet[] }>('./*/examples.ts');

export async function loadExamples(): Promise<FixtureSet[]> {
  const modules = await Promise.all(Object.values(loaders).map((load) => load()));
  return modules.flatMap((m) => m.examples);
}

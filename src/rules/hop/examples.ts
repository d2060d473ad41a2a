import { basesFrom, type FixtureSet } from '../fixture';
import { hopDpiAvance } from './dpi';
import { hopPfiAvance } from './pfi';
import { hopDpiFixtures, hopPfiFixtures } from './fixtures';

const bases = basesFrom(import.meta.glob<string>('./fixtures/*.json', { query: '?raw', import: 'default', eager: true }));

export const examples: readonly FixtureSet[] = [
  { ruleSet: hopDpiAvance, fixtures: hopDpiFixtures, bases },
  { ruleSet: hopPfiAvance, fixtures: hopPfiFixtures, bases },
];

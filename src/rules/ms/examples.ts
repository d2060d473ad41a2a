import { basesFrom, type FixtureSet } from '../fixture';
import { msAvance } from './avance';
import { msAvanceFixtures } from './fixtures';

const bases = basesFrom(import.meta.glob<string>('./fixtures/*.json', { query: '?raw', import: 'default', eager: true }));

export const examples: readonly FixtureSet[] = [{ ruleSet: msAvance, fixtures: msAvanceFixtures, bases }];

import { basesFrom, type FixtureSet } from '../fixture';
import { mdvLgcAvance } from './avance';
import { mdvLgcSolde } from './solde';
import { mdvLgcAvanceFixtures } from './fixtures';
import { mdvLgcSoldeFixtures } from './solde-fixtures';

const bases = basesFrom(import.meta.glob<string>('./fixtures/*.json', { query: '?raw', import: 'default', eager: true }));

export const examples: readonly FixtureSet[] = [
  { ruleSet: mdvLgcAvance, fixtures: mdvLgcAvanceFixtures, bases },
  { ruleSet: mdvLgcSolde, fixtures: mdvLgcSoldeFixtures, bases },
];

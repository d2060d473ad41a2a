import { basesFrom, type FixtureSet } from '../fixture';
import { bioSglSolde } from './solde';
import { bioSglSoldeFixtures } from './fixtures';

const bases = basesFrom(import.meta.glob<string>('./fixtures/*.json', { query: '?raw', import: 'default', eager: true }));

export const examples: readonly FixtureSet[] = [{ ruleSet: bioSglSolde, fixtures: bioSglSoldeFixtures, bases }];

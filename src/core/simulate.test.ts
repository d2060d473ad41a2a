// The pieces of the simulation that the rule-set tests do not reach on their own.

import { describe, expect, test } from 'vitest';
import { pointer } from './simulate';

describe('pointer (RFC 6901), as reports give a finding’s place', () => {
  test.each([
    [[], ''],
    [['lignesImport', 0, 'commande', 'montantSegurHT'], '/lignesImport/0/commande/montantSegurHT'],
    [['lignesImport', 12, 'a/b'], '/lignesImport/12/a~1b'],
    [['c~d', 'e~/f'], '/c~0d/e~0~1f'],
    [['', 'é'], '//é'],
  ] as const)('%j → %s', (path, expected) => {
    expect(pointer(path)).toBe(expected);
  });
});

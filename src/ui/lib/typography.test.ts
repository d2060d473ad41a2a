import { expect, test } from 'vitest';
import { frenchSpaces } from './typography';

test('no-break spaces before : ; ? ! and inside « »', () => {
  expect(frenchSpaces('« numeroEditeur » : attendu ; trouvé : rien ? oui !')).toBe(
    '«\u00a0numeroEditeur\u00a0»\u00a0: attendu\u202f; trouvé\u00a0: rien\u202f? oui\u202f!',
  );
  // Nothing else changes: no space before a colon in a time or a URL.
  expect(frenchSpaces('10:30 https://exemple.fr')).toBe('10:30 https://exemple.fr');
});

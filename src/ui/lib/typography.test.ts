import { expect, test } from 'vitest';
import { fr, frenchSpaces } from './typography';

test('no-break spaces before : ; ? ! and inside « »', () => {
  expect(frenchSpaces('« numeroEditeur » : attendu ; trouvé : rien ? oui !')).toBe(
    '«\u00a0numeroEditeur\u00a0»\u00a0: attendu\u202f; trouvé\u00a0: rien\u202f? oui\u202f!',
  );
  // A punctuation mark quoted alone: the space after « is the whole one.
  expect(frenchSpaces('séparateur « ; » ou « , »')).toBe('séparateur «\u00a0;\u00a0» ou «\u00a0,\u00a0»');
  // Nothing else changes: no space before a colon in a time or a URL.
  expect(frenchSpaces('10:30 https://exemple.fr')).toBe('10:30 https://exemple.fr');
});

test('fr typesets the written text of a template, not the values put in it', () => {
  const name = 'a ; b ?.json';
  expect(fr`Le fichier « ${name} » : voir ${1} ; ok ?`).toBe(`Le fichier «\u00a0${name}\u00a0»\u00a0: voir 1\u202f; ok\u202f?`);
  expect(fr`Aucune valeur`).toBe('Aucune valeur');
});

import { describe, expect, test } from 'vitest';
import { pointerToWords, pointerTokens } from './pointer';

describe('pointerToWords', () => {
  test.each([
    ['/lignesImport/0/beneficiaires/liberal/1/RPPS', 'Demande 1 › beneficiaires › liberal n° 2 › RPPS'],
    ['/lignesImport/0/commande/montantSegurHT', 'Demande 1 › commande › montantSegurHT'],
    ['/lignesImport/199/numLigne', 'Demande 200 › numLigne'],
    ['/lignesImport/3', 'Demande 4'],
    ['/lignesImport/0/piecesJustificatives/0/nomFichier', 'Demande 1 › piecesJustificatives n° 1 › nomFichier'],
    ['/lignesImport', 'lignesImport'],
    ['/siret', 'siret'],
    ['', 'Fichier entier'],
  ])('%s → %s', (pointer, words) => {
    expect(pointerToWords(pointer)).toBe(words);
  });

  test('unescapes ~1 and ~0 (RFC 6901)', () => {
    expect(pointerTokens('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1']);
    expect(pointerToWords('/lignesImport/0/a~1b')).toBe('Demande 1 › a/b');
  });

  test('lignesImport below the root is an ordinary array', () => {
    expect(pointerToWords('/x/lignesImport/0')).toBe('x › lignesImport n° 1');
  });

  test('an empty key is named, a root index is counted from 1', () => {
    expect(pointerToWords('/lignesImport/0/')).toBe('Demande 1 › (balise sans nom)');
    expect(pointerToWords('/0')).toBe('n° 1');
  });

  test('a text that is not a pointer is shown as it is', () => {
    expect(pointerToWords('siret')).toBe('siret');
  });
});

import { expect, test } from 'vitest';
import { baseName, outputFileName, reportFileName } from './download';

test('names follow the portal: <base>_sortie.json, and <base>_rapport.json', () => {
  expect(baseName('JSON-MDVLGC0001.json')).toBe('JSON-MDVLGC0001');
  expect(outputFileName('avance.json')).toBe('avance_sortie.json');
  expect(outputFileName('avance.JSON')).toBe('avance_sortie.json');
  expect(outputFileName('avance_sortie.json')).toBe('avance_sortie_sortie.json');
  expect(outputFileName('sans-extension')).toBe('sans-extension_sortie.json');
  expect(reportFileName('avance.json')).toBe('avance_rapport.json');
});

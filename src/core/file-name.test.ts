import { describe, expect, it } from 'vitest';
import { fileNameFinding } from './file-name';

describe('fileNameFinding (seeds 002 and 004, § 3.3: JSON-numeroAns-AAAAMMJJ-NNN.json)', () => {
  it('accepts the rule, with _sortie suffixes and copy marks ignored, a folder ignored', () => {
    for (const name of [
      'JSON-MDVLGC0001-20240115-001.json',
      'JSON-MDVLGC0001-20240115-012.JSON',
      'JSON-MDVLGC0001-20240115-001_sortie.json',
      'JSON-MDVLGC0001-20240115-001 (1).json',
      'JSON-MDVLGC0001-20240115-001_sortie(1)_sortie(3).json',
      'C:\\Users\\moi\\JSON-MDVLGC0001-20240229-001.json',
      'depots/JSON-MDVLGC0001-20240115-001.json',
    ])
      expect(fileNameFinding(name, 'MDVLGC0001'), name).toBeUndefined();
  });

  it('warns (G020, reason pattern) on a name that breaks the rule, with the rule written for this numeroAns', () => {
    for (const name of [
      'demandes.json',
      'JSON-MDVLGC0001-20240115.json',
      'JSON-MDVLGC0001-20230229-001.json',
      'JSON-MDVLGC0001-20240115-000.json',
      'json-MDVLGC0001-20240115-001.json',
      'JSON-MDVLGC0001-20240115-001.txt',
    ]) {
      const f = fileNameFinding(name, 'MDVLGC0001');
      expect(f, name).toMatchObject({
        code: 'G020',
        severity: 'warning',
        path: [],
        offset: 0,
        args: { reason: 'pattern', expected: 'JSON-MDVLGC0001-AAAAMMJJ-001.json' },
      });
    }
  });

  it('warns (reason numeroAns) when the name carries another numeroAns than the header', () => {
    expect(fileNameFinding('JSON-BIOSGL0001-20240115-001.json', 'MDVLGC0001')).toMatchObject({
      args: { reason: 'numeroAns', other: 'BIOSGL0001' },
    });
    // A header numeroAns that is not a string: only the pattern is checked.
    expect(fileNameFinding('JSON-BIOSGL0001-20240115-001.json', null)).toBeUndefined();
    expect(fileNameFinding('x.json', 42)!.args.expected).toBe('JSON-numeroAns-AAAAMMJJ-001.json');
  });
});

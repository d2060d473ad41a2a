import { describe, expect, test } from 'vitest';
import { splitExtension } from './file-name';

describe('splitExtension', () => {
  test('splits before the last dot', () => {
    expect(splitExtension('JSON-MDVLGC0001-20240115-001.json')).toEqual({ stem: 'JSON-MDVLGC0001-20240115-001', extension: '.json' });
    expect(splitExtension('a.b.zip')).toEqual({ stem: 'a.b', extension: '.zip' });
  });

  test('a name without extension is all stem', () => {
    expect(splitExtension('rapport')).toEqual({ stem: 'rapport', extension: '' });
    expect(splitExtension('.env')).toEqual({ stem: '.env', extension: '' });
    expect(splitExtension('')).toEqual({ stem: '', extension: '' });
  });
});

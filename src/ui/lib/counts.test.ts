import { expect, test } from 'vitest';
import type { Issue, SimulationResult } from '../../core/types';
import { countsOf, plural } from './counts';

const issue = (code: Issue['code']): Issue => ({ code, path: '', message: '', line: 1, column: 1 });

test('counts requests, rejections, errors and warnings, file-level ones included', () => {
  const request = (index: number, errors: number, warnings: number) => ({
    index,
    numLigne: index + 1,
    numeroEditeur: null,
    codeTraitement: '',
    libelleTraitement: '',
    errors: Array.from({ length: errors }, () => issue('E001')),
    warnings: Array.from({ length: warnings }, () => issue('A005')),
  });
  const result: SimulationResult = {
    status: 'rejected',
    globalErrors: [],
    globalWarnings: [issue('A010')],
    requests: [request(0, 0, 1), request(1, 2, 0), request(2, 1, 1)],
    output: null,
  };
  expect(countsOf(result)).toEqual({ requests: 3, accepted: 1, rejected: 2, errors: 3, warnings: 3 });
});

test('plural: 0 and 1 are singular in French', () => {
  expect(plural(0, 'demande', 'demandes')).toBe('0 demande');
  expect(plural(1, 'demande', 'demandes')).toBe('1 demande');
  expect(plural(2, 'demande', 'demandes')).toBe('2 demandes');
});

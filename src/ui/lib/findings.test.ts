import { describe, expect, test } from 'vitest';
import type { Issue, RequestResult } from '../../core/types';
import { firstRequests, isFiltering, matches, NO_FILTER, summarize, tagOf } from './findings';

const issue = (code: Issue['code'], path: string): Issue => ({ code, path, message: 'm', line: 1, column: 1 });
const request = (index: number, errors: Issue[], warnings: Issue[] = []): RequestResult => ({
  index,
  numLigne: index + 1,
  numeroEditeur: null,
  codeTraitement: errors[0]?.code ?? '0000',
  libelleTraitement: '',
  errors,
  warnings,
});

describe('tagOf', () => {
  test('the tag inside its request, indices dropped', () => {
    expect(tagOf('/lignesImport/3/beneficiaires/liberal/0/RPPS')).toBe('beneficiaires.liberal.RPPS');
    expect(tagOf('/lignesImport/12/commande/dateCommande')).toBe('commande.dateCommande');
  });
  test('the request itself, the file, a header tag', () => {
    expect(tagOf('/lignesImport/0')).toBe('');
    expect(tagOf('')).toBe('');
    expect(tagOf('/siret')).toBe('siret');
  });
  test('escaped tokens are read back', () => {
    expect(tagOf('/lignesImport/0/a~1b')).toBe('a/b');
  });
});

describe('summarize', () => {
  test('by code and tag, counting requests once each, most widespread first', () => {
    const requests = [
      request(0, [
        issue('E010', '/lignesImport/0/commande/dateCommande'),
        issue('E004', '/lignesImport/0/beneficiaires/liberal/0/RPPS'),
        issue('E004', '/lignesImport/0/beneficiaires/liberal/1/RPPS'),
      ]),
      request(1, [issue('E010', '/lignesImport/1/commande/dateCommande')], [issue('A003', '/lignesImport/1/beneficiaires/liberal/0/RPPS')]),
      request(2, []),
    ];
    expect(summarize(requests)).toEqual([
      { code: 'E010', tag: 'commande.dateCommande', severity: 'error', requests: 2, findings: 2 },
      { code: 'E004', tag: 'beneficiaires.liberal.RPPS', severity: 'error', requests: 1, findings: 2 },
      { code: 'A003', tag: 'beneficiaires.liberal.RPPS', severity: 'warning', requests: 1, findings: 1 },
    ]);
  });
});

describe('filter', () => {
  const e = issue('E010', '/lignesImport/4/commande/dateCommande');
  test('every finding without a filter', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(matches(NO_FILTER, e, 'error')).toBe(true);
  });
  test('by severity, code and tag', () => {
    expect(matches({ ...NO_FILTER, severity: 'warning' }, e, 'error')).toBe(false);
    expect(matches({ ...NO_FILTER, code: 'E010' }, e, 'error')).toBe(true);
    expect(matches({ ...NO_FILTER, code: 'E011' }, e, 'error')).toBe(false);
    expect(matches({ severity: 'error', code: 'E010', tag: 'commande.dateCommande' }, e, 'error')).toBe(true);
    expect(matches({ severity: 'error', code: 'E010', tag: 'commande.montantSegurHT' }, e, 'error')).toBe(false);
  });
});

describe('firstRequests', () => {
  const requests = Array.from({ length: 10 }, (_, i) => request(i, []));
  test('requests until their findings reach the budget, an accepted request counting as one', () => {
    expect(firstRequests(requests, () => 14, 50)).toBe(4);
    expect(firstRequests(requests, () => 0, 3)).toBe(3);
    expect(firstRequests(requests, () => 14, 1000)).toBe(10);
    expect(firstRequests(requests, () => 100, 50)).toBe(1);
  });
});

import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { simulateFile } from '../simulator';
import { handleRequest } from './handle';

const fixture = new Uint8Array(readFileSync(new URL('../rules/mdv-lgc/fixtures/avance-liberal.json', import.meta.url)));
const options = { type: 'avance', dsr: 'MDV-LGC', vatRate: '20', today: '2026-11-22' } as const;

test('answers the same result as simulateFile, and transfers the output buffer', () => {
  const { response, transfer } = handleRequest({ id: 7, bytes: fixture, options });
  expect(response.id).toBe(7);
  if (!response.ok) throw new Error(response.message);
  expect(response.result).toEqual(simulateFile(fixture, options));
  expect(transfer).toEqual([response.result.output!.buffer]);
});

test('an invalid file has no output: nothing to transfer', () => {
  const { response, transfer } = handleRequest({ id: 1, bytes: new TextEncoder().encode('{'), options });
  expect(response.ok && response.result.status).toBe('invalid');
  expect(transfer).toEqual([]);
});

test('a failure becomes an error response, not an exception', () => {
  const { response } = handleRequest({ id: 2, bytes: fixture, options: { type: 'solde', dsr: 'INCONNU' } });
  expect(response).toMatchObject({ id: 2, ok: false });
  expect(!response.ok && response.message).toMatch(/Aucun jeu de règles/);
});

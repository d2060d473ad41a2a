import { clear, get, set } from 'idb-keyval';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  addToHistory,
  clearHistory,
  HISTORY_KEY,
  HISTORY_LIMIT,
  loadHistory,
  loadSettings,
  mergeHistory,
  saveSettings,
  SETTINGS_KEY,
  type HistoryEntry,
} from './store';

beforeEach(() => clear());

const entry = (n: number, extra: Record<string, unknown> = {}): HistoryEntry =>
  ({
    fileName: `f${n}.json`,
    date: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    type: 'avance',
    dsr: 'MDV-LGC',
    ruleSet: "MDV-LGC — demande d'avance",
    status: 'rejected',
    requests: 3,
    accepted: 2,
    rejected: 1,
    errors: 4,
    warnings: 0,
    ...extra,
  }) as HistoryEntry;

describe('settings', () => {
  test('saved then loaded', async () => {
    const settings = {
      type: 'solde',
      dsr: 'BIO-SGL',
      profiles: ['mailiz', 'general'],
      vatRate: '8.5',
      strict: true,
      firstErrorOnly: true,
    } as const;
    expect(await saveSettings(settings)).toBe(true);
    expect(await loadSettings()).toEqual({ ...settings, profiles: ['general', 'mailiz'] });
  });

  test('nothing saved: undefined', async () => {
    expect(await loadSettings()).toBeUndefined();
  });

  test('a damaged record keeps only what is valid', async () => {
    await set(SETTINGS_KEY, { type: 'autre', dsr: 12, profiles: ['mailiz', 'x'], vatRate: '19.6', strict: 'oui', content: 'secret' });
    expect(await loadSettings()).toEqual({ profiles: ['mailiz'] });
  });
});

describe('history', () => {
  test('newest first, at most HISTORY_LIMIT entries', async () => {
    for (let n = 0; n < HISTORY_LIMIT + 5; n++) await addToHistory([entry(n)]);
    const history = await loadHistory();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]!.fileName).toBe(`f${HISTORY_LIMIT + 4}.json`);
    expect(history.at(-1)!.fileName).toBe('f5.json');
  });

  test('an entry keeps only whitelisted fields: never a content', async () => {
    const stored = await addToHistory([entry(1, { content: '{"RPPS":"10000000009"}', bytes: new Uint8Array([1, 2]) })]);
    expect(stored).toEqual([entry(1)]);
    const raw = await get(HISTORY_KEY);
    expect(JSON.stringify(raw)).not.toContain('RPPS');
    expect(Object.keys((raw as object[])[0]!).sort()).toEqual(
      ['accepted', 'date', 'dsr', 'errors', 'fileName', 'rejected', 'requests', 'ruleSet', 'status', 'type', 'warnings'].sort(),
    );
  });

  test('invalid entries are dropped on read', async () => {
    await set(HISTORY_KEY, [entry(1), { fileName: 'x' }, 'texte', entry(2, { date: 'hier' })]);
    expect(await loadHistory()).toEqual([entry(1)]);
  });

  test('cleared', async () => {
    await addToHistory([entry(1), entry(2)]);
    expect(await clearHistory()).toBe(true);
    expect(await loadHistory()).toEqual([]);
  });

  test('mergeHistory keeps the limit without storage', () => {
    const old = Array.from({ length: HISTORY_LIMIT }, (_, n) => entry(n));
    const merged = mergeHistory([entry(99)], old);
    expect(merged).toHaveLength(HISTORY_LIMIT);
    expect(merged[0]!.fileName).toBe('f99.json');
  });
});

// Private browsing, quota, blocked storage: every store call fails — the app must not.
import { describe, expect, test, vi } from 'vitest';

vi.mock('idb-keyval', () => {
  const refuse = () => Promise.reject(new DOMException('refusé', 'InvalidStateError'));
  return { get: refuse, set: refuse, update: refuse, del: refuse, clear: refuse };
});

const { addToHistory, clearHistory, loadHistory, loadSettings, saveSettings } = await import('./store');

describe('storage refused', () => {
  test('every call answers a neutral value instead of throwing', async () => {
    expect(await loadSettings()).toBeUndefined();
    expect(await saveSettings({ type: 'avance' })).toBe(false);
    expect(await loadHistory()).toEqual([]);
    expect(await addToHistory([])).toBeNull();
    expect(await clearHistory()).toBe(false);
  });
});

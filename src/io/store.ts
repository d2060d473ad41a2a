// What the app remembers, in this browser only (IndexedDB through idb-keyval):
//   - the last form choices, restored on the next visit;
//   - a history of the last simulations: file name, date, rule set and counts — NEVER the file's
//     content (every entry is rebuilt field by field from a whitelist, on write and on read).
// Storage can be missing or refused (private browsing, quota, blocked cookies): every function
// here swallows the failure and answers with a neutral value, so the app keeps working.
//
// The default idb-keyval store is used on purpose: `clear()` from idb-keyval (tests) resets it.

import { get, set, update } from 'idb-keyval';
import { PROFILES, REQUEST_TYPES, VAT_RATES, type Profile, type RequestType, type Status, type VatRate } from '../core/types';

export const SETTINGS_KEY = 'segur-sim/reglages';
export const HISTORY_KEY = 'segur-sim/historique';
export const HISTORY_LIMIT = 20;

/** The form choices as remembered; every field optional (an older or damaged record). */
export interface SavedSettings {
  readonly type?: RequestType;
  readonly dsr?: string;
  readonly profiles?: readonly Profile[];
  readonly vatRate?: VatRate;
  readonly strict?: boolean;
  readonly firstErrorOnly?: boolean;
}

/** One past simulation: what it was about and its counts, nothing of the file's content. */
export interface HistoryEntry {
  readonly fileName: string;
  /** ISO 8601 date and time of the simulation. */
  readonly date: string;
  readonly type: RequestType;
  readonly dsr: string;
  /** The rule set's title (`MDV-LGC — demande d'avance`). */
  readonly ruleSet: string;
  readonly status: Status;
  readonly requests: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly errors: number;
  readonly warnings: number;
}

const STATUSES: readonly Status[] = ['accepted', 'rejected', 'invalid'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);
const count = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

/** Keeps only known fields of known shapes. */
export function sanitizeSettings(value: unknown): SavedSettings | undefined {
  if (!isRecord(value)) return undefined;
  const out: { -readonly [K in keyof SavedSettings]: SavedSettings[K] } = {};
  if (oneOf(REQUEST_TYPES, value['type'])) out.type = value['type'];
  if (typeof value['dsr'] === 'string') out.dsr = value['dsr'];
  if (Array.isArray(value['profiles'])) out.profiles = PROFILES.filter((p) => (value['profiles'] as unknown[]).includes(p));
  if (oneOf(VAT_RATES, value['vatRate'])) out.vatRate = value['vatRate'];
  if (typeof value['strict'] === 'boolean') out.strict = value['strict'];
  if (typeof value['firstErrorOnly'] === 'boolean') out.firstErrorOnly = value['firstErrorOnly'];
  return out;
}

/** A history entry rebuilt from the whitelist, or undefined when it is not one. */
export function sanitizeEntry(value: unknown): HistoryEntry | undefined {
  if (!isRecord(value)) return undefined;
  const { fileName, date, type, dsr, ruleSet, status } = value;
  if (typeof fileName !== 'string' || typeof date !== 'string' || Number.isNaN(Date.parse(date))) return undefined;
  if (!oneOf(REQUEST_TYPES, type) || typeof dsr !== 'string' || !oneOf(STATUSES, status)) return undefined;
  return {
    fileName: fileName.slice(0, 255),
    date,
    type,
    dsr: dsr.slice(0, 40),
    ruleSet: typeof ruleSet === 'string' ? ruleSet.slice(0, 200) : dsr,
    status,
    requests: count(value['requests']),
    accepted: count(value['accepted']),
    rejected: count(value['rejected']),
    errors: count(value['errors']),
    warnings: count(value['warnings']),
  };
}

const sanitizeHistory = (value: unknown): HistoryEntry[] =>
  Array.isArray(value)
    ? value
        .map(sanitizeEntry)
        .filter((e): e is HistoryEntry => e !== undefined)
        .slice(0, HISTORY_LIMIT)
    : [];

export async function loadSettings(): Promise<SavedSettings | undefined> {
  try {
    return sanitizeSettings(await get(SETTINGS_KEY));
  } catch {
    return undefined;
  }
}

/** Saves the form choices; false when the browser refused. */
export async function saveSettings(settings: SavedSettings): Promise<boolean> {
  try {
    // A plain copy: a reactive proxy cannot be stored (structured clone).
    await set(SETTINGS_KEY, sanitizeSettings({ ...settings, profiles: settings.profiles ? [...settings.profiles] : undefined }));
    return true;
  } catch {
    return false;
  }
}

/** The history, newest first. */
export async function loadHistory(): Promise<HistoryEntry[]> {
  try {
    return sanitizeHistory(await get(HISTORY_KEY));
  } catch {
    return [];
  }
}

/**
 * Adds entries (newest first) and keeps the last HISTORY_LIMIT. Answers the stored history, or
 * null when the browser refused (the caller then keeps its own copy for this visit).
 */
export async function addToHistory(entries: readonly HistoryEntry[]): Promise<HistoryEntry[] | null> {
  const fresh = sanitizeHistory(entries);
  let stored: HistoryEntry[] = fresh;
  try {
    await update<unknown>(HISTORY_KEY, (old) => {
      stored = [...fresh, ...sanitizeHistory(old)].slice(0, HISTORY_LIMIT);
      return stored;
    });
    return stored;
  } catch {
    return null;
  }
}

/** Merges new entries into a list, newest first, within HISTORY_LIMIT (no storage involved). */
export function mergeHistory(entries: readonly HistoryEntry[], old: readonly HistoryEntry[]): HistoryEntry[] {
  return [...sanitizeHistory(entries), ...old].slice(0, HISTORY_LIMIT);
}

/** Empties the history; false when the browser refused. */
export async function clearHistory(): Promise<boolean> {
  try {
    await set(HISTORY_KEY, []);
    return true;
  } catch {
    return false;
  }
}

// Deep links: an address whose hash presets the form, for a page that embeds the simulator in an
// <iframe> or links to it:
//   index.html#type=avance&dsr=MDV-LGC&tva=20&profils=mailiz,centre-sante
//   index.html#type=solde&dsr=BIO-SGL&verrou=1        (verrou=1 or lock=1: the fields are locked)
// The same words as the <segur-simulateur> element's attributes (src/embed). A value that does
// not exist is ignored, never an error. Hashes starting with `#/` are the app's own routes
// (documentation: src/ui/docs/links.ts) and never deep links.

import { PROFILES, REQUEST_TYPES, VAT_RATES, type Profile, type RequestType, type VatRate } from '../../core/types';
import { DSRS } from '../../rules/catalog';
import type { FormPreset, FormState } from '../state/form.svelte';

/** The words of a deep link and of the element's attributes. */
export const PRESET_KEYS = ['type', 'dsr', 'profils', 'tva'] as const;
/** Lock the preset fields (`verrou`, or `lock`). */
export const LOCK_KEYS = ['verrou', 'lock'] as const;

/** Raw values, as written in a hash or an attribute (null/undefined: not given). */
export type PresetValues = Partial<Record<(typeof PRESET_KEYS)[number], string | null | undefined>>;

export interface DeepLink {
  readonly preset: FormPreset;
  readonly lock: boolean;
}

export function parseType(value: string | null | undefined): RequestType | undefined {
  const v = value?.trim().toLowerCase();
  return REQUEST_TYPES.find((t) => t === v);
}

/** A couloir that has a rule set, written in any case (`mdv-lgc` → `MDV-LGC`). */
export function parseDsr(value: string | null | undefined): string | undefined {
  const v = value?.trim().toUpperCase();
  return v ? DSRS.find((d) => d.toUpperCase() === v) : undefined;
}

/**
 * Comma-separated profiles, in the portal's order, unknown ones dropped. An empty value is "no
 * profile"; a value whose every item is unknown is ignored (undefined).
 */
export function parseProfiles(value: string | null | undefined): Profile[] | undefined {
  if (value === null || value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (items.length === 0) return [];
  const profiles = PROFILES.filter((p) => items.includes(p));
  return profiles.length > 0 ? profiles : undefined;
}

/** `20`, `8.5`, `8,5`, `8,5 %`, `0` → a VAT rate of the portal. */
export function parseVatRate(value: string | null | undefined): VatRate | undefined {
  const v = value?.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!v || !/^\d+(\.\d+)?$/.test(v)) return undefined;
  return VAT_RATES.find((rate) => Number(rate) === Number(v));
}

/** `verrou`, `verrou=1`, `verrou=true`, `verrou=oui` lock; `0`, `false`, `non` do not. */
export function parseFlag(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  return !['0', 'false', 'non', 'no'].includes(value.trim().toLowerCase());
}

/** The valid part of raw values: each field given and known. */
export function presetFrom(values: PresetValues): FormPreset {
  const type = parseType(values.type);
  const dsr = parseDsr(values.dsr);
  const profiles = parseProfiles(values.profils);
  const vatRate = parseVatRate(values.tva);
  return {
    ...(type ? { type } : {}),
    ...(dsr ? { dsr } : {}),
    ...(profiles ? { profiles } : {}),
    ...(vatRate ? { vatRate } : {}),
  };
}

/**
 * The deep link of a location hash, or undefined when the hash is not one: empty, an app route
 * (`#/…`), an anchor (`#contenu`), or no known word in it.
 */
export function parseDeepLink(hash: string): DeepLink | undefined {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '' || text.startsWith('/') || !text.includes('=')) return undefined;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return undefined;
  }
  if (!PRESET_KEYS.some((key) => params.has(key))) return undefined;
  const preset = presetFrom(Object.fromEntries(PRESET_KEYS.map((key) => [key, params.get(key)])));
  const lock = LOCK_KEYS.some((key) => params.has(key) && parseFlag(params.get(key)));
  return { preset, lock };
}

/** The hash of a deep link (`#type=avance&dsr=MDV-LGC&tva=20`), in the documented order. */
export function deepLinkHash(preset: FormPreset, { lock = false }: { lock?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (preset.type) params.set('type', preset.type);
  if (preset.dsr) params.set('dsr', preset.dsr);
  if (preset.profiles) params.set('profils', preset.profiles.join(','));
  if (preset.vatRate) params.set('tva', preset.vatRate);
  if (lock) params.set('verrou', '1');
  // Commas are safe in a fragment: keep `mailiz,centre-sante` readable.
  return `#${params.toString().replaceAll('%2C', ',')}`;
}

/**
 * Presets `form` from the page's address now and at each hashchange to another deep link (an
 * app route or an anchor leaves the form as it is). Returns the function that stops listening.
 */
export function followDeepLinks(form: Pick<FormState, 'preset'>, win: Window = window): () => void {
  const apply = () => {
    const link = parseDeepLink(win.location.hash);
    if (link) form.preset(link.preset, { lock: link.lock });
  };
  apply();
  win.addEventListener('hashchange', apply);
  return () => win.removeEventListener('hashchange', apply);
}

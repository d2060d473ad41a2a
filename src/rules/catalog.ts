// The rule sets as the form and the documentation index see them — type, DSR, title,
// reconstructed note, form options, attachment limits — without their definitions, so the page
// shows the form before the checker (definitions, validator, Valibot) is loaded. Every folder's
// meta.ts; a new folder is picked up with nothing to add here.

import type { RuleSetMeta } from '../core/model';
import type { Dsr, RequestType } from '../core/types';

const modules = import.meta.glob<{ metas: readonly RuleSetMeta[] }>('./*/meta.ts', { eager: true });

/** The couloirs in the portal's order; a new one goes after them. */
const ORDER = ['MDV-LGC', 'BIO-SGL', 'HOP-DPI', 'HOP-PFI', 'MS'];
const rank = (r: RuleSetMeta) => (ORDER.includes(r.dsr) ? ORDER.indexOf(r.dsr) : ORDER.length) * 2 + (r.type === 'avance' ? 0 : 1);

/** Sorts rule sets (or their metadata) in the portal's order. */
export function inPortalOrder<T extends RuleSetMeta>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => rank(a) - rank(b) || a.dsr.localeCompare(b.dsr));
}

export const RULE_SET_METAS: readonly RuleSetMeta[] = inPortalOrder(Object.values(modules).flatMap((m) => m.metas));

/** The couloirs that have at least one rule set. */
export const DSRS: readonly Dsr[] = [...new Set(RULE_SET_METAS.map((r) => r.dsr))];

export function metaFor(type: RequestType, dsr: Dsr): RuleSetMeta | undefined {
  return RULE_SET_METAS.find((r) => r.type === type && r.dsr === dsr);
}

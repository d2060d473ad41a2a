// The attachments a JSON file names: one per `piecesJustificatives` item of each request, with
// the request's numLigne / numeroEditeur, and — when the rule set's naming rule (A005) finds the
// name off — the name that rule expects. Read with the project's own decoder, parser and request
// contexts, so that it sees the file exactly as the simulation does. Pure.

import { decodeUtf8 } from '../core/json/decode';
import { parseJson } from '../core/json/parse';
import { memberOf } from '../core/json/ast';
import { knownTags, makeContext } from '../core/validate';
import type { RuleSet } from '../core/model';
import type { SimulationOptions } from '../core/types';
import { attachments } from '../rules/common/rules';

export interface ExpectedAttachment {
  /** Index of the request in `lignesImport`. */
  readonly request: number;
  readonly numLigne: number | null;
  readonly numeroEditeur: string | null;
  readonly typeFichier: string | null;
  readonly formatFichier: string | null;
  readonly nomFichier: string;
  /** The name the rule set's naming rule expects, when `nomFichier` is not it. */
  readonly namingExpected?: string;
}

/**
 * The expected attachments, in the file's order; null when the bytes are not a readable JSON
 * file with a `lignesImport` array (the simulation reports why). Items without a string
 * `nomFichier` name no file and are left out (the JSON check reports them).
 */
export function expectedAttachments(bytes: Uint8Array, ruleSet: RuleSet, options: SimulationOptions): ExpectedAttachment[] | null {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return null;
  const parsed = parseJson(decoded.text, { bytes, knownKeys: knownTags(ruleSet) });
  if (!parsed.ok || parsed.root.type !== 'object') return null;
  const list = memberOf(parsed.root, 'lignesImport');
  if (list?.type !== 'array') return null;

  // The rule set's own naming rule, run on each request: its findings say which names are off.
  const naming = ruleSet.requestRules.filter((r) => r.code === 'A005');
  const out: ExpectedAttachment[] = [];
  list.items.forEach((node, index) => {
    if (node.type !== 'object') return;
    const ctx = makeContext(index, node, options);
    const named = new Map<number, string>();
    for (const rule of naming) {
      rule.check(ctx, (f) => {
        const [tag, item] = f.path;
        if (tag === 'piecesJustificatives' && typeof item === 'number' && f.args?.expected !== undefined) named.set(item, f.args.expected);
      });
    }
    const numLigne = ctx.value('numLigne');
    const numeroEditeur = ctx.value('numeroEditeur');
    for (const a of attachments(ctx)) {
      if (typeof a.nomFichier !== 'string' || a.nomFichier === '') continue;
      const namingExpected = named.get(a.index);
      out.push({
        request: index,
        numLigne: typeof numLigne === 'number' && Number.isInteger(numLigne) ? numLigne : null,
        numeroEditeur: typeof numeroEditeur === 'string' ? numeroEditeur : null,
        typeFichier: typeof a.typeFichier === 'string' ? a.typeFichier : null,
        formatFichier: typeof a.formatFichier === 'string' ? a.formatFichier : null,
        nomFichier: a.nomFichier,
        ...(namingExpected !== undefined ? { namingExpected } : {}),
      });
    }
  });
  return out;
}

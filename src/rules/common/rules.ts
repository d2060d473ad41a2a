// Cross-field rules shared by several rule sets, written once and parameterised.

import type { FileRule, RequestContext, RequestRule } from '../../core/model';
import type { Code } from '../../messages/codes';
import type { Path } from '../../core/types';
import { memberOf, type JsonNode } from '../../core/json/ast';
import { isCalendarDate, isoDate } from './formats';

/** A tag whose value must be unique across the file: the later duplicate is rejected. */
export function uniqueInFile(code: Code, name: string): FileRule {
  return {
    code,
    doc: `« ${name} » est unique dans le fichier : la demande qui reprend une valeur déjà utilisée est rejetée.`,
    check(requests, report) {
      const first = new Map<unknown, number>();
      for (const ctx of requests) {
        const node = ctx.at(name);
        if (!node || (node.type !== 'string' && node.type !== 'number')) continue;
        const earlier = first.get(node.value);
        if (earlier === undefined) {
          first.set(node.value, ctx.index);
          continue;
        }
        const raw = node.type === 'string' ? `"${node.value}"` : String(node.value);
        report({ index: ctx.index, code, node, path: [name], args: { found: raw, where: `demande n° ${earlier + 1} du fichier` } });
      }
    },
  };
}

/**
 * The VAT rate chosen on the form against each request's `regimeTVA`.
 * `ttcRates`: the rates a `TTC` request accepts (vague 1: 20 and 8.5; vague 2 adds 0).
 */
export function vatRateRule(ttcRates: readonly string[], regimePath: Path): RequestRule {
  const rates = (r: readonly string[]) => r.map((x) => `${x.replace('.', ',')} %`).join(' ou ');
  return {
    code: 'E030',
    doc: `Taux de TVA choisi : le régime « TTC » demande ${rates(ttcRates)}, le régime « HT » 0 %.`,
    check(ctx, report) {
      const rate = ctx.options.vatRate;
      if (rate === undefined) return;
      const regime = ctx.value(...regimePath);
      const ok = regime === 'TTC' ? ttcRates.includes(rate) : regime === 'HT' ? rate === '0' : true;
      if (!ok) report({ code: 'E030', node: ctx.at(...regimePath)!, path: regimePath, args: { found: `« ${String(regime)} »`, expected: `${rate.replace('.', ',')} %`, other: rates(ttcRates) } });
    },
  };
}

/** A date that lies after "today" (a signed order form or an invoice cannot be dated from the future). */
export function notInFuture(datePath: Path): RequestRule {
  return {
    code: 'A006',
    doc: 'Une date de signature ou de facture postérieure à aujourd’hui est signalée.',
    check(ctx, report) {
      const d = ctx.value(...datePath);
      if (typeof d !== 'string' || !isCalendarDate(d)) return;
      if (isoDate(d) > today(ctx)) report({ code: 'A006', node: ctx.at(...datePath)!, path: datePath, args: { found: `"${d}"` } });
    },
  };
}

export function today(ctx: RequestContext): string {
  return ctx.options.today ?? new Date().toISOString().slice(0, 10);
}

/** Attachments: `{nomFichier, formatFichier, typeFichier}` objects of `piecesJustificatives`. */
export interface Attachment {
  readonly index: number;
  readonly nomFichier: unknown;
  readonly formatFichier: unknown;
  readonly typeFichier: unknown;
}

/** Several rules read a request's attachments: read once per request. */
export function attachments(ctx: RequestContext): Attachment[] {
  return ctx.memo(attachments, () => readAttachments(ctx));
}

function readAttachments(ctx: RequestContext): Attachment[] {
  const list = ctx.at('piecesJustificatives');
  const scalar = (item: JsonNode, tag: string) => {
    const m = item.type === 'object' ? memberOf(item, tag)?.value : undefined;
    return m && m.type !== 'object' && m.type !== 'array' ? m.value : undefined;
  };
  return list?.type !== 'array' ? [] : list.items.map((item, index) => ({
    index,
    nomFichier: scalar(item, 'nomFichier'),
    formatFichier: scalar(item, 'formatFichier'),
    typeFichier: scalar(item, 'typeFichier'),
  }));
}

const KNOWN_FORMATS = new Set(['PDF', 'PNG', 'JPG', 'XML']);

/**
 * The naming rule `CodeCouloir-Logiciel-VaN-CodeTypeFichier-numeroEditeur.format`
 * (format in lower case). `typeCodes` maps `typeFichier` to its code in the name;
 * `defaultType` is used when the rule set has no `typeFichier`.
 */
export function namingRule(prefix: string, typeCodes: Readonly<Record<string, string>>, defaultType?: string): RequestRule {
  const example = `${prefix}-${Object.values(typeCodes)[0]}-00001.pdf`;
  return {
    code: 'A005',
    doc: `Les pièces se nomment ${prefix}-CodeTypeFichier-numeroEditeur.format (ex. ${example}).`,
    check(ctx, report) {
      const editeur = ctx.value('numeroEditeur');
      if (typeof editeur !== 'string') return;
      for (const a of attachments(ctx)) {
        const type = typeof a.typeFichier === 'string' ? a.typeFichier : defaultType;
        // An own key only: `"typeFichier": "constructor"` is no type (issue 15).
        const code = type === undefined || !Object.hasOwn(typeCodes, type) ? undefined : typeCodes[type];
        // An unknown format is an error of its own: no name can be expected from it.
        if (typeof a.nomFichier !== 'string' || typeof a.formatFichier !== 'string' || !KNOWN_FORMATS.has(a.formatFichier) || code === undefined) continue;
        const expected = `${prefix}-${code}-${editeur}.${a.formatFichier.toLowerCase()}`;
        if (a.nomFichier !== expected) {
          const path = ['piecesJustificatives', a.index, 'nomFichier'];
          report({ code: 'A005', node: ctx.at(...path)!, path, args: { expected, found: `"${a.nomFichier}"` } });
        }
      }
    },
  };
}

/** A balance carries at least one attachment of each of these types (`FACTURE`, `VA`). */
export function requiredAttachmentTypes(types: readonly string[]): RequestRule {
  return {
    code: 'E025',
    doc: `Au moins une pièce de chaque type : ${types.map((t) => `« ${t} »`).join(', ')}.`,
    check(ctx, report) {
      const list = ctx.at('piecesJustificatives');
      if (list?.type !== 'array' || list.items.length === 0) return;
      const present = new Set(attachments(ctx).map((a) => a.typeFichier));
      for (const type of types) {
        if (!present.has(type)) report({ code: 'E025', node: list, path: ['piecesJustificatives'], args: { expected: type } });
      }
    },
  };
}

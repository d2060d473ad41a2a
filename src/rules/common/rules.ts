// Cross-field rules shared by several rule sets, written once and parameterised.

import type { FileRule, RequestContext, RequestRule } from '../../core/model';
import type { Code } from '../../messages/codes';
import type { Path } from '../../core/types';
import { memberOf, type JsonNode } from '../../core/json/ast';
import { isCalendarDate, isoDate } from './formats';
import { isUsableEditeur } from './request';

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
 * A023: the requests are numbered 1, 2, 3… in the order of the file (seed 002 line 452: numLigne
 * «Commence au numéro 1»; seed 004 idem). A warning on the first request whose integer
 * `numLigne` is not its position; never escalated (the guides do not say the portal refuses it).
 * A repeated number stays E020; a numLigne that is not an integer is reported by its format.
 */
export const numLigneSequence: FileRule = {
  code: 'A023',
  doc: 'Les demandes se numérotent 1, 2, 3… dans l’ordre du fichier : la première qui rompt la suite est signalée (avertissement).',
  check(requests, report) {
    for (const ctx of requests) {
      const node = ctx.at('numLigne');
      // Not an integer of 1..200: its format's error says it, no warning on top.
      if (node?.type !== 'number' || !Number.isInteger(node.value) || node.value < 1 || node.value > 200) continue;
      if (node.value !== ctx.index + 1) {
        report({ index: ctx.index, code: 'A023', node, path: ['numLigne'], args: { found: String(node.value), count: ctx.index + 1 } });
        return;
      }
    }
  },
};

/**
 * E034: with no VAT rate chosen (the command line without --tva), a file that mixes `TTC` and
 * `HT` requests cannot be under one rate (seed 000 line 236: «Toutes les demandes d'un même
 * fichier JSON doivent être soumises au même taux de TVA»): the requests whose regime differs
 * from the first request's are rejected. With a rate chosen, E030 says it per request.
 * Vague 1 only: under vague 2, 0 % fits both regimes.
 */
export function oneVatRegime(regimePath: Path): FileRule {
  return {
    code: 'E034',
    doc: 'Sans taux de TVA choisi, toutes les demandes sont sous le régime de la première (un seul taux par fichier) : les autres sont rejetées.',
    check(requests, report) {
      let first: { regime: string; index: number } | undefined;
      for (const ctx of requests) {
        if (ctx.options.vatRate !== undefined) return;
        const regime = ctx.value(...regimePath);
        if (regime !== 'TTC' && regime !== 'HT') continue;
        if (first === undefined) first = { regime, index: ctx.index };
        else if (regime !== first.regime) {
          report({
            index: ctx.index,
            code: 'E034',
            node: ctx.at(...regimePath)!,
            path: regimePath,
            args: { found: `« ${regime} »`, other: `« ${first.regime} »`, where: `demande ${first.index + 1}` },
          });
        }
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
      if (!ok)
        report({
          code: 'E030',
          node: ctx.at(...regimePath)!,
          path: regimePath,
          args: { found: `« ${String(regime)} »`, expected: `${rate.replace('.', ',')} %`, other: rates(ttcRates) },
        });
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
    const m = item.type === 'object' ? memberOf(item, tag) : undefined;
    return m && m.type !== 'object' && m.type !== 'array' ? m.value : undefined;
  };
  return list?.type !== 'array'
    ? []
    : list.items.map((item, index) => ({
        index,
        nomFichier: scalar(item, 'nomFichier'),
        formatFichier: scalar(item, 'formatFichier'),
        typeFichier: scalar(item, 'typeFichier'),
      }));
}

/** The known formats (`formatFichier`), each with its extension in a file name (lower case); a Map: see namingRule. */
const EXTENSION_OF: ReadonlyMap<string, string> = new Map([
  ['PDF', 'pdf'],
  ['PNG', 'png'],
  ['JPG', 'jpg'],
  ['XML', 'xml'],
]);

/**
 * Whether `name` is `${prefix}-${code}-${editeur}.${ext}`, compared piece by piece: no name is
 * built for the comparison (this runs for each attachment of each request, issue 12).
 */
export function isAttachmentName(name: string, prefix: string, code: string, editeur: string, ext: string): boolean {
  const afterPrefix = prefix.length;
  const afterCode = afterPrefix + 1 + code.length;
  const afterEditeur = afterCode + 1 + editeur.length;
  return (
    name.length === afterEditeur + 1 + ext.length &&
    name.startsWith(prefix) &&
    name.charCodeAt(afterPrefix) === 0x2d && // -
    name.startsWith(code, afterPrefix + 1) &&
    name.charCodeAt(afterCode) === 0x2d &&
    name.startsWith(editeur, afterCode + 1) &&
    name.charCodeAt(afterEditeur) === 0x2e && // .
    name.endsWith(ext)
  );
}

/**
 * The naming rule `CodeCouloir-Logiciel-VaN-CodeTypeFichier-numeroEditeur.format`
 * (format in lower case). `prefixes`: the accepted `CodeCouloir-Logiciel-VaN`, the first one
 * advised (HOP: `Va2` as the guide's JSON examples write it, `Va1` as the portal's «Documents
 * attendus» dialog lists it — seed 001 lines 159 and 381). `typeCodes` maps `typeFichier` to
 * its code in the name; `defaultType` is used when the rule set has no `typeFichier`.
 * Advice is never built from an invalid `numeroEditeur` (not 5 characters, or « 00000 »): then
 * any 5 digits are accepted in the name, and the advice names « numeroEditeur ».
 */
export function namingRule(
  prefixes: string | readonly string[],
  typeCodes: Readonly<Record<string, string>>,
  defaultType?: string,
): RequestRule {
  const list = typeof prefixes === 'string' ? [prefixes] : prefixes;
  const prefix = list[0]!;
  const example = `${prefix}-${Object.values(typeCodes)[0]}-00001.pdf`;
  const also =
    list.length > 1
      ? ` ; ${list
          .slice(1)
          .map((p) => `${p}-…`)
          .join(', ')} est aussi accepté`
      : '';
  // Maps, not the records: a value read from the file is a string of its own, which a
  // property lookup first looks up among V8's internalized strings (issue 12: twice per
  // attachment). Own entries only: `"typeFichier": "constructor"` is no type (issue 15).
  const codes = new Map(Object.entries(typeCodes));
  return {
    code: 'A005',
    doc: `Les pièces se nomment ${prefix}-CodeTypeFichier-numeroEditeur.format (ex. ${example})${also}.`,
    check(ctx, report) {
      const value = ctx.value('numeroEditeur');
      if (value === undefined) return;
      const editeur = isUsableEditeur(value) ? value : undefined;
      for (const a of attachments(ctx)) {
        const type = typeof a.typeFichier === 'string' ? a.typeFichier : defaultType;
        const code = type === undefined ? undefined : codes.get(type);
        // An unknown format is an error of its own: no name can be expected from it.
        const ext = typeof a.formatFichier === 'string' ? EXTENSION_OF.get(a.formatFichier) : undefined;
        if (typeof a.nomFichier !== 'string' || ext === undefined || code === undefined) continue;
        const name = a.nomFichier;
        const fits =
          editeur !== undefined
            ? list.some((p) => isAttachmentName(name, p, code, editeur, ext))
            : list.some(
                (p) =>
                  name.startsWith(`${p}-${code}-`) &&
                  /^\d{5}$/.test(name.slice(p.length + code.length + 2, -ext.length - 1)) &&
                  name.endsWith(`.${ext}`),
              );
        if (!fits) {
          const expected = `${prefix}-${code}-${editeur ?? 'numeroEditeur'}.${ext}`;
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

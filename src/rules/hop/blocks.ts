// HOP-DPI and HOP-PFI — demande d'avance, vague 2 (couloir Hôpital). What both share: the
// file header, the request header, the order, the beneficiary, the attachments, the planned
// delivery date and the rules. Reconstructed: the vague 2 guide (seeds/001) gives no field
// table, only one example file per software type, read in shared/spec/hop-vague2-avance.md.

import * as v from 'valibot';
import { FROM_FIELDS, type FieldDef, type Format, type RequestRule, type RuleSet, type RuleSetMeta } from '../../core/model';
import type { JsonNode } from '../../core/json/ast';
import { amount, boolean, date, email, finess, isCalendarDate, isoDate, oneOf, varcharMax } from '../common/formats';
import { REQUIRED, arrayOf, object, tag, when } from '../common/define';
import { fileHeader } from '../common/header';
import { namingRule, notInFuture, numLigneSequence, uniqueInFile, vatRateRule } from '../common/rules';
import { numLigne, numeroAspAvance, numeroEditeur, treatmentTags, typeAction } from '../common/request';

const C = 'Commande';
const B = 'Bénéficiaires';
const P = 'Pièces justificatives';
const S = "Scénario d'installation";

/** The VAT rates of the vague 2 form: `TTC` allows all three, `HT` forces 0 %. */
export const VAGUE2_TTC_RATES = ['20', '8.5', '0'] as const;

const REGIME = ['commande', 'regimeTVA'] as const;
const EDITION = ['commande', 'dateEditionCommande'] as const;
const SIGNATURE = ['commande', 'dateSignatureCommande'] as const;

/** Absent from the guide's examples: tolerated when absent, checked as in MDV-LGC when present. */
const OPTIONAL = { presence: 'optional' } as const;

const commande = tag(
  C,
  'commande',
  'Informations sur la commande (le bon de commande).',
  object([
    tag(C, 'dateEditionCommande', "Date d'édition du bon de commande par le fournisseur.", date, REQUIRED, '13/10/2023'),
    tag(
      C,
      'dateSignatureCommande',
      "Date de signature du bon de commande par le client ; ni antérieure à la date d'édition, ni dans le futur (avertissements).",
      date,
      REQUIRED,
      '15/01/2024',
    ),
    tag(
      C,
      'regimeTVA',
      'Régime de TVA du fournisseur pour cette prestation : « TTC » (taux de 20 %, 8,5 % ou 0 %) ou « HT » (taux de 0 %).',
      oneOf(['TTC', 'HT']),
      REQUIRED,
      'TTC',
    ),
    tag(
      C,
      'montantSegurHT',
      'Montant HT de la prestation Ségur sur le bon de commande, en euros, supérieur à 0 ; ajouter .00 si le montant est entier.',
      amount,
      REQUIRED,
      1250,
    ),
    tag(
      C,
      'typePrestation',
      'Prestation commandée : « V2 » (vague 2) ou « V1V2 » (vagues 1 et 2), les valeurs des exemples du guide.',
      oneOf(['V2', 'V1V2']),
      REQUIRED,
      'V1V2',
    ),
  ]),
  REQUIRED,
  FROM_FIELDS,
);

/**
 * A name of the HOP beneficiary block: the guide gives no table (seed 001, examples only, lines
 * 150 and 153: `QUERAL`, `EVRARD`), so any text is accepted; lower case or more than 50
 * characters is the warning A022, never an error (establishment names are long).
 */
const hopName: Format = {
  label: 'Texte (les exemples : en MAJUSCULES, 50 caractères au plus)',
  expected: 'un nom en majuscules d’au plus 50 caractères',
  type: 'string',
  schema: v.pipe(
    v.string('E004'),
    v.check((s: string) => s.length <= 50 && s === s.toUpperCase(), 'A022'),
  ),
};

/** The representative: three tags filled together, or all three null (no representative). */
const representative = when('Facultatif : les trois balises du représentant toutes renseignées, ou toutes null', () => 'nullable');

const beneficiaires = tag(
  B,
  'beneficiaires',
  "Informations sur l'établissement bénéficiaire et, le cas échéant, son représentant.",
  object([
    tag(
      B,
      'FINESSPMSI',
      "FINESS PMSI de l'établissement de santé bénéficiaire (9 caractères, le dernier est une clé de Luhn).",
      finess,
      REQUIRED,
      '980000640',
    ),
    tag(
      B,
      'nomClient',
      'Nom du client (dénomination du bénéficiaire) ; les exemples du guide l’écrivent en majuscules (minuscules ou plus de 50 caractères : avertissement).',
      hopName,
      REQUIRED,
      'QUERAL',
    ),
    tag(B, 'emailClient', 'Courriel du client.', email(150), REQUIRED, 'm.queral@hotmail.fr'),
    tag(B, 'telephoneClient', 'Téléphone du client (les exemples du guide écrivent +33…).', varcharMax(50), REQUIRED, '+33615597229'),
    tag(
      B,
      'nomRepresentant',
      'Nom du représentant du client (en majuscules dans les exemples : sinon avertissement) ; null s’il n’y a pas de représentant.',
      hopName,
      representative,
      'EVRARD',
    ),
    tag(
      B,
      'emailRepresentant',
      'Courriel du représentant du client ; null s’il n’y a pas de représentant.',
      email(150),
      representative,
      'l.evrard@gmail.com',
    ),
    tag(
      B,
      'telephoneRepresentant',
      'Téléphone du représentant du client ; null s’il n’y a pas de représentant.',
      varcharMax(50),
      representative,
      '+33715698229',
    ),
  ]),
  REQUIRED,
  FROM_FIELDS,
);

/** `prefix`: `HOP-DPI-Va2` or `HOP-PFI-Va2` (`…-Va1-…`, the portal dialog's spelling, also accepted). */
function piecesJustificatives(prefix: string): FieldDef {
  return tag(
    P,
    'piecesJustificatives',
    'Liste des pièces justificatives (3 Mo au plus chacune), au moins une : le bon de commande signé.',
    arrayOf(
      object([
        tag(
          P,
          'nomFichier',
          `Nom du fichier : ${prefix}-BDC-numeroEditeur.format (ex. ${prefix}-BDC-00001.pdf, comme les exemples JSON du guide ; ${prefix.replace('Va2', 'Va1')}-BDC-00001.pdf, comme la liste « Documents attendus » du portail, est aussi accepté).`,
          varcharMax(100),
          REQUIRED,
          `${prefix}-BDC-00001.pdf`,
        ),
        tag(P, 'formatFichier', 'Format de la pièce téléversée.', oneOf(['PDF', 'PNG', 'JPG']), REQUIRED, 'PDF'),
        tag(
          P,
          'typeFichier',
          'Type de la pièce : absent des exemples du guide ; s’il est donné, « BON_COMMANDE » (bon de commande).',
          oneOf(['BON_COMMANDE']),
          when('Si la balise est présente : « BON_COMMANDE »', () => 'filled'),
          'BON_COMMANDE',
          OPTIONAL,
        ),
      ]),
      { min: 1, label: 'Tableau d’objets pièce' },
    ),
    REQUIRED,
    [FROM_FIELDS],
  );
}

/** One scenario boolean: `[tag, French question, example]`. */
export type ScenarioFlag = readonly [name: string, description: string, example: boolean];

function scenarioInstallation(flags: readonly ScenarioFlag[]): FieldDef {
  return tag(
    S,
    'scenarioInstallation',
    "Informations sur le scénario d'installation.",
    object([
      tag(
        S,
        'datePrevisionnelleLivraison',
        'Date prévisionnelle de livraison de la solution (une date à venir est permise).',
        date,
        REQUIRED,
        '15/06/2024',
      ),
      ...flags.map(([name, description, example]) => tag(S, name, description, boolean, REQUIRED, example)),
    ]),
    REQUIRED,
    FROM_FIELDS,
  );
}

/** The JSON text of a scalar node, for messages (`null`, `"EVRARD"`, `12`). */
function raw(node: JsonNode): string {
  if (node.type === 'object') return 'un objet';
  if (node.type === 'array') return 'un tableau';
  return JSON.stringify(node.value);
}

const REPRESENTATIVE = ['nomRepresentant', 'emailRepresentant', 'telephoneRepresentant'] as const;

/**
 * E026: the representative's three tags are all filled or all null. The one blamed is the
 * odd one out (two of the three agree); when only two are present and they disagree,
 * `nomRepresentant` (or the first present one). A missing tag is E001's business.
 */
const representativeRule: RequestRule = {
  code: 'E026',
  doc: 'nomRepresentant, emailRepresentant et telephoneRepresentant sont soit tous les trois renseignés, soit tous les trois null (pas de représentant).',
  check(ctx, report) {
    const present = REPRESENTATIVE.flatMap((name) => {
      const node = ctx.at('beneficiaires', name);
      return node ? [{ name, node, filled: node.type !== 'null' }] : [];
    });
    const filled = present.filter((p) => p.filled);
    const empty = present.filter((p) => !p.filled);
    if (filled.length === 0 || empty.length === 0) return;
    const odd = filled.length === 1 && empty.length > 1 ? filled[0]! : empty.length === 1 && filled.length > 1 ? empty[0]! : present[0]!;
    report({ code: 'E026', node: odd.node, path: ['beneficiaires', odd.name], args: { found: raw(odd.node) } });
  },
};

/** A009: the order form signed (by the client) before it was issued (by the vendor). */
const signedBeforeIssuedRule: RequestRule = {
  code: 'A009',
  doc: "Une date de signature du bon de commande antérieure à sa date d'édition est signalée.",
  check(ctx, report) {
    const edition = ctx.value(...EDITION);
    const signature = ctx.value(...SIGNATURE);
    if (typeof edition !== 'string' || typeof signature !== 'string' || !isCalendarDate(edition) || !isCalendarDate(signature)) return;
    if (isoDate(signature) < isoDate(edition)) {
      report({
        code: 'A009',
        node: ctx.at(...SIGNATURE)!,
        path: [...SIGNATURE],
        args: { other: `commande.dateEditionCommande = "${edition}"`, found: `"${signature}"` },
      });
    }
  },
};

export interface HopSoftware {
  /** Type, DSR, title, reconstructed note, form (meta.ts). */
  readonly meta: RuleSetMeta;
  /** `DPI` (dossier patient informatisé) or `PFI` (plateforme d'intermédiation). */
  readonly code: 'DPI' | 'PFI';
  /** The example of `numeroAns` (the guide's: `MJCDPI0001`, `CJMPFI0001`). */
  readonly numeroAns: string;
  readonly scenario: readonly ScenarioFlag[];
}

/** Tags the guide's examples leave out: tolerated when absent, checked when present. */
const ABSENT_FROM_EXAMPLES = { optional: true, note: 'absente des exemples du guide, tolérée si absente' };

/** A HOP vague 2 advance rule set: what DPI and PFI share, with the software's own scenario. */
export function hopVague2Avance(software: HopSoftware): RuleSet {
  const prefix = `HOP-${software.code}-Va2`;
  return {
    ...software.meta,
    header: fileHeader({ impIdOptional: true, numeroAns: software.numeroAns }),
    request: object([
      numLigne(),
      numeroEditeur('avance'),
      typeAction('avance', ABSENT_FROM_EXAMPLES),
      numeroAspAvance(ABSENT_FROM_EXAMPLES),
      commande,
      beneficiaires,
      piecesJustificatives(prefix),
      scenarioInstallation(software.scenario),
      ...treatmentTags,
    ]),
    requestRules: [
      representativeRule,
      vatRateRule(VAGUE2_TTC_RATES, [...REGIME]),
      // Va2 in the guide's JSON examples (seed 001 line 159), Va1 in the portal's «Documents
      // attendus» dialog (seed 001 line 381): both accepted, Va2 advised.
      namingRule([prefix, prefix.replace('Va2', 'Va1')], { BON_COMMANDE: 'BDC' }, 'BON_COMMANDE'),
      signedBeforeIssuedRule,
      notInFuture([...SIGNATURE]),
    ],
    fileRules: [uniqueInFile('E020', 'numLigne'), uniqueInFile('E021', 'numeroEditeur'), numLigneSequence],
  };
}

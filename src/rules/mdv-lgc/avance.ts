// MDV-LGC — demande d'avance (couloir Médecins de ville, Logiciel de gestion de cabinet,
// vague 1). Source: seeds/002 (ASP technical documentation) and seeds/000 (public simulator),
// read cleanly in shared/spec/mdv-lgc-avance.md.

import { FROM_FIELDS, type RequestRule, type RuleSet } from '../../core/model';
import { amount, date, oneOf, varcharMax } from '../common/formats';
import { REQUIRED, arrayOf, object, tag } from '../common/define';
import { fileHeader } from '../common/header';
import { attachments, namingRule, notInFuture, numLigneSequence, oneVatRegime, uniqueInFile, vatRateRule } from '../common/rules';
import { MAILIZ } from '../common/operators';
import { beneficiaires, beneficiaryRules, scenarioInstallation } from './blocks';
import { numLigne, numeroAspAvance, numeroEditeur, treatmentTags, typeAction } from '../common/request';
import { mdvLgcAvanceMeta } from './meta';

const C = 'Commande';
const P = 'Pièces justificatives';

const commande = tag(
  C,
  'commande',
  'Informations sur la commande (le bon de commande).',
  object([
    tag(C, 'dateCommande', 'Date de signature du bon de commande par le client final.', date, REQUIRED, '15/01/2024'),
    tag(C, 'regimeTVA', 'Régime de TVA du fournisseur pour cette prestation.', oneOf(['TTC', 'HT']), REQUIRED, 'TTC'),
    tag(
      C,
      'montantSegurHT',
      'Montant HT de la prestation Ségur sur le bon de commande, en euros, supérieur à 0 ; ajouter .00 si le montant est entier.',
      amount,
      REQUIRED,
      1075,
    ),
  ]),
  REQUIRED,
  FROM_FIELDS,
);

const piecesJustificatives = tag(
  P,
  'piecesJustificatives',
  'Liste des pièces justificatives (3 Mo au plus chacune) : un bon de commande, et la preuve du régime HT le cas échéant.',
  arrayOf(
    object([
      tag(
        P,
        'nomFichier',
        'Nom du fichier : MDV-LGC-Va1-CodeTypeFichier-numeroEditeur.format.',
        varcharMax(100),
        REQUIRED,
        'MDV-LGC-Va1-BDC-00001.pdf',
      ),
      tag(P, 'formatFichier', 'Format de la pièce téléversée.', oneOf(['PDF', 'PNG', 'JPG']), REQUIRED, 'PDF'),
      tag(
        P,
        'typeFichier',
        'BON_COMMANDE (bon de commande) ou PREUVE_HT (attestation de non-assujettissement à la TVA, régime HT).',
        oneOf(['BON_COMMANDE', 'PREUVE_HT']),
        REQUIRED,
        'BON_COMMANDE',
      ),
    ]),
    { min: 1, label: 'Tableau d’objets pièce' },
  ),
  REQUIRED,
  [FROM_FIELDS],
);

/** Exactly one order form; the proof of the HT regime when, and only when, the regime is HT. */
const attachmentRules: readonly RequestRule[] = [
  {
    code: 'E023',
    doc: 'Une demande porte exactement un bon de commande (une pièce « BON_COMMANDE »).',
    check(ctx, report) {
      const list = ctx.at('piecesJustificatives');
      if (list?.type !== 'array' || list.items.length === 0) return;
      const n = attachments(ctx).filter((a) => a.typeFichier === 'BON_COMMANDE').length;
      if (n !== 1) report({ code: 'E023', node: list, path: ['piecesJustificatives'], args: { count: n } });
    },
  },
  {
    code: 'E024',
    doc: 'Sous le régime « HT », une pièce « PREUVE_HT » est attendue.',
    check(ctx, report) {
      const list = ctx.at('piecesJustificatives');
      if (list?.type !== 'array' || ctx.value('commande', 'regimeTVA') !== 'HT') return;
      if (!attachments(ctx).some((a) => a.typeFichier === 'PREUVE_HT'))
        report({ code: 'E024', node: list, path: ['piecesJustificatives'] });
    },
  },
  {
    code: 'A007',
    doc: 'Une pièce « PREUVE_HT » sous le régime « TTC » est signalée.',
    check(ctx, report) {
      if (ctx.value('commande', 'regimeTVA') !== 'TTC') return;
      for (const a of attachments(ctx)) {
        if (a.typeFichier !== 'PREUVE_HT') continue;
        const path = ['piecesJustificatives', a.index, 'typeFichier'];
        report({ code: 'A007', node: ctx.at(...path)!, path });
      }
    },
  },
];

/** The profiles chosen on the form (public simulator). */
const profileRules: readonly RequestRule[] = [
  {
    code: 'E031',
    doc: 'isCentreDeSante = true demande le profil « Centres de santé ».',
    check(ctx, report) {
      const node = ctx.at('scenarioInstallation', 'isCentreDeSante');
      if (node?.type === 'boolean' && node.value && !ctx.options.profiles?.includes('centre-sante')) {
        report({ code: 'E031', node, path: ['scenarioInstallation', 'isCentreDeSante'] });
      }
    },
  },
  {
    code: 'E032',
    doc: 'operateurMessagerie = MAI_15 (Mailiz) demande le profil « Opérateur Mailiz ».',
    check(ctx, report) {
      const node = ctx.at('scenarioInstallation', 'operateurMessagerie');
      if (node?.type === 'string' && node.value === MAILIZ && !ctx.options.profiles?.includes('mailiz')) {
        report({ code: 'E032', node, path: ['scenarioInstallation', 'operateurMessagerie'] });
      }
    },
  },
];

export const mdvLgcAvance: RuleSet = {
  ...mdvLgcAvanceMeta,
  header: fileHeader(),
  request: object([
    numLigne(),
    typeAction('avance'),
    numeroAspAvance(),
    numeroEditeur('avance'),
    commande,
    beneficiaires,
    piecesJustificatives,
    scenarioInstallation,
    ...treatmentTags,
  ]),
  requestRules: [
    ...beneficiaryRules,
    ...attachmentRules,
    vatRateRule(['20', '8.5'], ['commande', 'regimeTVA']),
    ...profileRules,
    namingRule('MDV-LGC-Va1', { BON_COMMANDE: 'BDC', PREUVE_HT: 'HT' }),
    notInFuture(['commande', 'dateCommande']),
  ],
  fileRules: [
    uniqueInFile('E020', 'numLigne'),
    uniqueInFile('E021', 'numeroEditeur'),
    numLigneSequence,
    oneVatRegime(['commande', 'regimeTVA']),
  ],
};

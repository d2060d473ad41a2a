// MDV-LGC — demande de solde (couloir Médecins de ville, Logiciel de gestion de cabinet,
// vague 1). RECONSTRUCTED: no seed lists its tags. Read in shared/spec/mdv-lgc-solde.md from the
// public simulator (seeds/000: numeroASP VARCHAR (=12) for a balance), the BIO-SGL balance guide
// (seeds/004: facture block, FACTURE / VA attachments) and the MDV-LGC advance (everything else).

import { FROM_FIELDS, type RuleSet } from '../../core/model';
import { amount, date, oneOf, varcharMax } from '../common/formats';
import { REQUIRED, arrayOf, object, tag } from '../common/define';
import { fileHeader } from '../common/header';
import { namingRule, notInFuture, numLigneSequence, requiredAttachmentTypes, uniqueInFile } from '../common/rules';
import { beneficiaires, beneficiaryRules, scenarioInstallation } from './blocks';
import { numLigne, numeroAspSolde, numeroEditeur, treatmentTags, typeAction } from '../common/request';
import { mdvLgcSoldeMeta } from './meta';

const F = 'Facture';
const P = 'Pièces justificatives';

const facture = tag(
  F,
  'facture',
  'Informations sur la facture de la prestation Ségur (remplace le bloc « commande » de l’avance).',
  object([
    tag(F, 'dateFacture', 'Date de la facture, telle qu’inscrite sur la facture.', date, REQUIRED, '14/06/2024'),
    tag(
      F,
      'montantSegurHTFacture',
      'Montant HT de la prestation Ségur sur la facture, en euros, supérieur à 0 (somme des factures s’il y en a plusieurs) ; ajouter .00 si le montant est entier.',
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
  'Liste des pièces justificatives (3 Mo au plus chacune) : au moins une facture et une vérification d’aptitude (VA) signée par le client.',
  arrayOf(
    object([
      tag(
        P,
        'nomFichier',
        'Nom du fichier : MDV-LGC-Va1-CodeTypeFichier-numeroEditeur.format.',
        varcharMax(100),
        REQUIRED,
        'MDV-LGC-Va1-FACTURE-00001.pdf',
      ),
      tag(P, 'formatFichier', 'Format de la pièce téléversée.', oneOf(['PDF', 'PNG', 'JPG']), REQUIRED, 'PDF'),
      tag(
        P,
        'typeFichier',
        'FACTURE (facture de la prestation) ou VA (vérification d’aptitude signée par le client).',
        oneOf(['FACTURE', 'VA']),
        REQUIRED,
        'FACTURE',
      ),
    ]),
    { min: 1, label: 'Tableau d’objets pièce' },
  ),
  REQUIRED,
  // Two attachments, so that the example file holds the FACTURE and the VA a balance needs.
  [
    { nomFichier: 'MDV-LGC-Va1-FACTURE-00001.pdf', formatFichier: 'PDF', typeFichier: 'FACTURE' },
    { nomFichier: 'MDV-LGC-Va1-VA-00001.pdf', formatFichier: 'PDF', typeFichier: 'VA' },
  ],
);

export const mdvLgcSolde: RuleSet = {
  ...mdvLgcSoldeMeta,
  header: fileHeader(),
  request: object([
    numLigne(),
    typeAction('solde'),
    numeroAspSolde('MDV'),
    numeroEditeur('solde'),
    facture,
    beneficiaires,
    piecesJustificatives,
    scenarioInstallation,
    ...treatmentTags,
  ]),
  requestRules: [
    ...beneficiaryRules,
    requiredAttachmentTypes(['FACTURE', 'VA']),
    namingRule('MDV-LGC-Va1', { FACTURE: 'FACTURE', VA: 'VA' }),
    notInFuture(['facture', 'dateFacture']),
  ],
  fileRules: [uniqueInFile('E020', 'numLigne'), uniqueInFile('E021', 'numeroEditeur'), numLigneSequence],
};

// BIO-SGL — demande de solde (couloir Biologie médicale, Système de gestion de laboratoire,
// vague 1). Source: seeds/004 (ASP technical documentation DTJSONSOLDE-BIO-SGL-VA1, 10/11/2023),
// read cleanly in shared/spec/bio-sgl-solde.md.

import { FROM_FIELDS, type RequestContext, type RequestRule, type RuleSet } from '../../core/model';
import { amount, boolean, date, finess, nullValue, oneOf, varcharMax } from '../common/formats';
import { ALWAYS_NULL, REQUIRED, arrayOf, object, tag, when } from '../common/define';
import { fileHeader } from '../common/header';
import { namingRule, notInFuture, numLigneSequence, requiredAttachmentTypes, uniqueInFile } from '../common/rules';
import { numLigne, numeroAspSolde, numeroEditeur, treatmentTags, typeAction } from '../common/request';
import { bioSglSoldeMeta } from './meta';

const F = 'Facture';
const B = 'Bénéficiaires';
const P = 'Pièces justificatives';
const L = 'Lien compte-rendu';
const S = "Scénario d'installation";

const flag = (ctx: RequestContext, name: string) => ctx.value('scenarioInstallation', name);

/**
 * `identDMP`: at least one id when reports go straight to the DMP (seed 004, table of tags,
 * identDMP line 603: «Obligatoire si isDirectToDMP = true»); otherwise the guide states nothing:
 * `[]` or null expected, a filled list only the warning A021 (`identDmpWithoutDirect`).
 */
const identDmpFill = when(
  'Obligatoire (au moins un identifiant) si isDirectToDMP = true ; sinon tableau vide [] ou null attendu (une liste remplie : avertissement)',
  (ctx) => (flag(ctx, 'isDirectToDMP') === true ? 'filled' : 'nullable'),
);

/** A021: identDMP filled while isDirectToDMP = false (the guide does not forbid it). */
const identDmpWithoutDirect: RequestRule = {
  code: 'A021',
  doc: 'identDMP rempli alors que isDirectToDMP = false est signalé (avertissement) : le guide ne le demande que pour un envoi direct au DMP.',
  check(ctx, report) {
    if (flag(ctx, 'isDirectToDMP') !== false) return;
    const node = ctx.at('scenarioInstallation', 'identDMP');
    if (node?.type === 'array' && node.items.length > 0) {
      report({
        code: 'A021',
        node,
        path: ['scenarioInstallation', 'identDMP'],
        args: { found: node.items.length === 1 ? 'un tableau d’un identifiant' : `un tableau de ${node.items.length} identifiants` },
      });
    }
  },
};

/** A messaging address: filled when the flag is true, null when it is false. */
const mailboxFill = (flagName: string) =>
  when(`Obligatoire si ${flagName} = true, sinon null`, (ctx) => {
    const direct = flag(ctx, flagName);
    return direct === true ? 'filled' : direct === false ? 'null' : 'nullable';
  });

const facture = tag(
  F,
  'facture',
  'Informations sur la facture de la prestation Ségur.',
  object([
    tag(F, 'dateFacture', 'Date de la facture, telle qu’inscrite sur la facture.', date, REQUIRED, '14/06/2024'),
    tag(
      F,
      'montantSegurHTFacture',
      'Montant HT de la prestation Ségur sur la facture, en euros, supérieur à 0 ; égal ou inférieur à celui du bon de commande ; somme des factures s’il y en a plusieurs ; préciser les 2 chiffres après le point même s’ils sont 00.',
      amount,
      REQUIRED,
      27450,
    ),
  ]),
  REQUIRED,
  FROM_FIELDS,
);

const beneficiaires = tag(
  B,
  'beneficiaires',
  'Liste des numéros FINESS géographiques des établissements ayant reçu la solution logicielle SGL (au moins un).',
  arrayOf(finess, { min: 1, label: 'Liste de VARCHAR (=9)' }),
  REQUIRED,
  ['330000019', '330000027', '330000035'],
);

const piecesJustificatives = tag(
  P,
  'piecesJustificatives',
  'Liste des pièces justificatives (3 Mo au plus chacune) : au moins une facture et une attestation de vérification d’aptitude (VA).',
  arrayOf(
    object([
      tag(
        P,
        'nomFichier',
        'Nom du fichier : BIO-SGL-Va1-CodeTypeFichier-numeroEditeur.format.',
        varcharMax(50),
        REQUIRED,
        'BIO-SGL-Va1-FACTURE-00001.pdf',
      ),
      tag(P, 'formatFichier', 'Format de la pièce téléversée.', oneOf(['PDF', 'PNG', 'JPG', 'XML']), REQUIRED, 'PDF'),
      tag(
        P,
        'typeFichier',
        'FACTURE (la facture, qui n’a pas besoin d’être signée) ou VA (l’attestation de vérification d’aptitude).',
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
    { nomFichier: 'BIO-SGL-Va1-FACTURE-00001.pdf', formatFichier: 'PDF', typeFichier: 'FACTURE' },
    { nomFichier: 'BIO-SGL-Va1-VA-00001.pdf', formatFichier: 'PDF', typeFichier: 'VA' },
  ],
);

const scenarioInstallation = tag(
  S,
  'scenarioInstallation',
  "Informations sur le scénario d'installation.",
  object([
    tag(S, 'isDirectToDMP', 'Les comptes-rendus sont-ils envoyés directement au DMP depuis le SGL ?', boolean, REQUIRED, true),
    tag(
      S,
      'identDMP',
      'Identifiant(s) de connexion au DMP (identifiant de structure Struct_IdNat), pour identifier le ou les bénéficiaires lors des contrôles des envois au DMP.',
      arrayOf(varcharMax(250), { min: 1, label: 'Tableau de VARCHAR (<250)' }),
      identDmpFill,
      ['1330000019'],
    ),
    tag(S, 'isDirectToMSSPro', 'Les comptes-rendus sont-ils envoyés directement par la MSS Pro depuis le SGL ?', boolean, REQUIRED, true),
    tag(
      S,
      'adresseBoiteMSSPro',
      'Adresse de la boîte de messagerie applicative / organisationnelle depuis laquelle sont adressés les envois par MSS Pro.',
      varcharMax(150),
      mailboxFill('isDirectToMSSPro'),
      'comptes-rendus@labo-exemple.mssante.fr',
    ),
    tag(
      S,
      'isDirectToMSSCitoyen',
      'Les comptes-rendus sont-ils envoyés directement par la MSS Citoyen depuis le SGL ?',
      boolean,
      REQUIRED,
      false,
    ),
    tag(
      S,
      'adresseBoiteMSSCitoyen',
      'Adresse de la boîte de messagerie applicative / organisationnelle depuis laquelle sont adressés les envois par MSS Citoyen.',
      varcharMax(150),
      mailboxFill('isDirectToMSSCitoyen'),
      null,
    ),
  ]),
  REQUIRED,
  FROM_FIELDS,
);

export const bioSglSolde: RuleSet = {
  ...bioSglSoldeMeta,
  header: fileHeader({ numeroAns: 'BIOSGL0001' }),
  request: object([
    numLigne({ note: 'la numérotation recommence à 1 dans chaque fichier' }),
    typeAction('solde'),
    numeroAspSolde('BIO'),
    numeroEditeur('solde'),
    facture,
    beneficiaires,
    piecesJustificatives,
    tag(
      L,
      'lienCompteRendu',
      "Lien vers le compte-rendu de l'espace de tests d'interopérabilité : toujours null depuis le 07/04/2023, balise obligatoire.",
      nullValue,
      ALWAYS_NULL,
      null,
    ),
    scenarioInstallation,
    ...treatmentTags,
  ]),
  requestRules: [
    requiredAttachmentTypes(['FACTURE', 'VA']),
    identDmpWithoutDirect,
    namingRule('BIO-SGL-Va1', { FACTURE: 'FACTURE', VA: 'VA' }),
    notInFuture(['facture', 'dateFacture']),
  ],
  fileRules: [uniqueInFile('E020', 'numLigne'), uniqueInFile('E021', 'numeroEditeur'), numLigneSequence],
};

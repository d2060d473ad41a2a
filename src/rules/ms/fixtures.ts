// MS advance: the valid base files of fixtures/ and, for every code the rule set or the engine
// can report, edits of those files that trigger it. avance.test.ts proves each fixture reports
// its code at its path, and that every code of codesOf(msAvance) has one; the documentation
// shows them as the codes' examples.
//
// The rest of an MS request is not documented: the base files carry plausible undocumented tags
// (commande, piecesJustificatives, FINESSGeo…) that the rule set tolerates without checking.

import type { Fixture } from '../fixture';
import type { SimulationOptions } from '../../core/types';
import structures from './fixtures/avance-structures.json?raw';
import imbrique from './fixtures/avance-imbrique.json?raw';

/** A valid base file: its name in fixtures/ and its text. */
export interface FixtureBase {
  readonly name: string;
  readonly text: string;
  readonly options?: Partial<SimulationOptions>;
}

/** The form's choices every fixture starts from (a fixture's own `options` are merged over them). */
export const msAvanceOptions: SimulationOptions = {
  type: 'avance',
  dsr: 'MS',
  vatRate: '20',
  today: '2026-11-22',
};

const S = 'avance-structures.json';
const N = 'avance-imbrique.json';

export const msAvanceBases: readonly FixtureBase[] = [
  // Two requests whose certificate blocks stand in a `beneficiaires` array of structures:
  // request 1 — an order with the CPx card (OG true, S, éditeur false: card required), a
  // structure with demandeCertificatServeur = false and the four other tags null, a structure
  // without the block at all; request 2 — an order without the card (false, E, false: card
  // optional), a structure with demandeCertificatServeur = false and certificatServeur's tags
  // all null. Undocumented tags (commande, pièces, FINESSGeo, isMandataire…) everywhere.
  { name: S, text: structures },
  // Blocks at other depths: inside `mandataire.organismeGestionnaire`, inside
  // `etablissements.liste[]`, on the request object itself (demandeCertificatServeur = false and
  // nothing else) and three levels down (`structure.entite.juridique`); a previous output's
  // codeTraitement / libelleTraitement; `beneficiaires` null.
  { name: N, text: imbrique },
];

/** The certificate block of the first structure of the first request of the structures file. */
export const FIRST_CERTIFICATE = `"certificatServeur": {
            "numeroCarteCPX": "8001234567",
            "nomAdminTechnique": "STU",
            "telAdminTechnique": "0603334174",
            "emailAdminTechnique": "a.stu@exemple.fr",
            "utiliteCertificat": "DMP"
          }`;

/** The flags of that first structure (OG true, S, éditeur false: the card is required). */
export const FIRST_FLAGS = `"contracutualisationOG": true,
          "StatutAdminTechnique": "S",
          "contractualisationEditeur": false,`;

/** The requests of the structures file, without the brackets of `lignesImport`. */
const ALL_REQUESTS = structures.slice(structures.indexOf('"lignesImport": [') + '"lignesImport": ['.length, structures.lastIndexOf(']'));
const TOO_MANY = '{}, '.repeat(199); // with the two requests of the file: 201 elements

const R0 = '/lignesImport/0';
const R1 = '/lignesImport/1';
const FIRST = `${R0}/beneficiaires/0`;
const ORG = `${R0}/mandataire/organismeGestionnaire`;

export const msAvanceFixtures: readonly Fixture[] = [
  // ── File header: any error rejects the whole file ───────────────────────────────────────
  {
    code: 'E001',
    title: 'Balise d’en-tête numeroAns supprimée',
    base: S,
    edits: [['  "numeroAns": "MS1DUI0001",\n', '']],
    path: '/numeroAns',
  },
  {
    code: 'E002',
    title: 'Balise d’en-tête non documentée (version)',
    base: S,
    edits: [['"impId": null,', '"impId": null,\n  "version": "1.0",']],
    path: '/version',
  },
  {
    code: 'E003',
    title: 'Balise siret en double dans l’en-tête',
    base: S,
    edits: [['"siret": "73282932000074",', '"siret": "73282932000074",\n  "siret": "73282932000074",']],
    path: '/siret',
  },
  {
    code: 'E004',
    title: 'numeroAns écrit comme un nombre',
    base: S,
    edits: [['"numeroAns": "MS1DUI0001"', '"numeroAns": 1234567890']],
    path: '/numeroAns',
  },
  {
    code: 'E005',
    title: 'impId renseigné (réservé à l’ASP)',
    base: S,
    edits: [['"impId": null', '"impId": "IMP-2023-001"']],
    path: '/impId',
  },
  { code: 'E006', title: 'numeroAns à null', base: S, edits: [['"numeroAns": "MS1DUI0001"', '"numeroAns": null']], path: '/numeroAns' },
  { code: 'E007', title: 'siret de 13 chiffres', base: S, edits: [['"73282932000074"', '"7328293200007"']], path: '/siret' },
  { code: 'E016', title: 'lignesImport vide', base: S, edits: [[ALL_REQUESTS, '\n  ']], path: '/lignesImport' },
  {
    code: 'E018',
    title: 'lignesImport de 201 demandes',
    base: S,
    edits: [['"lignesImport": [', `"lignesImport": [${TOO_MANY}`]],
    path: '/lignesImport',
  },
  { code: 'A010', title: 'Clé de contrôle du SIRET fausse', base: S, edits: [['"73282932000074"', '"73282932000075"']], path: '/siret' },

  // ── Request header and structure ────────────────────────────────────────────────────────
  { code: 'E001', title: 'Balise typeAction supprimée', base: S, edits: [['"typeAction": "C",\n      ', '']], path: `${R0}/typeAction` },
  {
    code: 'E001',
    title: 'StatutAdminTechnique supprimé alors que demandeCertificatServeur = true',
    base: S,
    edits: [['"StatutAdminTechnique": "S",\n          ', '']],
    path: `${FIRST}/StatutAdminTechnique`,
  },
  {
    code: 'E001',
    title: 'certificatServeur mal orthographié (certificatsServeur) alors que demandeCertificatServeur = true',
    base: N,
    edits: [['"certificatServeur"', '"certificatsServeur"']],
    path: `${ORG}/certificatServeur`,
  },
  {
    code: 'E001',
    title: 'nomAdminTechnique supprimé du bloc certificatServeur',
    base: S,
    edits: [['"nomAdminTechnique": "STU",\n            ', '']],
    path: `${FIRST}/certificatServeur/nomAdminTechnique`,
  },
  {
    code: 'E001',
    title: 'numeroCarteCPX supprimé alors qu’il est facultatif (la balise reste attendue, à null)',
    base: S,
    edits: [['"numeroCarteCPX": null,\n            "nomAdminTechnique": "Lefèvre', '"nomAdminTechnique": "Lefèvre']],
    path: `${R1}/beneficiaires/0/certificatServeur/numeroCarteCPX`,
  },
  {
    code: 'E002',
    title: 'nomAdminTechnique mal orthographié (nomAdminTechniqe) dans certificatServeur',
    base: S,
    edits: [['"nomAdminTechnique": "STU"', '"nomAdminTechniqe": "STU"']],
    path: `${FIRST}/certificatServeur/nomAdminTechniqe`,
  },
  {
    code: 'E002',
    title: 'Balise non documentée dans certificatServeur (commentaire)',
    base: N,
    edits: [['"utiliteCertificat": "INS"\n          }', '"utiliteCertificat": "INS",\n            "commentaire": "urgent"\n          }']],
    path: `${ORG}/certificatServeur/commentaire`,
  },
  {
    code: 'E002',
    title: 'Balise inconnue dans un certificatServeur à null (demandeCertificatServeur = false)',
    base: S,
    edits: [
      ['"numeroCarteCPX": null,\n            "nomAdminTechnique": null', '"numeroCarte": null,\n            "nomAdminTechnique": null'],
    ],
    path: `${R1}/beneficiaires/1/certificatServeur/numeroCarte`,
  },
  {
    code: 'E003',
    title: 'Balise typeAction en double dans une demande',
    base: S,
    edits: [['"typeAction": "C",', '"typeAction": "C",\n      "typeAction": "C",']],
    path: `${R0}/typeAction`,
  },
  {
    code: 'E003',
    title: 'demandeCertificatServeur en double dans une structure',
    base: S,
    edits: [['"demandeCertificatServeur": true,', '"demandeCertificatServeur": true,\n          "demandeCertificatServeur": true,']],
    path: `${FIRST}/demandeCertificatServeur`,
  },
  {
    code: 'E003',
    title: 'Balise en double dans un bloc non documenté (commande)',
    base: S,
    edits: [['"dateCommande": "20/09/2023",', '"dateCommande": "20/09/2023",\n        "dateCommande": "20/09/2023",']],
    path: `${R0}/commande/dateCommande`,
  },

  // ── Types and null-ness ─────────────────────────────────────────────────────────────────
  {
    code: 'E004',
    title: 'numLigne écrit comme une chaîne',
    base: S,
    edits: [['"numLigne": 1,', '"numLigne": "1",']],
    path: `${R0}/numLigne`,
  },
  {
    code: 'E004',
    title: 'demandeCertificatServeur écrit "true" entre guillemets',
    base: S,
    edits: [['"demandeCertificatServeur": true', '"demandeCertificatServeur": "true"']],
    path: `${FIRST}/demandeCertificatServeur`,
  },
  {
    code: 'E004',
    title: 'contractualisationEditeur écrit "Oui"',
    base: N,
    edits: [['"contractualisationEditeur": true', '"contractualisationEditeur": "Oui"']],
    path: `${ORG}/contractualisationEditeur`,
  },
  {
    code: 'E004',
    title: 'certificatServeur écrit [] (demandeCertificatServeur = false)',
    base: S,
    edits: [['"certificatServeur": null', '"certificatServeur": []']],
    path: `${R0}/beneficiaires/1/certificatServeur`,
  },
  {
    code: 'E004',
    title: 'FINESSJuridique écrit comme un nombre',
    base: N,
    edits: [['"FINESSJuridique": "750000150"', '"FINESSJuridique": 750000150']],
    path: `${R1}/FINESSJuridique`,
  },
  {
    code: 'E005',
    title: 'numeroASP renseigné pour une avance',
    base: S,
    edits: [['"numeroASP": null', '"numeroASP": "FINMS2007720"']],
    path: `${R0}/numeroASP`,
  },
  {
    code: 'E005',
    title: 'contracutualisationOG renseigné alors que demandeCertificatServeur = false',
    base: S,
    edits: [['"contracutualisationOG": null', '"contracutualisationOG": true']],
    path: `${R0}/beneficiaires/1/contracutualisationOG`,
  },
  {
    code: 'E005',
    title: 'StatutAdminTechnique renseigné sans demandeCertificatServeur',
    base: S,
    edits: [['"FINESSJuridique": "330058082",', '"FINESSJuridique": "330058082",\n          "StatutAdminTechnique": "E",']],
    path: `${R0}/beneficiaires/2/StatutAdminTechnique`,
  },
  {
    code: 'E006',
    title: 'numeroCarteCPX à null alors qu’il est obligatoire (OG true, S, éditeur false)',
    base: S,
    edits: [['"numeroCarteCPX": "8001234567"', '"numeroCarteCPX": null']],
    path: `${FIRST}/certificatServeur/numeroCarteCPX`,
  },
  {
    code: 'E006',
    title: 'numeroCarteCPX à null alors qu’il est obligatoire (OG true, E, éditeur true)',
    base: N,
    edits: [['"numeroCarteCPX": "CPX0001234"', '"numeroCarteCPX": null']],
    path: `${ORG}/certificatServeur/numeroCarteCPX`,
  },
  {
    code: 'E006',
    title: 'demandeCertificatServeur à null',
    base: S,
    edits: [['"demandeCertificatServeur": true', '"demandeCertificatServeur": null']],
    path: `${FIRST}/demandeCertificatServeur`,
  },
  {
    code: 'E006',
    title: 'contracutualisationOG à null alors que demandeCertificatServeur = true',
    base: S,
    edits: [['"contracutualisationOG": false', '"contracutualisationOG": null']],
    path: `${R1}/beneficiaires/0/contracutualisationOG`,
  },
  {
    code: 'E006',
    title: 'certificatServeur à null alors que demandeCertificatServeur = true',
    base: S,
    edits: [[FIRST_CERTIFICATE, '"certificatServeur": null']],
    path: `${FIRST}/certificatServeur`,
  },
  {
    code: 'E006',
    title: 'nomAdminTechnique à null alors que demandeCertificatServeur = true',
    base: N,
    edits: [['"nomAdminTechnique": "BOUVIER"', '"nomAdminTechnique": null']],
    path: `${ORG}/certificatServeur/nomAdminTechnique`,
  },
  {
    code: 'E006',
    title: 'FINESSJuridique à null alors que demandeCertificatServeur = true',
    base: N,
    edits: [['"FINESSJuridique": "750000143"', '"FINESSJuridique": null']],
    path: `${R0}/etablissements/liste/1/FINESSJuridique`,
  },

  // ── Formats ─────────────────────────────────────────────────────────────────────────────
  {
    code: 'E007',
    title: 'numeroEditeur de 4 caractères',
    base: S,
    edits: [['"numeroEditeur": "00001"', '"numeroEditeur": "0001"']],
    path: `${R0}/numeroEditeur`,
  },
  { code: 'E007', title: 'FINESSJuridique de 8 chiffres', base: N, edits: [['"690000039"', '"69000003"']], path: `${ORG}/FINESSJuridique` },
  {
    code: 'E008',
    title: 'numeroCarteCPX de 11 caractères',
    base: S,
    edits: [['"8001234567"', '"80012345678"']],
    path: `${FIRST}/certificatServeur/numeroCarteCPX`,
  },
  {
    code: 'E008',
    title: 'nomAdminTechnique de 26 lettres',
    base: S,
    edits: [['"nomAdminTechnique": "STU"', `"nomAdminTechnique": "${'S'.repeat(26)}"`]],
    path: `${FIRST}/certificatServeur/nomAdminTechnique`,
  },
  {
    code: 'E008',
    title: 'telAdminTechnique de 51 caractères',
    base: S,
    edits: [['"telAdminTechnique": "0603334174"', `"telAdminTechnique": "${'0'.repeat(51)}"`]],
    path: `${FIRST}/certificatServeur/telAdminTechnique`,
  },
  {
    code: 'E008',
    title: 'emailAdminTechnique de 151 caractères',
    base: S,
    edits: [['"a.stu@exemple.fr"', `"${'a'.repeat(140)}@exemple.fr"`]],
    path: `${FIRST}/certificatServeur/emailAdminTechnique`,
  },
  {
    code: 'E009',
    title: 'typeAction différent de « C »',
    base: S,
    edits: [['"typeAction": "C"', '"typeAction": "M"']],
    path: `${R0}/typeAction`,
  },
  {
    code: 'E009',
    title: 'StatutAdminTechnique écrit en toutes lettres (Editeur)',
    base: N,
    edits: [['"StatutAdminTechnique": "E"', '"StatutAdminTechnique": "Editeur"']],
    path: `${ORG}/StatutAdminTechnique`,
  },
  {
    code: 'E009',
    title: 'utiliteCertificat « DMP, INS » avec une espace (libellé de l’écran du portail)',
    base: S,
    edits: [['"DMP,INS"', '"DMP, INS"']],
    path: `${R1}/beneficiaires/0/certificatServeur/utiliteCertificat`,
  },
  {
    code: 'E009',
    title: 'utiliteCertificat « INSi » au lieu de « INS »',
    base: N,
    edits: [['"utiliteCertificat": "INS"', '"utiliteCertificat": "INSi"']],
    path: `${ORG}/certificatServeur/utiliteCertificat`,
  },
  { code: 'E013', title: 'numLigne à 0', base: S, edits: [['"numLigne": 1,', '"numLigne": 0,']], path: `${R0}/numLigne` },
  { code: 'E013', title: 'numLigne à 201', base: S, edits: [['"numLigne": 2,', '"numLigne": 201,']], path: `${R1}/numLigne` },
  {
    code: 'A020',
    title: 'emailAdminTechnique sans @',
    base: S,
    edits: [['"a.stu@exemple.fr"', '"a.stu(at)exemple.fr"']],
    path: `${FIRST}/certificatServeur/emailAdminTechnique`,
  },
  {
    code: 'A020',
    title: 'emailAdminTechnique sans domaine de premier niveau',
    base: N,
    edits: [['"j.bo@exemple.fr"', '"j.bo@exemple"']],
    path: `${ORG}/certificatServeur/emailAdminTechnique`,
  },
  {
    code: 'E019',
    title: 'nomAdminTechnique avec un chiffre',
    base: S,
    edits: [['"nomAdminTechnique": "STU"', '"nomAdminTechnique": "STU2"']],
    path: `${FIRST}/certificatServeur/nomAdminTechnique`,
  },
  {
    code: 'E019',
    title: 'nomAdminTechnique avec des initiales à point (J.-P. MARTIN)',
    base: N,
    edits: [['"nomAdminTechnique": "BOUVIER"', '"nomAdminTechnique": "J.-P. MARTIN"']],
    path: `${ORG}/certificatServeur/nomAdminTechnique`,
  },

  // ── Blocks that must be empty ───────────────────────────────────────────────────────────
  {
    code: 'E017',
    title: 'nomAdminTechnique renseigné alors que demandeCertificatServeur = false',
    base: S,
    edits: [['"nomAdminTechnique": null', '"nomAdminTechnique": "ESTRAN"']],
    path: `${R1}/beneficiaires/1/certificatServeur/nomAdminTechnique`,
  },

  // ── Across requests and structures ──────────────────────────────────────────────────────
  {
    code: 'E020',
    title: 'Deux demandes avec le même numLigne',
    base: S,
    edits: [['"numLigne": 2,', '"numLigne": 1,']],
    path: `${R1}/numLigne`,
  },
  {
    code: 'E021',
    title: 'Deux demandes avec le même numeroEditeur',
    base: N,
    edits: [['"numeroEditeur": "00102"', '"numeroEditeur": "00101"']],
    path: `${R1}/numeroEditeur`,
  },
  {
    code: 'E027',
    title: 'Deux certificats pour le même FINESS juridique dans une demande',
    base: N,
    edits: [['"750000143"', '"690000039"']],
    path: `${R0}/etablissements/liste/1/demandeCertificatServeur`,
  },
  {
    code: 'E027',
    title: 'Deux certificats pour le même FINESS juridique dans deux demandes du fichier',
    base: S,
    edits: [['"670000124"', '"330058066"']],
    path: `${R1}/beneficiaires/0/demandeCertificatServeur`,
  },
  {
    code: 'E027',
    title: 'Un certificat déjà demandé dans une autre demande, à une autre profondeur',
    base: N,
    edits: [['"750000168"', '"690000039"']],
    path: `${R1}/structure/entite/juridique/demandeCertificatServeur`,
  },

  // ── Warnings ────────────────────────────────────────────────────────────────────────────
  {
    code: 'A004',
    title: 'Clé de contrôle du FINESS juridique fausse',
    base: S,
    edits: [['"330058066"', '"330058067"']],
    path: `${FIRST}/FINESSJuridique`,
  },
  {
    code: 'A004',
    title: 'Clé du FINESS juridique fausse dans une structure sans demande de certificat',
    base: S,
    edits: [['"330058082"', '"330058083"']],
    path: `${R0}/beneficiaires/2/FINESSJuridique`,
  },
  {
    code: 'A011',
    title: 'nomResponsable avec un caractère de contrôle C1 (texte Windows-1252 relu en Latin-1)',
    base: S,
    edits: [['"MAISON HELOISE"', '"MAISON H\\u0092ELOISE"']],
    path: `${R0}/beneficiaires/0/nomResponsable`,
  },
  // ── Issue 10: both spellings of siret, numeroEditeur 00000, numLigne out of sequence ─────
  {
    code: 'E033',
    title: 'En-tête : siret et SIRET ensemble',
    base: S,
    edits: [['"siret": "73282932000074",', '"siret": "73282932000074",\n  "SIRET": "73282932000074",']],
    path: '/SIRET',
  },
  {
    code: 'E035',
    title: 'numeroEditeur 00000 (la numérotation commence à 00001)',
    base: S,
    edits: [['"numeroEditeur": "00001"', '"numeroEditeur": "00000"']],
    path: `${R0}/numeroEditeur`,
  },
  { code: 'A023', title: 'Demandes numérotées 1 puis 3', base: S, edits: [['"numLigne": 2,', '"numLigne": 3,']], path: `${R1}/numLigne` },
];

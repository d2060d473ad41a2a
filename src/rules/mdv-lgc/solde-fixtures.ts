// Fixtures of the MDV-LGC balance: each edits a base file of fixtures/ so that it triggers one
// code, at one path. Base files: solde-liberal.json (a representative for three doctors; a single
// doctor), solde-structure.json (two coordinated-care structures, one a health centre with Mailiz).

import type { Fixture } from '../fixture';

const L = 'solde-liberal.json';
const S = 'solde-structure.json';
const R0 = '/lignesImport/0';
const R1 = '/lignesImport/1';

export const mdvLgcSoldeFixtures: readonly Fixture[] = [
  // Tags missing, unknown, duplicated.
  {
    code: 'E001',
    title: 'Montant de la facture absent',
    base: L,
    edits: [['"dateFacture": "14/06/2024",\n        "montantSegurHTFacture": 1075.00', '"dateFacture": "14/06/2024"']],
    path: `${R0}/facture/montantSegurHTFacture`,
  },
  {
    code: 'E001',
    title: "Numéro de dossier ASP de l'avance absent",
    base: L,
    edits: [['"numeroASP": "FINMDV000041",\n      ', '']],
    path: `${R0}/numeroASP`,
  },
  {
    code: 'E002',
    title: "Bloc « commande » de l'avance laissé dans la demande de solde",
    base: L,
    edits: [
      ['"facture": {', '"commande": { "dateCommande": "15/01/2024", "regimeTVA": "TTC", "montantSegurHT": 1075.00 },\n      "facture": {'],
    ],
    path: `${R0}/commande`,
  },
  {
    code: 'E002',
    title: 'Régime de TVA ajouté dans la facture (pas de TVA pour un solde)',
    base: S,
    edits: [['"montantSegurHTFacture": 2150.00', '"montantSegurHTFacture": 2150.00,\n        "regimeTVA": "TTC"']],
    path: `${R0}/facture/regimeTVA`,
  },
  {
    code: 'E003',
    title: 'Balise typeAction en double',
    base: L,
    edits: [['"typeAction": "C",', '"typeAction": "C",\n      "typeAction": "C",']],
    path: `${R0}/typeAction`,
  },
  // Types and null-ness.
  {
    code: 'E004',
    title: 'Montant de la facture écrit entre guillemets',
    base: L,
    edits: [['"montantSegurHTFacture": 1075.00', '"montantSegurHTFacture": "1075.00"']],
    path: `${R0}/facture/montantSegurHTFacture`,
  },
  {
    code: 'E004',
    title: 'FINESSGeo donné comme une chaîne et non comme un tableau',
    base: S,
    edits: [['"FINESSGeo": [\n            "130000029"\n          ]', '"FINESSGeo": "130000029"']],
    path: `${R1}/beneficiaires/structure/FINESSGeo`,
  },
  {
    code: 'E005',
    title: 'Mandataire renseigné pour un médecin seul',
    base: L,
    edits: [['"nomMandataire": null,', '"nomMandataire": "BERNARD",']],
    path: `${R1}/beneficiaires/nomMandataire`,
  },
  {
    code: 'E005',
    title: 'isClientUnique = true pour une STRUCTURE',
    base: S,
    edits: [['"isClientUnique": false,', '"isClientUnique": true,']],
    path: `${R1}/beneficiaires/isClientUnique`,
  },
  {
    code: 'E005',
    title: 'impId renseigné dans l’en-tête du fichier',
    base: L,
    edits: [['"impId": null', '"impId": "JSON-MDVLGC0001-20240614-001"']],
    path: '/impId',
  },
  {
    code: 'E006',
    title: 'Date de facture à null',
    base: L,
    edits: [['"dateFacture": "14/06/2024"', '"dateFacture": null']],
    path: `${R0}/facture/dateFacture`,
  },
  {
    code: 'E006',
    title: 'RPPS à null',
    base: L,
    edits: [['"RPPS": "10000000033"', '"RPPS": null']],
    path: `${R1}/beneficiaires/liberal/0/RPPS`,
  },
  // Formats.
  {
    code: 'E007',
    title: 'numeroASP de 11 caractères',
    base: L,
    edits: [['"FINMDV000041"', '"FINMDV00041"']],
    path: `${R0}/numeroASP`,
  },
  {
    code: 'E007',
    title: 'RPPS de 10 chiffres',
    base: L,
    edits: [['"RPPS": "10000000009"', '"RPPS": "1000000000"']],
    path: `${R0}/beneficiaires/liberal/0/RPPS`,
  },
  {
    code: 'E008',
    title: 'Téléphone du médecin de plus de 50 caractères',
    base: L,
    edits: [['"telephoneMedecin": "+33612345678"', '"telephoneMedecin": "+33612345678 (cabinet) / +33698765432 (portable) / 0102"']],
    path: `${R1}/beneficiaires/liberal/0/telephoneMedecin`,
  },
  {
    code: 'E009',
    title: 'typeAction autre que « C »',
    base: L,
    edits: [['"typeAction": "C"', '"typeAction": "M"']],
    path: `${R0}/typeAction`,
  },
  {
    code: 'E009',
    title: 'Format de pièce en minuscules',
    base: S,
    edits: [['"formatFichier": "JPG"', '"formatFichier": "jpg"']],
    path: `${R1}/piecesJustificatives/0/formatFichier`,
  },
  {
    code: 'E010',
    title: 'Date de facture au format AAAA-MM-JJ',
    base: L,
    edits: [['"dateFacture": "14/06/2024"', '"dateFacture": "2024-06-14"']],
    path: `${R0}/facture/dateFacture`,
  },
  {
    code: 'E011',
    title: 'Montant entier écrit sans .00',
    base: L,
    edits: [['"montantSegurHTFacture": 1075.00', '"montantSegurHTFacture": 1075']],
    path: `${R0}/facture/montantSegurHTFacture`,
  },
  {
    code: 'E012',
    title: 'Montant de la facture nul',
    base: L,
    edits: [['"montantSegurHTFacture": 1075.00', '"montantSegurHTFacture": 0.00']],
    path: `${R0}/facture/montantSegurHTFacture`,
  },
  {
    code: 'E013',
    title: 'numLigne à 0',
    base: L,
    edits: [['"numLigne": 1,', '"numLigne": 0,']],
    path: `${R0}/numLigne`,
  },
  {
    code: 'E014',
    title: 'Nom du médecin en minuscules',
    base: L,
    edits: [['"nomMedecin": "BERNARD"', '"nomMedecin": "Bernard"']],
    path: `${R1}/beneficiaires/liberal/0/nomMedecin`,
  },
  {
    code: 'A020',
    title: 'Courriel du responsable sans arobase',
    base: S,
    edits: [['"emailResponsable": "msp.dupont@exemple.fr"', '"emailResponsable": "msp.dupont.exemple.fr"']],
    path: `${R1}/beneficiaires/structure/emailResponsable`,
  },
  // Arrays.
  {
    code: 'E016',
    title: 'Aucun médecin pour une demande LIBERAL',
    base: L,
    edits: [
      [
        '"liberal": [\n          {\n            "nomMedecin": "BERNARD",\n            "emailMedecin": "cabinet.bernard@exemple.fr",\n            "telephoneMedecin": "+33612345678",\n            "RPPS": "10000000033"\n          }\n        ]',
        '"liberal": []',
      ],
    ],
    path: `${R1}/beneficiaires/liberal`,
  },
  {
    code: 'E016',
    title: 'Aucun FINESS géographique pour une STRUCTURE',
    base: S,
    edits: [['"FINESSGeo": [\n            "130000029"\n          ]', '"FINESSGeo": []']],
    path: `${R1}/beneficiaires/structure/FINESSGeo`,
  },
  {
    code: 'E016',
    title: 'Aucune pièce justificative',
    base: S,
    edits: [
      [
        '"piecesJustificatives": [\n        {\n          "nomFichier": "MDV-LGC-Va1-VA-00102.jpg",\n          "formatFichier": "JPG",\n          "typeFichier": "VA"\n        },\n        {\n          "nomFichier": "MDV-LGC-Va1-FACTURE-00102.pdf",\n          "formatFichier": "PDF",\n          "typeFichier": "FACTURE"\n        }\n      ]',
        '"piecesJustificatives": []',
      ],
    ],
    path: `${R1}/piecesJustificatives`,
  },
  {
    code: 'E017',
    title: 'Médecin listé pour une STRUCTURE',
    base: S,
    edits: [
      ['"liberal": [],', '"liberal": [{ "nomMedecin": "MARTIN", "emailMedecin": null, "telephoneMedecin": null, "RPPS": "10000000009" }],'],
    ],
    path: `${R0}/beneficiaires/liberal`,
  },
  {
    code: 'E018',
    title: 'Plus de 200 demandes dans le fichier',
    base: L,
    edits: [['"lignesImport": [', `"lignesImport": [${'{}, '.repeat(199)}`]],
    path: '/lignesImport',
  },
  // Rules across tags and requests.
  {
    code: 'E020',
    title: 'numLigne repris par une deuxième demande',
    base: L,
    edits: [['"numLigne": 2,', '"numLigne": 1,']],
    path: `${R1}/numLigne`,
  },
  {
    code: 'E021',
    title: 'numeroEditeur repris par une deuxième demande',
    base: S,
    edits: [
      ['"numeroEditeur": "00102",', '"numeroEditeur": "00101",'],
      ['MDV-LGC-Va1-VA-00102.jpg', 'MDV-LGC-Va1-VA-00101.jpg'],
      ['MDV-LGC-Va1-FACTURE-00102.pdf', 'MDV-LGC-Va1-FACTURE-00101.pdf'],
    ],
    path: `${R1}/numeroEditeur`,
  },
  {
    code: 'E022',
    title: 'isClientUnique = false avec un seul médecin',
    base: L,
    edits: [['"isClientUnique": true,', '"isClientUnique": false,']],
    path: `${R1}/beneficiaires/isClientUnique`,
  },
  {
    code: 'E025',
    title: 'Vérification d’aptitude (VA) absente',
    base: L,
    edits: [
      [
        '},\n        {\n          "nomFichier": "MDV-LGC-Va1-VA-00001.pdf",\n          "formatFichier": "PDF",\n          "typeFichier": "VA"\n        }',
        '}',
      ],
    ],
    path: `${R0}/piecesJustificatives`,
  },
  {
    code: 'E025',
    title: 'Facture absente',
    base: S,
    edits: [
      [
        '},\n        {\n          "nomFichier": "MDV-LGC-Va1-FACTURE-00102.pdf",\n          "formatFichier": "PDF",\n          "typeFichier": "FACTURE"\n        }',
        '}',
      ],
    ],
    path: `${R1}/piecesJustificatives`,
  },
  // Warnings.
  {
    code: 'A001',
    title: 'Orthographe isDirecToDMP de la documentation',
    base: L,
    edits: [['"isDirectToDMP": true,', '"isDirecToDMP": true,']],
    path: `${R0}/scenarioInstallation/isDirecToDMP`,
  },
  {
    code: 'A002',
    title: "Nom de l'opérateur au lieu de son code",
    base: L,
    edits: [['"operateurMessagerie": "ENO_5"', '"operateurMessagerie": "ENOVACOM"']],
    path: `${R0}/scenarioInstallation/operateurMessagerie`,
  },
  {
    code: 'A003',
    title: 'Clé de contrôle du RPPS fausse',
    base: L,
    edits: [['"RPPS": "10000000017"', '"RPPS": "10000000018"']],
    path: `${R0}/beneficiaires/liberal/1/RPPS`,
  },
  {
    code: 'A004',
    title: "Clé de contrôle d'un FINESS géographique fausse",
    base: S,
    edits: [['"750000143"', '"750000144"']],
    path: `${R0}/beneficiaires/structure/FINESSGeo/1`,
  },
  {
    code: 'A005',
    title: 'Pièce nommée « Val » (lecture OCR) au lieu de « Va1 »',
    base: L,
    edits: [['"MDV-LGC-Va1-VA-00001.pdf"', '"MDV-LGC-Val-VA-00001.pdf"']],
    path: `${R0}/piecesJustificatives/1/nomFichier`,
  },
  {
    code: 'A006',
    title: 'Facture datée du lendemain',
    base: S,
    edits: [['"dateFacture": "22/11/2026"', '"dateFacture": "23/11/2026"']],
    path: `${R1}/facture/dateFacture`,
  },
  {
    code: 'A008',
    title: "Numéro de dossier ASP d'un autre couloir",
    base: L,
    edits: [['"FINMDV000042"', '"FINBIO000042"']],
    path: `${R1}/numeroASP`,
  },
  {
    code: 'A010',
    title: 'Clé de contrôle du SIRET fausse',
    base: L,
    edits: [['"siret": "73282932000074"', '"siret": "73282932000075"']],
    path: '/siret',
  },
  {
    code: 'A011',
    title: 'nomMedecin avec un caractère de contrôle C1 (l’apostrophe d’un texte Windows-1252 relu en Latin-1)',
    base: L,
    edits: [['"nomMedecin": "DURAND"', '"nomMedecin": "D\\u0092URAND"']],
    path: `${R0}/beneficiaires/liberal/0/nomMedecin`,
  },
  // ── Issue 10: both spellings of siret, numeroEditeur 00000, numLigne out of sequence ─────
  {
    code: 'E033',
    title: 'En-tête : siret et SIRET ensemble',
    base: L,
    edits: [['"siret": "73282932000074",', '"siret": "73282932000074",\n  "SIRET": "73282932000074",']],
    path: '/SIRET',
  },
  {
    code: 'E035',
    title: 'numeroEditeur 00000 (la numérotation commence à 00001)',
    base: L,
    edits: [['"numeroEditeur": "00001"', '"numeroEditeur": "00000"']],
    path: `${R0}/numeroEditeur`,
  },
  { code: 'A023', title: 'Demandes numérotées 1 puis 3', base: L, edits: [['"numLigne": 2,', '"numLigne": 3,']], path: `${R1}/numLigne` },
];

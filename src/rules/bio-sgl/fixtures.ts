// Fixtures of the BIO-SGL balance: each edits a base file of fixtures/ so that it triggers one
// code, at one path. Base files: solde-dmp.json (reports sent to the DMP, MSS Pro and MSS
// Citoyen; an XML VA), solde-sans-dmp.json (no direct sending: identDMP `[]` then null).

import type { Fixture } from '../fixture';

const D = 'solde-dmp.json';
const N = 'solde-sans-dmp.json';
const R0 = '/lignesImport/0';
const R1 = '/lignesImport/1';

export const bioSglSoldeFixtures: readonly Fixture[] = [
  // Tags missing, unknown, duplicated.
  {
    code: 'E001',
    title: 'Balise lienCompteRendu omise',
    base: D,
    edits: [['"lienCompteRendu": null,\n      "scenarioInstallation"', '"scenarioInstallation"']],
    path: `${R0}/lienCompteRendu`,
  },
  {
    code: 'E001',
    title: 'Balise identDMP omise quand isDirectToDMP = false',
    base: N,
    edits: [['"identDMP": [],\n        ', '']],
    path: `${R0}/scenarioInstallation/identDMP`,
  },
  {
    code: 'E002',
    title: 'Balise operateurMessagerie du modèle MDV dans un scénario BIO',
    base: D,
    edits: [['"isDirectToDMP": true,', '"operateurMessagerie": "MAI_15",\n        "isDirectToDMP": true,']],
    path: `${R0}/scenarioInstallation/operateurMessagerie`,
  },
  {
    code: 'E003',
    title: 'Balise numeroEditeur en double',
    base: D,
    edits: [['"numeroEditeur": "00001",', '"numeroEditeur": "00001",\n      "numeroEditeur": "00001",']],
    path: `${R0}/numeroEditeur`,
  },
  // Types and null-ness.
  {
    code: 'E004',
    title: 'beneficiaires sous forme d’objet (modèle MDV) et non de liste de FINESS',
    base: N,
    edits: [['"beneficiaires": [\n        "310000013"\n      ]', '"beneficiaires": { "FINESSGeo": ["310000013"] }']],
    path: `${R1}/beneficiaires`,
  },
  {
    code: 'E004',
    title: 'Booléen écrit entre guillemets',
    base: D,
    edits: [['"isDirectToMSSPro": true', '"isDirectToMSSPro": "true"']],
    path: `${R0}/scenarioInstallation/isDirectToMSSPro`,
  },
  {
    code: 'E005',
    title: 'Lien vers le compte-rendu renseigné (toujours null depuis le 07/04/2023)',
    base: D,
    edits: [['"lienCompteRendu": null', '"lienCompteRendu": "https://interop.esante.gouv.fr/evs/report.seam?oid=1.2.250.1"']],
    path: `${R0}/lienCompteRendu`,
  },
  {
    code: 'E005',
    title: 'Adresse MSS Pro renseignée alors que isDirectToMSSPro = false',
    base: D,
    edits: [['"adresseBoiteMSSPro": null', '"adresseBoiteMSSPro": "laboratoire@labo-exemple.mssante.fr"']],
    path: `${R1}/scenarioInstallation/adresseBoiteMSSPro`,
  },
  {
    code: 'E005',
    title: 'impId renseigné dans l’en-tête du fichier',
    base: N,
    edits: [['"impId": null', '"impId": 1']],
    path: '/impId',
  },
  {
    code: 'E006',
    title: 'Adresse MSS Citoyen à null alors que isDirectToMSSCitoyen = true',
    base: D,
    edits: [['"adresseBoiteMSSCitoyen": "resultats@labo-exemple.mssante.fr"', '"adresseBoiteMSSCitoyen": null']],
    path: `${R0}/scenarioInstallation/adresseBoiteMSSCitoyen`,
  },
  {
    code: 'E006',
    title: 'identDMP à null alors que isDirectToDMP = true',
    base: D,
    edits: [['"identDMP": [\n          "1670000017"\n        ]', '"identDMP": null']],
    path: `${R1}/scenarioInstallation/identDMP`,
  },
  // Formats.
  {
    code: 'E007',
    title: 'FINESS géographique de 8 chiffres',
    base: D,
    edits: [['"330000027"', '"33000002"']],
    path: `${R0}/beneficiaires/1`,
  },
  {
    code: 'E007',
    title: 'numeroASP de 13 caractères',
    base: N,
    edits: [['"FINBIO000022"', '"FINBIO0000022"']],
    path: `${R1}/numeroASP`,
  },
  {
    code: 'E008',
    title: 'Nom de pièce de plus de 50 caractères',
    base: N,
    edits: [['"BIO-SGL-Va1-VA-00021.pdf"', '"BIO-SGL-Va1-VA-00021-verification-aptitude-signee.pdf"']],
    path: `${R0}/piecesJustificatives/2/nomFichier`,
  },
  {
    code: 'E008',
    title: 'Adresse MSS Pro de plus de 150 caractères',
    base: N,
    edits: [
      ['"laboratoire@labo-nord.mssante.fr"', `"${'laboratoire.de.biologie.medicale.'.repeat(4)}site-principal@labo-nord.mssante.fr"`],
    ],
    path: `${R1}/scenarioInstallation/adresseBoiteMSSPro`,
  },
  {
    code: 'E009',
    title: 'Format de pièce « JPEG »',
    base: N,
    edits: [['"formatFichier": "JPG"', '"formatFichier": "JPEG"']],
    path: `${R1}/piecesJustificatives/0/formatFichier`,
  },
  {
    code: 'E009',
    title: 'typeAction autre que « C »',
    base: D,
    edits: [['"typeAction": "C"', '"typeAction": "S"']],
    path: `${R0}/typeAction`,
  },
  {
    code: 'E010',
    title: 'Date de facture avec l’année sur deux chiffres',
    base: D,
    edits: [['"dateFacture": "14/06/2024"', '"dateFacture": "14/06/24"']],
    path: `${R0}/facture/dateFacture`,
  },
  {
    code: 'E011',
    title: 'Montant entier écrit sans .00',
    base: D,
    edits: [['"montantSegurHTFacture": 27450.00', '"montantSegurHTFacture": 27450']],
    path: `${R0}/facture/montantSegurHTFacture`,
  },
  {
    code: 'E012',
    title: 'Montant de la facture négatif',
    base: N,
    edits: [['"montantSegurHTFacture": 5000.00', '"montantSegurHTFacture": -5000.00']],
    path: `${R1}/facture/montantSegurHTFacture`,
  },
  {
    code: 'E013',
    title: 'numLigne au-delà de 200',
    base: N,
    edits: [['"numLigne": 2,', '"numLigne": 201,']],
    path: `${R1}/numLigne`,
  },
  // Arrays.
  {
    code: 'E016',
    title: 'Aucun FINESS géographique bénéficiaire',
    base: D,
    edits: [['"beneficiaires": [\n        "670000017"\n      ]', '"beneficiaires": []']],
    path: `${R1}/beneficiaires`,
  },
  {
    code: 'E016',
    title: 'identDMP vide alors que isDirectToDMP = true',
    base: D,
    edits: [['"identDMP": [\n          "1670000017"\n        ]', '"identDMP": []']],
    path: `${R1}/scenarioInstallation/identDMP`,
  },
  {
    code: 'E016',
    title: 'Aucune pièce justificative',
    base: N,
    edits: [
      [
        '"piecesJustificatives": [\n        {\n          "nomFichier": "BIO-SGL-Va1-VA-00022.jpg",\n          "formatFichier": "JPG",\n          "typeFichier": "VA"\n        },\n        {\n          "nomFichier": "BIO-SGL-Va1-FACTURE-00022.pdf",\n          "formatFichier": "PDF",\n          "typeFichier": "FACTURE"\n        }\n      ]',
        '"piecesJustificatives": []',
      ],
    ],
    path: `${R1}/piecesJustificatives`,
  },
  {
    code: 'A021',
    title: 'identDMP renseigné alors que isDirectToDMP = false',
    base: N,
    edits: [['"identDMP": []', '"identDMP": ["1590000014"]']],
    path: `${R0}/scenarioInstallation/identDMP`,
  },
  {
    code: 'E018',
    title: 'Plus de 200 demandes dans le fichier',
    base: D,
    edits: [['"lignesImport": [', `"lignesImport": [${'{}, '.repeat(199)}`]],
    path: '/lignesImport',
  },
  // Rules across tags and requests.
  {
    code: 'E020',
    title: 'numLigne repris par une deuxième demande',
    base: D,
    edits: [['"numLigne": 2,', '"numLigne": 1,']],
    path: `${R1}/numLigne`,
  },
  {
    code: 'E021',
    title: 'numeroEditeur repris par une deuxième demande',
    base: N,
    edits: [
      ['"numeroEditeur": "00022",', '"numeroEditeur": "00021",'],
      ['BIO-SGL-Va1-VA-00022.jpg', 'BIO-SGL-Va1-VA-00021.jpg'],
      ['BIO-SGL-Va1-FACTURE-00022.pdf', 'BIO-SGL-Va1-FACTURE-00021.pdf'],
    ],
    path: `${R1}/numeroEditeur`,
  },
  {
    code: 'E025',
    title: 'Attestation de vérification d’aptitude (VA) absente',
    base: N,
    edits: [
      [
        '},\n        {\n          "nomFichier": "BIO-SGL-Va1-VA-00021.pdf",\n          "formatFichier": "PDF",\n          "typeFichier": "VA"\n        }',
        '}',
      ],
    ],
    path: `${R0}/piecesJustificatives`,
  },
  {
    code: 'E025',
    title: 'Facture absente',
    base: D,
    edits: [
      [
        '{\n          "nomFichier": "BIO-SGL-Va1-FACTURE-00002.jpg",\n          "formatFichier": "JPG",\n          "typeFichier": "FACTURE"\n        },\n        ',
        '',
      ],
    ],
    path: `${R1}/piecesJustificatives`,
  },
  // Warnings.
  {
    code: 'A004',
    title: 'FINESS de l’exemple du guide (999999991) : clé de contrôle fausse',
    base: D,
    edits: [['"670000017"', '"999999991"']],
    path: `${R1}/beneficiaires/0`,
  },
  {
    code: 'A005',
    title: 'Pièce nommée « Val » (lecture OCR) au lieu de « Va1 »',
    base: D,
    edits: [['"BIO-SGL-Va1-FACTURE-00001.pdf"', '"BIO-SGL-Val-FACTURE-00001.pdf"']],
    path: `${R0}/piecesJustificatives/0/nomFichier`,
  },
  {
    code: 'A005',
    title: 'Pièce XML nommée en .pdf',
    base: D,
    edits: [['"BIO-SGL-Va1-VA-00002.xml"', '"BIO-SGL-Va1-VA-00002.pdf"']],
    path: `${R1}/piecesJustificatives/1/nomFichier`,
  },
  {
    code: 'A006',
    title: 'Facture datée du lendemain',
    base: D,
    edits: [['"dateFacture": "22/11/2026"', '"dateFacture": "23/11/2026"']],
    path: `${R1}/facture/dateFacture`,
  },
  {
    code: 'A008',
    title: "Numéro de dossier ASP d'un autre couloir",
    base: D,
    edits: [['"FINBIO000006"', '"FINMDV000006"']],
    path: `${R0}/numeroASP`,
  },
  {
    code: 'A010',
    title: 'Clé de contrôle du SIRET fausse',
    base: N,
    edits: [['"siret": "73282932000074"', '"siret": "73282932000047"']],
    path: '/siret',
  },
  {
    code: 'A011',
    title: 'libelleTraitement d’un fichier de sortie relu en Latin-1 (caractère de contrôle C1)',
    base: D,
    edits: [['"libelleTraitement": null', '"libelleTraitement": "Demande accept\\u0082e"']],
    path: `${R0}/libelleTraitement`,
  },
  // ── Issue 10: both spellings of siret, numeroEditeur 00000, numLigne out of sequence ─────
  {
    code: 'E033',
    title: 'En-tête : siret et SIRET ensemble',
    base: D,
    edits: [['"siret": "73282932000074",', '"siret": "73282932000074",\n  "SIRET": "73282932000074",']],
    path: '/SIRET',
  },
  {
    code: 'E035',
    title: 'numeroEditeur 00000 (la numérotation commence à 00001)',
    base: D,
    edits: [['"numeroEditeur": "00001"', '"numeroEditeur": "00000"']],
    path: `${R0}/numeroEditeur`,
  },
  { code: 'A023', title: 'Demandes numérotées 1 puis 3', base: D, edits: [['"numLigne": 2,', '"numLigne": 3,']], path: `${R1}/numLigne` },
];

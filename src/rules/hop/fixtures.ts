// Fixtures of HOP-DPI and HOP-PFI (advance, vague 2): each edit of a base file of fixtures/
// triggers one code at one path. Bases: hop-dpi-avance.json and hop-pfi-avance.json (clean,
// accepted without warning), hop-dpi-guide.json and hop-pfi-guide.json (the guide's examples,
// verbatim).

import type { Fixture } from '../fixture';

const DPI = 'hop-dpi-avance.json';
const PFI = 'hop-pfi-avance.json';
const PFI_GUIDE = 'hop-pfi-guide.json';

/** 201 requests: the 200 of the limit, plus one (the file's own requests stay in place). */
const tooManyRequests = (): readonly [string, string] => ['"lignesImport": [', '"lignesImport": [' + '{}, '.repeat(199)];

const R0 = '/lignesImport/0';
const R1 = '/lignesImport/1';

export const hopDpiFixtures: readonly Fixture[] = [
  // File header: any error rejects the whole file.
  { code: 'E001', title: 'Balise numeroAns supprimée de l’en-tête du fichier', base: DPI, edits: [['"numeroAns": "MJCDPI0001",\n  ', '']], path: '/numeroAns' },
  { code: 'E002', title: 'Balise inconnue dans l’en-tête du fichier', base: DPI, edits: [['"impId": null,', '"impId": null,\n  "couloir": "HOP",']], path: '/couloir' },
  { code: 'E003', title: 'siret écrit deux fois dans l’en-tête', base: DPI, edits: [['"siret": "40308070600027",', '"siret": "40308070600027",\n  "siret": "40308070600027",']], path: '/siret' },
  { code: 'E004', title: 'siret écrit en nombre, sans guillemets', base: DPI, edits: [['"siret": "40308070600027"', '"siret": 40308070600027']], path: '/siret' },
  { code: 'E005', title: 'impId renseigné (il est réservé à l’ASP)', base: DPI, edits: [['"impId": null', '"impId": 7647']], path: '/impId' },
  { code: 'E006', title: 'numeroAns à null', base: DPI, edits: [['"numeroAns": "MJCDPI0001"', '"numeroAns": null']], path: '/numeroAns' },
  { code: 'E007', title: 'numeroAns de 9 caractères', base: DPI, edits: [['"numeroAns": "MJCDPI0001"', '"numeroAns": "MJCDPI001"']], path: '/numeroAns' },
  { code: 'A010', title: 'SIRET de l’exemple du guide, dont la clé de Luhn est fausse', base: DPI, edits: [['"siret": "40308070600027"', '"siret": "40308070600020"']], path: '/siret' },
  { code: 'E018', title: '201 demandes dans le fichier', base: DPI, edits: [tooManyRequests()], path: '/lignesImport' },

  // One request.
  { code: 'E001', title: 'typePrestation supprimée du bloc commande', base: DPI, edits: [[',\n        "typePrestation": "V2"', '']], path: `${R1}/commande/typePrestation` },
  { code: 'E001', title: 'Booléen isFluxEntrantDepuisRI supprimé du scénario', base: DPI, edits: [[',\n        "isFluxEntrantDepuisRI": false', '']], path: `${R0}/scenarioInstallation/isFluxEntrantDepuisRI` },
  { code: 'E002', title: 'Booléen du scénario PFI dans une demande DPI', base: DPI, edits: [['"isFluxEntrantDepuisRI": true', '"isFluxEntrantDepuisRI": true,\n        "isFluxEntrantDepuisDPI": true']], path: `${R1}/scenarioInstallation/isFluxEntrantDepuisDPI` },
  { code: 'E003', title: 'montantSegurHT écrit deux fois dans le bloc commande', base: DPI, edits: [['"montantSegurHT": 48999.90,', '"montantSegurHT": 48999.90,\n        "montantSegurHT": 48999.90,']], path: `${R1}/commande/montantSegurHT` },
  { code: 'E004', title: 'Montant écrit entre guillemets', base: DPI, edits: [['"montantSegurHT": 1250.00', '"montantSegurHT": "1250.00"']], path: `${R0}/commande/montantSegurHT` },
  { code: 'E004', title: 'Booléen écrit entre guillemets', base: DPI, edits: [['"isProSanteConnectNeeded": true', '"isProSanteConnectNeeded": "true"']], path: `${R0}/scenarioInstallation/isProSanteConnectNeeded` },
  { code: 'E005', title: 'numeroASP renseigné dans une demande d’avance', base: DPI, edits: [['"numeroASP": null', '"numeroASP": "FINHOP000001"']], path: `${R0}/numeroASP` },
  { code: 'E006', title: 'nomClient à null', base: DPI, edits: [['"nomClient": "CLINIQUE DU PARC"', '"nomClient": null']], path: `${R1}/beneficiaires/nomClient` },
  { code: 'E006', title: 'typeFichier présent mais à null', base: DPI, edits: [['"typeFichier": "BON_COMMANDE"', '"typeFichier": null']], path: `${R0}/piecesJustificatives/0/typeFichier` },
  { code: 'E007', title: 'FINESSPMSI de 8 caractères', base: DPI, edits: [['"FINESSPMSI": "750000127"', '"FINESSPMSI": "75000012"']], path: `${R1}/beneficiaires/FINESSPMSI` },
  { code: 'E008', title: 'Téléphone du client de 51 caractères', base: DPI, edits: [['"telephoneClient": "01 02 03 04 05"', `"telephoneClient": "${'0102030405'.repeat(5)}1"`]], path: `${R1}/beneficiaires/telephoneClient` },
  { code: 'A022', title: 'nomClient de 51 caractères (avertissement : les dénominations sont longues)', base: DPI, edits: [['"nomClient": "CLINIQUE DU PARC"', `"nomClient": "${'CLINIQUE DU PARC '.repeat(3)}"`]], path: `${R1}/beneficiaires/nomClient` },
  { code: 'E009', title: 'typePrestation hors des valeurs V2 et V1V2', base: DPI, edits: [['"typePrestation": "V1V2"', '"typePrestation": "V1"']], path: `${R0}/commande/typePrestation` },
  { code: 'E009', title: 'typeAction autre que « C »', base: DPI, edits: [['"typeAction": "C"', '"typeAction": "M"']], path: `${R0}/typeAction` },
  { code: 'E009', title: 'regimeTVA en minuscules', base: DPI, edits: [['"regimeTVA": "TTC"', '"regimeTVA": "ttc"']], path: `${R0}/commande/regimeTVA` },
  { code: 'E009', title: 'formatFichier en minuscules', base: DPI, edits: [['"formatFichier": "PNG"', '"formatFichier": "png"']], path: `${R1}/piecesJustificatives/0/formatFichier` },
  { code: 'E009', title: 'typeFichier autre que « BON_COMMANDE »', base: DPI, edits: [['"typeFichier": "BON_COMMANDE"', '"typeFichier": "PREUVE_HT"']], path: `${R0}/piecesJustificatives/0/typeFichier` },
  { code: 'E010', title: 'Date d’édition au format AAAA-MM-JJ', base: DPI, edits: [['"dateEditionCommande": "13/10/2023"', '"dateEditionCommande": "2023-10-13"']], path: `${R0}/commande/dateEditionCommande` },
  { code: 'E010', title: 'Date de livraison prévisionnelle qui n’existe pas (31 juin)', base: DPI, edits: [['"datePrevisionnelleLivraison": "30/06/2027"', '"datePrevisionnelleLivraison": "31/06/2027"']], path: `${R1}/scenarioInstallation/datePrevisionnelleLivraison` },
  { code: 'E011', title: 'Montant entier écrit sans .00', base: DPI, edits: [['"montantSegurHT": 1250.00', '"montantSegurHT": 1250']], path: `${R0}/commande/montantSegurHT` },
  { code: 'E012', title: 'Montant nul', base: DPI, edits: [['"montantSegurHT": 1250.00', '"montantSegurHT": 0.00']], path: `${R0}/commande/montantSegurHT` },
  { code: 'E013', title: 'numLigne à 0', base: DPI, edits: [['"numLigne": 1,', '"numLigne": 0,']], path: `${R0}/numLigne` },
  { code: 'A022', title: 'Nom du représentant en minuscules', base: DPI, edits: [['"nomRepresentant": "EVRARD"', '"nomRepresentant": "Evrard"']], path: `${R0}/beneficiaires/nomRepresentant` },
  { code: 'A020', title: 'Courriel du client sans @', base: DPI, edits: [['"emailClient": "dsi@clinique-du-parc.fr"', '"emailClient": "dsi.clinique-du-parc.fr"']], path: `${R1}/beneficiaires/emailClient` },
  {
    code: 'E016',
    title: 'Aucune pièce justificative',
    base: DPI,
    edits: [['"piecesJustificatives": [\n        {\n          "nomFichier": "HOP-DPI-Va2-BDC-00002.png",\n          "formatFichier": "PNG"\n        }\n      ]', '"piecesJustificatives": []']],
    path: `${R1}/piecesJustificatives`,
  },
  { code: 'E020', title: 'Deuxième demande reprenant le numLigne 1', base: DPI, edits: [['"numLigne": 2,', '"numLigne": 1,']], path: `${R1}/numLigne` },
  {
    code: 'E021',
    title: 'Deuxième demande reprenant le numeroEditeur 00001',
    base: DPI,
    edits: [['"numeroEditeur": "00002"', '"numeroEditeur": "00001"'], ['HOP-DPI-Va2-BDC-00002.png', 'HOP-DPI-Va2-BDC-00001.png']],
    path: `${R1}/numeroEditeur`,
  },
  { code: 'E026', title: 'Représentant sans courriel (nom et téléphone renseignés)', base: DPI, edits: [['"emailRepresentant": "l.evrard@ch-saint-eloi.fr"', '"emailRepresentant": null']], path: `${R0}/beneficiaires/emailRepresentant` },
  { code: 'E026', title: 'Nom du représentant seul renseigné (courriel et téléphone null)', base: DPI, edits: [['"nomRepresentant": null', '"nomRepresentant": "DURAND"']], path: `${R1}/beneficiaires/nomRepresentant` },
  { code: 'E030', title: 'Régime HT avec le taux de 20 % choisi', base: DPI, edits: [['"regimeTVA": "TTC"', '"regimeTVA": "HT"']], path: `${R0}/commande/regimeTVA` },
  { code: 'E030', title: 'Régime HT avec le taux de 8,5 % choisi', base: DPI, edits: [['"regimeTVA": "TTC"', '"regimeTVA": "HT"']], options: { vatRate: '8.5' }, path: `${R0}/commande/regimeTVA` },
  { code: 'A004', title: 'FINESS PMSI dont la clé de Luhn est fausse', base: DPI, edits: [['"FINESSPMSI": "980000640"', '"FINESSPMSI": "980000641"']], path: `${R0}/beneficiaires/FINESSPMSI` },
  { code: 'A005', title: 'Pièce nommée Va3 (ni Va2 comme les exemples JSON, ni Va1 comme la liste « Documents attendus »)', base: DPI, edits: [['"HOP-DPI-Va2-BDC-00001.pdf"', '"HOP-DPI-Va3-BDC-00001.pdf"']], path: `${R0}/piecesJustificatives/0/nomFichier` },
  { code: 'A005', title: 'Pièce nommée sans le préfixe du couloir', base: DPI, edits: [['"HOP-DPI-Va2-BDC-00002.png"', '"BDC-00002.png"']], path: `${R1}/piecesJustificatives/0/nomFichier` },
  { code: 'A006', title: 'Bon de commande signé dans le futur', base: DPI, edits: [['"dateSignatureCommande": "15/01/2024"', '"dateSignatureCommande": "15/01/2027"']], path: `${R0}/commande/dateSignatureCommande` },
  { code: 'A009', title: 'Bon de commande signé la veille de son édition', base: DPI, edits: [['"dateSignatureCommande": "02/09/2025"', '"dateSignatureCommande": "01/09/2025"']], path: `${R1}/commande/dateSignatureCommande` },
  { code: 'A011', title: 'nomRepresentant avec un caractère de contrôle C1 (texte Windows-1252 relu en Latin-1)', base: DPI, edits: [['"nomRepresentant": "EVRARD"', '"nomRepresentant": "D\\u0092EVRARD"']], path: `${R0}/beneficiaires/nomRepresentant` },
  // ── Issue 10: both spellings of siret, numeroEditeur 00000, numLigne out of sequence ─────
  { code: 'E033', title: 'En-tête : siret et SIRET ensemble', base: DPI, edits: [['"siret": "40308070600027",', '"siret": "40308070600027",\n  "SIRET": "40308070600027",']], path: '/SIRET' },
  { code: 'E035', title: 'numeroEditeur 00000 (la numérotation commence à 00001)', base: DPI, edits: [['"numeroEditeur": "00001"', '"numeroEditeur": "00000"']], path: `${R0}/numeroEditeur` },
  { code: 'A023', title: 'Demandes numérotées 1 puis 3', base: DPI, edits: [['"numLigne": 2,', '"numLigne": 3,']], path: `${R1}/numLigne` },
];

export const hopPfiFixtures: readonly Fixture[] = [
  // File header.
  { code: 'E001', title: 'Balise siret supprimée de l’en-tête du fichier', base: PFI, edits: [['"siret": "40208090600017",\n  ', '']], path: '/siret' },
  { code: 'E002', title: 'numeroAns mal orthographiée (numeroANS)', base: PFI, edits: [['"numeroAns": "CJMPFI0001"', '"numeroANS": "CJMPFI0001"']], path: '/numeroANS' },
  { code: 'E003', title: 'numeroAns écrit deux fois dans l’en-tête', base: PFI, edits: [['"numeroAns": "CJMPFI0001",', '"numeroAns": "CJMPFI0001",\n  "numeroAns": "CJMPFI0001",']], path: '/numeroAns' },
  { code: 'E004', title: 'numeroAns écrit en nombre', base: PFI, edits: [['"numeroAns": "CJMPFI0001"', '"numeroAns": 1234567890']], path: '/numeroAns' },
  { code: 'E005', title: 'impId renseigné (il est réservé à l’ASP)', base: PFI, edits: [['{\n  "numeroAns"', '{\n  "impId": 1,\n  "numeroAns"']], path: '/impId' },
  { code: 'E006', title: 'siret à null', base: PFI, edits: [['"siret": "40208090600017"', '"siret": null']], path: '/siret' },
  { code: 'E007', title: 'siret de 13 chiffres', base: PFI, edits: [['"siret": "40208090600017"', '"siret": "4020809060001"']], path: '/siret' },
  { code: 'A010', title: 'SIRET de l’exemple du guide, dont la clé de Luhn est fausse', base: PFI, edits: [['"siret": "40208090600017"', '"siret": "40208090600010"']], path: '/siret' },
  { code: 'E018', title: '201 demandes dans le fichier', base: PFI, edits: [tooManyRequests()], path: '/lignesImport' },

  // One request.
  { code: 'E001', title: 'Booléen isFluxSortantParMSS supprimé du scénario', base: PFI, edits: [[',\n        "isFluxSortantParMSS": false', '']], path: `${R0}/scenarioInstallation/isFluxSortantParMSS` },
  { code: 'E001', title: 'Bloc beneficiaires absent (renommé)', base: PFI, edits: [['"beneficiaires": {', '"beneficiaire": {']], path: `${R0}/beneficiaires` },
  { code: 'E002', title: 'Booléen du scénario DPI dans une demande PFI', base: PFI, edits: [['"isFluxSortantParMSS": true', '"isFluxSortantParMSS": true,\n        "isProSanteConnectNeeded": true']], path: `${R1}/scenarioInstallation/isProSanteConnectNeeded` },
  { code: 'E003', title: 'FINESSPMSI écrit deux fois', base: PFI, edits: [['"FINESSPMSI": "640000246",', '"FINESSPMSI": "640000246",\n        "FINESSPMSI": "640000246",']], path: `${R0}/beneficiaires/FINESSPMSI` },
  { code: 'E004', title: 'numLigne écrit entre guillemets', base: PFI, edits: [['"numLigne": 1,', '"numLigne": "1",']], path: `${R0}/numLigne` },
  { code: 'E005', title: 'numeroASP renseigné dans une demande d’avance', base: PFI, edits: [['"numeroASP": null', '"numeroASP": "FINHOP000002"']], path: `${R1}/numeroASP` },
  { code: 'E006', title: 'Date de livraison prévisionnelle à null', base: PFI, edits: [['"datePrevisionnelleLivraison": "15/06/2024"', '"datePrevisionnelleLivraison": null']], path: `${R0}/scenarioInstallation/datePrevisionnelleLivraison` },
  {
    code: 'E007',
    title: 'numeroEditeur de 6 caractères',
    base: PFI,
    edits: [['"numeroEditeur": "00001"', '"numeroEditeur": "000001"'], ['HOP-PFI-Va2-BDC-00001.pdf', 'HOP-PFI-Va2-BDC-000001.pdf']],
    path: `${R0}/numeroEditeur`,
  },
  { code: 'E008', title: 'Courriel du client de 151 caractères', base: PFI, edits: [['"emailClient": "e.dupont@hotmail.fr"', `"emailClient": "e.dupont${'x'.repeat(132)}@hotmail.fr"`]], path: `${R0}/beneficiaires/emailClient` },
  { code: 'E009', title: 'formatFichier GIF', base: PFI, edits: [['"formatFichier": "JPG"', '"formatFichier": "GIF"']], path: `${R1}/piecesJustificatives/0/formatFichier` },
  { code: 'E009', title: 'typePrestation « V1 »', base: PFI, edits: [['"typePrestation": "V2"', '"typePrestation": "V1"']], path: `${R0}/commande/typePrestation` },
  { code: 'E010', title: 'Date de signature au 13e mois', base: PFI, edits: [['"dateSignatureCommande": "15/01/2024"', '"dateSignatureCommande": "15/13/2024"']], path: `${R0}/commande/dateSignatureCommande` },
  { code: 'E011', title: 'Montant avec un seul chiffre après le point', base: PFI, edits: [['"montantSegurHT": 0.01', '"montantSegurHT": 0.1']], path: `${R1}/commande/montantSegurHT` },
  { code: 'E012', title: 'Montant négatif', base: PFI, edits: [['"montantSegurHT": 1250.00', '"montantSegurHT": -1250.00']], path: `${R0}/commande/montantSegurHT` },
  { code: 'E013', title: 'numLigne au-delà de 200', base: PFI, edits: [['"numLigne": 2,', '"numLigne": 201,']], path: `${R1}/numLigne` },
  { code: 'A022', title: 'nomClient en minuscules', base: PFI, edits: [['"nomClient": "DUPONT"', '"nomClient": "Dupont"']], path: `${R0}/beneficiaires/nomClient` },
  { code: 'A020', title: 'Courriel du représentant sans domaine', base: PFI, edits: [['"emailRepresentant": "c.martin-lefevre@ght-landes.fr"', '"emailRepresentant": "c.martin-lefevre@"']], path: `${R1}/beneficiaires/emailRepresentant` },
  {
    code: 'E016',
    title: 'Aucune pièce justificative',
    base: PFI,
    edits: [['"piecesJustificatives": [\n        {\n          "nomFichier": "HOP-PFI-Va2-BDC-00001.pdf",\n          "formatFichier": "PDF"\n        }\n      ]', '"piecesJustificatives": []']],
    path: `${R0}/piecesJustificatives`,
  },
  { code: 'E020', title: 'Deuxième demande reprenant le numLigne 1', base: PFI, edits: [['"numLigne": 2,', '"numLigne": 1,']], path: `${R1}/numLigne` },
  {
    code: 'E021',
    title: 'Deuxième demande reprenant le numeroEditeur 00001',
    base: PFI,
    edits: [['"numeroEditeur": "00002"', '"numeroEditeur": "00001"'], ['HOP-PFI-Va2-BDC-00002.jpg', 'HOP-PFI-Va2-BDC-00001.jpg'], ['HOP-PFI-Va2-BDC-00002.pdf', 'HOP-PFI-Va2-BDC-00001.pdf']],
    path: `${R1}/numeroEditeur`,
  },
  { code: 'E026', title: 'Représentant sans téléphone (nom et courriel renseignés)', base: PFI, edits: [['"telephoneRepresentant": "06 12 34 56 78"', '"telephoneRepresentant": null']], path: `${R1}/beneficiaires/telephoneRepresentant` },
  { code: 'E030', title: 'Exemple PFI du guide (régime HT) simulé avec le taux de 20 %', base: PFI_GUIDE, edits: [], path: `${R0}/commande/regimeTVA` },
  { code: 'E030', title: 'Régime HT avec le taux de 8,5 % choisi', base: PFI, edits: [['"regimeTVA": "TTC"', '"regimeTVA": "HT"']], options: { vatRate: '8.5' }, path: `${R0}/commande/regimeTVA` },
  { code: 'A004', title: 'FINESS PMSI de l’exemple du guide, dont la clé de Luhn est fausse', base: PFI, edits: [['"FINESSPMSI": "640000246"', '"FINESSPMSI": "640000240"']], path: `${R0}/beneficiaires/FINESSPMSI` },
  { code: 'A005', title: 'Pièce nommée comme une pièce DPI', base: PFI, edits: [['"HOP-PFI-Va2-BDC-00001.pdf"', '"HOP-DPI-Va2-BDC-00001.pdf"']], path: `${R0}/piecesJustificatives/0/nomFichier` },
  { code: 'A005', title: 'Extension qui ne correspond pas au format', base: PFI, edits: [['"HOP-PFI-Va2-BDC-00002.jpg"', '"HOP-PFI-Va2-BDC-00002.jpeg"']], path: `${R1}/piecesJustificatives/0/nomFichier` },
  { code: 'A006', title: 'Bon de commande signé le lendemain du jour de la simulation', base: PFI, edits: [['"dateSignatureCommande": "03/03/2025"', '"dateSignatureCommande": "23/11/2026"']], path: `${R1}/commande/dateSignatureCommande` },
  { code: 'A009', title: 'Bon de commande signé avant son édition', base: PFI, edits: [['"dateSignatureCommande": "15/01/2024"', '"dateSignatureCommande": "12/10/2023"']], path: `${R0}/commande/dateSignatureCommande` },
  { code: 'A011', title: 'nomClient avec un caractère de contrôle C1 (texte Windows-1252 relu en Latin-1)', base: PFI, edits: [['"nomClient": "DUPONT"', '"nomClient": "D\\u0092UPONT"']], path: `${R0}/beneficiaires/nomClient` },
  // ── Issue 10: both spellings of siret, numeroEditeur 00000, numLigne out of sequence ─────
  { code: 'E033', title: 'En-tête : siret et SIRET ensemble', base: PFI, edits: [['"siret": "40208090600017",', '"siret": "40208090600017",\n  "SIRET": "40208090600017",']], path: '/SIRET' },
  { code: 'E035', title: 'numeroEditeur 00000 (la numérotation commence à 00001)', base: PFI, edits: [['"numeroEditeur": "00001"', '"numeroEditeur": "00000"']], path: `${R0}/numeroEditeur` },
  { code: 'A023', title: 'Demandes numérotées 1 puis 3', base: PFI, edits: [['"numLigne": 2,', '"numLigne": 3,']], path: `${R1}/numLigne` },
];

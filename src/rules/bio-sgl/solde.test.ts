import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exampleFile, tagRows } from '../../core/docs';
import { outputBytes } from '../../core/annotate';
import type { SimulationOptions } from '../../core/types';
import { codes, describeFixtures, errorCodes, expectClean, fixtureCoverageTests, ruleSetHarness } from '../../../tests/rule-sets';
import { bioSglSolde } from './solde';
import { bioSglSoldeFixtures } from './fixtures';

const DIR = new URL('./fixtures/', import.meta.url);
const BASES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const OPTIONS: SimulationOptions = { type: 'solde', dsr: 'BIO-SGL', today: '2026-11-22' };
const { read, run, edited } = ruleSetHarness(bioSglSolde, OPTIONS, DIR);

const D = 'solde-dmp.json';
const N = 'solde-sans-dmp.json';
const R0 = '/lignesImport/0';
const R1 = '/lignesImport/1';
const SC = 'scenarioInstallation';

describe('BIO-SGL balance: the rule set', () => {
  test('is a documented balance rule set with no VAT rate and no profile on the form', () => {
    expect(bioSglSolde.type).toBe('solde');
    expect(bioSglSolde.dsr).toBe('BIO-SGL');
    expect(bioSglSolde.form).toEqual({ profiles: false, vatRates: [] });
    expect(bioSglSolde.reconstructed).toBeUndefined();
  });

  test('there are base files', () => {
    expect(BASES).toEqual([D, N]);
  });

  test.each(BASES)('base file %s is accepted with no error and no warning', (base) => {
    expectClean(run(read(base)));
  });

  test('the example file is accepted with no error and no warning', () => {
    const text = exampleFile(bioSglSolde);
    expectClean(run(text));
    expect(JSON.parse(text)).toMatchObject({ numeroAns: 'BIOSGL0001' });
  });

  test('tagRows lists every tag of the page, and only those', () => {
    const R = 'lignesImport[]';
    const P = `${R}.piecesJustificatives`;
    const S = `${R}.${SC}`;
    expect(tagRows(bioSglSolde).map((r) => r.path)).toEqual([
      'impId',
      'numeroAns',
      'siret',
      'lignesImport',
      `${R}.numLigne`,
      `${R}.typeAction`,
      `${R}.numeroASP`,
      `${R}.numeroEditeur`,
      `${R}.facture`,
      `${R}.facture.dateFacture`,
      `${R}.facture.montantSegurHTFacture`,
      `${R}.beneficiaires`,
      P,
      `${P}[].nomFichier`,
      `${P}[].formatFichier`,
      `${P}[].typeFichier`,
      `${R}.lienCompteRendu`,
      S,
      `${S}.isDirectToDMP`,
      `${S}.identDMP`,
      `${S}.isDirectToMSSPro`,
      `${S}.adresseBoiteMSSPro`,
      `${S}.isDirectToMSSCitoyen`,
      `${S}.adresseBoiteMSSCitoyen`,
      `${R}.codeTraitement`,
      `${R}.libelleTraitement`,
    ]);
    const rows = new Map(tagRows(bioSglSolde).map((r) => [r.tag, r]));
    expect(rows.get('beneficiaires')?.format).toBe('Liste de VARCHAR (=9)');
    expect(rows.get('identDMP')?.format).toBe('Tableau de VARCHAR (<250)');
    expect(rows.get('nomFichier')?.format).toBe('VARCHAR (<50)');
    expect(rows.get('lienCompteRendu')?.format).toBe('null');
  });

  fixtureCoverageTests(bioSglSolde, bioSglSoldeFixtures, BASES);
});

describeFixtures('BIO-SGL balance: fixtures', bioSglSoldeFixtures, edited);

describe('BIO-SGL balance: rules of the spec page', () => {
  describe('request header', () => {
    test.each([
      ['FINBIO000006', []],
      ['FINBIO999999', []],
      ['FINMDV000006', ['A008']],
      ['FINBIO00000O', ['A008']],
      ['FINBIOXXXXXX', ['A008']],
      ['FINBIO00006', ['E007']],
      ['FINBIO0000006', ['E007']],
    ])('numeroASP %j → %j', (value, expected) => {
      const r = edited(D, [['"FINBIO000006"', JSON.stringify(value)]]);
      expect(codes(r)).toEqual(expected.map((c) => `${c} ${R0}/numeroASP`));
    });

    test('numeroASP is required: not null, not absent', () => {
      expect(codes(edited(D, [['"FINBIO000006"', 'null']]))).toEqual([`E006 ${R0}/numeroASP`]);
      expect(codes(edited(D, [['"numeroASP": "FINBIO000006",\n      ', '']]))).toEqual([`E001 ${R0}/numeroASP`]);
    });

    test.each([
      ['1', []],
      ['200', []],
      ['0', ['E013']],
      ['201', ['E013']],
      ['1.5', ['E013']],
    ])('numLigne %s → %j', (value, expected) => {
      expect(errorCodes(edited(D, [['"numLigne": 1,', `"numLigne": ${value},`]]))).toEqual(expected);
    });

    test.each([
      ['00001', []],
      ['0001', ['E007']],
      ['000001', ['E007']],
    ])('numeroEditeur %j → %j', (value, expected) => {
      expect(errorCodes(edited(D, [['"numeroEditeur": "00001"', `"numeroEditeur": ${JSON.stringify(value)}`]]))).toEqual(expected);
    });

    test('the later duplicate of numLigne and numeroEditeur is the one rejected', () => {
      const r = edited(N, [
        ['"numLigne": 2,', '"numLigne": 1,'],
        ['"numeroEditeur": "00022"', '"numeroEditeur": "00021"'],
      ]);
      expect(r.requests[0]!.errors).toEqual([]);
      expect(r.requests[1]!.errors.map((e) => `${e.code} ${e.path}`)).toEqual([`E020 ${R1}/numLigne`, `E021 ${R1}/numeroEditeur`]);
    });
  });

  describe('facture', () => {
    test.each([
      ['14/06/2024', []],
      ['29/02/2024', []],
      ['22/11/2026', []],
      ['23/11/2026', ['A006']],
      ['30/02/2024', ['E010']],
      ['14/06/24', ['E010']],
      ['2024-06-14', ['E010']],
    ])('dateFacture %j → %j', (value, expected) => {
      const r = edited(D, [['"dateFacture": "14/06/2024"', `"dateFacture": ${JSON.stringify(value)}`]]);
      expect(codes(r)).toEqual(expected.map((c) => `${c} ${R0}/facture/dateFacture`));
    });

    test.each([
      ['27450.00', []],
      ['0.01', []],
      ['0.00', ['E012']],
      ['-0.01', ['E012']],
      ['27450', ['E011']],
      ['27450.5', ['E011']],
      ['27450.000', ['E011']],
      ['"27450.00"', ['E004']],
      ['null', ['E006']],
    ])('montantSegurHTFacture %s → %j', (value, expected) => {
      const r = edited(D, [['"montantSegurHTFacture": 27450.00', `"montantSegurHTFacture": ${value}`]]);
      expect(codes(r)).toEqual(expected.map((c) => `${c} ${R0}/facture/montantSegurHTFacture`));
    });

    test('the two invoice tags sit in an object facture', () => {
      const flat = edited(D, [
        [
          '"facture": {\n        "dateFacture": "14/06/2024",\n        "montantSegurHTFacture": 27450.00\n      },',
          '"dateFacture": "14/06/2024",\n      "montantSegurHTFacture": 27450.00,',
        ],
      ]);
      expect(codes(flat)).toEqual([`E001 ${R0}/facture`, `E002 ${R0}/dateFacture`, `E002 ${R0}/montantSegurHTFacture`]);
    });
  });

  describe('beneficiaires: a list of FINESS géographiques', () => {
    const ONE = '"beneficiaires": [\n        "670000017"\n      ]';
    test.each([
      ['["670000017"]', []],
      ['["670000017", "330000019", "2A0000001"]', []],
      ['[]', ['E016 /beneficiaires']],
      ['null', ['E006 /beneficiaires']],
      ['"670000017"', ['E004 /beneficiaires']],
      ['[670000017]', ['E004 /beneficiaires/0']],
      ['["67000001"]', ['E007 /beneficiaires/0']],
      ['["6700000170"]', ['E007 /beneficiaires/0']],
      ['["670000018"]', ['A004 /beneficiaires/0']],
      ['{ "FINESSGeo": ["670000017"] }', ['E004 /beneficiaires']],
    ])('beneficiaires %s → %j', (value, expected) => {
      const r = edited(D, [[ONE, `"beneficiaires": ${value}`]]);
      expect(codes(r)).toEqual(expected.map((c) => c.replace(' ', ` ${R1}`)));
    });
  });

  describe('piecesJustificatives', () => {
    const P = `${R0}/piecesJustificatives`;
    test.each([
      ['PDF', 'pdf', []],
      ['PNG', 'png', []],
      ['JPG', 'jpg', []],
      ['XML', 'xml', []],
      ['XML', 'pdf', ['A005']],
      ['pdf', 'pdf', ['E009']],
      ['DOCX', 'docx', ['E009']],
    ])('formatFichier %j with a file named ….%s → %j', (format, ext, expected) => {
      const r = edited(D, [
        [
          '"nomFichier": "BIO-SGL-Va1-FACTURE-00001.pdf",\n          "formatFichier": "PDF"',
          `"nomFichier": "BIO-SGL-Va1-FACTURE-00001.${ext}",\n          "formatFichier": "${format}"`,
        ],
      ]);
      expect(codes(r).map((c) => c.split(' ')[0])).toEqual(expected);
    });

    test.each([
      ['BIO-SGL-Va1-FACTURE-00001.pdf', []],
      ['bio-sgl-va1-facture-00001.pdf', ['A005']],
      ['BIO-SGL-Va1-FACTURE-00001.PDF', ['A005']],
      ['BIO-LOINC-Va1-FACTURE-00001.pdf', ['A005']],
      ['BIO-SGL-Va1-FACTURE-00002.pdf', ['A005']],
      ['F'.repeat(50), ['A005']],
      ['F'.repeat(51), ['E008', 'A005']],
    ])('nomFichier %j → %j', (value, expected) => {
      const r = edited(D, [['"BIO-SGL-Va1-FACTURE-00001.pdf"', JSON.stringify(value)]]);
      expect(codes(r)).toEqual(expected.map((c) => `${c} ${P}/0/nomFichier`));
    });

    test('typeFichier: FACTURE or VA, at least one of each', () => {
      expect(codes(edited(D, [['"typeFichier": "VA"', '"typeFichier": "FACTURE"']]))).toEqual([`E025 ${P}`, `A005 ${P}/1/nomFichier`]);
      expect(codes(edited(D, [['"typeFichier": "FACTURE"', '"typeFichier": "VA"']]))).toEqual([`E025 ${P}`, `A005 ${P}/0/nomFichier`]);
      expect(codes(edited(D, [['"typeFichier": "FACTURE"', '"typeFichier": "BON_COMMANDE"']]))).toEqual([
        `E025 ${P}`,
        `E009 ${P}/0/typeFichier`,
      ]);
      expect(codes(edited(D, [['"typeFichier": "FACTURE"', '"typeFichier": "facture"']]))).toEqual([
        `E025 ${P}`,
        `E009 ${P}/0/typeFichier`,
      ]);
    });

    test('an XML attachment follows the naming rule with the extension .xml', () => {
      expectClean(
        edited(D, [
          [
            '"BIO-SGL-Va1-VA-00001.pdf",\n          "formatFichier": "PDF"',
            '"BIO-SGL-Va1-VA-00001.xml",\n          "formatFichier": "XML"',
          ],
        ]),
      );
    });
  });

  describe('lienCompteRendu: always null, required', () => {
    test.each([
      ['null', []],
      ['""', [`E005 ${R0}/lienCompteRendu`]],
      ['"https://exemple.fr/cr"', [`E005 ${R0}/lienCompteRendu`]],
      ['false', [`E005 ${R0}/lienCompteRendu`]],
    ])('lienCompteRendu %s → %j', (value, expected) => {
      expect(codes(edited(D, [['"lienCompteRendu": null', `"lienCompteRendu": ${value}`]]))).toEqual(expected);
    });
  });

  describe('scenarioInstallation', () => {
    const S = `${R1}/${SC}`;
    const IDENT = '"identDMP": [\n          "1670000017"\n        ]';

    test.each([
      ['["1670000017"]', []],
      ['["1670000017", "3' + '7'.repeat(13) + '"]', []],
      [JSON.stringify(['X'.repeat(250)]), []],
      [JSON.stringify(['X'.repeat(251)]), ['E008 /identDMP/0']],
      ['[]', ['E016 /identDMP']],
      ['null', ['E006 /identDMP']],
      ['"1670000017"', ['E004 /identDMP']],
      ['[1670000017]', ['E004 /identDMP/0']],
    ])('isDirectToDMP = true, identDMP %s → %j', (value, expected) => {
      const r = edited(D, [[IDENT, `"identDMP": ${value}`]]);
      expect(codes(r)).toEqual(expected.map((c) => c.replace(' ', ` ${S}`)));
    });

    test.each([
      ['[]', []],
      ['null', []],
      // seed 004: identDMP is required when isDirectToDMP = true; for false the guide says nothing.
      ['["1670000017"]', ['A021 /identDMP']],
      ['[null]', ['E004 /identDMP/0', 'A021 /identDMP']],
      ['"1670000017"', ['E004 /identDMP']],
    ])('isDirectToDMP = false, identDMP %s → %j', (value, expected) => {
      const r = edited(D, [
        [
          '"isDirectToDMP": true,\n        "identDMP": [\n          "1670000017"',
          '"isDirectToDMP": false,\n        "identDMP": [\n          "1670000017"',
        ],
        [IDENT, `"identDMP": ${value}`],
      ]);
      expect(codes(r)).toEqual(expected.map((c) => c.replace(' ', ` ${S}`)));
    });

    test('when isDirectToDMP is not a boolean, only the format of identDMP is checked', () => {
      expect(
        codes(
          edited(D, [
            [
              '"isDirectToDMP": true,\n        "identDMP": [\n          "1670000017"',
              '"isDirectToDMP": null,\n        "identDMP": [\n          "1670000017"',
            ],
          ]),
        ),
      ).toEqual([`E006 ${S}/isDirectToDMP`]);
      expect(
        codes(
          edited(D, [
            [
              '"isDirectToDMP": true,\n        "identDMP": [\n          "1670000017"\n        ]',
              '"isDirectToDMP": "oui",\n        "identDMP": []',
            ],
          ]),
        ),
      ).toEqual([`E004 ${S}/isDirectToDMP`]);
    });

    test.each(['MSSPro', 'MSSCitoyen'])('adresseBoite%s: filled when its isDirectTo… flag is true, else null', (box) => {
      const flag = `"isDirectTo${box}": false,\n        "adresseBoite${box}": null`;
      const set = (on: boolean, address: string) =>
        edited(D, [[flag, `"isDirectTo${box}": ${on},\n        "adresseBoite${box}": ${address}`]]);
      const path = `${S}/adresseBoite${box}`;
      expect(codes(set(true, '"labo@labo-exemple.mssante.fr"'))).toEqual([]);
      expect(codes(set(true, JSON.stringify('a'.repeat(134) + '@labo.mssante.fr')))).toEqual([]); // 150 characters
      expect(codes(set(true, JSON.stringify('a'.repeat(135) + '@labo.mssante.fr')))).toEqual([`E008 ${path}`]);
      expect(codes(set(true, 'null'))).toEqual([`E006 ${path}`]);
      expect(codes(set(true, '""'))).toEqual([`E006 ${path}`]);
      expect(codes(set(true, '["labo@labo-exemple.mssante.fr"]'))).toEqual([`E004 ${path}`]);
      expect(codes(set(false, 'null'))).toEqual([]);
      expect(codes(set(false, '"labo@labo-exemple.mssante.fr"'))).toEqual([`E005 ${path}`]);
      expect(codes(set(false, '""'))).toEqual([`E005 ${path}`]);
    });

    test.each(['isDirectToDMP', 'isDirectToMSSPro', 'isDirectToMSSCitoyen'])('%s is a required boolean', (name) => {
      const r = edited(N, [[`"${name}": false`, `"${name}": "false"`]]);
      expect(codes(r)).toEqual([`E004 ${R0}/${SC}/${name}`]);
    });

    test('the MDV scenario tags are unknown here', () => {
      const r = edited(N, [
        ['"isDirectToDMP": false,', '"isDirectToDMP": false,\n        "isProSanteConnectNeeded": true,\n        "isCentreDeSante": false,'],
      ]);
      expect(codes(r)).toEqual([`E002 ${R0}/${SC}/isProSanteConnectNeeded`, `E002 ${R0}/${SC}/isCentreDeSante`]);
    });

    test('the spelling isDirecToDMP is not accepted for BIO (its guide spells isDirectToDMP)', () => {
      const r = edited(N, [['"isDirectToDMP": false,', '"isDirecToDMP": false,']]);
      expect(codes(r)).toEqual([`E001 ${R0}/${SC}/isDirectToDMP`, `E002 ${R0}/${SC}/isDirecToDMP`]);
      expect(r.requests[0]!.errors[1]!.message).toContain('isDirectToDMP');
    });
  });

  describe('form and treatment', () => {
    test('the form choices of an advance change nothing for a balance', () => {
      for (const base of BASES) expectClean(run(read(base), { profiles: [], vatRate: '0' }));
    });

    test('absent treatment tags are tolerated; a previous output is accepted again', () => {
      const first = run(read(N));
      expectClean(first);
      const out = new TextDecoder().decode(outputBytes(first.output!));
      expect(JSON.parse(out)).toMatchObject({
        lignesImport: [{ codeTraitement: '0000' }, { codeTraitement: '0000', libelleTraitement: 'Demande acceptée' }],
      });
      expectClean(run(out));
    });

    test('a rejected request gets its code in the output; the others are accepted', () => {
      const r = edited(D, [['"lienCompteRendu": null', '"lienCompteRendu": "https://exemple.fr/cr"']]);
      const out = JSON.parse(new TextDecoder().decode(outputBytes(r.output!))) as {
        lignesImport: { codeTraitement: string; libelleTraitement: string }[];
      };
      expect(out.lignesImport.map((q) => q.codeTraitement)).toEqual(['E005', '0000']);
      expect(out.lignesImport[0]!.libelleTraitement).toContain('« lienCompteRendu » doit valoir null');
    });

    test('the strict option turns warnings into errors', () => {
      const r = edited(D, [['"670000017"', '"999999991"']], { strict: true });
      expect(r.requests[1]!.codeTraitement).toBe('A004');
    });
  });
});

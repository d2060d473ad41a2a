import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exampleFile, tagRows } from '../../core/docs';
import { outputBytes } from '../../core/annotate';
import type { SimulationOptions } from '../../core/types';
import {
  codes,
  describeFixtures,
  errorCodes,
  expectClean,
  fixtureCoverageTests,
  ruleSetHarness,
  warningCodes,
} from '../../../tests/rule-sets';
import { mdvLgcSolde } from './solde';
import { mdvLgcSoldeFixtures } from './solde-fixtures';

const DIR = new URL('./fixtures/', import.meta.url);
const BASES = readdirSync(DIR).filter((f) => f.startsWith('solde-') && f.endsWith('.json'));
const OPTIONS: SimulationOptions = { type: 'solde', dsr: 'MDV-LGC', today: '2026-11-22' };
const { read, run, edited } = ruleSetHarness(mdvLgcSolde, OPTIONS, DIR);

describe('MDV-LGC balance: the rule set', () => {
  test('is a reconstructed balance rule set with no VAT rate and no profile on the form', () => {
    expect(mdvLgcSolde.type).toBe('solde');
    expect(mdvLgcSolde.dsr).toBe('MDV-LGC');
    expect(mdvLgcSolde.form).toEqual({ profiles: false, vatRates: [] });
    expect(mdvLgcSolde.reconstructed).toMatch(/reconstitu/);
  });

  test('there are base files', () => {
    expect(BASES).toEqual(['solde-liberal.json', 'solde-structure.json']);
  });

  test.each(BASES)('base file %s is accepted with no error and no warning', (base) => {
    expectClean(run(read(base)));
  });

  test('the example file is accepted with no error and no warning', () => {
    expectClean(run(exampleFile(mdvLgcSolde)));
  });

  test('tagRows lists every tag of the balance, and only those', () => {
    const R = 'lignesImport[]';
    const B = `${R}.beneficiaires`;
    const S = `${R}.scenarioInstallation`;
    expect(tagRows(mdvLgcSolde).map((r) => r.path)).toEqual([
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
      B,
      `${B}.commandePour`,
      `${B}.isMandataire`,
      `${B}.isClientUnique`,
      `${B}.nomMandataire`,
      `${B}.emailMandataire`,
      `${B}.telephoneMandataire`,
      `${B}.liberal`,
      `${B}.liberal[].nomMedecin`,
      `${B}.liberal[].emailMedecin`,
      `${B}.liberal[].telephoneMedecin`,
      `${B}.liberal[].RPPS`,
      `${B}.structure`,
      `${B}.structure.FINESSJuridique`,
      `${B}.structure.nomResponsable`,
      `${B}.structure.emailResponsable`,
      `${B}.structure.telephoneResponsable`,
      `${B}.structure.FINESSGeo`,
      `${R}.piecesJustificatives`,
      `${R}.piecesJustificatives[].nomFichier`,
      `${R}.piecesJustificatives[].formatFichier`,
      `${R}.piecesJustificatives[].typeFichier`,
      S,
      `${S}.isCentreDeSante`,
      `${S}.operateurMessagerie`,
      `${S}.isProSanteConnectNeeded`,
      `${S}.isDirectToDMP`,
      `${S}.isPFIToDMP`,
      `${S}.isDirectToMSSPro`,
      `${S}.isPFIToMSSPro`,
      `${S}.isDirectToMSSCitoyen`,
      `${S}.isPFIToMSSCitoyen`,
      `${R}.codeTraitement`,
      `${R}.libelleTraitement`,
    ]);
    expect(tagRows(mdvLgcSolde).find((r) => r.tag === 'isDirectToDMP')?.aliases).toEqual(['isDirecToDMP']);
  });

  fixtureCoverageTests(mdvLgcSolde, mdvLgcSoldeFixtures, BASES);
});

describeFixtures('MDV-LGC balance: fixtures', mdvLgcSoldeFixtures, edited);

describe('MDV-LGC balance: rules of the spec page', () => {
  const L = 'solde-liberal.json';
  const S = 'solde-structure.json';
  const R0 = '/lignesImport/0';

  test.each([
    ['FINMDV000041', []],
    ['FINMDV999999', []],
    ['FINBIO000041', ['A008']],
    ['finmdv000041', ['A008']],
    ['FINMDV00004X', ['A008']],
    ['FINMDV00041', ['E007']],
    ['FINMDV0000041', ['E007']],
    ['', ['E006']],
    ['   ', ['E006']],
  ])('numeroASP %j → %j', (value, expected) => {
    const r = edited(L, [['"FINMDV000041"', JSON.stringify(value)]]);
    expect(codes(r)).toEqual(expected.map((c) => `${c} ${R0}/numeroASP`));
  });

  test('numeroASP is required and never null for a balance', () => {
    expect(codes(edited(L, [['"FINMDV000041"', 'null']]))).toEqual([`E006 ${R0}/numeroASP`]);
    expect(codes(edited(L, [['"FINMDV000041"', '41']]))).toEqual([`E004 ${R0}/numeroASP`]);
  });

  test('a numeroASP warning becomes an error under the strict option', () => {
    const r = edited(L, [['"FINMDV000041"', '"ASP000000041"']], { strict: true });
    expect(r.requests[0]!.codeTraitement).toBe('A008');
    expect(r.status).toBe('rejected');
  });

  test.each([
    ['00001', []],
    ['A0001', []],
    ['0001', ['E007']],
    ['000001', ['E007']],
  ])('numeroEditeur %j → %j', (value, expected) => {
    const r = edited(L, [['"numeroEditeur": "00001"', `"numeroEditeur": ${JSON.stringify(value)}`]]);
    expect(errorCodes(r)).toEqual(expected);
  });

  test.each([
    ['1', []],
    ['200', []],
    ['0', ['E013']],
    ['201', ['E013']],
    ['1.0', ['E013']],
    ['1e0', ['E013']],
    ['"1"', ['E004']],
  ])('numLigne %s → %j', (value, expected) => {
    const r = edited(L, [['"numLigne": 1,', `"numLigne": ${value},`]]);
    expect(errorCodes(r)).toEqual(expected);
  });

  test.each([
    ['14/06/2024', []],
    ['29/02/2024', []],
    ['22/11/2026', []],
    ['23/11/2026', ['A006']],
    ['01/01/2027', ['A006']],
    ['29/02/2023', ['E010']],
    ['31/04/2024', ['E010']],
    ['00/06/2024', ['E010']],
    ['14/13/2024', ['E010']],
    ['1/06/2024', ['E010']],
    ['14-06-2024', ['E010']],
    ['2024-06-14', ['E010']],
  ])('dateFacture %j → %j', (value, expected) => {
    const r = edited(L, [['"dateFacture": "14/06/2024"', `"dateFacture": ${JSON.stringify(value)}`]]);
    expect(codes(r)).toEqual(expected.map((c) => `${c} ${R0}/facture/dateFacture`));
  });

  test('the future-date warning follows "today"', () => {
    expect(codes(edited(L, [['"14/06/2024"', '"23/11/2026"']], { today: '2026-11-23' }))).toEqual([]);
    expect(codes(edited(L, [['"14/06/2024"', '"14/06/2024"']], { today: '2024-06-13' }))).toEqual([`A006 ${R0}/facture/dateFacture`]);
  });

  test.each([
    ['1075.00', []],
    ['0.01', []],
    ['999999999.99', []],
    ['0.00', ['E012']],
    ['-1075.00', ['E012']],
    ['1075', ['E011']],
    ['1075.5', ['E011']],
    ['1075.000', ['E011']],
    ['1.07500e3', ['E011']],
    ['"1075.00"', ['E004']],
    ['null', ['E006']],
  ])('montantSegurHTFacture %s → %j', (value, expected) => {
    const r = edited(L, [['"montantSegurHTFacture": 1075.00', `"montantSegurHTFacture": ${value}`]]);
    expect(codes(r)).toEqual(expected.map((c) => `${c} ${R0}/facture/montantSegurHTFacture`));
  });

  test('facture is a required object of exactly two tags', () => {
    expect(
      codes(
        edited(L, [
          ['"facture": {\n        "dateFacture": "14/06/2024",\n        "montantSegurHTFacture": 1075.00\n      }', '"facture": null'],
        ]),
      ),
    ).toEqual([`E006 ${R0}/facture`]);
    expect(
      codes(
        edited(L, [
          ['"facture": {\n        "dateFacture": "14/06/2024",\n        "montantSegurHTFacture": 1075.00\n      }', '"facture": []'],
        ]),
      ),
    ).toEqual([`E004 ${R0}/facture`]);
    expect(codes(edited(L, [['"montantSegurHTFacture"', '"montantSegurHT"']]))).toEqual([
      `E001 ${R0}/facture/montantSegurHTFacture`,
      `E002 ${R0}/facture/montantSegurHT`,
    ]);
  });

  test('the advance-only tag commande is unknown in a balance', () => {
    const r = edited(L, [['"facture"', '"commande"']]);
    // A missing tag is placed at its object's start, so it comes first.
    expect(codes(r)).toEqual([`E001 ${R0}/facture`, `E002 ${R0}/commande`]);
    expect(r.requests[0]!.errors.find((e) => e.code === 'E002')!.message).toContain('« commande »');
  });

  describe('attachments', () => {
    const VA = '"nomFichier": "MDV-LGC-Va1-VA-00001.pdf",\n          "formatFichier": "PDF",\n          "typeFichier": "VA"';
    const FACTURE = '"nomFichier": "MDV-LGC-Va1-FACTURE-00001.pdf",\n          "formatFichier": "PDF",\n          "typeFichier": "FACTURE"';
    const P = `${R0}/piecesJustificatives`;

    test('an invoice and a VA are both needed', () => {
      const onlyInvoices = edited(L, [[VA, FACTURE]]);
      expect(codes(onlyInvoices)).toEqual([`E025 ${P}`]);
      expect(onlyInvoices.requests[0]!.errors[0]!.message).toContain('« VA »');
      const onlyVa = edited(L, [[FACTURE, VA]]);
      expect(codes(onlyVa)).toEqual([`E025 ${P}`]);
      expect(onlyVa.requests[0]!.errors[0]!.message).toContain('« FACTURE »');
    });

    test('an advance attachment type is refused', () => {
      const r = edited(L, [['"typeFichier": "FACTURE"', '"typeFichier": "BON_COMMANDE"']]);
      expect(codes(r)).toEqual([`E025 ${P}`, `E009 ${P}/0/typeFichier`]);
    });

    test.each([
      ['PDF', []],
      ['PNG', ['A005']],
      ['JPG', ['A005']],
      ['XML', ['E009', 'A005']],
      ['pdf', ['E009']],
      ['JPEG', ['E009']],
    ])('formatFichier %j → %j', (value, expected) => {
      const r = edited(L, [['"formatFichier": "PDF"', `"formatFichier": ${JSON.stringify(value)}`]]);
      expect(codes(r).map((c) => c.split(' ')[0])).toEqual(expected);
    });

    test.each([
      ['MDV-LGC-Va1-FACTURE-00001.pdf', []],
      ['mdv-lgc-va1-facture-00001.pdf', ['A005']],
      ['MDV-LGC-Va1-FACTURE-00001.PDF', ['A005']],
      ['MDV-LGC-Va1-FACT-00001.pdf', ['A005']],
      ['MDV-LGC-Va1-FACTURE-00002.pdf', ['A005']],
      ['BIO-SGL-Va1-FACTURE-00001.pdf', ['A005']],
      ['F'.repeat(100), ['A005']],
      ['F'.repeat(101), ['E008', 'A005']],
    ])('nomFichier %j → %j', (value, expected) => {
      const r = edited(L, [['"MDV-LGC-Va1-FACTURE-00001.pdf"', JSON.stringify(value)]]);
      expect(codes(r)).toEqual(expected.map((c) => `${c} ${P}/0/nomFichier`));
    });

    test('an empty list is reported once, as too short', () => {
      const r = edited(L, [[`{\n          ${FACTURE}\n        },\n        {\n          ${VA}\n        }`, '']]);
      expect(codes(r)).toEqual([`E016 ${P}`]);
    });
  });

  describe('beneficiaries and scenario, as for the advance', () => {
    test('a health centre and Mailiz need no profile for a balance', () => {
      expectClean(run(read(S), { profiles: [] }));
      expectClean(run(read(S), { profiles: [], vatRate: '0' }));
    });

    test('the representative rules apply', () => {
      const r = edited(L, [['"emailMandataire": "dr.durand@exemple.fr"', '"emailMandataire": null']]);
      expect(codes(r)).toEqual([`E006 ${R0}/beneficiaires/emailMandataire`]);
    });

    test('RPPS and FINESS check digits are warnings', () => {
      expect(warningCodes(edited(L, [['"10000000009"', '"10000000000"']]))).toEqual(['A003']);
      expect(warningCodes(edited(S, [['"750000127"', '"750000128"']]))).toEqual(['A004']);
    });

    test('operateurMessagerie: a listed code, null, or a warning; at most 50 characters', () => {
      expect(codes(edited(L, [['"ENO_5"', 'null']]))).toEqual([]);
      expect(codes(edited(L, [['"ENO_5"', '"CH_41"']]))).toEqual([]);
      expect(codes(edited(L, [['"ENO_5"', JSON.stringify('X'.repeat(50))]]))).toEqual([
        `A002 ${R0}/scenarioInstallation/operateurMessagerie`,
      ]);
      expect(errorCodes(edited(L, [['"ENO_5"', JSON.stringify('X'.repeat(51))]]))).toEqual(['E008']);
    });

    test('isDirecToDMP is read as isDirectToDMP, with a warning', () => {
      const r = edited(L, [['"isDirectToDMP": true', '"isDirecToDMP": "oui"']]);
      expect(codes(r)).toEqual([`E004 ${R0}/scenarioInstallation/isDirecToDMP`, `A001 ${R0}/scenarioInstallation/isDirecToDMP`]);
    });

    test('a scenario flag is required', () => {
      expect(codes(edited(L, [['"isPFIToDMP": false', '"isPFIToDMP": null']]))).toEqual([`E006 ${R0}/scenarioInstallation/isPFIToDMP`]);
    });
  });

  describe('treatment tags', () => {
    test('a previous output is accepted again', () => {
      const r = run(read(S));
      expectClean(run(new TextDecoder().decode(outputBytes(r.output!))));
    });

    test('absent treatment tags are tolerated and added to the output', () => {
      const r = edited(L, [['},\n      "codeTraitement": null,\n      "libelleTraitement": null\n', '}\n']]);
      expectClean(r);
      const out = JSON.parse(new TextDecoder().decode(outputBytes(r.output!))) as {
        lignesImport: { codeTraitement: string; libelleTraitement: string }[];
      };
      expect(out.lignesImport[0]).toMatchObject({ codeTraitement: '0000', libelleTraitement: 'Demande acceptée' });
    });
  });

  test('uniqueness: the later duplicate is the one rejected', () => {
    const r = edited(L, [
      ['"numLigne": 2,', '"numLigne": 1,'],
      ['"numeroEditeur": "00002"', '"numeroEditeur": "00001"'],
    ]);
    expect(r.requests[0]!.errors).toEqual([]);
    expect(r.requests[1]!.errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      'E020 /lignesImport/1/numLigne',
      'E021 /lignesImport/1/numeroEditeur',
    ]);
  });

  test('every error of a request is reported; the portal-faithful option keeps the first', () => {
    const edits = [
      ['"typeAction": "C"', '"typeAction": "M"'],
      ['"montantSegurHTFacture": 1075.00', '"montantSegurHTFacture": 1075'],
    ] as const;
    expect(errorCodes(edited(L, edits))).toEqual(['E009', 'E011']);
    expect(errorCodes(edited(L, edits, { firstErrorOnly: true }))).toEqual(['E009']);
  });
});

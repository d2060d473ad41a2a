// HOP-DPI and HOP-PFI — demande d'avance, vague 2 (reconstructed from the guide's examples):
// base files, the guide's two examples, the example file, every fixture, every rule of
// shared/spec/hop-vague2-avance.md with its boundaries, and the documentation's tag table.

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { simulate } from '../../core/simulate';
import { outputBytes } from '../../core/annotate';
import { codesOf, exampleFile, tagRows } from '../../core/docs';
import type { RuleSet } from '../../core/model';
import type { SimulationOptions, SimulationResult } from '../../core/types';
import { CODES, type Code } from '../../messages/codes';
import { applyEdits, type Fixture } from '../fixture';
import { hopDpiAvance } from './dpi';
import { hopPfiAvance } from './pfi';
import { hopDpiFixtures, hopPfiFixtures } from './fixtures';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const read = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const DPI_BASE = read('hop-dpi-avance.json');
const PFI_BASE = read('hop-pfi-avance.json');
const DPI_GUIDE = read('hop-dpi-guide.json');
const PFI_GUIDE = read('hop-pfi-guide.json');

function run(ruleSet: RuleSet, text: string, options: Partial<SimulationOptions> = {}): SimulationResult {
  return simulate(encoder.encode(text), { type: 'avance', dsr: ruleSet.dsr, vatRate: '20', today: '2026-11-22', ...options }, ruleSet);
}

/** Every finding of a result, as `CODE /json/pointer`, in file order per scope. */
function findings(result: SimulationResult): string[] {
  const all = [...result.globalErrors, ...result.globalWarnings, ...result.requests.flatMap((r) => [...r.errors, ...r.warnings])];
  return all.map((i) => `${i.code} ${i.path}`).sort();
}

/** Runs `edits` on a base and expects exactly these findings (none: accepted without warning). */
function expectFindings(
  ruleSet: RuleSet,
  base: string,
  edits: Fixture['edits'],
  expected: readonly string[],
  options: Partial<SimulationOptions> = {},
) {
  const result = run(ruleSet, applyEdits(base, edits), options);
  expect(findings(result)).toEqual([...expected].sort());
  return result;
}

const R0 = '/lignesImport/0';
const R1 = '/lignesImport/1';

const DPI_FLAGS = [
  'isProSanteConnectNeeded',
  'isFluxSortantDMPVersPFI',
  'isFluxSortantMSSVersPFI',
  'isFluxEntrantMSSDepuisPFI',
  'isFluxEntrantDepuisRI',
] as const;
const PFI_FLAGS = [
  'isFluxEntrantDepuisDPI',
  'isFluxEntrantDepuisRIS',
  'isFluxEntrantDepuisSGL',
  'isFluxSortantVersDPI',
  'isFluxSortantVersRIS',
  'isFluxSortantVersDMP',
  'isFluxSortantParMSS',
] as const;

/** A valid DPI request (amounts written with two decimals), for files of many requests. */
function dpiRequest(numLigne: number, numeroEditeur = String(numLigne).padStart(5, '0')): string {
  return `{
      "numLigne": ${numLigne},
      "numeroEditeur": "${numeroEditeur}",
      "commande": { "dateEditionCommande": "13/10/2023", "dateSignatureCommande": "15/01/2024", "regimeTVA": "TTC", "montantSegurHT": 1250.00, "typePrestation": "V2" },
      "beneficiaires": { "FINESSPMSI": "980000640", "nomClient": "QUERAL", "emailClient": "m.queral@hotmail.fr", "telephoneClient": "+33615597229",
        "nomRepresentant": null, "emailRepresentant": null, "telephoneRepresentant": null },
      "piecesJustificatives": [ { "nomFichier": "HOP-DPI-Va2-BDC-${numeroEditeur}.pdf", "formatFichier": "PDF" } ],
      "scenarioInstallation": { "datePrevisionnelleLivraison": "15/06/2024", ${DPI_FLAGS.map((f) => `"${f}": false`).join(', ')} }
    }`;
}

function dpiFile(requests: readonly string[]): string {
  return `{\n  "numeroAns": "MJCDPI0001",\n  "siret": "40308070600027",\n  "lignesImport": [\n    ${requests.join(',\n    ')}\n  ]\n}\n`;
}

const SETS = [
  { name: 'HOP-DPI', ruleSet: hopDpiAvance, fixtures: hopDpiFixtures, base: 'hop-dpi-avance.json', flags: DPI_FLAGS, other: PFI_FLAGS },
  { name: 'HOP-PFI', ruleSet: hopPfiAvance, fixtures: hopPfiFixtures, base: 'hop-pfi-avance.json', flags: PFI_FLAGS, other: DPI_FLAGS },
] as const;

/**
 * Codes that codesOf() lists but that these rule sets cannot report: E017 ("must be empty")
 * needs a tag whose fill is `empty` / `empty-or-null`, and HOP has none.
 */
const UNREACHABLE: readonly Code[] = [];

describe.each(SETS)('$name: base files, guide example, example file', ({ ruleSet, base }) => {
  test('the rule set says it is reconstructed from the guide’s examples, without profiles', () => {
    expect(ruleSet.type).toBe('avance');
    expect(ruleSet.reconstructed).toMatch(/exemple/);
    expect(ruleSet.reconstructed).toMatch(/aucune table des balises/);
    expect(ruleSet.form).toEqual({ profiles: false, vatRates: ['20', '8.5', '0'] });
  });

  test(`${base} is accepted with no error and no warning`, () => {
    const result = run(ruleSet, read(base));
    expect(findings(result)).toEqual([]);
    expect(result.status).toBe('accepted');
    const out = JSON.parse(decoder.decode(outputBytes(result.output!)));
    for (const request of out.lignesImport) {
      expect(request.codeTraitement).toBe('0000');
      expect(request.libelleTraitement).toBe('Demande acceptée');
    }
  });

  test('exampleFile() is accepted with no error and no warning', () => {
    const text = exampleFile(ruleSet);
    const result = run(ruleSet, text);
    expect(findings(result)).toEqual([]);
    expect(result.status).toBe('accepted');
    expect(JSON.parse(text).numeroAns).toBe(ruleSet.dsr === 'HOP-DPI' ? 'MJCDPI0001' : 'CJMPFI0001');
  });
});

describe('the guide’s two example files, verbatim', () => {
  test('the DPI example (TTC) is accepted with the 20 % rate; its SIRET’s Luhn key is wrong (warning)', () => {
    const result = run(hopDpiAvance, DPI_GUIDE, { vatRate: '20' });
    expect(result.status).toBe('accepted');
    expect(result.requests[0]!.codeTraitement).toBe('0000');
    expect(result.requests[0]!.errors).toEqual([]);
    expect(result.requests[0]!.warnings).toEqual([]);
    expect(result.globalWarnings.map((w) => `${w.code} ${w.path}`)).toEqual(['A010 /siret']);
  });

  test.each(['8.5', '0'] as const)('the DPI example (TTC) is also accepted with the rate %s (vague 2)', (vatRate) => {
    expect(run(hopDpiAvance, DPI_GUIDE, { vatRate }).status).toBe('accepted');
  });

  test('the PFI example (HT) is accepted with the 0 % rate; its SIRET’s and FINESS’s Luhn keys are wrong (warnings)', () => {
    const result = run(hopPfiAvance, PFI_GUIDE, { vatRate: '0' });
    expect(result.status).toBe('accepted');
    expect(result.requests[0]!.codeTraitement).toBe('0000');
    expect(result.requests[0]!.errors).toEqual([]);
    expect(result.globalWarnings.map((w) => `${w.code} ${w.path}`)).toEqual(['A010 /siret']);
    expect(result.requests[0]!.warnings.map((w) => `${w.code} ${w.path}`)).toEqual([`A004 ${R0}/beneficiaires/FINESSPMSI`]);
  });

  test.each(['20', '8.5'] as const)('the PFI example (HT) is rejected with the rate %s (E030)', (vatRate) => {
    const result = run(hopPfiAvance, PFI_GUIDE, { vatRate });
    expect(result.requests[0]!.codeTraitement).toBe('E030');
  });

  test('the guide’s examples are those of the spec page (same content; the spec prints the attachment on one line)', () => {
    const dpi = JSON.parse(DPI_GUIDE);
    expect(dpi.numeroAns).toBe('MJCDPI0001');
    expect(dpi.lignesImport[0].piecesJustificatives).toEqual([{ nomFichier: 'HOP-DPI-Va2-BDC-00001.pdf', formatFichier: 'PDF' }]);
    const pfi = JSON.parse(PFI_GUIDE);
    expect(pfi).toMatchObject({ numeroAns: 'CJMPFI0001', siret: '40208090600010' });
    expect(pfi.lignesImport[0].commande).toEqual({
      dateEditionCommande: '13/10/2023',
      dateSignatureCommande: '15/01/2024',
      regimeTVA: 'HT',
      montantSegurHT: 1250,
      typePrestation: 'V2',
    });
    expect(pfi.lignesImport[0].beneficiaires).toEqual({
      FINESSPMSI: '640000240',
      nomClient: 'DUPONT',
      emailClient: 'e.dupont@hotmail.fr',
      telephoneClient: '+33614567329',
      nomRepresentant: null,
      emailRepresentant: null,
      telephoneRepresentant: null,
    });
    expect(Object.values(pfi.lignesImport[0].scenarioInstallation).slice(1)).toEqual(PFI_FLAGS.map(() => false));
  });

  test('a DPI file checked as PFI: the DPI booleans are unknown, the PFI ones missing', () => {
    const result = run(hopPfiAvance, DPI_GUIDE);
    const codes = result.requests[0]!.errors.map((e) => e.code);
    expect(codes.filter((c) => c === 'E002')).toHaveLength(DPI_FLAGS.length);
    expect(codes.filter((c) => c === 'E001')).toHaveLength(PFI_FLAGS.length);
    expect(result.requests[0]!.warnings.map((w) => w.code)).toEqual(['A005']);
  });
});

describe.each(SETS)('$name: fixtures', ({ ruleSet, fixtures }) => {
  test.each(fixtures.map((f) => [`${f.code} ${f.path} — ${f.title}`, f] as const))('%s', (_, f) => {
    const result = run(ruleSet, applyEdits(read(f.base), f.edits), f.options);
    const request = /^\/lignesImport\/(\d+)(\/|$)/.exec(f.path);
    const severity = CODES[f.code];
    const at = (list: readonly { code: string; path: string }[]) => list.some((i) => i.code === f.code && i.path === f.path);
    if (!request) {
      expect(at(severity === 'error' ? result.globalErrors : result.globalWarnings)).toBe(true);
      if (severity === 'error') expect(result.status).toBe('invalid');
      return;
    }
    const r = result.requests[Number(request[1])]!;
    expect(at(severity === 'error' ? r.errors : r.warnings)).toBe(true);
    expect(r.codeTraitement).toBe(r.errors[0]?.code ?? '0000');
    if (severity === 'error') {
      expect(r.codeTraitement).toBe(f.code);
      expect(result.status).toBe('rejected');
    } else {
      expect(r.errors).toEqual([]);
    }
  });

  test('every code the rule set can report has a fixture, and no fixture reports another', () => {
    const reportable = codesOf(ruleSet).filter((c) => !c.startsWith('G') && !UNREACHABLE.includes(c));
    const covered = new Set(fixtures.map((f) => f.code));
    expect(reportable.filter((c) => !covered.has(c))).toEqual([]);
    expect([...covered].filter((c) => !codesOf(ruleSet).includes(c))).toEqual([]);
  });
});

describe.each(SETS)('$name: tag table', ({ ruleSet, flags }) => {
  const R = 'lignesImport[]';
  const expected = [
    'impId',
    'numeroAns',
    'siret',
    'lignesImport',
    `${R}.numLigne`,
    `${R}.numeroEditeur`,
    `${R}.typeAction`,
    `${R}.numeroASP`,
    `${R}.commande`,
    ...['dateEditionCommande', 'dateSignatureCommande', 'regimeTVA', 'montantSegurHT', 'typePrestation'].map((t) => `${R}.commande.${t}`),
    `${R}.beneficiaires`,
    ...['FINESSPMSI', 'nomClient', 'emailClient', 'telephoneClient', 'nomRepresentant', 'emailRepresentant', 'telephoneRepresentant'].map(
      (t) => `${R}.beneficiaires.${t}`,
    ),
    `${R}.piecesJustificatives`,
    ...['nomFichier', 'formatFichier', 'typeFichier'].map((t) => `${R}.piecesJustificatives[].${t}`),
    `${R}.scenarioInstallation`,
    `${R}.scenarioInstallation.datePrevisionnelleLivraison`,
    ...flags.map((t) => `${R}.scenarioInstallation.${t}`),
    `${R}.codeTraitement`,
    `${R}.libelleTraitement`,
  ];

  test('tagRows lists every tag of the spec page, and no other', () => {
    expect(
      tagRows(ruleSet)
        .map((r) => r.path)
        .sort(),
    ).toEqual([...expected].sort());
  });

  test('the tags absent from the guide’s examples are optional, the others required', () => {
    const optional = tagRows(ruleSet)
      .filter((r) => r.required.includes('balise facultative'))
      .map((r) => r.tag)
      .sort();
    expect(optional).toEqual(['codeTraitement', 'impId', 'libelleTraitement', 'numeroASP', 'typeAction', 'typeFichier']);
    for (const row of tagRows(ruleSet)) expect(row.description).not.toBe('');
  });
});

describe('HOP-DPI: file header', () => {
  test('impId absent, null: accepted; filled: the file is rejected', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"impId": null,\n  ', '']], []);
    expect(expectFindings(hopDpiAvance, DPI_BASE, [['"impId": null', '"impId": "1"']], ['E005 /impId']).status).toBe('invalid');
  });

  test('numeroAns: exactly 10 characters', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"MJCDPI0001"', '"MJCDPI00001"']], ['E007 /numeroAns']);
    expectFindings(hopDpiAvance, DPI_BASE, [['"MJCDPI0001"', '"JGe2DPI005"']], []);
  });

  test('siret: 14 characters, a wrong Luhn key is a warning', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"40308070600027"', '"403080706000270"']], ['E007 /siret']);
    expectFindings(hopDpiAvance, DPI_BASE, [['"40308070600027"', '"40308070600021"']], ['A010 /siret']);
  });

  test('lignesImport: 1 to 200 requests', () => {
    expectFindings(hopDpiAvance, '{"numeroAns": "MJCDPI0001", "siret": "40308070600027", "lignesImport": []}', [], ['E016 /lignesImport']);
    const many = (n: number) => dpiFile(Array.from({ length: n }, (_, i) => dpiRequest(i + 1)));
    expect(run(hopDpiAvance, many(1)).status).toBe('accepted');
    const full = run(hopDpiAvance, many(200));
    expect(full.status).toBe('accepted');
    expect(full.requests).toHaveLength(200);
    expectFindings(hopDpiAvance, many(201), [], ['E018 /lignesImport']);
  });
});

describe('HOP-DPI: request header', () => {
  test('numLigne: an integer from 1 to 200', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"numLigne": 2,', '"numLigne": 200,']], [`A023 ${R1}/numLigne`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"numLigne": 2,', '"numLigne": 201,']], [`E013 ${R1}/numLigne`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"numLigne": 1,', '"numLigne": 0,']], [`E013 ${R0}/numLigne`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"numLigne": 1,', '"numLigne": 1.0,']], [`E013 ${R0}/numLigne`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"numLigne": 1,', '"numLigne": -1,']], [`E013 ${R0}/numLigne`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"numLigne": 1,', '"numLigne": null,']], [`E006 ${R0}/numLigne`]);
  });

  test('numeroEditeur: exactly 5 characters (the attachment is named after it)', () => {
    // The attachment is well named for any 5 digits: no advice built from the invalid number.
    expectFindings(hopDpiAvance, DPI_BASE, [['"numeroEditeur": "00002"', '"numeroEditeur": "0002"']], [`E007 ${R1}/numeroEditeur`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"numeroEditeur": "00002"', '"numeroEditeur": "00000"']], [`E035 ${R1}/numeroEditeur`]);
  });

  test('typeAction: tolerated when absent, "C" when present', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"typeAction": "C",\n      ', '']], []);
    expectFindings(hopDpiAvance, DPI_BASE, [['"typeAction": "C"', '"typeAction": null']], [`E006 ${R0}/typeAction`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"typeAction": "C"', '"typeAction": "c"']], [`E009 ${R0}/typeAction`]);
  });

  test('numeroASP: tolerated when absent, null when present', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"numeroASP": null,\n      ', '']], []);
    expectFindings(hopDpiAvance, DPI_BASE, [['"numeroASP": null', '"numeroASP": ""']], [`E005 ${R0}/numeroASP`]);
  });

  test('codeTraitement, libelleTraitement: tolerated when absent, a previous output’s text accepted and overwritten', () => {
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [
        ['"codeTraitement": null', '"codeTraitement": "E030"'],
        ['"libelleTraitement": null', '"libelleTraitement": "ancien texte"'],
      ],
      [],
    );
    expectFindings(hopDpiAvance, DPI_BASE, [['"codeTraitement": null', '"codeTraitement": 30']], [`E004 ${R0}/codeTraitement`]);
    const out = JSON.parse(decoder.decode(outputBytes(run(hopPfiAvance, PFI_BASE).output!)));
    expect(out.lignesImport[1].codeTraitement).toBe('0000');
  });

  test('an unknown tag, a tag of the MDV-LGC order', () => {
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"dateEditionCommande": "13/10/2023"', '"dateCommande": "13/10/2023"']],
      [`E002 ${R0}/commande/dateCommande`, `E001 ${R0}/commande/dateEditionCommande`],
    );
  });
});

describe('HOP-DPI: commande', () => {
  test('dates: real JJ/MM/AAAA dates', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"dateEditionCommande": "02/09/2025"', '"dateEditionCommande": "29/02/2024"']], []);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"dateEditionCommande": "02/09/2025"', '"dateEditionCommande": "29/02/2023"']],
      [`E010 ${R1}/commande/dateEditionCommande`],
    );
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"dateSignatureCommande": "02/09/2025"', '"dateSignatureCommande": "2/09/2025"']],
      [`E010 ${R1}/commande/dateSignatureCommande`],
    );
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"dateSignatureCommande": "02/09/2025"', '"dateSignatureCommande": null']],
      [`E006 ${R1}/commande/dateSignatureCommande`],
    );
  });

  test('signature before edition: warning A009 naming the edition date; same day: accepted', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [], []); // request 2 is signed the day it is issued
    const result = expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"dateSignatureCommande": "15/01/2024"', '"dateSignatureCommande": "12/10/2023"']],
      [`A009 ${R0}/commande/dateSignatureCommande`],
    );
    const warning = result.requests[0]!.warnings[0]!;
    expect(warning.message).toContain('commande.dateEditionCommande = "13/10/2023"');
    expect(warning.message).toContain('"12/10/2023"');
    expect(result.status).toBe('accepted');
    expect(
      run(hopDpiAvance, applyEdits(DPI_BASE, [['"dateSignatureCommande": "15/01/2024"', '"dateSignatureCommande": "12/10/2023"']]), {
        strict: true,
      }).requests[0]!.codeTraitement,
    ).toBe('A009');
  });

  test('signature not in the future (today: accepted, tomorrow: warning A006)', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"dateSignatureCommande": "02/09/2025"', '"dateSignatureCommande": "22/11/2026"']], []);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"dateSignatureCommande": "02/09/2025"', '"dateSignatureCommande": "23/11/2026"']],
      [`A006 ${R1}/commande/dateSignatureCommande`],
    );
    // An edition date in the future is not itself reported; a signature before it is.
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [
        ['"dateEditionCommande": "02/09/2025"', '"dateEditionCommande": "01/12/2026"'],
        ['"dateSignatureCommande": "02/09/2025"', '"dateSignatureCommande": "02/12/2026"'],
      ],
      [`A006 ${R1}/commande/dateSignatureCommande`],
    );
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"dateEditionCommande": "02/09/2025"', '"dateEditionCommande": "01/12/2026"']],
      [`A009 ${R1}/commande/dateSignatureCommande`],
    );
  });

  test('regimeTVA: "TTC" or "HT"', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"regimeTVA": "TTC"', '"regimeTVA": "HT"']], [], { vatRate: '0' });
    expectFindings(hopDpiAvance, DPI_BASE, [['"regimeTVA": "TTC"', '"regimeTVA": "TVA"']], [`E009 ${R0}/commande/regimeTVA`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"regimeTVA": "TTC"', '"regimeTVA": null']], [`E006 ${R0}/commande/regimeTVA`]);
  });

  test.each([
    ['TTC', '20', true],
    ['TTC', '8.5', true],
    ['TTC', '0', true],
    ['HT', '0', true],
    ['HT', '20', false],
    ['HT', '8.5', false],
  ] as const)('VAT: regime %s, rate %s: accepted %s', (regime, vatRate, ok) => {
    const edits: Fixture['edits'] = regime === 'HT' ? [['"regimeTVA": "TTC"', '"regimeTVA": "HT"']] : [];
    expectFindings(hopDpiAvance, DPI_BASE, edits, ok ? [] : [`E030 ${R0}/commande/regimeTVA`], { vatRate });
  });

  test('VAT: no rate chosen, no check', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"regimeTVA": "TTC"', '"regimeTVA": "HT"']], [], { vatRate: undefined });
  });

  test('montantSegurHT: a number with two decimals, greater than 0', () => {
    const m = (to: string, expected: string[]) =>
      expectFindings(hopDpiAvance, DPI_BASE, [['"montantSegurHT": 1250.00', `"montantSegurHT": ${to}`]], expected);
    const at = `${R0}/commande/montantSegurHT`;
    m('0.01', []);
    m('99999999.99', []);
    m('0.00', [`E012 ${at}`]);
    m('-1.00', [`E012 ${at}`]);
    m('1250', [`E011 ${at}`]);
    m('1250.5', [`E011 ${at}`]);
    m('1250.000', [`E011 ${at}`]);
    m('1.25e3', [`E011 ${at}`]);
    m('"1250.00"', [`E004 ${at}`]);
    m('null', [`E006 ${at}`]);
  });

  test('typePrestation: "V2" or "V1V2"', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"typePrestation": "V1V2"', '"typePrestation": "V2"']], []);
    // An empty string is "not filled" (E006), not a value off the list.
    expectFindings(hopDpiAvance, DPI_BASE, [['"typePrestation": "V1V2"', '"typePrestation": ""']], [`E006 ${R0}/commande/typePrestation`]);
    for (const bad of ['V1', 'v2', 'V1 V2']) {
      const result = expectFindings(
        hopDpiAvance,
        DPI_BASE,
        [['"typePrestation": "V1V2"', `"typePrestation": "${bad}"`]],
        [`E009 ${R0}/commande/typePrestation`],
      );
      expect(result.requests[0]!.errors[0]!.message).toContain('« V2 » ou « V1V2 »');
    }
  });
});

describe('HOP-DPI: beneficiaires', () => {
  const B0 = `${R0}/beneficiaires`;
  const B1 = `${R1}/beneficiaires`;

  test('FINESSPMSI: 9 characters, Luhn key (warning), Corsican numbers not checked', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"FINESSPMSI": "980000640"', '"FINESSPMSI": "2A0000013"']], []);
    expectFindings(hopDpiAvance, DPI_BASE, [['"FINESSPMSI": "980000640"', '"FINESSPMSI": "9800006400"']], [`E007 ${B0}/FINESSPMSI`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"FINESSPMSI": "980000640"', '"FINESSPMSI": "980000604"']], [`A004 ${B0}/FINESSPMSI`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"FINESSPMSI": "980000640"', '"FINESSPMSI": 980000640']], [`E004 ${B0}/FINESSPMSI`]);
  });

  test('nomClient: upper case, at most 50 characters as in the examples — a warning only (A022)', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"nomClient": "CLINIQUE DU PARC"', `"nomClient": "${'A'.repeat(50)}"`]], []);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"nomClient": "CLINIQUE DU PARC"', `"nomClient": "${'A'.repeat(51)}"`]],
      [`A022 ${B1}/nomClient`],
    );
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"nomClient": "CLINIQUE DU PARC"', '"nomClient": "Clinique du Parc"']],
      [`A022 ${B1}/nomClient`],
    );
    expectFindings(hopDpiAvance, DPI_BASE, [['"nomClient": "CLINIQUE DU PARC"', '"nomClient": null']], [`E006 ${B1}/nomClient`]);
  });

  test('emailClient: an e-mail address of at most 150 characters', () => {
    const local = (n: number) => 'd'.repeat(n - '@clinique-du-parc.fr'.length);
    expectFindings(hopDpiAvance, DPI_BASE, [['"dsi@clinique-du-parc.fr"', `"${local(150)}@clinique-du-parc.fr"`]], []);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"dsi@clinique-du-parc.fr"', `"${local(151)}@clinique-du-parc.fr"`]],
      [`E008 ${B1}/emailClient`],
    );
    expectFindings(hopDpiAvance, DPI_BASE, [['"dsi@clinique-du-parc.fr"', '"dsi@clinique du parc.fr"']], [`A020 ${B1}/emailClient`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"dsi@clinique-du-parc.fr"', '"dr.durand@clinique-éléa.fr"']], []);
  });

  test('telephoneClient: at most 50 characters', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [['"telephoneClient": "01 02 03 04 05"', `"telephoneClient": "${'1'.repeat(50)}"`]], []);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"telephoneClient": "01 02 03 04 05"', `"telephoneClient": "${'1'.repeat(51)}"`]],
      [`E008 ${B1}/telephoneClient`],
    );
  });

  test('representative: same formats as the client', () => {
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"nomRepresentant": "EVRARD"', '"nomRepresentant": "Evrard"']],
      [`A022 ${B0}/nomRepresentant`],
    );
    expectFindings(hopDpiAvance, DPI_BASE, [['"l.evrard@ch-saint-eloi.fr"', '"l.evrard"']], [`A020 ${B0}/emailRepresentant`]);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"telephoneRepresentant": "+33715698229"', `"telephoneRepresentant": "${'7'.repeat(51)}"`]],
      [`E008 ${B0}/telephoneRepresentant`],
    );
  });

  // Request 1 has a representative (EVRARD), request 2 has none (three null).
  const NOM = ['"nomRepresentant": "EVRARD"', '"nomRepresentant": null'] as const;
  const EMAIL = ['"emailRepresentant": "l.evrard@ch-saint-eloi.fr"', '"emailRepresentant": null'] as const;
  const TEL = ['"telephoneRepresentant": "+33715698229"', '"telephoneRepresentant": null'] as const;
  test.each([
    ['name only', [EMAIL, TEL], 'nomRepresentant'],
    ['e-mail only', [NOM, TEL], 'emailRepresentant'],
    ['telephone only', [NOM, EMAIL], 'telephoneRepresentant'],
    ['no name', [NOM], 'nomRepresentant'],
    ['no e-mail', [EMAIL], 'emailRepresentant'],
    ['no telephone', [TEL], 'telephoneRepresentant'],
  ] as const)('E026: representative with %s → the odd one out is blamed', (_, edits, blamed) => {
    expectFindings(hopDpiAvance, DPI_BASE, edits, [`E026 ${B0}/${blamed}`]);
  });

  test('E026: all three null, all three filled: accepted', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [NOM, EMAIL, TEL], []);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [
        ['"nomRepresentant": null', '"nomRepresentant": "DURAND"'],
        ['"emailRepresentant": null', '"emailRepresentant": "durand@exemple.fr"'],
        ['"telephoneRepresentant": null', '"telephoneRepresentant": "0102030405"'],
      ],
      [],
    );
  });

  test('E026: a missing tag is E001; two present that disagree blame nomRepresentant', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [[',\n        "telephoneRepresentant": null', '']], [`E001 ${B1}/telephoneRepresentant`]);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [[',\n        "telephoneRepresentant": "+33715698229"', ''], EMAIL],
      [`E001 ${B0}/telephoneRepresentant`, `E026 ${B0}/nomRepresentant`],
    );
  });

  test('E026 message shows what was found', () => {
    const result = run(hopDpiAvance, applyEdits(DPI_BASE, [EMAIL]));
    expect(result.requests[0]!.errors[0]!.message).toContain('trouvé : null');
  });
});

describe('HOP-DPI: piecesJustificatives', () => {
  const P0 = `${R0}/piecesJustificatives/0`;
  const P1 = `${R1}/piecesJustificatives/0`;

  test('at least one attachment', () => {
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [
        [
          '"piecesJustificatives": [\n        {\n          "nomFichier": "HOP-DPI-Va2-BDC-00002.png"',
          '"piecesJustificatives": null, "x": [\n        {\n          "nomFichier": "HOP-DPI-Va2-BDC-00002.png"',
        ],
      ],
      [`E006 ${R1}/piecesJustificatives`, `E002 ${R1}/x`],
    );
    const two = '{\n          "nomFichier": "HOP-DPI-Va2-BDC-00002.png",\n          "formatFichier": "PNG"\n        }';
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [[two, `${two}, { "nomFichier": "HOP-DPI-Va2-BDC-00002.pdf", "formatFichier": "PDF", "typeFichier": "BON_COMMANDE" }`]],
      [],
    );
  });

  test('nomFichier: at most 100 characters', () => {
    const name = (n: number) => `HOP-DPI-Va2-BDC-00002${'x'.repeat(n - 'HOP-DPI-Va2-BDC-00002.png'.length)}.png`;
    expect(name(100)).toHaveLength(100);
    expectFindings(hopDpiAvance, DPI_BASE, [['"HOP-DPI-Va2-BDC-00002.png"', `"${name(100)}"`]], [`A005 ${P1}/nomFichier`]);
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"HOP-DPI-Va2-BDC-00002.png"', `"${name(101)}"`]],
      [`E008 ${P1}/nomFichier`, `A005 ${P1}/nomFichier`],
    );
  });

  test('formatFichier: PDF, PNG or JPG', () => {
    expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [
        ['"HOP-DPI-Va2-BDC-00002.png"', '"HOP-DPI-Va2-BDC-00002.jpg"'],
        ['"formatFichier": "PNG"', '"formatFichier": "JPG"'],
      ],
      [],
    );
    expectFindings(hopDpiAvance, DPI_BASE, [['"formatFichier": "PNG"', '"formatFichier": "JPEG"']], [`E009 ${P1}/formatFichier`]);
  });

  test('typeFichier: tolerated when absent, "BON_COMMANDE" when present', () => {
    expectFindings(hopDpiAvance, DPI_BASE, [[',\n          "typeFichier": "BON_COMMANDE"', '']], []);
    expectFindings(hopDpiAvance, DPI_BASE, [['"typeFichier": "BON_COMMANDE"', '"typeFichier": "BDC"']], [`E009 ${P0}/typeFichier`]);
  });

  test('naming: HOP-DPI-Va2-BDC-numeroEditeur.format, format in lower case', () => {
    const result = expectFindings(
      hopDpiAvance,
      DPI_BASE,
      [['"HOP-DPI-Va2-BDC-00002.png"', '"HOP-DPI-Va2-BDC-00002.PNG"']],
      [`A005 ${P1}/nomFichier`],
    );
    expect(result.requests[1]!.warnings[0]!.message).toContain('« HOP-DPI-Va2-BDC-00002.png »');
    expectFindings(hopDpiAvance, DPI_BASE, [['"HOP-DPI-Va2-BDC-00002.png"', '"HOP-DPI-Va2-BDC-00001.png"']], [`A005 ${P1}/nomFichier`]);
    expectFindings(hopDpiAvance, DPI_BASE, [['"HOP-DPI-Va2-BDC-00002.png"', '"HOP-PFI-Va2-BDC-00002.png"']], [`A005 ${P1}/nomFichier`]);
  });
});

describe.each(SETS)('$name: scenarioInstallation', ({ ruleSet, base, flags, other }) => {
  const text = read(base);
  const S0 = `${R0}/scenarioInstallation`;

  test('datePrevisionnelleLivraison: a real date, which may be in the future', () => {
    const planned = /"datePrevisionnelleLivraison": "[^"]*"/.exec(text)![0];
    expectFindings(ruleSet, text, [[planned, '"datePrevisionnelleLivraison": "31/12/2099"']], []);
    expectFindings(ruleSet, text, [[planned, '"datePrevisionnelleLivraison": "30/02/2025"']], [`E010 ${S0}/datePrevisionnelleLivraison`]);
    expectFindings(ruleSet, text, [[planned, '"datePrevisionnelleLivraison": null']], [`E006 ${S0}/datePrevisionnelleLivraison`]);
  });

  test.each(flags.map((f) => [f]))('%s: a required boolean', (flag) => {
    const current = new RegExp(`"${flag}": (true|false)`).exec(text)![0];
    expectFindings(ruleSet, text, [[current, `"${flag}": ${current.endsWith('true') ? 'false' : 'true'}`]], []);
    expectFindings(ruleSet, text, [[current, `"${flag}": "true"`]], [`E004 ${S0}/${flag}`]);
    expectFindings(ruleSet, text, [[current, `"${flag}": null`]], [`E006 ${S0}/${flag}`]);
    expectFindings(ruleSet, text, [[`,\n        ${current}`, '']], [`E001 ${S0}/${flag}`]);
  });

  test('the other software’s booleans are unknown', () => {
    const last = new RegExp(`"${flags.at(-1)}": (true|false)`).exec(text)![0];
    expectFindings(ruleSet, text, [[last, `${last},\n        "${other[0]}": false`]], [`E002 ${S0}/${other[0]}`]);
  });
});

describe('HOP-DPI: uniqueness across the file', () => {
  test('numLigne and numeroEditeur: every later duplicate is rejected', () => {
    const result = run(hopDpiAvance, dpiFile([dpiRequest(1), dpiRequest(1, '00002'), dpiRequest(1, '00003'), dpiRequest(4, '00003')]));
    expect(result.requests.map((r) => r.codeTraitement)).toEqual(['0000', 'E020', 'E020', 'E021']);
    expect(result.requests[1]!.errors[0]!.message).toContain('demande n° 1');
    expect(result.requests[3]!.errors.map((e) => `${e.code} ${e.path}`)).toEqual(['E021 /lignesImport/3/numeroEditeur']);
  });
});

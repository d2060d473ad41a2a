import { describe, expect, it } from 'vitest';
import { simulate } from '../../core/simulate';
import { outputBytes } from '../../core/annotate';
import { codesOf, exampleFile, tagRows } from '../../core/docs';
import type { Issue, SimulationOptions, SimulationResult } from '../../core/types';
import { applyEdits, type Fixture } from '../fixture';
import { CPX_REQUIRED, LETTERS_ONLY, msAvance, type CpxKey } from './avance';
import { FIRST_CERTIFICATE, FIRST_FLAGS, msAvanceBases, msAvanceFixtures, msAvanceOptions } from './fixtures';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function run(text: string, options: Partial<SimulationOptions> = {}): SimulationResult {
  return simulate(encoder.encode(text), { ...msAvanceOptions, ...options }, msAvance);
}

function allIssues(result: SimulationResult): Issue[] {
  return [...result.globalErrors, ...result.globalWarnings, ...result.requests.flatMap((r) => [...r.errors, ...r.warnings])];
}

function base(name: string): string {
  const found = msAvanceBases.find((b) => b.name === name);
  if (!found) throw new Error(`no base ${name}`);
  return found.text;
}

const STRUCTURES = base('avance-structures.json');
const IMBRIQUE = base('avance-imbrique.json');

/** Codes and paths of the errors and warnings, compactly. */
function summary(result: SimulationResult): string[] {
  return allIssues(result).map((i) => `${i.code} ${i.path}`);
}

describe('MS advance — rule set', () => {
  it('is a reconstructed avance rule set for the MS couloirs, without profiles', () => {
    expect(msAvance.type).toBe('avance');
    expect(msAvance.dsr).toBe('MS');
    expect(msAvance.reconstructed).toMatch(/21\/09\/2023/);
    expect(msAvance.reconstructed).toMatch(/ne sont pas contrôlées/);
    expect(msAvance.form).toEqual({ profiles: false, vatRates: ['20', '8.5', '0'] });
    expect(msAvance.request.open).toBe(true);
  });

  it('accepts its own example file, with no warning', () => {
    const result = run(exampleFile(msAvance));
    expect(result.status).toBe('accepted');
    expect(summary(result)).toEqual([]);
    expect(exampleFile(msAvance)).toContain('"demandeCertificatServeur": true');
  });

  it('documents the certificate block under “tout objet portant FINESSJuridique”', () => {
    const rows = tagRows(msAvance).filter((r) => r.path.startsWith('lignesImport[]…(tout objet portant FINESSJuridique)'));
    expect(rows.map((r) => r.tag)).toEqual([
      'FINESSJuridique',
      'demandeCertificatServeur',
      'contracutualisationOG',
      'StatutAdminTechnique',
      'contractualisationEditeur',
      'certificatServeur',
      'numeroCarteCPX',
      'nomAdminTechnique',
      'telAdminTechnique',
      'emailAdminTechnique',
      'utiliteCertificat',
    ]);
    // The carrier of the example is not walked twice.
    expect(tagRows(msAvance).filter((r) => r.tag === 'numeroCarteCPX')).toHaveLength(1);
  });

  it.each(msAvanceBases.map((b) => [b.name, b] as const))('accepts the base file %s with no warning', (_, b) => {
    const result = run(b.text, b.options);
    expect(summary(result)).toEqual([]);
    expect(result.status).toBe('accepted');
  });

  it('overwrites a previous output’s treatment tags and adds the missing ones', () => {
    const result = run(IMBRIQUE);
    expect(result.requests.map((r) => r.codeTraitement)).toEqual(['0000', '0000']);
    const out = JSON.parse(decoder.decode(outputBytes(result.output!))) as { lignesImport: Record<string, unknown>[] };
    expect(out.lignesImport.map((r) => r['codeTraitement'])).toEqual(['0000', '0000']);
    const second = JSON.parse(decoder.decode(outputBytes(run(STRUCTURES).output!))) as { lignesImport: Record<string, unknown>[] };
    expect(second.lignesImport[1]!['libelleTraitement']).toBe('Demande acceptée');
  });
});

describe('MS advance — fixtures', () => {
  const byKey = (f: Fixture) => `${f.code} — ${f.title}`;

  it.each(msAvanceFixtures.map((f) => [byKey(f), f] as const))('%s', (_, fixture) => {
    const b = msAvanceBases.find((x) => x.name === fixture.base)!;
    const result = run(applyEdits(b.text, fixture.edits), { ...b.options, ...fixture.options });
    const hits = allIssues(result).filter((i) => i.code === fixture.code && i.path === fixture.path);
    expect(hits, `${fixture.code} at ${fixture.path}; found ${summary(result).join(', ')}`).not.toHaveLength(0);
    for (const hit of hits) expect(hit.message.length).toBeGreaterThan(10);
  });

  it('covers every code the rule set can report (G codes aside), with no stray code', () => {
    const codes = codesOf(msAvance).filter((c) => !c.startsWith('G'));
    const covered = new Set(msAvanceFixtures.map((f) => f.code));
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
    expect([...covered].filter((c) => !codes.includes(c))).toEqual([]);
  });

  it('uses bases that exist and edits that apply', () => {
    for (const f of msAvanceFixtures) {
      const b = msAvanceBases.find((x) => x.name === f.base);
      expect(b, f.title).toBeDefined();
      expect(() => applyEdits(b!.text, f.edits)).not.toThrow();
    }
  });
});

describe('MS advance — numeroCarteCPX by the guide’s table', () => {
  const CPX_PATH = '/lignesImport/0/beneficiaires/0/certificatServeur/numeroCarteCPX';
  // The guide's table, as printed (seeds/003): OG, statut, éditeur → CPX.
  const TABLE: readonly [boolean, 'E' | 'S', boolean, 'FACULTATIF' | 'OBLIGATOIRE'][] = [
    [false, 'E', false, 'FACULTATIF'],
    [false, 'S', false, 'FACULTATIF'],
    [false, 'E', true, 'OBLIGATOIRE'],
    [false, 'S', true, 'FACULTATIF'],
    [true, 'E', false, 'FACULTATIF'],
    [true, 'S', false, 'OBLIGATOIRE'],
    [true, 'E', true, 'OBLIGATOIRE'],
    [true, 'S', true, 'OBLIGATOIRE'],
  ];

  const withRow = (og: boolean, statut: string, editeur: boolean, cpx: string | null | undefined) => {
    const flags = `"contracutualisationOG": ${og},\n          "StatutAdminTechnique": "${statut}",\n          "contractualisationEditeur": ${editeur},`;
    const card = cpx === undefined ? '' : `"numeroCarteCPX": ${cpx === null ? 'null' : `"${cpx}"`},\n            `;
    const certificate = FIRST_CERTIFICATE.replace('"numeroCarteCPX": "8001234567",\n            ', card);
    return applyEdits(STRUCTURES, [
      [FIRST_FLAGS, flags],
      [FIRST_CERTIFICATE, certificate],
    ]);
  };

  it('encodes the 8 rows of the table', () => {
    expect(Object.keys(CPX_REQUIRED)).toHaveLength(8);
    for (const [og, statut, editeur, cpx] of TABLE)
      expect(CPX_REQUIRED[`${og}|${statut}|${editeur}` as CpxKey]).toBe(cpx === 'OBLIGATOIRE');
  });

  it('matches the documented summary: required when the administrator’s side has already contracted', () => {
    for (const [og, statut, editeur] of TABLE) {
      expect(CPX_REQUIRED[`${og}|${statut}|${editeur}` as CpxKey]).toBe(statut === 'E' ? editeur : og);
    }
    const doc = tagRows(msAvance).find((r) => r.tag === 'numeroCarteCPX')!.required;
    expect(doc).toContain('(false, E, true), (true, S, false), (true, E, true), (true, S, true)');
  });

  describe.each(TABLE)('OG %s, statut %s, éditeur %s → %s', (og, statut, editeur, cpx) => {
    it('accepts the card number', () => {
      const result = run(withRow(og, statut, editeur, 'CPX8000001'));
      expect(summary(result)).toEqual([]);
    });

    it(cpx === 'OBLIGATOIRE' ? 'rejects a null card number (E006)' : 'accepts a null card number', () => {
      const result = run(withRow(og, statut, editeur, null));
      if (cpx === 'OBLIGATOIRE') {
        expect(summary(result)).toEqual([`E006 ${CPX_PATH}`]);
        expect(result.requests[0]!.errors[0]!.message).toMatch(/numeroCarteCPX.*doit être renseignée/);
        expect(result.requests[1]!.codeTraitement).toBe('0000');
      } else {
        expect(summary(result)).toEqual([]);
      }
    });

    it('rejects a card tag left out altogether (E001: a documented tag is written, null when empty)', () => {
      const result = run(withRow(og, statut, editeur, undefined));
      expect(summary(result)).toEqual([`E001 ${CPX_PATH}`]);
    });
  });
});

describe('MS advance — where the block stands', () => {
  it('checks the block at every depth: beneficiaires array, nested objects, the request itself', () => {
    // One fault per holder of the nested file: each is reported at its own path.
    const text = applyEdits(IMBRIQUE, [
      ['"nomAdminTechnique": "BOUVIER"', '"nomAdminTechnique": "BOUVIER1"'],
      ['"nomAdminTechnique": "VIE"', '"nomAdminTechnique": "VIE2"'],
      ['"demandeCertificatServeur": false', '"demandeCertificatServeur": "non"'],
      ['"nomAdminTechnique": "CHAN"', '"nomAdminTechnique": "CHAN3"'],
    ]);
    expect(summary(run(text))).toEqual([
      'E019 /lignesImport/0/mandataire/organismeGestionnaire/certificatServeur/nomAdminTechnique',
      'E019 /lignesImport/0/etablissements/liste/1/certificatServeur/nomAdminTechnique',
      'E004 /lignesImport/1/demandeCertificatServeur',
      'E019 /lignesImport/1/structure/entite/juridique/certificatServeur/nomAdminTechnique',
    ]);
    const first = applyEdits(STRUCTURES, [['"nomAdminTechnique": "STU"', '"nomAdminTechnique": "STU1"']]);
    expect(summary(run(first))).toEqual(['E019 /lignesImport/0/beneficiaires/0/certificatServeur/nomAdminTechnique']);
  });

  it('names the faulty tag by its path from the request in the message', () => {
    const text = applyEdits(IMBRIQUE, [['"nomAdminTechnique": "CHAN"', '"nomAdminTechnique": "CHAN3"']]);
    const [error] = run(text).requests[1]!.errors;
    expect(error!.message).toContain('« structure.entite.juridique.certificatServeur.nomAdminTechnique »');
    expect(error!.message).toContain('lettres uniquement');
  });

  it('accepts a holder of FINESSJuridique without the block', () => {
    const result = run(STRUCTURES);
    expect(result.requests[0]!.errors).toEqual([]);
    expect(STRUCTURES).toContain('"FINESSJuridique": "330058082",\n          "FINESSGeo"');
  });

  it('accepts demandeCertificatServeur = false with the four others null, absent, or certificatServeur {} / all null', () => {
    const variants = [
      ['"certificatServeur": null', '"certificatServeur": {}'],
      [
        '"contracutualisationOG": null,\n          "StatutAdminTechnique": null,\n          "contractualisationEditeur": null,\n          "certificatServeur": null,',
        '',
      ],
    ] as const;
    for (const edit of variants) expect(summary(run(applyEdits(STRUCTURES, [edit])))).toEqual([]);
  });

  it('rejects demandeCertificatServeur = false with a flag filled (E005) or a certificate tag filled (E017)', () => {
    const flag = applyEdits(STRUCTURES, [['"StatutAdminTechnique": null', '"StatutAdminTechnique": "E"']]);
    expect(summary(run(flag))).toEqual(['E005 /lignesImport/0/beneficiaires/1/StatutAdminTechnique']);
    const card = applyEdits(STRUCTURES, [
      [
        '"numeroCarteCPX": null,\n            "nomAdminTechnique": null',
        '"numeroCarteCPX": "CPX1",\n            "nomAdminTechnique": null',
      ],
    ]);
    expect(summary(run(card))).toEqual(['E017 /lignesImport/1/beneficiaires/1/certificatServeur/numeroCarteCPX']);
  });

  it('requires the whole block once demandeCertificatServeur = true', () => {
    const text = applyEdits(IMBRIQUE, [['"demandeCertificatServeur": false', '"demandeCertificatServeur": true']]);
    expect(summary(run(text))).toEqual([
      'E001 /lignesImport/1/contracutualisationOG',
      'E001 /lignesImport/1/StatutAdminTechnique',
      'E001 /lignesImport/1/contractualisationEditeur',
      'E001 /lignesImport/1/certificatServeur',
    ]);
  });

  it('hints at a misspelt block tag, both as missing and as unknown', () => {
    const text = applyEdits(STRUCTURES, [['"nomAdminTechnique": "STU"', '"nomAdminTechniqe": "STU"']]);
    const messages = run(text).requests[0]!.errors.map((e) => `${e.code} ${e.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^E001 .*nomAdminTechnique.*manquante.*« nomAdminTechniqe ».*faute de frappe/),
      expect.stringMatching(/^E002 .*nomAdminTechniqe.* vouliez-vous dire « nomAdminTechnique »/),
    ]);
    const holder = applyEdits(STRUCTURES, [['"contracutualisationOG": true', '"contractualisationOG": true']]);
    expect(run(holder).requests[0]!.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/contracutualisationOG.*manquante.*« contractualisationOG »/),
    ]);
  });

  it('tolerates unknown tags elsewhere in the request and in the holder, and does not check them', () => {
    const text = applyEdits(STRUCTURES, [
      ['"numeroASP": null,', '"numeroASP": null,\n      "nouvelleBalise": {"x": [1, "deux", null]},\n      "montant": "pas un montant",'],
      ['"FINESSJuridique": "330058066",', '"FINESSJuridique": "330058066",\n          "commentaireLibre": 42,'],
      ['"dateCommande": "20/09/2023"', '"dateCommande": "2023-09-20"'],
    ]);
    expect(summary(run(text))).toEqual([]);
  });

  it('checks nothing of beneficiaires, undocumented for MS (not even its type)', () => {
    const text = applyEdits(STRUCTURES, [['"beneficiaires": [\n        {', '"beneficiaires": [\n        "texte",\n        {']]);
    expect(summary(run(text))).toEqual([]);
    expect(summary(run(applyEdits(IMBRIQUE, [['"beneficiaires": null', '"beneficiaires": {}']])))).toEqual([]);
  });
});

describe('MS advance — one certificate per FINESS juridique', () => {
  it('rejects the later of two orders for one FINESSJuridique in a request, naming the earlier', () => {
    const text = applyEdits(IMBRIQUE, [['"750000143"', '"690000039"']]);
    const result = run(text);
    expect(summary(result)).toEqual(['E027 /lignesImport/0/etablissements/liste/1/demandeCertificatServeur']);
    expect(result.requests[0]!.errors[0]!.message).toContain('"690000039"');
    expect(result.requests[0]!.errors[0]!.message).toContain('mandataire.organismeGestionnaire de la même demande');
  });

  it('rejects the later of two orders across requests, naming the earlier request', () => {
    const result = run(applyEdits(STRUCTURES, [['"670000124"', '"330058066"']]));
    expect(summary(result)).toEqual(['E027 /lignesImport/1/beneficiaires/0/demandeCertificatServeur']);
    expect(result.requests[0]!.codeTraitement).toBe('0000');
    expect(result.requests[1]!.codeTraitement).toBe('E027');
    expect(result.requests[1]!.errors[0]!.message).toContain('demande n° 1 du fichier, beneficiaires.1');
  });

  it('accepts one FINESSJuridique listed twice when at most one orders a certificate', () => {
    // The second structure of request 1 has demandeCertificatServeur = false.
    const once = applyEdits(STRUCTURES, [['"590000014"', '"330058066"']]);
    expect(summary(run(once))).toEqual([]);
    // Neither orders.
    const neither = applyEdits(STRUCTURES, [['"330058082"', '"590000014"']]);
    expect(summary(run(neither))).toEqual([]);
  });

  it('reports each further order against the first one', () => {
    const text = applyEdits(IMBRIQUE, [
      ['"750000143"', '"690000039"'],
      ['"750000168"', '"690000039"'],
    ]);
    const result = run(text);
    expect(summary(result)).toEqual([
      'E027 /lignesImport/0/etablissements/liste/1/demandeCertificatServeur',
      'E027 /lignesImport/1/structure/entite/juridique/demandeCertificatServeur',
    ]);
    expect(result.requests[1]!.errors[0]!.message).toContain('demande n° 1 du fichier, mandataire.organismeGestionnaire');
  });
});

describe('MS advance — nomAdminTechnique, letters only', () => {
  it.each(['STU', 'Lefèvre-D’Aubigné', "D'ARTAGNAN", 'ÉLODIE MARTIN', 'Cœur', 'Strauß', 'E\u0301LISE'])('accepts %s', (name) => {
    expect(LETTERS_ONLY.test(name)).toBe(true);
  });
  it.each(['STU2', 'J.-P. MARTIN', 'DUPONT_JEAN', 'A/B', '', ' ', '-', 'Ⅻ', 'Πέτρος', 'Иван', '😀'])('refuses %j', (name) => {
    expect(LETTERS_ONLY.test(name)).toBe(false);
  });
});

describe('MS advance — form choices', () => {
  it('does not check the VAT rate (the MS commande block is not documented)', () => {
    for (const vatRate of ['20', '8.5', '0'] as const) expect(run(IMBRIQUE, { vatRate }).status).toBe('accepted');
  });

  it('keeps only the first error in portal-faithful mode, and makes A004 an error in strict mode', () => {
    const text = applyEdits(STRUCTURES, [
      ['"STU"', '"STU2"'],
      ['"a.stu@exemple.fr"', `"${'a'.repeat(151)}"`],
    ]);
    expect(run(text).requests[0]!.errors).toHaveLength(2);
    expect(run(text, { firstErrorOnly: true }).requests[0]!.errors).toHaveLength(1);
    const key = applyEdits(STRUCTURES, [['"330058066"', '"330058067"']]);
    expect(run(key).status).toBe('accepted');
    expect(run(key, { strict: true }).requests[0]!.codeTraitement).toBe('A004');
  });
});

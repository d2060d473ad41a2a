// Synthetic MDV-LGC advance files for the benchmark: deterministic (seeded), valid for the
// options below, pretty-printed with two spaces like src/rules/mdv-lgc/fixtures, amounts
// written with two decimals (`1075.00`).
//
// `scale` makes a file larger in bytes without more requests (a file holds at most 200):
// each request gets about `scale` times its content, as more doctors in `liberal`
// (isClientUnique false) or more FINESSGeo for a structure.

import type { SimulationOptions } from '../../src/core/types';

export const BENCH_OPTIONS: SimulationOptions = {
  type: 'avance',
  dsr: 'MDV-LGC',
  vatRate: '20',
  profiles: ['stockage-identite', 'general', 'mailiz', 'centre-sante'],
  today: '2026-11-22',
};

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Appends the Luhn key to `body` (digits only). */
export function withLuhnKey(body: string): string {
  let sum = 0;
  // The key will be the rightmost digit: from the right, body digits at odd positions are doubled.
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** A JSON number written with exactly two decimals. */
class Money {
  constructor(readonly cents: number) {}
  toJSON(): string {
    return `${Math.floor(this.cents / 100)}.${String(this.cents % 100).padStart(2, '0')}`;
  }
}

type Json = null | boolean | number | string | Money | Json[] | { [key: string]: Json };

/** Same layout as JSON.stringify(value, null, 2), plus Money written as raw numbers. */
export function pretty(value: Json, depth = 0): string {
  if (value === null) return 'null';
  if (value instanceof Money) return value.toJSON();
  if (typeof value !== 'object') return JSON.stringify(value);
  const inner = '\n' + '  '.repeat(depth + 1);
  const close = '\n' + '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + inner + value.map((v) => pretty(v, depth + 1)).join(',' + inner) + close + ']';
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  return '{' + inner + keys.map((k) => `${JSON.stringify(k)}: ${pretty(value[k]!, depth + 1)}`).join(',' + inner) + close + '}';
}

const utf8 = new TextEncoder();
const byteLength = (s: string) => utf8.encode(s).length;

const NAMES = [
  'DURAND',
  'LEFÈVRE',
  "N'GUYEN-MARTIN",
  'BERNARD',
  'PETIT',
  'ROBERT',
  'RICHARD',
  'DUBOIS',
  'MOREAU',
  'LAURENT',
  'SIMON',
  'MICHEL',
  'GARCIA',
  'DAVID',
  'BERTRAND',
  'ROUX',
  'VINCENT',
  'FOURNIER',
  'MOREL',
  'GIRARD',
  'ANDRÉ',
  'MERCIER',
  'BLANC',
  'GUÉRIN',
  'BOYER',
  'CHEVALIER',
  'FRANÇOIS',
  'LEGRAND',
  'GAUTHIER',
  'PERRIN',
  'ROUSSEAU',
  'FAURE',
  "D'ALMEIDA",
  'LE GALL',
  'BENOÎT',
  'HÉBERT',
  'MÜLLER',
  'TRAORÉ',
  'BEN SAÏD',
  'COLIN-MAILLARD',
];
const CENTRES = ['centre-sante-rive-gauche', 'msp-des-trois-vallees', 'cds-municipal', 'pole-sante-du-lac', 'cpts-val-de-loire'];
const OPERATORS = [null, null, 'ENO_5', 'MAI_15', 'GIP_1', 'INO_4', 'GCS_12', 'ADI_16', 'CH _20'];
const FORMATS = ['PDF', 'PDF', 'PDF', 'PNG', 'JPG'];

const ascii = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

interface Gen {
  readonly r: () => number;
  readonly rpps: Set<string>;
  readonly finess: Set<string>;
}

const int = (g: Gen, lo: number, hi: number) => lo + Math.floor(g.r() * (hi - lo + 1));
const pick = <T>(g: Gen, list: readonly T[]): T => list[Math.floor(g.r() * list.length)]!;
const bool = (g: Gen, p = 0.5) => g.r() < p;

function digits(g: Gen, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(g.r() * 10));
  return s;
}

function unique(set: Set<string>, make: () => string): string {
  for (;;) {
    const s = make();
    if (!set.has(s)) {
      set.add(s);
      return s;
    }
  }
}

/** RPPS: 11 digits starting with 10, Luhn key last; unique in the file. */
const rpps = (g: Gen) => unique(g.rpps, () => withLuhnKey('10' + digits(g, 8)));
/** FINESS: department (01–95) + 6 digits + Luhn key; unique in the file. */
const finess = (g: Gen) => unique(g.finess, () => withLuhnKey(String(int(g, 1, 95)).padStart(2, '0') + digits(g, 6)));

function phone(g: Gen): string {
  return bool(g, 0.8) ? '0' + int(g, 1, 7) + digits(g, 8) : '+336' + digits(g, 8);
}

function doctor(g: Gen, contact: boolean): Json {
  const name = pick(g, NAMES);
  return {
    nomMedecin: name,
    emailMedecin: contact ? `dr.${ascii(name)}${int(g, 1, 99)}@exemple.fr` : null,
    telephoneMedecin: contact ? phone(g) : null,
    RPPS: rpps(g),
  };
}

function dateBefore2026_11_22(g: Gen): string {
  const year = int(g, 2024, 2026);
  const month = year === 2026 ? int(g, 1, 10) : int(g, 1, 12);
  const day = int(g, 1, 28);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Per-array-item byte cost at `depth`: the item, plus `,\n` and its indentation. */
function itemBytes(item: Json, depth: number): number {
  return byteLength(pretty(item, depth)) + 2 + 2 * depth;
}

// Depths in the pretty-printed file: root 0, lignesImport items 2, beneficiaires 3,
// liberal / structure 4, a doctor / structure's FINESSGeo 5, a FINESSGeo item 6.
const REQUEST_DEPTH = 2;
const DOCTOR_DEPTH = 5;
const GEO_DEPTH = 6;

function request(g: Gen, index: number, scale: number): Json {
  const numeroEditeur = String(101 + index * 3).padStart(5, '0');
  const structure = bool(g, 0.35);
  const format = pick(g, FORMATS);
  const base = {
    numLigne: index + 1,
    typeAction: 'C',
    numeroASP: null,
    numeroEditeur,
    commande: {
      dateCommande: dateBefore2026_11_22(g),
      regimeTVA: 'TTC',
      montantSegurHT: new Money(pick(g, [35833, 71667, 107500, 143333, 179167, 215000]) + (bool(g, 0.2) ? int(g, 1, 9999) : 0)),
    },
  };
  const tail = {
    piecesJustificatives: [
      { nomFichier: `MDV-LGC-Va1-BDC-${numeroEditeur}.${format.toLowerCase()}`, formatFichier: format, typeFichier: 'BON_COMMANDE' },
    ],
    scenarioInstallation: {
      isCentreDeSante: structure && bool(g, 0.5),
      operateurMessagerie: pick(g, OPERATORS),
      isProSanteConnectNeeded: bool(g),
      isDirectToDMP: bool(g, 0.8),
      isPFIToDMP: bool(g, 0.2),
      isDirectToMSSPro: bool(g, 0.8),
      isPFIToMSSPro: bool(g, 0.2),
      isDirectToMSSCitoyen: bool(g, 0.3),
      isPFIToMSSCitoyen: bool(g, 0.1),
    },
    codeTraitement: null,
    libelleTraitement: null,
  };

  let beneficiaires: { [key: string]: Json };
  if (structure) {
    const centre = pick(g, CENTRES);
    const geo: string[] = [];
    for (let i = int(g, 1, 5); i > 0; i--) geo.push(finess(g));
    beneficiaires = {
      commandePour: 'STRUCTURE',
      isMandataire: null,
      isClientUnique: null,
      nomMandataire: null,
      emailMandataire: null,
      telephoneMandataire: null,
      liberal: [],
      structure: {
        FINESSJuridique: finess(g),
        nomResponsable: pick(g, NAMES),
        emailResponsable: `direction@${centre}.fr`,
        telephoneResponsable: phone(g),
        FINESSGeo: geo,
      },
    };
    if (scale > 1) {
      const extra = (scale - 1) * byteLength(pretty({ ...base, beneficiaires, ...tail }, REQUEST_DEPTH));
      for (let added = 0; added < extra;) {
        const f = finess(g);
        geo.push(f);
        added += itemBytes(f, GEO_DEPTH);
      }
    }
  } else {
    const count = pick(g, [1, 1, 1, 2, 2, 3, 4]);
    const mandate = count > 1 && bool(g, 0.5);
    const lead = pick(g, NAMES);
    const doctors: Json[] = [];
    for (let i = 0; i < count; i++) doctors.push(doctor(g, !mandate || i === 0));
    const liberal = (unique: boolean, mandataire: boolean): { [key: string]: Json } => ({
      commandePour: 'LIBERAL',
      isMandataire: mandataire,
      isClientUnique: unique,
      nomMandataire: !unique && mandataire ? lead : null,
      emailMandataire: !unique && mandataire ? `dr.${ascii(lead)}@exemple.fr` : null,
      telephoneMandataire: !unique && mandataire ? phone(g) : null,
      liberal: doctors,
      structure: bool(g)
        ? {}
        : { FINESSJuridique: null, nomResponsable: null, emailResponsable: null, telephoneResponsable: null, FINESSGeo: [] },
    });
    beneficiaires = liberal(count === 1, mandate);
    if (scale > 1) {
      const extra = (scale - 1) * byteLength(pretty({ ...base, beneficiaires, ...tail }, REQUEST_DEPTH));
      if (count === 1) beneficiaires = liberal(false, false); // several doctors now: isClientUnique false
      for (let added = 0; added < extra;) {
        const d = doctor(g, !mandate);
        doctors.push(d);
        added += itemBytes(d, DOCTOR_DEPTH);
      }
    }
  }
  return { ...base, beneficiaires, ...tail };
}

export interface BenchFile {
  readonly label: string;
  readonly requests: number;
  readonly bytes: Uint8Array;
}

/**
 * A file of `requests` requests, each with about `scale` times the content of the
 * scale-1 file's request (same seed: essentially the same requests, grown).
 */
export function benchFile(label: string, { requests = 200, scale = 1, seed = 20261122 } = {}): BenchFile {
  const lignesImport: Json[] = [];
  const rppsSeen = new Set<string>();
  const finessSeen = new Set<string>();
  for (let i = 0; i < requests; i++) {
    // One random stream per request, so a request's base content hardly depends on the scale
    // (only a rare identifier collision, redrawn to keep RPPS / FINESS unique in the file).
    const g: Gen = { r: rng(seed ^ Math.imul(i + 1, 0x9e3779b1)), rpps: rppsSeen, finess: finessSeen };
    lignesImport.push(request(g, i, scale));
  }
  const file: Json = { impId: null, numeroAns: 'MDVLGC0001', siret: '73282932000074', lignesImport };
  return { label, requests, bytes: utf8.encode(pretty(file) + '\n') };
}

/** Replaces every match of `pattern` (global) in `text`, or throws when there is none (the generator changed). */
function replaceAll(text: string, pattern: RegExp, replacement: string): string {
  const out = text.replace(pattern, replacement);
  if (out === text) throw new Error(`bench file: nothing matched ${pattern}`);
  return out;
}

/**
 * The valid 200-request file with one error in every request: `dateCommande` written as an ISO
 * date (E010 commande.dateCommande in each request), so every request is rejected.
 */
export function allRejectedFile(label: string, options: { requests?: number; scale?: number } = {}): BenchFile {
  const valid = benchFile(label, options);
  const text = new TextDecoder().decode(valid.bytes);
  const edited = replaceAll(text, /"dateCommande": "(\d\d)\/(\d\d)\/(\d{4})"/g, '"dateCommande": "$3-$2-$1"');
  return { label, requests: valid.requests, bytes: utf8.encode(edited) };
}

/**
 * The valid file with fourteen errors in every request (wrong types, a date, an amount,
 * values out of their lists, an unknown tag): a results list of thousands of findings.
 */
export function manyFindingsFile(label: string, options: { requests?: number; scale?: number } = {}): BenchFile {
  const valid = benchFile(label, options);
  let text = new TextDecoder().decode(valid.bytes);
  text = replaceAll(text, /"dateCommande": "(\d\d)\/(\d\d)\/(\d{4})"/g, '"dateCommande": "$3-$2-$1"'); // E010
  text = replaceAll(text, /"typeAction": "C"/g, '"typeAction": "Z"'); // E009
  text = replaceAll(text, /"regimeTVA": "TTC"/g, '"regimeTVA": "TVA"'); // E009
  text = replaceAll(text, /"numLigne": (\d+)/g, '"numLigne": "$1"'); // E004
  text = replaceAll(text, /"montantSegurHT": (\d+)\.(\d)\d/g, '"montantSegurHT": $1.$2'); // E011
  text = replaceAll(text, /"numeroASP": null/g, '"numeroASP": "X"'); // E005
  for (const flag of [
    'isProSanteConnectNeeded',
    'isDirectToDMP',
    'isPFIToDMP',
    'isDirectToMSSPro',
    'isPFIToMSSPro',
    'isDirectToMSSCitoyen',
    'isPFIToMSSCitoyen',
  ]) {
    text = replaceAll(text, new RegExp(`"${flag}": (true|false)`, 'g'), `"${flag}": "$1"`); // E004 ×7
  }
  text = replaceAll(text, /"codeTraitement": null/g, '"champInconnu": 1,\n      "codeTraitement": null'); // E002
  return { label, requests: valid.requests, bytes: utf8.encode(text) };
}

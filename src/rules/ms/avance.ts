// MS1 / MS2 — demande d'avance (couloirs médico-sociaux, logiciels DUI). Block documented,
// rest reconstructed: the ASP user guide of 21/09/2023 (seeds/003, shared/spec/ms-certificat-serveur.md)
// documents the server-certificate block written beside each FINESSJuridique, not the rest of
// the MS advance JSON. So this rule set checks the file header, each request's header and
// traitement tags, and every certificate block wherever it stands; the other tags of a request
// are tolerated and not checked.

import * as v from 'valibot';
import {
  FROM_FIELDS,
  type AnywhereBlock,
  type FieldDef,
  type FileRule,
  type Format,
  type RequestContext,
  type RequestRule,
  type RuleSet,
} from '../../core/model';
import { holders, tagLabel } from '../../core/validate';
import { nearest } from '../../core/hint';
import { memberOf } from '../../core/json/ast';
import { boolean, email, finess, oneOf, varcharMax } from '../common/formats';
import { arrayOf, object, tag, when } from '../common/define';
import { fileHeader } from '../common/header';
import { numLigneSequence, uniqueInFile } from '../common/rules';
import { numLigne, numeroAspAvance, numeroEditeur, treatmentTags, typeAction } from '../common/request';
import { msAvanceMeta } from './meta';

const B = 'Bénéficiaires';
const C = 'Certificat serveur';
const OPTIONAL = { presence: 'optional' } as const;

// ── Local formats ───────────────────────────────────────────────────────────────────────────

/**
 * Letters only (the portal's edit form: « champ de saisie alphabétique uniquement ») : Latin
 * letters, accented or not (precomposed `É`, or `E` + combining accent), `ß`, `æ`, `œ`…; a space,
 * a hyphen `-` and an apostrophe (`'` or `’`) between words. No digit, no dot, no other sign;
 * at least one letter.
 */
export const LETTERS_ONLY = /^(?=.*\p{L})(?:(?=\p{L})\p{Script=Latin}|\p{M}|[ '’-])+$/u;

export function lettersOnly(n: number): Format {
  return {
    label: `VARCHAR (<${n}), lettres uniquement`,
    expected: `une chaîne de lettres uniquement (accents, espaces, traits d’union et apostrophes permis) d’au plus ${n} caractères`,
    type: 'string',
    schema: v.pipe(
      v.string('E004'),
      v.maxLength(n, 'E008'),
      v.check((s: string) => LETTERS_ONLY.test(s), 'E019'),
    ),
    json: { pattern: LETTERS_ONLY.source }, // a `u` pattern, as JSON Schema's are
  };
}

// ── The guide's table: when numeroCarteCPX is required ──────────────────────────────────────

export type Statut = 'E' | 'S';
export type CpxKey = `${boolean}|${Statut}|${boolean}`;

/**
 * The 8 rows of the guide's table (demandeCertificatServeur = true), keyed
 * `${contracutualisationOG}|${StatutAdminTechnique}|${contractualisationEditeur}`:
 * true when numeroCarteCPX is required (« OBLIGATOIRE »), false when optional (« FACULTATIF »).
 */
export const CPX_REQUIRED: Readonly<Record<CpxKey, boolean>> = {
  'false|E|false': false,
  'false|S|false': false,
  'false|E|true': true,
  'false|S|true': false,
  'true|E|false': false,
  'true|S|false': true,
  'true|E|true': true,
  'true|S|true': true,
};

const cpxRow = (key: CpxKey) => {
  const [og, statut, editeur] = key.split('|');
  return `(${og}, ${statut}, ${editeur})`;
};
const REQUIRED_ROWS = (Object.keys(CPX_REQUIRED) as CpxKey[]).filter((k) => CPX_REQUIRED[k]).map(cpxRow);

const CPX_DOC =
  'Obligatoire si demandeCertificatServeur = true et que l’administrateur technique relève d’une partie ayant déjà contractualisé avec l’ANS ' +
  '(StatutAdminTechnique « E » avec contractualisationEditeur = true, ou « S » avec contracutualisationOG = true), soit (contracutualisationOG, ' +
  `StatutAdminTechnique, contractualisationEditeur) = ${REQUIRED_ROWS.join(', ')} ; facultatif (null permis) dans les autres cas`;

// ── Fill rules: they see the object holding FINESSJuridique as their root ──────────────────

/** What `demandeCertificatServeur` says: the block ordered, not ordered (or absent), or unreadable. */
type Demande = 'oui' | 'non' | 'illisible';

function demande(ctx: RequestContext): Demande {
  const node = ctx.at('demandeCertificatServeur');
  if (!node || (node.type === 'boolean' && !node.value)) return 'non';
  return node.type === 'boolean' ? 'oui' : 'illisible';
}

/** The row of the guide's table this block falls in, when the three flags are readable. */
export function cpxKey(ctx: RequestContext): CpxKey | undefined {
  const og = ctx.value('contracutualisationOG');
  const statut = ctx.value('StatutAdminTechnique');
  const editeur = ctx.value('contractualisationEditeur');
  if (typeof og !== 'boolean' || (statut !== 'E' && statut !== 'S') || typeof editeur !== 'boolean') return undefined;
  return `${og}|${statut}|${editeur}`;
}

const flagFill = when('Obligatoire si demandeCertificatServeur = true ; null ou absente sinon', (ctx) => {
  const d = demande(ctx);
  return d === 'oui' ? 'filled' : d === 'non' ? 'null' : 'nullable';
});

const blockFill = when(
  'Obligatoire si demandeCertificatServeur = true ; sinon null, absent, ou objet dont toutes les balises sont null',
  (ctx) => {
    const d = demande(ctx);
    return d === 'oui' ? 'filled' : d === 'non' ? 'empty-or-null' : 'nullable';
  },
  { empties: true },
);

const adminFill = when('Obligatoire si demandeCertificatServeur = true', (ctx) => (demande(ctx) === 'oui' ? 'filled' : 'nullable'));

const cpxFill = when(CPX_DOC, (ctx) => {
  if (demande(ctx) !== 'oui') return 'nullable';
  const key = cpxKey(ctx);
  return key !== undefined && CPX_REQUIRED[key] ? 'filled' : 'nullable';
});

const finessFill = when(
  'Obligatoire si demandeCertificatServeur = true (le certificat est lié au FINESS juridique) ; null permis sinon',
  (ctx) => (demande(ctx) === 'oui' ? 'filled' : 'nullable'),
);

// ── The block ───────────────────────────────────────────────────────────────────────────────

const certificatServeur = tag(
  C,
  'certificatServeur',
  'Informations du certificat serveur et de son administrateur technique.',
  object([
    tag(
      C,
      'numeroCarteCPX',
      'Numéro de la carte CPx de l’administrateur technique (10 caractères au plus).',
      varcharMax(10),
      cpxFill,
      '8001234567',
    ),
    tag(
      C,
      'nomAdminTechnique',
      'Nom de l’administrateur technique : lettres uniquement, 25 caractères au plus.',
      lettersOnly(25),
      adminFill,
      'STU',
    ),
    tag(C, 'telAdminTechnique', 'Téléphone de l’administrateur technique.', varcharMax(50), adminFill, '0603334174'),
    tag(C, 'emailAdminTechnique', 'Courriel de l’administrateur technique.', email(150), adminFill, 'a.stu@exemple.fr'),
    tag(
      C,
      'utiliteCertificat',
      'Usage du certificat : DMP, INS (INSi) ou les deux (« DMP,INS », sans espace).',
      oneOf(['DMP', 'INS', 'DMP,INS']),
      adminFill,
      'DMP,INS',
    ),
  ]),
  blockFill,
  FROM_FIELDS,
  OPTIONAL,
);

/** FINESSJuridique and the certificate block written right after it (seeds/003, section 2). */
const holderFields: readonly FieldDef[] = [
  tag(
    B,
    'FINESSJuridique',
    'FINESS juridique de la structure bénéficiaire (9 caractères, le dernier est une clé de Luhn) ; un certificat serveur au plus par FINESS juridique dans le fichier.',
    finess,
    finessFill,
    '330058066',
  ),
  tag(
    C,
    'demandeCertificatServeur',
    'Le fournisseur commande-t-il un certificat serveur (DMP et INSi) pour cette entité juridique via le portail ? Commande facultative dans le JSON : la balise peut être absente ; présente, elle vaut true ou false et le bloc est contrôlé en entier.',
    boolean,
    when('true ou false (pas null)', () => 'filled'),
    true,
    OPTIONAL,
  ),
  tag(
    C,
    'contracutualisationOG',
    'L’organisme gestionnaire (OG) a-t-il déjà contractualisé avec l’ANS ? (orthographe du guide : « contracutualisationOG »).',
    boolean,
    flagFill,
    true,
    OPTIONAL,
  ),
  tag(
    C,
    'StatutAdminTechnique',
    'Statut de l’administrateur technique : « E » (Editeur) ou « S » (Structure) ; S majuscule initial, orthographe du guide.',
    oneOf(['E', 'S']),
    flagFill,
    'S',
    OPTIONAL,
  ),
  tag(C, 'contractualisationEditeur', 'L’éditeur a-t-il déjà contractualisé avec l’ANS ?', boolean, flagFill, false, OPTIONAL),
  certificatServeur,
];

const BLOCK_TAGS = ['contracutualisationOG', 'StatutAdminTechnique', 'contractualisationEditeur', 'certificatServeur'] as const;

export const certificateBlock: AnywhereBlock = {
  holds: 'FINESSJuridique',
  label: 'tout objet portant FINESSJuridique',
  shape: object(holderFields, { open: true }),
};

/**
 * Carries the example of a beneficiary structure (the example file is built from the request's
 * fields only). Its content is not checked here (`deferred`): the certificate block is checked
 * wherever it stands by `certificateBlock`. Only its type is: null, or an array of objects.
 */
const beneficiaires = tag(
  B,
  'beneficiaires',
  'Structures bénéficiaires (structure non documentée pour MS, non contrôlée ; forme supposée : un tableau d’objets). Chaque structure porte son FINESSJuridique suivi du bloc certificat serveur, contrôlé où qu’il se trouve dans la demande.',
  arrayOf(object(holderFields, { open: true, deferred: true }), { label: 'Tableau d’objets structure' }),
  // Undocumented for MS: shown in the documentation and the example file, never checked.
  when('Non documentée pour MS : non contrôlée', () => 'unchecked'),
  [FROM_FIELDS],
  OPTIONAL,
);

// ── Rules ───────────────────────────────────────────────────────────────────────────────────

/** demandeCertificatServeur = true: the four other tags of the block must be written. */
const completeBlockRule: RequestRule = {
  code: 'E001',
  doc: `Si demandeCertificatServeur = true, les balises ${BLOCK_TAGS.join(', ')} sont présentes à côté de lui.`,
  check(ctx, report) {
    for (const { object: holder, rel } of holders(ctx.node, 'FINESSJuridique')) {
      const node = memberOf(holder, 'demandeCertificatServeur');
      if (node?.type !== 'boolean' || !node.value) continue;
      const documented = new Set<string>(holderFields.map((d) => d.tag));
      const strangers = holder.members.map((m) => m.key).filter((k) => !documented.has(k));
      for (const name of BLOCK_TAGS) {
        if (memberOf(holder, name)) continue;
        const hint = nearest(name, strangers);
        report({ code: 'E001', node: holder, path: [...rel, name], args: hint ? { hint } : {} });
      }
    }
  },
};

/** One server certificate per legal entity, across the whole file. */
const oneCertificatePerFiness: FileRule = {
  code: 'E027',
  doc: 'Un seul certificat serveur par FINESS juridique : deux structures de même FINESSJuridique, dans une demande ou dans le fichier, ne peuvent pas toutes deux avoir demandeCertificatServeur = true (la seconde est rejetée).',
  check(requests, report) {
    const first = new Map<string, { index: number; rel: readonly (string | number)[] }>();
    for (const ctx of requests) {
      for (const { object: holder, rel } of holders(ctx.node, 'FINESSJuridique')) {
        const asked = memberOf(holder, 'demandeCertificatServeur');
        const id = memberOf(holder, 'FINESSJuridique');
        if (asked?.type !== 'boolean' || !asked.value || id?.type !== 'string') continue;
        const earlier = first.get(id.value);
        if (!earlier) {
          first.set(id.value, { index: ctx.index, rel });
          continue;
        }
        const where =
          earlier.index === ctx.index
            ? `${tagLabel(earlier.rel) || 'racine'} de la même demande`
            : `demande n° ${earlier.index + 1} du fichier, ${tagLabel(earlier.rel) || 'racine'}`;
        report({
          index: ctx.index,
          code: 'E027',
          node: asked,
          path: [...rel, 'demandeCertificatServeur'],
          args: { found: `"${id.value}"`, where },
        });
      }
    }
  },
};

// ── The rule set ────────────────────────────────────────────────────────────────────────────

export const msAvance: RuleSet = {
  ...msAvanceMeta,
  header: fileHeader({ numeroAns: 'MS1DUI0001' }),
  request: object([numLigne(), typeAction('avance'), numeroAspAvance(), numeroEditeur('avance'), beneficiaires, ...treatmentTags], {
    open: true,
  }),
  requestRules: [completeBlockRule],
  fileRules: [uniqueInFile('E020', 'numLigne'), uniqueInFile('E021', 'numeroEditeur'), numLigneSequence, oneCertificatePerFiness],
  anywhere: [certificateBlock],
};

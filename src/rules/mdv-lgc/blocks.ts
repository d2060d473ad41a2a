// MDV-LGC blocks shared by the advance and the balance: beneficiaries and installation
// scenario (seeds/002, section 3.2), and their coherence rules.

import { FROM_FIELDS, type PresenceRule, type RequestContext, type RequestRule } from '../../core/model';
import { boolean, email, finess, oneOf, operator, rpps, upperName, varcharMax } from '../common/formats';
import { NULLABLE, REQUIRED, arrayOf, object, tag, when } from '../common/define';

const B = 'Bénéficiaires';
const S = "Scénario d'installation";

const commandePour = (ctx: RequestContext) => ctx.value('beneficiaires', 'commandePour');
const isMandataire = (ctx: RequestContext) => ctx.value('beneficiaires', 'isMandataire');

/**
 * LIBERAL: required; STRUCTURE: «à ne pas renseigner» (seed 002 lines 527-535): null, `false`
 * or the tag left out (see `structureMayOmit`); `true` refused by a rule (E005).
 */
const liberalFlag = when(
  'Obligatoire si commandePour = « LIBERAL » ; à ne pas renseigner si « STRUCTURE » (null, false ou balise absente ; true refusé)',
  (ctx) => (commandePour(ctx) === 'LIBERAL' ? 'filled' : 'nullable'),
);

/** «à ne pas renseigner» for a STRUCTURE: the tag may be left out altogether. */
const structureMayOmit: PresenceRule = {
  doc: 'balise facultative si commandePour = « STRUCTURE »',
  optional: (ctx) => commandePour(ctx) === 'STRUCTURE',
};

/**
 * The representative's tags: filled only when one doctor signs for several (LIBERAL); null
 * otherwise — for a STRUCTURE always null, whatever its flags hold (seed 002 lines 560-610:
 * «à ne pas renseigner si la commande est pour une structure»).
 */
const mandataire = when(
  'Obligatoire si isClientUnique = false et isMandataire = true (LIBERAL), sinon null ; toujours null si « STRUCTURE »',
  (ctx) => {
    if (commandePour(ctx) === 'STRUCTURE') return 'null';
    const unique = ctx.value('beneficiaires', 'isClientUnique');
    const mandate = isMandataire(ctx);
    if (typeof unique !== 'boolean' || typeof mandate !== 'boolean') return 'nullable';
    return !unique && mandate ? 'filled' : 'null';
  },
);

/** A doctor's contact: optional when a representative signs for them. */
const doctorContact = when('Obligatoire, sauf si isMandataire = true (null permis)', (ctx) =>
  isMandataire(ctx) === true ? 'nullable' : 'filled',
);

const structureTag = when('Obligatoire si commandePour = « STRUCTURE »', () => 'filled');

// While commandePour itself is wrong, what `liberal` and `structure` should hold is unknown:
// they are left unchecked rather than burying the one real error under consequences.
const liberalFill = when(
  'Obligatoire si commandePour = « LIBERAL » (au moins un médecin) ; [] si « STRUCTURE »',
  (ctx) => {
    const who = commandePour(ctx);
    return who === 'LIBERAL' ? 'filled' : who === 'STRUCTURE' ? 'empty' : 'unchecked';
  },
  { empties: true },
);

const structureFill = when(
  'Obligatoire si commandePour = « STRUCTURE » ; {} (ou balises à null) si « LIBERAL »',
  (ctx) => {
    const who = commandePour(ctx);
    return who === 'STRUCTURE' ? 'filled' : who === 'LIBERAL' ? 'empty' : 'unchecked';
  },
  { empties: true },
);

const doctor = object([
  tag(B, 'nomMedecin', 'Nom du médecin libéral, en majuscules.', upperName(50), REQUIRED, 'DURAND'),
  tag(
    B,
    'emailMedecin',
    'Courriel du médecin libéral ; facultatif s’il est représenté par un mandataire.',
    email(150),
    doctorContact,
    'dr.durand@exemple.fr',
  ),
  tag(
    B,
    'telephoneMedecin',
    'Téléphone du médecin libéral ; facultatif s’il est représenté par un mandataire.',
    varcharMax(50),
    doctorContact,
    '0102030405',
  ),
  tag(B, 'RPPS', 'Numéro RPPS du médecin libéral (11 chiffres, le dernier est une clé de Luhn).', rpps, REQUIRED, '10000000009'),
]);

const structure = object([
  tag(B, 'FINESSJuridique', 'FINESS juridique de la structure d’exercice coordonné.', finess, structureTag, '010000024'),
  tag(B, 'nomResponsable', 'Nom du responsable de l’établissement, en majuscules.', upperName(50), structureTag, 'MARTIN'),
  tag(B, 'emailResponsable', 'Courriel du responsable de l’établissement.', email(150), structureTag, 'direction@centre-exemple.fr'),
  tag(B, 'telephoneResponsable', 'Téléphone du responsable de l’établissement.', varcharMax(50), structureTag, '0102030405'),
  tag(
    B,
    'FINESSGeo',
    'FINESS géographiques des sites qui reçoivent la solution (au moins un).',
    arrayOf(finess, { min: 1, label: 'Tableau de VARCHAR (=9)' }),
    structureTag,
    ['010000032'],
  ),
]);

export const beneficiaires = tag(
  B,
  'beneficiaires',
  'Informations sur les bénéficiaires : médecins libéraux ou structure d’exercice coordonné.',
  object([
    tag(
      B,
      'commandePour',
      'Nature du client final : médecins libéraux (LIBERAL) ou structure d’exercice coordonné (STRUCTURE).',
      oneOf(['LIBERAL', 'STRUCTURE']),
      REQUIRED,
      'LIBERAL',
    ),
    tag(B, 'isMandataire', 'true : un médecin signe le bon de commande pour le compte de plusieurs.', boolean, liberalFlag, false, {
      presence: structureMayOmit,
    }),
    tag(B, 'isClientUnique', 'true : un seul médecin bénéficiaire.', boolean, liberalFlag, true, { presence: structureMayOmit }),
    tag(B, 'nomMandataire', 'Nom du mandataire, en majuscules.', upperName(50), mandataire, null),
    tag(B, 'emailMandataire', 'Courriel du mandataire.', email(150), mandataire, null),
    tag(B, 'telephoneMandataire', 'Téléphone du mandataire.', varcharMax(50), mandataire, null),
    tag(
      B,
      'liberal',
      'Un objet par médecin libéral bénéficiaire.',
      arrayOf(doctor, { min: 1, label: 'Tableau d’objets médecin' }),
      liberalFill,
      [FROM_FIELDS],
    ),
    tag(B, 'structure', 'La structure d’exercice coordonné bénéficiaire.', structure, structureFill, {}),
  ]),
  REQUIRED,
  FROM_FIELDS,
);

export const scenarioInstallation = tag(
  S,
  'scenarioInstallation',
  "Informations sur le scénario d'installation.",
  object([
    tag(
      S,
      'isCentreDeSante',
      'Le client est-il un centre de santé ? true demande le profil « Centres de santé ».',
      boolean,
      REQUIRED,
      false,
    ),
    tag(
      S,
      'operateurMessagerie',
      'Code de l’opérateur de messagerie sécurisée de santé (liste de la section 4 du guide), ou null. MAI_15 (Mailiz) demande le profil « Opérateur Mailiz ».',
      operator,
      NULLABLE,
      'ENO_5',
    ),
    tag(
      S,
      'isProSanteConnectNeeded',
      'Le LGC doit-il mettre en œuvre une identification électronique par Pro Santé Connect ?',
      boolean,
      REQUIRED,
      true,
    ),
    // Both tables of seed 002 print `isDirecToDMP` (lines 686, 789); seed 004 and vendors' files
    // `isDirectToDMP`: both accepted alike, the guide's spelling with an informative note (A001).
    tag(
      S,
      'isDirectToDMP',
      'Les documents de santé sont-ils envoyés au DMP directement depuis le LGC ? Les tables du guide écrivent « isDirecToDMP » : les deux orthographes sont acceptées (une seule par demande).',
      boolean,
      REQUIRED,
      true,
      {
        aliases: [{ tag: 'isDirecToDMP', code: 'A001' }],
      },
    ),
    tag(S, 'isPFIToDMP', 'Les documents de santé sont-ils envoyés au DMP via une application tierce ?', boolean, REQUIRED, false),
    tag(
      S,
      'isDirectToMSSPro',
      'Les documents de santé sont-ils envoyés par la MSS Pro directement depuis le LGC ?',
      boolean,
      REQUIRED,
      true,
    ),
    tag(
      S,
      'isPFIToMSSPro',
      'Les documents de santé sont-ils envoyés par la MSS Pro via une application tierce ?',
      boolean,
      REQUIRED,
      false,
    ),
    tag(
      S,
      'isDirectToMSSCitoyen',
      'Les documents de santé sont-ils envoyés par la MSS citoyen directement depuis le LGC ?',
      boolean,
      REQUIRED,
      false,
    ),
    tag(
      S,
      'isPFIToMSSCitoyen',
      'Les documents de santé sont-ils envoyés par la MSS citoyen via une application tierce ?',
      boolean,
      REQUIRED,
      false,
    ),
  ]),
  REQUIRED,
  FROM_FIELDS,
);

/** Coherence of the beneficiaries block. */
export const beneficiaryRules: readonly RequestRule[] = [
  {
    code: 'E022',
    doc: 'isClientUnique = true : exactement un médecin dans « liberal » ; false : au moins deux.',
    check(ctx, report) {
      if (commandePour(ctx) !== 'LIBERAL') return;
      const unique = ctx.at('beneficiaires', 'isClientUnique');
      const liberal = ctx.at('beneficiaires', 'liberal');
      if (unique?.type !== 'boolean' || liberal?.type !== 'array') return;
      const n = liberal.items.length;
      if (n === 0) return; // reported as an empty array
      if (unique.value ? n !== 1 : n < 2) {
        report({ code: 'E022', node: unique, path: ['beneficiaires', 'isClientUnique'], args: { found: String(unique.value), count: n } });
      }
    },
  },
  {
    code: 'E005',
    doc: 'Pour une STRUCTURE, isMandataire et isClientUnique ne sont pas renseignés (null, false toléré).',
    check(ctx, report) {
      if (commandePour(ctx) !== 'STRUCTURE') return;
      for (const name of ['isMandataire', 'isClientUnique']) {
        const node = ctx.at('beneficiaires', name);
        if (node?.type === 'boolean' && node.value) {
          report({
            code: 'E005',
            node,
            path: ['beneficiaires', name],
            args: { expected: 'non renseignée pour une STRUCTURE : null, false toléré', found: 'true' },
          });
        }
      }
    },
  },
];

// The tags every request of every guide starts and ends with: its header (numLigne,
// typeAction, numeroASP, numeroEditeur) and the traitement tags the simulator fills.

import type { FieldDef } from '../../core/model';
import type { RequestType } from '../../core/types';
import { ALWAYS_NULL, REQUIRED, TREATMENT, tag } from './define';
import * as v from 'valibot';
import type { Format } from '../../core/model';
import { anyString, aspNumber, integer, nullValue, oneOf } from './formats';
import { MAX_REQUESTS } from './header';

const H = 'Entête demande';
const T = 'Informations traitement de la demande';

/** Options of a header tag: tolerated when absent (HOP), with a note added to its description. */
interface TagOptions {
  readonly optional?: boolean;
  readonly note?: string;
}

const describe = (text: string, o: TagOptions) => (o.note ? `${text} ; ${o.note}.` : `${text}.`);
const presence = (o: TagOptions) => (o.optional ? { presence: 'optional' as const } : {});

export function numLigne(o: TagOptions = {}): FieldDef {
  return tag(
    H,
    'numLigne',
    describe(
      `Numéro de la demande dans le fichier, à partir de 1 (1, 2, 3… dans l’ordre : sinon avertissement), unique (au plus ${MAX_REQUESTS})`,
      o,
    ),
    integer(1, MAX_REQUESTS),
    REQUIRED,
    1,
    presence(o),
  );
}

export function typeAction(type: RequestType, o: TagOptions = {}): FieldDef {
  const what = type === 'solde' ? "Création d'une demande de solde" : "Création d'une demande";
  return tag(H, 'typeAction', describe(`${what} : « C », seule valeur possible`, o), oneOf(['C']), REQUIRED, 'C', presence(o));
}

/** An advance's ASP number: null, the ASP assigns it on import. */
export function numeroAspAvance(o: TagOptions = {}): FieldDef {
  return tag(
    H,
    'numeroASP',
    describe("Référence ASP de la demande : null pour une avance (l'ASP l'attribue à l'import)", o),
    nullValue,
    ALWAYS_NULL,
    null,
    presence(o),
  );
}

/** A balance's ASP number: the advance's file number, `FIN` + couloir + 6 digits. */
export function numeroAspSolde(couloir: string): FieldDef {
  return tag(
    H,
    'numeroASP',
    `Numéro de dossier ASP de l'avance (FIN${couloir} suivi de 6 chiffres) : il relie la demande de solde à sa demande d'avance.`,
    aspNumber(couloir),
    REQUIRED,
    `FIN${couloir}000006`,
  );
}

/**
 * `numeroEditeur`: VARCHAR (=5), numbered from « 00001 » (seed 002 line 479: «commence par
 * « 00001 »»): « 00000 » is E035.
 */
export const editeurNumber: Format = {
  label: 'VARCHAR (=5), à partir de 00001',
  expected: 'une chaîne de 5 caractères, à partir de 00001',
  type: 'string',
  schema: v.pipe(
    v.string('E004'),
    v.length(5, 'E007'),
    v.check((s: string) => s !== '00000', 'E035'),
  ),
};

/** A `numeroEditeur` the naming advice may be built from: 5 characters, not « 00000 ». */
export const isUsableEditeur = (s: unknown): s is string => typeof s === 'string' && s.length === 5 && s !== '00000';

export function numeroEditeur(type: RequestType): FieldDef {
  const text =
    type === 'solde'
      ? 'Numéro de la demande chez l’éditeur, le même que pour l’avance ; unique dans le fichier, il relie la demande à ses pièces.'
      : 'Numéro unique de la demande chez l’éditeur (à partir de 00001) ; relie la demande à ses pièces.';
  return tag(H, 'numeroEditeur', text, editeurNumber, REQUIRED, '00001');
}

/** `codeTraitement` / `libelleTraitement`: tolerated when absent, the output file adds them. */
export const treatmentTags: readonly FieldDef[] = [
  tag(
    T,
    'codeTraitement',
    'Code de traitement : null dans un nouveau fichier, rempli par le simulateur (0000 si la demande est acceptée).',
    anyString,
    TREATMENT,
    null,
    { presence: 'optional' },
  ),
  tag(
    T,
    'libelleTraitement',
    'Libellé de traitement : null dans un nouveau fichier, rempli par le simulateur (« Demande acceptée » ou le texte des erreurs).',
    anyString,
    TREATMENT,
    null,
    { presence: 'optional' },
  ),
];

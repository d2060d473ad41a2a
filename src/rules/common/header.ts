// The file header, the same in every guide: a fault here rejects the whole file.

import type { FieldDef, ObjectShape } from '../../core/model';
import { ALWAYS_NULL, REQUIRED, arrayOf, object, tag } from './define';
import { nullValue, siret, varcharEq } from './formats';

export const MAX_REQUESTS = 200;

const BLOCK = 'Entête fichier JSON';

/** `requests`: the shape of one request, checked one by one after the header. */
/** `numeroAns`: the example file's referencing number (a couloir's own, e.g. `BIOSGL0001`). */
export function fileHeader(options: { impIdOptional?: boolean; numeroAns?: string } = {}): ObjectShape {
  const fields: FieldDef[] = [
    tag(
      BLOCK,
      'impId',
      "Référence ASP du fichier JSON (usage interne) : toujours null, remplie par l'ASP.",
      nullValue,
      ALWAYS_NULL,
      null,
      options.impIdOptional ? { presence: 'optional' } : {},
    ),
    tag(
      BLOCK,
      'numeroAns',
      "Numéro de référencement du logiciel fourni par l'ANS.",
      varcharEq(10),
      REQUIRED,
      options.numeroAns ?? 'MDVLGC0001',
    ),
    // The field tables of seeds 002 and 004 print the tag `SIRET` (002 line 443, 004 line 377);
    // the public simulator's guide (000 line 342) and the HOP examples (001 line 136) `siret`.
    tag(
      BLOCK,
      'siret',
      "SIRET du fournisseur, tel que déclaré lors de l'enrôlement ; les tables des guides MDV et BIO écrivent la balise « SIRET », les exemples « siret » : les deux sont acceptées.",
      siret,
      REQUIRED,
      '73282932000074',
      {
        aliases: [{ tag: 'SIRET' }],
      },
    ),
    tag(
      BLOCK,
      'lignesImport',
      `Tableau des demandes (1 à ${MAX_REQUESTS}).`,
      arrayOf(object([], { deferred: true }), { min: 1, max: MAX_REQUESTS, label: `Tableau de 1 à ${MAX_REQUESTS} demandes` }),
      REQUIRED,
      [],
    ),
  ];
  return object(fields);
}

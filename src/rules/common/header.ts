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
    tag(BLOCK, 'impId', "Référence ASP du fichier JSON (usage interne) : toujours null, remplie par l'ASP.", nullValue, ALWAYS_NULL, null, options.impIdOptional ? { presence: 'optional' } : {}),
    tag(BLOCK, 'numeroAns', "Numéro de référencement du logiciel fourni par l'ANS.", varcharEq(10), REQUIRED, options.numeroAns ?? 'MDVLGC0001'),
    tag(BLOCK, 'siret', "SIRET du fournisseur, tel que déclaré lors de l'enrôlement.", siret, REQUIRED, '73282932000074'),
    tag(BLOCK, 'lignesImport', `Tableau des demandes (1 à ${MAX_REQUESTS}).`, arrayOf(object([], { deferred: true }), { min: 1, max: MAX_REQUESTS, label: `Tableau de 1 à ${MAX_REQUESTS} demandes` }), REQUIRED, []),
  ];
  return object(fields);
}

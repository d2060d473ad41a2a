import { mdvLgcAvance } from './avance';
import { mdvLgcSolde } from './solde';

export const ruleSets = [mdvLgcAvance, mdvLgcSolde];

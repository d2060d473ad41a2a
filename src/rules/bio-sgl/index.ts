import { bioSglSolde } from './solde';

export const ruleSets = [bioSglSolde];

import { msAvance } from './avance';

export const ruleSets = [msAvance];

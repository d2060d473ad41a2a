import { hopDpiAvance } from './dpi';
import { hopPfiAvance } from './pfi';

export const ruleSets = [hopDpiAvance, hopPfiAvance];

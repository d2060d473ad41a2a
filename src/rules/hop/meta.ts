// HOP-DPI and HOP-PFI (vague 2): what the form and the documentation index show of their rule
// sets (blocks.ts, dpi.ts and pfi.ts define them).

import type { RuleSetMeta } from '../../core/model';
import { VAGUE2_ATTACHMENTS } from '../../attachments/limits';

function vague2(dsr: 'HOP-DPI' | 'HOP-PFI', label: string): RuleSetMeta {
  return {
    type: 'avance',
    dsr,
    title: `${dsr} — demande d'avance, vague 2 (${label})`,
    reconstructed:
      `Le guide utilisateur fournisseur de la vague 2 (couloir Hôpital) ne publie aucune table des balises, ` +
      `seulement un fichier d'exemple par type de logiciel (DPI et PFI) ; les balises, leur ordre et les valeurs permises sont lus sur ces exemples, ` +
      `les formats (longueurs, dates, montants, courriels) repris de la documentation MDV-LGC. Tolérées lorsqu'elles sont absentes (absentes des exemples) : ` +
      `impId, typeAction, numeroASP, codeTraitement, libelleTraitement et typeFichier ; contrôlées comme pour MDV-LGC lorsqu'elles sont présentes. ` +
      `typePrestation n'accepte que les valeurs vues dans les exemples (« V2 », « V1V2 »).`,
    // Vague 2: TTC accepts 0 % too.
    form: { profiles: false, vatRates: ['20', '8.5', '0'] },
    attachments: VAGUE2_ATTACHMENTS,
  };
}

export const hopDpiMeta = vague2('HOP-DPI', 'dossier patient informatisé');
export const hopPfiMeta = vague2('HOP-PFI', 'plateforme d’intermédiation');

export const metas = [hopDpiMeta, hopPfiMeta];

// MDV-LGC: what the form and the documentation index show of its rule sets (the definitions
// are in avance.ts and solde.ts).

import type { RuleSetMeta } from '../../core/model';
import { VAGUE1_ATTACHMENTS } from '../../attachments/limits';

export const mdvLgcAvanceMeta: RuleSetMeta = {
  type: 'avance',
  dsr: 'MDV-LGC',
  title: "MDV-LGC — demande d'avance",
  form: { profiles: true, vatRates: ['20', '8.5', '0'] },
  attachments: VAGUE1_ATTACHMENTS,
};

export const mdvLgcSoldeMeta: RuleSetMeta = {
  type: 'solde',
  dsr: 'MDV-LGC',
  title: 'MDV-LGC — demande de solde',
  reconstructed:
    "Aucune documentation publique ne décrit le fichier de solde MDV-LGC : ses balises sont reconstituées à partir du simulateur public de l'ASP (numeroASP de 12 caractères), " +
    "du guide du solde BIO-SGL (bloc « facture », pièces FACTURE et VA) et du guide de l'avance MDV-LGC (en-têtes, bénéficiaires, scénario d'installation). " +
    "Le modèle de l'ASP peut en différer.",
  form: { profiles: false, vatRates: [] },
  attachments: VAGUE1_ATTACHMENTS,
};

export const metas = [mdvLgcAvanceMeta, mdvLgcSoldeMeta];

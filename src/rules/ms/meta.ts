// MS1 / MS2: what the form and the documentation index show of its rule set (avance.ts defines it).

import type { RuleSetMeta } from '../../core/model';
import { VAGUE2_ATTACHMENTS } from '../../attachments/limits';

export const msAvanceMeta: RuleSetMeta = {
  type: 'avance',
  dsr: 'MS',
  title: "MS1 / MS2 (médico-social) — demande d'avance",
  reconstructed:
    'Pour les couloirs médico-sociaux MS1 et MS2, seul le bloc de commande de certificats serveur est documenté ' +
    '(guide utilisateur fournisseur de l’ASP, demandes déposées à partir du 21/09/2023). Ce jeu de règles contrôle donc uniquement ' +
    'l’en-tête du fichier, les balises d’en-tête et de traitement de chaque demande (numLigne, typeAction, numeroASP, numeroEditeur, ' +
    'codeTraitement, libelleTraitement) et les blocs de certificat serveur écrits à côté de chaque FINESSJuridique, où qu’ils se trouvent ' +
    'dans la demande (un certificat au plus par FINESS juridique dans le fichier). Les autres balises d’une demande MS ne sont pas ' +
    'documentées et ne sont pas contrôlées.',
  form: { profiles: false, vatRates: ['20', '8.5', '0'] },
  attachments: VAGUE2_ATTACHMENTS,
};

export const metas = [msAvanceMeta];

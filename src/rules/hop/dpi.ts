// HOP-DPI — demande d'avance, vague 2 (couloir Hôpital, dossier patient informatisé).
// Reconstructed from the guide's DPI example file: seeds/001, shared/spec/hop-vague2-avance.md.

import type { RuleSet } from '../../core/model';
import { hopVague2Avance } from './blocks';
import { hopDpiMeta } from './meta';

export const hopDpiAvance: RuleSet = hopVague2Avance({
  meta: hopDpiMeta,
  code: 'DPI',
  numeroAns: 'MJCDPI0001',
  scenario: [
    ['isProSanteConnectNeeded', 'Le DPI doit-il mettre en œuvre une identification électronique par Pro Santé Connect ?', true],
    ['isFluxSortantDMPVersPFI', 'Les documents destinés au DMP sortent-ils du DPI vers la plateforme d’intermédiation (PFI) ?', true],
    ['isFluxSortantMSSVersPFI', 'Les messages de messagerie sécurisée de santé (MSS) sortent-ils du DPI vers la PFI ?', false],
    ['isFluxEntrantMSSDepuisPFI', 'Le DPI reçoit-il des messages de messagerie sécurisée de santé (MSS) depuis la PFI ?', false],
    ['isFluxEntrantDepuisRI', 'Le DPI reçoit-il un flux entrant depuis le RI ?', false],
  ],
});

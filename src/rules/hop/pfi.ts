// HOP-PFI — demande d'avance, vague 2 (couloir Hôpital, plateforme d'intermédiation).
// Reconstructed from the guide's PFI example file: seeds/001, shared/spec/hop-vague2-avance.md.

import type { RuleSet } from '../../core/model';
import { hopVague2Avance } from './blocks';
import { hopPfiMeta } from './meta';

export const hopPfiAvance: RuleSet = hopVague2Avance({
  meta: hopPfiMeta,
  code: 'PFI',
  numeroAns: 'CJMPFI0001',
  scenario: [
    ['isFluxEntrantDepuisDPI', 'La PFI reçoit-elle un flux entrant depuis le dossier patient informatisé (DPI) ?', false],
    ['isFluxEntrantDepuisRIS', 'La PFI reçoit-elle un flux entrant depuis le système d’information de radiologie (RIS) ?', false],
    ['isFluxEntrantDepuisSGL', 'La PFI reçoit-elle un flux entrant depuis le système de gestion de laboratoire (SGL) ?', false],
    ['isFluxSortantVersDPI', 'La PFI envoie-t-elle un flux sortant vers le DPI ?', false],
    ['isFluxSortantVersRIS', 'La PFI envoie-t-elle un flux sortant vers le RIS ?', false],
    ['isFluxSortantVersDMP', 'La PFI envoie-t-elle un flux sortant vers le DMP ?', false],
    ['isFluxSortantParMSS', 'La PFI envoie-t-elle un flux sortant par messagerie sécurisée de santé (MSS) ?', false],
  ],
});

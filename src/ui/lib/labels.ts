// The words of the form, as on the portal's screens (seeds/000).

import type { Profile, RequestType, SimulationOptions, Status, VatRate } from '../../core/types';
import { fr } from './typography';

export const TYPE_LABELS: Record<RequestType, string> = { avance: 'Avance', solde: 'Solde' };

export const PROFILE_LABELS: Record<Profile, string> = {
  'stockage-identite': "Stockage des copies de titres d'identité",
  general: 'Général',
  mailiz: 'Opérateur Mailiz',
  'centre-sante': 'Centres de santé',
};

export const VAT_LABELS: Record<VatRate, string> = { '20': '20 %', '8.5': '8,5 %', '0': '0 %' };

export const STATUS_LABELS: Record<Status, string> = {
  accepted: 'Toutes les demandes sont acceptées',
  rejected: 'Au moins une demande est rejetée',
  invalid: 'Format du fichier non conforme',
};

/** The portal's words (exact). */
export const PORTAL = {
  info: "Cette simulation permet de prévenir 90% des risques d'erreur que le fichier JSON peut contenir. La conformité de votre JSON sera testée, il se peut par conséquent que des erreurs se produisent.",
  accepted: "La simulation de l'import s'est déroulée correctement.",
  rejected:
    "Une ou plusieurs erreurs ont été retournées lors de la simulation de l'import. Veuillez corriger votre fichier en suivant les erreurs du fichier de retour.",
  invalid: 'Le JSON chargé ne respecte pas le format attendu',
  downloadOutput: 'Télécharger le fichier de sortie',
  close: 'Fermer',
} as const;

export const PRIVACY = fr`Vos fichiers ne quittent jamais votre navigateur : aucune donnée n'est envoyée sur le réseau.`;

/** « ligne 12, colonne 27 » */
export const position = (line: number, column: number) => `ligne ${line}, colonne ${column}`;

/** Under a field locked by the page that embeds the simulator (deep link `verrou=1`, attribute `verrou`). */
export const LOCKED_BY_EMBEDDER = "Réglé par la page d'intégration";

/** The settings a file was checked with, in words: « MDV-LGC — avance · TVA 20 % · contrôles stricts ». */
export function settingsWords(title: string, o: SimulationOptions): string {
  const words = [title];
  if (o.profiles && o.profiles.length > 0) words.push(fr`profils : ${o.profiles.map((p) => PROFILE_LABELS[p]).join(', ')}`);
  if (o.vatRate !== undefined) words.push(`TVA ${VAT_LABELS[o.vatRate]}`);
  if (o.strict) words.push('contrôles stricts');
  if (o.firstErrorOnly) words.push('première erreur seulement');
  return words.join(' · ');
}

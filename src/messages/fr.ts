// The one table of French texts: a message per code (what went wrong, where, what was
// expected, what was found) and a documentation entry per code. `satisfies` makes a
// missing text a type error.

import type { Code } from './codes';
import type { FindingArgs } from '../core/types';
import type { SyntaxReason } from '../core/json/parse';

type Message = (a: FindingArgs) => string;

const q = (s: string | undefined) => `« ${s ?? ''} »`;
const tag = (a: FindingArgs) => q(a.tag);
const found = (a: FindingArgs) => (a.found === undefined ? '' : ` ; trouvé : ${a.found === '' ? '(rien)' : a.found}`);

export const SYNTAX_REASONS = {
  empty: 'le fichier ne contient aucune donnée JSON',
  'unexpected-end': 'le fichier se termine avant la fin du JSON (accolade, crochet ou guillemet fermant manquant ?)',
  'unexpected-char': 'caractère inattendu à cet endroit : une valeur JSON était attendue',
  'expected-key': 'nom de balise attendu, entre guillemets doubles ("balise")',
  'expected-colon': 'deux-points « : » attendu après le nom de la balise',
  'expected-comma-or-close': 'virgule « , » ou fin de bloc attendue (virgule manquante entre deux éléments ?)',
  'trailing-comma': 'virgule en trop avant la fin du bloc',
  'single-quote': 'les chaînes et les noms de balise doivent être entre guillemets doubles ("), pas simples (\')',
  comment: 'les commentaires ne sont pas permis en JSON',
  'control-char-in-string': 'caractère de contrôle (saut de ligne, tabulation…) non échappé dans une chaîne : guillemet fermant manquant ?',
  'bad-escape': 'séquence d\'échappement invalide dans une chaîne (permises : \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  'bad-unicode-escape': 'échappement \\u invalide : quatre chiffres hexadécimaux attendus',
  'bad-number': 'nombre mal écrit (JSON : pas de « + » initial, pas de zéro non significatif, un chiffre de chaque côté du point)',
  'unknown-literal': 'valeur non reconnue : les seuls mots permis sont true, false et null (en minuscules), les textes vont entre guillemets',
  'trailing-content': 'contenu après la fin du JSON (un seul objet racine est permis)',
  'too-deep': 'imbrication trop profonde de tableaux ou d\'objets',
} as const satisfies Record<SyntaxReason, string>;

export const MESSAGES = {
  G001: (a) =>
    `Le fichier n'est pas encodé en UTF-8 : octets invalides ${a.found ?? ''}` +
    (a.hint ? ` (le fichier semble encodé en ${a.hint} : enregistrez-le en UTF-8).` : '.'),
  G002: (a) => `Le fichier est encodé en ${a.hint ?? 'UTF-16'} (octets ${a.found ?? ''}) : enregistrez-le en UTF-8.`,
  G003: (a) => `Le fichier est trop volumineux (${a.found ?? '?'} octets) : la taille maximale acceptée est de ${a.count ?? 0} octets.`,
  G010: (a) => `JSON mal formé : ${SYNTAX_REASONS[(a.reason ?? 'unexpected-char') as SyntaxReason]}${found(a)}.`,
  G011: (a) => `JSON mal formé : plus de ${a.count ?? 0} niveaux de tableaux ou d'objets imbriqués.`,
  G012: () => 'Le fichier est vide : il ne contient aucune donnée JSON.',

  E001: (a) => `Balise ${tag(a)} manquante` + (a.hint ? ` (une balise ${q(a.hint)} est présente : faute de frappe ?).` : '.'),
  E002: (a) => `Balise ${tag(a)} inconnue pour ce type de demande` + (a.hint ? ` : vouliez-vous dire ${q(a.hint)} ?` : '.'),
  E003: (a) => `Balise ${tag(a)} en double dans le même bloc` + (a.where ? ` (déjà présente ligne ${a.where}).` : '.'),
  E004: (a) => `${tag(a)} : ${a.expected ?? 'autre type'} attendu${found(a)}.`,
  E005: (a) => `${tag(a)} doit valoir null (${a.expected ?? ''})${found(a)}.`,
  E006: (a) => `${tag(a)} doit être renseignée (${a.expected ?? 'obligatoire'}) ; trouvé : ${a.found ?? 'null'}.`,
  E007: (a) => `${tag(a)} : exactement ${a.count ?? '?'} caractères attendus${found(a)}.`,
  E008: (a) => `${tag(a)} : au plus ${a.count ?? '?'} caractères attendus${found(a)}.`,
  E009: (a) => `${tag(a)} : valeur attendue parmi ${a.expected ?? ''}${found(a)}.`,
  E010: (a) => `${tag(a)} : date réelle au format JJ/MM/AAAA attendue${found(a)}.`,
  E011: (a) => `${tag(a)} : montant attendu avec exactement deux chiffres après le point (ex. 1075.00, ajouter .00 si le montant est entier)${found(a)}.`,
  E012: (a) => `${tag(a)} : montant strictement supérieur à 0 attendu${found(a)}.`,
  E013: (a) => `${tag(a)} : ${a.expected ?? 'nombre entier'} attendu${found(a)}.`,
  E014: (a) => `${tag(a)} : à saisir en MAJUSCULES${found(a)}.`,
  E015: (a) => `${tag(a)} : adresse électronique valide attendue (nom@domaine.fr)${found(a)}.`,
  E016: (a) => `${tag(a)} : au moins ${a.count ?? 1} élément(s) attendu(s)${found(a)}.`,
  E017: (a) => `${tag(a)} doit être vide (${a.expected ?? ''})${found(a)}.`,
  E018: (a) => `${tag(a)} : au plus ${a.count ?? '?'} éléments permis${found(a)}.`,
  E019: (a) => `${tag(a)} : ${a.expected ?? 'caractères non permis'}${found(a)}.`,
  E020: (a) => `${tag(a)} : le numéro de ligne ${a.found ?? ''} est déjà utilisé par une autre demande du fichier${a.where ? ` (${a.where})` : ''}.`,
  E021: (a) => `${tag(a)} : le numéro éditeur ${a.found ?? ''} est déjà utilisé par une autre demande du fichier${a.where ? ` (${a.where})` : ''}.`,
  E022: (a) =>
    `${tag(a)} vaut ${a.found ?? ''} mais la demande compte ${a.count ?? 0} médecin(s) dans « beneficiaires.liberal » ` +
    '(true : exactement un médecin ; false : au moins deux).',
  E023: (a) => `${tag(a)} : exactement une pièce de type « BON_COMMANDE » attendue par demande ; trouvé : ${a.count ?? 0}.`,
  E024: (a) => `${tag(a)} : le régime de TVA est « HT », une pièce de type « PREUVE_HT » (attestation de non-assujettissement à la TVA) est attendue.`,
  E025: (a) => `${tag(a)} : au moins une pièce de type ${q(a.expected)} est attendue par demande.`,
  E026: (a) => `${tag(a)} : les trois balises du représentant (nom, courriel, téléphone) sont soit toutes renseignées, soit toutes null${found(a)}.`,
  E027: (a) => `${tag(a)} : un seul certificat serveur par FINESS juridique ; le FINESS juridique ${a.found ?? ''} en demande déjà un${a.where ? ` (${a.where})` : ''}.`,
  E030: (a) =>
    `${tag(a)} vaut ${a.found ?? ''}, incompatible avec le taux de TVA choisi (${a.expected ?? ''}) : ` +
    `le régime « TTC » demande un taux de ${a.other ?? '20 % ou 8,5 %'}, le régime « HT » un taux de 0 %.`,
  E031: () => 'Si le client est un centre de santé (isCentreDeSante = true) alors le profil de la solution doit être « Centres de santé »',
  E032: () => "Si l'opérateur messagerie est 'MAILIZ' alors le profil de la solution doit être « Opérateur Mailiz »",

  A001: (a) => `Balise ${tag(a)} : orthographe de la documentation ASP ; le modèle JSON de l'ASP l'écrit ${q(a.other)}, à préférer.`,
  A002: (a) => `${tag(a)} : code opérateur absent de la liste des opérateurs de messagerie${found(a)}.`,
  A003: (a) => `${tag(a)} : la clé de contrôle (Luhn) du numéro RPPS est fausse${found(a)}.`,
  A004: (a) => `${tag(a)} : la clé de contrôle (Luhn) du numéro FINESS est fausse${found(a)}.`,
  A005: (a) => `${tag(a)} : nom de pièce justificative hors norme, attendu ${q(a.expected)}${found(a)}.`,
  A006: (a) => `${tag(a)} : date dans le futur${found(a)}.`,
  A007: (a) => `${tag(a)} : pièce de type « PREUVE_HT » alors que le régime de TVA est « TTC ».`,
  A008: (a) => `${tag(a)} : numéro de dossier ASP inhabituel, attendu ${a.expected ?? ''}${found(a)}.`,
  A009: (a) => `${tag(a)} : le bon de commande est signé avant d'avoir été édité (${a.other ?? ''})${found(a)}.`,
  A010: (a) => `${tag(a)} : la clé de contrôle (Luhn) du numéro SIRET est fausse${found(a)}.`,
} as const satisfies Record<Code, Message>;

/** One documentation entry per code: a title and what to do about it. */
export interface CodeDoc {
  readonly title: string;
  readonly explanation: string;
}

export const CODE_DOCS = {
  G001: { title: 'Encodage non UTF-8', explanation: "Le portail n'accepte que des fichiers encodés en UTF-8. Réenregistrez le fichier en UTF-8 depuis votre logiciel ou votre éditeur de texte." },
  G002: { title: 'Fichier en UTF-16 ou UTF-32', explanation: 'Le fichier est enregistré en UTF-16 ou UTF-32 (fréquent sous Windows). Réenregistrez-le en UTF-8.' },
  G003: { title: 'Fichier trop volumineux', explanation: 'Un fichier de 200 demandes ne dépasse pas quelques mégaoctets : vérifiez que le bon fichier a été choisi.' },
  G010: { title: 'JSON mal formé', explanation: "Le fichier n'est pas du JSON valide (RFC 8259) : virgule ou accolade manquante, virgule en trop, guillemets simples, commentaire… La ligne et la colonne indiquent où la lecture s'est arrêtée." },
  G011: { title: 'Imbrication trop profonde', explanation: "Le fichier imbrique des centaines de tableaux ou d'objets : ce n'est pas un fichier de demandes." },
  G012: { title: 'Fichier vide', explanation: 'Le fichier ne contient aucune donnée : il est vide ou ne contient que des espaces.' },
  E001: { title: 'Balise manquante', explanation: 'Toutes les balises documentées doivent être présentes, y compris celles qui ne sont pas renseignées (elles valent alors null).' },
  E002: { title: 'Balise inconnue', explanation: "Le portail n'accepte que les balises documentées pour ce couloir et ce type de demande. Vérifiez l'orthographe (majuscules comprises)." },
  E003: { title: 'Balise en double', explanation: 'Une même balise figure deux fois dans le même bloc : supprimez l\'une des deux.' },
  E004: { title: 'Type de valeur incorrect', explanation: 'La valeur n\'est pas du type attendu : texte entre guillemets, nombre sans guillemets, true/false, tableau [ ] ou objet { }.' },
  E005: { title: 'Valeur null attendue', explanation: 'Cette balise ne doit pas être renseignée dans ce cas : elle doit valoir null.' },
  E006: { title: 'Balise obligatoire non renseignée', explanation: 'Cette balise est obligatoire dans ce cas : elle ne peut pas valoir null ni être une chaîne vide.' },
  E007: { title: 'Longueur exacte', explanation: 'Le format VARCHAR (=n) demande exactement n caractères.' },
  E008: { title: 'Longueur maximale dépassée', explanation: 'Le format VARCHAR (<n) demande au plus n caractères.' },
  E009: { title: 'Valeur hors liste', explanation: 'La valeur doit être l\'une des valeurs permises, écrite exactement (majuscules comprises).' },
  E010: { title: 'Date invalide', explanation: 'Une date s\'écrit JJ/MM/AAAA (ex. 05/01/2024) et doit exister au calendrier.' },
  E011: { title: 'Montant sans deux décimales', explanation: 'Un montant FLOAT (2) s\'écrit avec exactement deux chiffres après le point, sans guillemets : 1075.00, pas 1075 ni 1075.5.' },
  E012: { title: 'Montant nul ou négatif', explanation: 'Le montant doit être strictement supérieur à 0.' },
  E013: { title: 'Nombre entier hors bornes', explanation: 'Un nombre entier est attendu (sans point ni exposant), dans les bornes indiquées.' },
  E014: { title: 'Majuscules attendues', explanation: 'Les noms se saisissent en MAJUSCULES.' },
  E015: { title: 'Adresse électronique invalide', explanation: 'Une adresse électronique de la forme nom@domaine.fr est attendue.' },
  E016: { title: 'Tableau trop court', explanation: 'Le tableau doit contenir au moins le nombre d\'éléments indiqué.' },
  E017: { title: 'Bloc à laisser vide', explanation: 'Dans ce cas le bloc doit être vide : [] pour un tableau, {} (ou des balises à null) pour un objet.' },
  E018: { title: 'Tableau trop long', explanation: 'Le tableau dépasse le nombre d\'éléments permis (200 demandes au plus par fichier).' },
  E019: { title: 'Caractères non permis', explanation: 'La valeur contient des caractères que le portail refuse pour cette balise (par exemple des chiffres dans un nom).' },
  E020: { title: 'numLigne en double', explanation: 'Chaque demande du fichier a son propre numLigne (1, 2, 3…). La demande qui reprend un numéro déjà utilisé est rejetée.' },
  E021: { title: 'numeroEditeur en double', explanation: 'Chaque demande du fichier a son propre numéro éditeur. La demande qui reprend un numéro déjà utilisé est rejetée.' },
  E022: { title: 'isClientUnique incohérent', explanation: 'isClientUnique = true : un seul médecin dans « liberal » ; false : au moins deux.' },
  E023: { title: 'Bon de commande absent ou multiple', explanation: 'Une demande d\'avance porte exactement un bon de commande : une pièce de type « BON_COMMANDE ».' },
  E024: { title: 'Preuve du régime HT absente', explanation: 'Sous le régime « HT », joindre une pièce « PREUVE_HT » : l\'attestation de non-assujettissement à la TVA délivrée par la Direction des Finances Publiques.' },
  E025: { title: 'Pièce justificative attendue absente', explanation: 'Une demande de solde porte au moins une facture (« FACTURE ») et une vérification d\'aptitude signée (« VA »).' },
  E026: { title: 'Représentant incomplet', explanation: 'Le représentant du client est décrit par trois balises (nom, courriel, téléphone) : toutes renseignées, ou toutes null s\'il n\'y a pas de représentant.' },
  E027: { title: 'Deux certificats pour un FINESS juridique', explanation: 'Les certificats serveur sont liés au FINESS juridique : il ne peut pas y en avoir deux pour le même FINESS juridique, dans une demande ou dans le fichier.' },
  E030: { title: 'Régime de TVA et taux choisi incompatibles', explanation: 'Toutes les demandes d\'un fichier sont soumises au taux choisi : « TTC » avec 20 % ou 8,5 %, « HT » avec 0 %.' },
  E031: { title: 'Profil « Centres de santé » requis', explanation: 'Une demande pour un centre de santé (isCentreDeSante = true) demande le profil « Centres de santé » dans le formulaire.' },
  E032: { title: 'Profil « Opérateur Mailiz » requis', explanation: 'L\'opérateur MAI_15 (Mailiz) demande le profil « Opérateur Mailiz » dans le formulaire.' },
  A001: { title: 'Orthographe isDirecToDMP', explanation: 'Les tableaux de la documentation ASP écrivent « isDirecToDMP » ; le modèle JSON de l\'ASP et la documentation BIO écrivent « isDirectToDMP ». La valeur est contrôlée ; préférez « isDirectToDMP ».' },
  A002: { title: 'Opérateur de messagerie inconnu', explanation: 'Le simulateur public accepte tout texte de moins de 50 caractères, mais le portail privé attend un code de la liste des opérateurs (ex. MAI_15), ou null.' },
  A003: { title: 'Clé RPPS fausse', explanation: 'Le dernier chiffre d\'un numéro RPPS est une clé de Luhn : ce numéro est probablement mal saisi et sera refusé au contrôle du référentiel RPPS.' },
  A004: { title: 'Clé FINESS fausse', explanation: 'Le dernier chiffre d\'un numéro FINESS est une clé de Luhn : ce numéro est probablement mal saisi et sera refusé au contrôle du référentiel FINESS.' },
  A005: { title: 'Nom de pièce hors norme', explanation: 'Les pièces se nomment CodeCouloir-Logiciel-VaN-CodeTypeFichier-numeroEditeur.format (ex. MDV-LGC-Va1-BDC-00001.pdf), format en minuscules.' },
  A006: { title: 'Date dans le futur', explanation: 'La date est postérieure à aujourd\'hui : un bon de commande signé ou une facture émise ne peut pas être daté du futur.' },
  A007: { title: 'PREUVE_HT sous régime TTC', explanation: 'La preuve de régime HT ne se joint que lorsque le régime de TVA est « HT ».' },
  A008: { title: 'Numéro de dossier ASP inhabituel', explanation: 'Le numéro ASP de l\'avance a la forme FIN + code du couloir + 6 chiffres (ex. FINBIO000006) ; le simulateur public accepte toute chaîne de 12 caractères, le portail privé attend le numéro de l\'avance.' },
  A009: { title: 'Signature avant édition', explanation: 'La date de signature du bon de commande par le client précède sa date d\'édition : l\'une des deux dates est probablement fausse.' },
  A010: { title: 'Clé SIRET fausse', explanation: 'Un SIRET se termine par une clé de Luhn : ce numéro est probablement mal saisi et ne correspondra pas à l\'enrôlement.' },
} as const satisfies Record<Code, CodeDoc>;

export function message(code: Code, args: FindingArgs): string {
  return MESSAGES[code](args);
}

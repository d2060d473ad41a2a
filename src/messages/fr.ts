// The one table of French texts: a message per code (what went wrong, where, what was
// expected, what was found) and a documentation entry per code. `satisfies` makes a
// missing text a type error.

import type { Code } from './codes';
import type { AdviceKind, FindingArgs } from '../core/types';
import type { SyntaxReason } from '../core/json/parse';

type Message = (a: FindingArgs) => string;

const q = (s: string | undefined) => `« ${s ?? ''} »`;
const tag = (a: FindingArgs) => q(a.tag);

/** `1 médecin`, `2 médecins`: a count and its noun, agreed (French: 0 and 1 are singular). */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n > 1 ? many : one}`;

/** « attendu » agreed with what is expected (`une chaîne…` → attendue, `des…` → attendus). */
export const expectedWord = (expected: string | undefined) =>
  expected === undefined ? 'attendu' : /^une\b/.test(expected) ? 'attendue' : /^des\b/.test(expected) ? 'attendus' : 'attendu';

/** What a value is, by its JSON kind: « le nombre 12345 », « le texte "true" », null, « un objet ». */
function foundValue(a: FindingArgs): string {
  const f = a.found ?? '';
  if (f === '') return '(rien)';
  switch (a.kind) {
    case 'number':
      return `le nombre ${f}`;
    case 'string':
      return f === '""' ? 'le texte vide ""' : `le texte ${f}`;
    case 'boolean':
      return `le booléen ${f}`;
    default:
      return f;
  }
}

/** How to write a value right (src/core/advice.ts), `write` being the JSON token to write. */
export const ADVICE = {
  quote: (w) => `écrire ${w} entre guillemets`,
  unquote: (w) => `écrire ${w} sans guillemets`,
  'leading-zeros': (w) => `les zéros de tête ont été perdus (tableur ?) : écrire ${w}`,
  'excel-date': (w) => `numéro de série de date Excel : écrire ${w}`,
  'iso-date': (w) => `date écrite AAAA-MM-JJ : écrire ${w}`,
  'date-format': (w) => `écrire ${w}`,
  'decimal-comma': (w) => `virgule décimale : écrire ${w} avec un point, sans guillemets`,
  decimals: (w) => `écrire ${w}`,
  'windows-1252': (w) => `texte enregistré en Windows-1252 et relu en Latin-1 : écrire ${w}`,
} as const satisfies Record<AdviceKind, (write: string) => string>;

/** ` ; trouvé : le nombre 12345 ; écrire "12345" entre guillemets`: what was found, its invisible characters, the advice. */
const found = (a: FindingArgs) => {
  if (a.found === undefined) return '';
  let out = ` ; trouvé : ${foundValue(a)}`;
  if (a.invisible !== undefined)
    out += ` (${a.invisible.includes(', ') ? 'caractères invisibles' : 'caractère invisible'} : ${a.invisible})`;
  if (a.advice !== undefined && a.write !== undefined) out += ` ; ${ADVICE[a.advice](a.write)}`;
  return out;
};

export const SYNTAX_REASONS = {
  empty: 'le fichier ne contient aucune donnée JSON',
  'unexpected-end': 'le fichier se termine avant la fin du JSON (accolade, crochet ou guillemet fermant manquant ?)',
  'unexpected-char': 'caractère inattendu à cet endroit : une valeur JSON était attendue',
  'expected-key': 'nom de balise attendu, entre guillemets doubles ("balise")',
  'expected-colon': 'deux-points « : » attendu après le nom de la balise',
  'expected-comma-or-close': 'virgule « , » manquante à la fin de cette valeur (ou fin de bloc attendue)',
  'trailing-comma': 'virgule en trop avant la fin du bloc',
  'single-quote': 'les chaînes et les noms de balise doivent être entre guillemets doubles ("), pas simples (\')',
  comment: 'les commentaires ne sont pas permis en JSON',
  'control-char-in-string': 'caractère de contrôle (saut de ligne, tabulation…) non échappé dans une chaîne : guillemet fermant manquant ?',
  'bad-escape': 'séquence d\'échappement invalide dans une chaîne (permises : \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  'bad-unicode-escape': 'échappement \\u invalide : quatre chiffres hexadécimaux attendus',
  'bad-number': 'nombre mal écrit (JSON : pas de « + » initial, pas de zéro non significatif, un chiffre de chaque côté du point)',
  'unknown-literal':
    'valeur non reconnue : les seuls mots permis sont true, false et null (en minuscules), les textes vont entre guillemets',
  'trailing-content': 'contenu après la fin du JSON (un seul objet racine est permis)',
  'too-deep': "imbrication trop profonde de tableaux ou d'objets",
  'decimal-comma': 'nombre écrit avec une virgule décimale : en JSON, la virgule sépare les éléments et le séparateur décimal est le point',
  'nul-char': "caractère nul (octet 0x00) : un outil de copie ou de conversion l'a sans doute ajouté ; supprimez-le",
} as const satisfies Record<SyntaxReason, string>;

// ---------------------------------------------------------------------------------------------
// Attachments (P codes): sizes, reasons, what a file's first bytes show, the types' labels.

/** `1 234 567`: digits grouped by three, as written in French. */
const grouped = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** `20,03 Mo` (two decimals at most, Ko and Mo of 1024), and whether that is the exact size. */
function shortSize(bytes: number): { short: string; exact: boolean } {
  const units = ['Ko', 'Mo', 'Go', 'To'];
  let value = bytes / 1024;
  let unit = 0;
  // Rounded to two decimals, 1023,999 Ko is 1 Mo, not « 1024 Ko ».
  while (Math.round(value * 100) / 100 >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 100) / 100;
  return { short: `${rounded.toString().replace('.', ',')} ${units[unit]}`, exact: rounded === value };
}

/**
 * A size in French, exactly: `20,03 Mo (21 000 901 octets)`, `412,5 Ko (422 400 octets)`,
 * `12 octets` (Ko and Mo of 1024; two decimals at most, the byte count always).
 */
export function sizeFr(bytes: number): string {
  if (!Number.isFinite(bytes)) return '? octets';
  if (bytes < 1024) return `${grouped(bytes)} octet${bytes > 1 ? 's' : ''}`;
  return `${shortSize(bytes).short} (${grouped(bytes)} octets)`;
}

/** A limit in French: `20 Mo` when that is exact, else as `sizeFr`. */
export function limitFr(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return sizeFr(bytes);
  const { short, exact } = shortSize(bytes);
  return exact ? short : sizeFr(bytes);
}

/** Why an archive or an entry cannot be read (P015), or looks like a bomb (P014), or a path is unsafe (P010). */
export const ZIP_REASONS = {
  // P015: corrupt or truncated
  truncated: "l'archive est tronquée : sa fin (le répertoire central) manque — copie ou téléchargement interrompu ?",
  'cd-out-of-bounds': "le répertoire central annoncé dépasse la fin du fichier : l'archive est tronquée ou endommagée",
  'cd-signature': 'le répertoire central est illisible (signature attendue absente)',
  'cd-entry': 'une entrée du répertoire central est incomplète',
  'entry-count': "le nombre d'entrées annoncé ne correspond pas au répertoire central",
  'multi-disk': 'archive découpée en plusieurs volumes (.z01, .z02…) : non prise en charge, créez un zip d’un seul tenant',
  'zip64-record': "l'enregistrement zip64 de fin d'archive est illisible",
  'zip64-extra': "les tailles zip64 d'une entrée sont absentes",
  'local-header': "l'en-tête local de l'entrée est illisible (signature absente)",
  'local-name': "le nom de l'entrée diffère entre son en-tête local et le répertoire central",
  'data-out-of-bounds': "les données de l'entrée dépassent la fin de l'archive (archive tronquée ?)",
  inflate: "les données compressées de l'entrée sont invalides",
  'stored-size': "l'entrée non compressée annonce deux tailles différentes",
  'short-content': "l'entrée contient moins de données que sa taille annoncée",
  'head-unreadable': "le début du contenu de l'entrée ne se décompresse pas dans une longueur raisonnable",
  crc: "le contenu décompressé ne correspond pas à son CRC : les données de l'entrée sont altérées",
  'size-mismatch': "l'entrée se décompresse en une taille différente de celle qu'annonce le zip",
  // P014: bomb
  ratio: 'taux de compression anormal',
  'lying-size': 'les données se décompressent au-delà de la taille annoncée dans le zip',
  'head-ratio': 'les premiers octets compressés se décompressent à un taux anormal (plus de 500 pour 1)',
  overlap: 'plusieurs entrées partagent les mêmes données (entrées superposées, procédé des bombes de décompression)',
  'too-many-entries': "nombre d'entrées démesuré",
  'cd-too-large': 'répertoire central démesuré',
  // P010: unsafe path
  'parent-dir': 'le chemin remonte hors du dossier d’extraction (« ../ »)',
  absolute: 'chemin absolu (commence par « / » ou une lettre de lecteur « C: »)',
  backslash: 'le nom contient une barre oblique inverse « \\ » (séparateur Windows)',
  'control-char': 'le nom contient un caractère de contrôle',
} as const;

export type ZipReason = keyof typeof ZIP_REASONS;

const reasonText = (a: FindingArgs, fallback: string) =>
  a.reason !== undefined && Object.hasOwn(ZIP_REASONS, a.reason) ? ZIP_REASONS[a.reason as ZipReason] : fallback;

/** What a file's first bytes show (src/attachments/magic.ts). */
export const CONTENT_LABELS = {
  pdf: 'un document PDF',
  png: 'une image PNG',
  jpeg: 'une image JPEG',
  gif: 'une image GIF',
  bmp: 'une image BMP',
  tiff: 'une image TIFF',
  webp: 'une image WebP',
  heic: 'une image HEIC (iPhone)',
  zip: 'une archive zip (ou un document Office .docx, .xlsx, .odt)',
  rar: 'une archive RAR',
  '7z': 'une archive 7-Zip',
  gzip: 'un fichier compressé gzip',
  ole: 'un ancien document Office (.doc, .xls)',
  xml: 'du XML ou du HTML',
  text: 'du texte',
  empty: 'un fichier vide',
  unknown: 'un contenu non reconnu',
} as const;

export type ContentKind = keyof typeof CONTENT_LABELS;

/** The portal's «Documents attendus» column « Type »: a `typeFichier` in words. */
export const ATTACHMENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  BON_COMMANDE: 'Bon de commande',
  PREUVE_HT: 'Preuve du régime HT',
  FACTURE: 'Facture',
  VA: "Vérification d'aptitude",
};

/**
 * The label of a `typeFichier` as the file writes it, or the value itself when it has none. An own
 * key only: `"constructor"` or `"__proto__"` is shown as written, never as what `Object.prototype`
 * holds under that name (issue 15).
 */
export function attachmentTypeLabel(typeFichier: string): string {
  return Object.hasOwn(ATTACHMENT_TYPE_LABELS, typeFichier) ? ATTACHMENT_TYPE_LABELS[typeFichier]! : typeFichier;
}

/** The status of an expected attachment, as the «Documents attendus» list shows it. */
export const ATTACHMENT_STATUS_LABELS = { present: 'présente', missing: 'manquante', faulty: 'en défaut' } as const;

const file = (a: FindingArgs) => (a.found === undefined ? 'Le fichier' : `Le fichier ${q(a.found)}`);
const inZip = (a: FindingArgs) => (a.where === undefined ? '' : ` du zip ${q(a.where)}`);

export const MESSAGES = {
  G001: (a) =>
    `Le fichier n'est pas encodé en UTF-8 : octets invalides ${a.found ?? ''}` +
    (a.hint ? ` (le fichier semble encodé en ${a.hint} : enregistrez-le en UTF-8).` : '.'),
  G002: (a) => `Le fichier est encodé en ${a.hint ?? 'UTF-16'} (octets ${a.found ?? ''}) : enregistrez-le en UTF-8.`,
  G003: (a) => {
    // A stream stops one byte past the limit: its size is then only known to exceed it.
    const size = Number(a.found);
    return `Le fichier est trop volumineux : ${Number.isFinite(size) ? sizeFr(size) : `plus de ${sizeFr(a.count ?? 0)}`}, au plus ${limitFr(a.count ?? 0)}.`;
  },
  G004: (a) =>
    `Le fichier n'est pas un fichier texte JSON : c'est ${a.other ?? CONTENT_LABELS.unknown}${a.found ? ` (premiers octets ${a.found})` : ''}. ` +
    'Vérifiez que le bon fichier a été choisi : le JSON des demandes, pas une pièce justificative ni un zip.',
  G010: (a) => `JSON mal formé : ${SYNTAX_REASONS[(a.reason ?? 'unexpected-char') as SyntaxReason]}${found(a)}.`,
  G011: (a) => `JSON mal formé : plus de ${a.count ?? 0} niveaux de tableaux ou d'objets imbriqués.`,
  G012: () => 'Le fichier est vide : il ne contient aucune donnée JSON.',
  G020: (a) =>
    a.reason === 'numeroAns'
      ? `Le nom du fichier JSON ${a.found ?? ''} porte le numéro ANS ${q(a.other)}, différent de celui de l'en-tête du fichier : nom attendu ${q(a.expected)} (date de dépôt AAAAMMJJ, puis numéro du fichier du jour sur 3 chiffres).`
      : `Le nom du fichier JSON ${a.found ?? ''} ne suit pas la norme des guides JSON-numeroAns-AAAAMMJJ-NNN.json : nom attendu ${q(a.expected)} (date de dépôt AAAAMMJJ, puis numéro du fichier du jour sur 3 chiffres).`,
  G021: (a) =>
    `Ce fichier ressemble davantage à un fichier ${q(a.expected)} qu'à un fichier ${q(a.other)} : ` +
    `vérifiez le type de demande et le couloir choisis${a.hint ? ` (${a.hint})` : ''} avant de corriger les erreurs ci-dessous.`,

  E001: (a) => `Balise ${tag(a)} manquante` + (a.hint ? ` (une balise ${q(a.hint)} est présente : faute de frappe ?).` : '.'),
  E002: (a) => `Balise ${tag(a)} inconnue pour ce type de demande` + (a.hint ? ` : vouliez-vous dire ${q(a.hint)} ?` : '.'),
  E003: (a) => `Balise ${tag(a)} en double dans le même bloc` + (a.where ? ` (déjà présente ligne ${a.where}).` : '.'),
  E004: (a) => `${tag(a)} : ${a.expected ?? 'autre type'} ${expectedWord(a.expected)}${found(a)}.`,
  E005: (a) => `${tag(a)} doit valoir null (${a.expected ?? ''})${found(a)}.`,
  E006: (a) => `${tag(a)} doit être renseignée (${a.expected ?? 'obligatoire'}) ; trouvé : ${a.found ?? 'null'}.`,
  E007: (a) => `${tag(a)} : exactement ${a.count ?? '?'} caractères attendus${found(a)}.`,
  E008: (a) => `${tag(a)} : au plus ${a.count ?? '?'} caractères attendus${found(a)}.`,
  E009: (a) =>
    a.expected !== undefined && !a.expected.includes(' ou ')
      ? `${tag(a)} : valeur non permise, attendu : ${a.expected}${found(a)}.`
      : `${tag(a)} : valeur attendue parmi ${a.expected ?? ''}${found(a)}.`,
  E010: (a) => `${tag(a)} : date réelle au format JJ/MM/AAAA attendue${found(a)}.`,
  E011: (a) =>
    `${tag(a)} : montant attendu avec exactement deux chiffres après le point (ex. 1075.00, ajouter .00 si le montant est entier)${found(a)}.`,
  E012: (a) => `${tag(a)} : montant strictement supérieur à 0 attendu${found(a)}.`,
  E013: (a) => `${tag(a)} : ${a.expected ?? 'nombre entier'} ${expectedWord(a.expected)}${found(a)}.`,
  E014: (a) => `${tag(a)} : à saisir en MAJUSCULES${found(a)}.`,
  E015: (a) => `${tag(a)} : adresse électronique valide attendue (nom@domaine.fr)${found(a)}.`,
  E016: (a) => `${tag(a)} : au moins ${count(a.count ?? 1, 'élément')} ${(a.count ?? 1) > 1 ? 'attendus' : 'attendu'}${found(a)}.`,
  E017: (a) => `${tag(a)} doit être vide (${a.expected ?? ''})${found(a)}.`,
  E018: (a) => `${tag(a)} : au plus ${a.count ?? '?'} éléments permis${found(a)}.`,
  E019: (a) => `${tag(a)} : ${a.expected ?? 'caractères non permis'}${found(a)}.`,
  E020: (a) =>
    `${tag(a)} : le numéro de ligne ${a.found ?? ''} est déjà utilisé par une autre demande du fichier${a.where ? ` (${a.where})` : ''}.`,
  E021: (a) =>
    `${tag(a)} : le numéro éditeur ${a.found ?? ''} est déjà utilisé par une autre demande du fichier${a.where ? ` (${a.where})` : ''}.`,
  E022: (a) =>
    `${tag(a)} vaut ${a.found ?? ''} mais la demande compte ${count(a.count ?? 0, 'médecin')} dans « beneficiaires.liberal » ` +
    '(true : exactement un médecin ; false : au moins deux).',
  E023: (a) => `${tag(a)} : exactement une pièce de type « BON_COMMANDE » attendue par demande ; trouvé : ${a.count ?? 0}.`,
  E024: (a) =>
    `${tag(a)} : le régime de TVA est « HT », une pièce de type « PREUVE_HT » (attestation de non-assujettissement à la TVA) est attendue.`,
  E025: (a) => `${tag(a)} : au moins une pièce de type ${q(a.expected)} est attendue par demande.`,
  E026: (a) =>
    `${tag(a)} : les trois balises du représentant (nom, courriel, téléphone) sont soit toutes renseignées, soit toutes null${found(a)}.`,
  E027: (a) =>
    `${tag(a)} : un seul certificat serveur par FINESS juridique ; le FINESS juridique ${a.found ?? ''} en demande déjà un${a.where ? ` (${a.where})` : ''}.`,
  E030: (a) =>
    `${tag(a)} vaut ${a.found ?? ''}, incompatible avec le taux de TVA choisi (${a.expected ?? ''}) : ` +
    `le régime « TTC » demande un taux de ${a.other ?? '20 % ou 8,5 %'}, le régime « HT » un taux de 0 %.`,
  E031: () => 'Si le client est un centre de santé (isCentreDeSante = true) alors le profil de la solution doit être « Centres de santé »',
  E032: () => "Si l'opérateur messagerie est 'MAILIZ' alors le profil de la solution doit être « Opérateur Mailiz »",
  E033: (a) =>
    `Balise ${tag(a)} présente deux fois sous ses deux orthographes${a.other ? ` (${q(a.other)} déjà présente${a.where ? ` ligne ${a.where}` : ''})` : ''} : gardez-en une seule.`,
  E034: (a) =>
    `${tag(a)} vaut ${a.found ?? ''} alors que la première demande du fichier est sous le régime ${a.other ?? ''} : ` +
    "toutes les demandes d'un fichier sont soumises au même taux de TVA (« TTC » : 20 % ou 8,5 % ; « HT » : 0 %), déposez-les dans deux fichiers.",
  E035: (a) => `${tag(a)} : la numérotation éditeur commence à « 00001 », « 00000 » n'est pas permis${found(a)}.`,

  A001: (a) => `Balise ${tag(a)} : orthographe des tableaux du guide MDV, acceptée et contrôlée comme ${q(a.other)} (note d'information).`,
  A002: (a) => `${tag(a)} : code opérateur absent de la liste des opérateurs de messagerie${found(a)}.`,
  A003: (a) => `${tag(a)} : la clé de contrôle (Luhn) du numéro RPPS est fausse${found(a)}.`,
  A004: (a) => `${tag(a)} : la clé de contrôle (Luhn) du numéro FINESS est fausse${found(a)}.`,
  A005: (a) => `${tag(a)} : nom de pièce justificative hors norme, attendu ${q(a.expected)}${found(a)}.`,
  A006: (a) => `${tag(a)} : date dans le futur${found(a)}.`,
  A007: (a) => `${tag(a)} : pièce de type « PREUVE_HT » alors que le régime de TVA est « TTC ».`,
  A008: (a) => `${tag(a)} : numéro de dossier ASP inhabituel, attendu ${a.expected ?? ''}${found(a)}.`,
  A009: (a) => `${tag(a)} : le bon de commande est signé avant d'avoir été édité (${a.other ?? ''})${found(a)}.`,
  A010: (a) => `${tag(a)} : la clé de contrôle (Luhn) du numéro SIRET est fausse${found(a)}.`,
  A011: (a) => `${tag(a)} : caractère de contrôle C1 (U+0080 à U+009F) dans le texte${found(a)}.`,
  A020: (a) => `${tag(a)} : la valeur ne ressemble pas à une adresse électronique (nom@domaine.fr)${found(a)}.`,
  A021: (a) =>
    `${tag(a)} : identifiants DMP renseignés alors que « scenarioInstallation.isDirectToDMP » vaut false ; le guide ne les demande que pour un envoi direct au DMP (tableau vide [] ou null attendu)${found(a)}.`,
  A022: (a) => `${tag(a)} : les exemples du guide écrivent ce nom en MAJUSCULES, en 50 caractères au plus${found(a)}.`,
  A023: (a) =>
    `${tag(a)} : les demandes se numérotent 1, 2, 3… dans l'ordre du fichier ; la demande ${a.count ?? '?'} porte le numéro ${a.found ?? '?'}.`,

  P001: (a) => `Pièce justificative ${q(a.found)} attendue par le JSON${a.where ? ` (${a.where})` : ''} mais absente des zips fournis.`,
  P002: (a) =>
    `${file(a)}${inZip(a)} n'est nommé par aucune demande du JSON (nomFichier)` + (a.hint ? ` : vouliez-vous dire ${q(a.hint)} ?` : '.'),
  P003: (a) =>
    `${file(a)}${inZip(a)} est trop volumineux : ${a.count === undefined ? 'taille inconnue' : sizeFr(a.count)} une fois décompressé, au plus ${a.expected ?? '3 Mo'} par fichier.`,
  P004: (a) =>
    `Le zip ${q(a.where)} est trop volumineux : ${a.count === undefined ? 'taille inconnue' : sizeFr(a.count)}, au plus ${a.expected ?? '20 Mo'} par zip pour ce couloir ` +
    '(répartissez les pièces dans plusieurs zips).',
  P005: (a) =>
    `${file(a)}${inZip(a)} est d'un format refusé : formats acceptés ${a.expected ?? '.pdf, .png, .jpg'}` +
    (a.hint ? ` (${a.hint}).` : '.'),
  P006: (a) => `${file(a)}${inZip(a)} ne suit pas la nomenclature des pièces du couloir : nom attendu ${q(a.expected)}.`,
  P007: (a) =>
    `Le nom du fichier ${q(a.found)}${inZip(a)} compte ${a.count ?? '?'} caractères : au plus ${a.expected ?? '100'} caractères.`,
  P008: (a) =>
    `${file(a)}${inZip(a)} n'est pas ce qu'annonce son extension${a.expected ? ` ${a.expected}` : ''} : c'est ${a.other ?? CONTENT_LABELS.unknown}.`,
  P009: (a) =>
    `${file(a)}${inZip(a)} est chiffré (protégé par un mot de passe) : le portail ne peut pas le lire ; joignez-le sans mot de passe.`,
  P010: (a) =>
    `Le nom d'entrée ${q(a.found)}${inZip(a)} est dangereux : ${reasonText(a, 'chemin non sûr')} ; placez les pièces à la racine du zip.`,
  P011: (a) => `${file(a)}${inZip(a)} est en double` + (a.other ? ` : déjà présent ${a.other}.` : '.') + ' Une seule pièce par nom.',
  P012: (a) => `${file(a)}${inZip(a)} est un zip dans le zip : les zips imbriqués ne sont pas ouverts ; joignez ses fichiers directement.`,
  P013: (a) =>
    `Le nom de fichier ${q(a.found)}${inZip(a)} n'est pas encodé en UTF-8 (lu en CP437, accents probablement faux) : ` +
    'recréez le zip avec un outil qui enregistre les noms en UTF-8, ou renommez le fichier sans accent.',
  P014: (a) =>
    `Bombe de décompression${a.found ? ` : ${q(a.found)}` : ''}${inZip(a)} — ${reasonText(a, 'contenu anormal')}` +
    (a.other ? ` (${a.other})` : '') +
    ' : le fichier est refusé sans être décompressé.',
  P015: (a) =>
    `Archive endommagée${a.where ? ` ${q(a.where)}` : ''}${a.found ? `, entrée ${q(a.found)}` : ''} : ${reasonText(a, "le zip n'a pas pu être lu")}${a.other ? ` (${a.other})` : ''}.`,
  P016: (a) => `Le fichier ${q(a.where)} n'est pas un zip` + (a.other ? ` : c'est ${a.other}.` : '.'),
  P017: (a) => `Le zip ${q(a.where)} est vide : il ne contient aucun fichier.`,
  P018: (a) =>
    `${file(a)}${inZip(a)} utilise une méthode de compression non prise en charge${a.other ? ` (${a.other})` : ''} : ` +
    'recréez le zip avec la méthode standard (Deflate) ou sans compression.',
} as const satisfies Record<Code, Message>;

/** One documentation entry per code: a title and what to do about it. */
export interface CodeDoc {
  readonly title: string;
  readonly explanation: string;
}

export const CODE_DOCS = {
  G001: {
    title: 'Encodage non UTF-8',
    explanation:
      "Le portail n'accepte que des fichiers encodés en UTF-8. Réenregistrez le fichier en UTF-8 depuis votre logiciel ou votre éditeur de texte.",
  },
  G002: {
    title: 'Fichier en UTF-16 ou UTF-32',
    explanation: 'Le fichier est enregistré en UTF-16 ou UTF-32 (fréquent sous Windows). Réenregistrez-le en UTF-8.',
  },
  G004: {
    title: 'Ce n’est pas un fichier texte',
    explanation:
      'Le fichier choisi est un document PDF, une image, un zip ou un autre fichier binaire, peut-être renommé en .json : choisissez le fichier JSON des demandes (du texte encodé en UTF-8).',
  },
  G003: {
    title: 'Fichier trop volumineux',
    explanation: 'Un fichier de 200 demandes ne dépasse pas quelques mégaoctets : vérifiez que le bon fichier a été choisi.',
  },
  G010: {
    title: 'JSON mal formé',
    explanation:
      "Le fichier n'est pas du JSON valide (RFC 8259) : virgule ou accolade manquante, virgule en trop, guillemets simples, commentaire… La ligne et la colonne indiquent où la lecture s'est arrêtée.",
  },
  G011: {
    title: 'Imbrication trop profonde',
    explanation: "Le fichier imbrique des centaines de tableaux ou d'objets : ce n'est pas un fichier de demandes.",
  },
  G020: {
    title: 'Nom du fichier JSON hors norme',
    explanation:
      "Les guides (MDV et BIO, § 3.3) nomment le fichier JSON-numeroAns-AAAAMMJJ-NNN.json : le numéro ANS de l'en-tête, la date de dépôt, puis le numéro du fichier déposé ce jour-là (001, 002…). Le simulateur public ne le vérifie pas : c'est un avertissement que l'option stricte ne change pas. Les suffixes « _sortie » et les marques de copie « (1) » ajoutées par le navigateur sont ignorés.",
  },
  G021: {
    title: "Fichier d'un autre type ou d'un autre couloir ?",
    explanation:
      "La première demande correspond bien mieux à un autre jeu de règles (une avance contrôlée comme un solde, un solde BIO-SGL comme une avance MDV-LGC, un fichier HOP-DPI comme HOP-PFI…) : la plupart des erreurs viennent sans doute du type de demande ou du couloir choisi. Note d'information, que l'option stricte ne change pas.",
  },
  G012: { title: 'Fichier vide', explanation: 'Le fichier ne contient aucune donnée : il est vide ou ne contient que des espaces.' },
  E001: {
    title: 'Balise manquante',
    explanation:
      'Toutes les balises documentées doivent être présentes, y compris celles qui ne sont pas renseignées (elles valent alors null).',
  },
  E002: {
    title: 'Balise inconnue',
    explanation:
      "Le portail n'accepte que les balises documentées pour ce couloir et ce type de demande. Vérifiez l'orthographe (majuscules comprises).",
  },
  E003: { title: 'Balise en double', explanation: "Une même balise figure deux fois dans le même bloc : supprimez l'une des deux." },
  E004: {
    title: 'Type de valeur incorrect',
    explanation:
      "La valeur n'est pas du type attendu : texte entre guillemets, nombre sans guillemets, true/false, tableau [ ] ou objet { }.",
  },
  E005: { title: 'Valeur null attendue', explanation: 'Cette balise ne doit pas être renseignée dans ce cas : elle doit valoir null.' },
  E006: {
    title: 'Balise obligatoire non renseignée',
    explanation: 'Cette balise est obligatoire dans ce cas : elle ne peut pas valoir null ni être une chaîne vide.',
  },
  E007: { title: 'Longueur exacte', explanation: 'Le format VARCHAR (=n) demande exactement n caractères.' },
  E008: { title: 'Longueur maximale dépassée', explanation: 'Le format VARCHAR (<n) demande au plus n caractères.' },
  E009: {
    title: 'Valeur hors liste',
    explanation: "La valeur doit être l'une des valeurs permises, écrite exactement (majuscules comprises).",
  },
  E010: { title: 'Date invalide', explanation: "Une date s'écrit JJ/MM/AAAA (ex. 05/01/2024) et doit exister au calendrier." },
  E011: {
    title: 'Montant sans deux décimales',
    explanation:
      "Un montant FLOAT (2) s'écrit avec exactement deux chiffres après le point, sans guillemets : 1075.00, pas 1075 ni 1075.5.",
  },
  E012: { title: 'Montant nul ou négatif', explanation: 'Le montant doit être strictement supérieur à 0.' },
  E013: {
    title: 'Nombre entier hors bornes',
    explanation: 'Un nombre entier est attendu (sans point ni exposant), dans les bornes indiquées.',
  },
  E014: { title: 'Majuscules attendues', explanation: 'Les noms se saisissent en MAJUSCULES.' },
  E015: {
    title: 'Adresse électronique invalide (code retiré)',
    explanation:
      "Code retiré : les guides ne fixent qu'une longueur aux courriels, la forme de l'adresse n'est plus qu'un avertissement (A020).",
  },
  E016: { title: 'Tableau trop court', explanation: "Le tableau doit contenir au moins le nombre d'éléments indiqué." },
  E017: {
    title: 'Bloc à laisser vide',
    explanation: 'Dans ce cas le bloc doit être vide : [] pour un tableau, {} (ou des balises à null) pour un objet.',
  },
  E018: { title: 'Tableau trop long', explanation: "Le tableau dépasse le nombre d'éléments permis (200 demandes au plus par fichier)." },
  E019: {
    title: 'Caractères non permis',
    explanation: 'La valeur contient des caractères que le portail refuse pour cette balise (par exemple des chiffres dans un nom).',
  },
  E020: {
    title: 'numLigne en double',
    explanation: 'Chaque demande du fichier a son propre numLigne (1, 2, 3…). La demande qui reprend un numéro déjà utilisé est rejetée.',
  },
  E021: {
    title: 'numeroEditeur en double',
    explanation: 'Chaque demande du fichier a son propre numéro éditeur. La demande qui reprend un numéro déjà utilisé est rejetée.',
  },
  E022: {
    title: 'isClientUnique incohérent',
    explanation: 'isClientUnique = true : un seul médecin dans « liberal » ; false : au moins deux.',
  },
  E023: {
    title: 'Bon de commande absent ou multiple',
    explanation: "Une demande d'avance porte exactement un bon de commande : une pièce de type « BON_COMMANDE ».",
  },
  E024: {
    title: 'Preuve du régime HT absente',
    explanation:
      "Sous le régime « HT », joindre une pièce « PREUVE_HT » : l'attestation de non-assujettissement à la TVA délivrée par la Direction des Finances Publiques.",
  },
  E025: {
    title: 'Pièce justificative attendue absente',
    explanation: "Une demande de solde porte au moins une facture (« FACTURE ») et une vérification d'aptitude signée (« VA »).",
  },
  E026: {
    title: 'Représentant incomplet',
    explanation:
      "Le représentant du client est décrit par trois balises (nom, courriel, téléphone) : toutes renseignées, ou toutes null s'il n'y a pas de représentant.",
  },
  E027: {
    title: 'Deux certificats pour un FINESS juridique',
    explanation:
      'Les certificats serveur sont liés au FINESS juridique : il ne peut pas y en avoir deux pour le même FINESS juridique, dans une demande ou dans le fichier.',
  },
  E033: {
    title: 'Balise sous ses deux orthographes',
    explanation:
      "Les guides écrivent certaines balises de deux façons (« isDirectToDMP » / « isDirecToDMP », « siret » / « SIRET ») : les deux sont acceptées, mais une seule fois par bloc. Supprimez l'une des deux.",
  },
  E034: {
    title: 'Régimes de TVA mélangés',
    explanation:
      'Un fichier est déposé sous un seul taux de TVA (guide du simulateur public) : sans taux choisi, les demandes dont le régime diffère de celui de la première demande sont rejetées. Déposez les demandes « TTC » et « HT » dans deux fichiers.',
  },
  E035: {
    title: 'Numéro éditeur 00000',
    explanation: "Le numéro éditeur d'une demande commence à « 00001 » (guide MDV, table des balises) : « 00000 » n'est pas permis.",
  },
  E030: {
    title: 'Régime de TVA et taux choisi incompatibles',
    explanation: "Toutes les demandes d'un fichier sont soumises au taux choisi : « TTC » avec 20 % ou 8,5 %, « HT » avec 0 %.",
  },
  E031: {
    title: 'Profil « Centres de santé » requis',
    explanation: 'Une demande pour un centre de santé (isCentreDeSante = true) demande le profil « Centres de santé » dans le formulaire.',
  },
  E032: {
    title: 'Profil « Opérateur Mailiz » requis',
    explanation: "L'opérateur MAI_15 (Mailiz) demande le profil « Opérateur Mailiz » dans le formulaire.",
  },
  A001: {
    title: 'Orthographe isDirecToDMP',
    explanation:
      "Les tableaux du guide MDV écrivent « isDirecToDMP » ; le guide BIO et les fichiers des éditeurs écrivent « isDirectToDMP ». Les deux orthographes sont acceptées et contrôlées de même : simple note d'information, que l'option stricte ne change pas.",
  },
  A002: {
    title: 'Opérateur de messagerie inconnu',
    explanation:
      'Le simulateur public accepte tout texte de moins de 50 caractères, mais le portail privé attend un code de la liste des opérateurs (ex. MAI_15), ou null.',
  },
  A003: {
    title: 'Clé RPPS fausse',
    explanation:
      "Le dernier chiffre d'un numéro RPPS est une clé de Luhn : ce numéro est probablement mal saisi et sera refusé au contrôle du référentiel RPPS.",
  },
  A004: {
    title: 'Clé FINESS fausse',
    explanation:
      "Le dernier chiffre d'un numéro FINESS est une clé de Luhn : ce numéro est probablement mal saisi et sera refusé au contrôle du référentiel FINESS.",
  },
  A005: {
    title: 'Nom de pièce hors norme',
    explanation:
      'Les pièces se nomment CodeCouloir-Logiciel-VaN-CodeTypeFichier-numeroEditeur.format (ex. MDV-LGC-Va1-BDC-00001.pdf), format en minuscules.',
  },
  A006: {
    title: 'Date dans le futur',
    explanation: "La date est postérieure à aujourd'hui : un bon de commande signé ou une facture émise ne peut pas être daté du futur.",
  },
  A007: { title: 'PREUVE_HT sous régime TTC', explanation: 'La preuve de régime HT ne se joint que lorsque le régime de TVA est « HT ».' },
  A008: {
    title: 'Numéro de dossier ASP inhabituel',
    explanation:
      "Le numéro ASP de l'avance a la forme FIN + code du couloir + 6 chiffres (ex. FINBIO000006) ; le simulateur public accepte toute chaîne de 12 caractères, le portail privé attend le numéro de l'avance.",
  },
  A009: {
    title: 'Signature avant édition',
    explanation:
      "La date de signature du bon de commande par le client précède sa date d'édition : l'une des deux dates est probablement fausse.",
  },
  A011: {
    title: 'Caractère de contrôle C1',
    explanation:
      'Les caractères U+0080 à U+009F sont invisibles et n’ont pas de sens dans un texte : ils trahissent un texte Windows-1252 relu en Latin-1 (l’apostrophe ’ devient U+0092, « œ » U+009C, « € » U+0080). Le message propose le texte rétabli.',
  },
  A010: {
    title: 'Clé SIRET fausse',
    explanation: "Un SIRET se termine par une clé de Luhn : ce numéro est probablement mal saisi et ne correspondra pas à l'enrôlement.",
  },
  A020: {
    title: 'Adresse électronique douteuse',
    explanation:
      "Les guides ne fixent qu'une longueur (VARCHAR (<150)) : une valeur sans « @ », avec des espaces ou sans domaine est signalée, sans rejet, et l'option stricte ne la change pas. Les domaines accentués (clinique-éléa.fr) sont des adresses valides.",
  },
  A021: {
    title: 'identDMP sans envoi direct au DMP',
    explanation:
      'Le guide BIO demande identDMP quand isDirectToDMP = true ; pour false il ne dit rien : une liste remplie est signalée (tableau vide [] ou null attendu), sans rejet.',
  },
  A022: {
    title: 'Nom hors du modèle des exemples',
    explanation:
      "Le guide de la vague 2 ne donne pas de table des balises ; ses exemples écrivent les noms en majuscules, courts. Un nom en minuscules ou de plus de 50 caractères est signalé, jamais rejeté (les dénominations d'établissements sont longues).",
  },
  A023: {
    title: 'numLigne hors séquence',
    explanation:
      "Les guides numérotent les demandes d'un fichier à partir de 1 (1, 2, 3…). Le premier numéro qui rompt la suite est signalé, sans rejet ; un numéro en double reste une erreur (E020).",
  },
  P001: {
    title: 'Pièce justificative manquante',
    explanation:
      'Chaque pièce nommée dans « piecesJustificatives » (nomFichier) doit se trouver dans l’un des zips, sous exactement ce nom (majuscules comprises) : c’est la liste « Documents attendus » du portail.',
  },
  P002: {
    title: 'Fichier inattendu dans le zip',
    explanation:
      'Le portail n’accepte dans les zips que les fichiers nommés par une demande du JSON (nomFichier). Retirez le fichier, ou corrigez son nom s’il s’agit d’une pièce attendue mal orthographiée.',
  },
  P003: {
    title: 'Fichier trop volumineux',
    explanation:
      'Chaque pièce pèse au plus 3 Mo une fois décompressée : réduisez la résolution du scan ou enregistrez le PDF en qualité « web ».',
  },
  P004: {
    title: 'Zip trop volumineux',
    explanation:
      'Un zip pèse au plus 200 Mo pour les couloirs de la vague 1 et 20 Mo pour ceux de la vague 2 (écran d’import du portail). Répartissez les pièces dans plusieurs zips : le portail en accepte plusieurs.',
  },
  P005: {
    title: 'Format de fichier refusé',
    explanation:
      'Les formats acceptés sont .pdf, .png et .jpg (et .xml pour BIO), extension comprise : un .jpeg, un .docx ou un .heic est refusé ; convertissez-le ou renommez un .jpeg en .jpg.',
  },
  P006: {
    title: 'Nom hors nomenclature',
    explanation:
      'Chaque pièce se nomme CodeCouloir-Logiciel-VaN-CodeTypeFichier-numeroEditeur.format (ex. MDV-LGC-Va1-BDC-00001.pdf), format en minuscules. Corrigez le nom dans le JSON et dans le zip.',
  },
  P007: { title: 'Nom de fichier trop long', explanation: 'Le nom d’une pièce compte au plus 100 caractères.' },
  P008: {
    title: 'Contenu différent de l’extension',
    explanation:
      'Les premiers octets du fichier ne sont pas ceux de son format : un .pdf commence par « %PDF- », un .png par la signature PNG, un .jpg par FF D8 FF, un .xml par « < ». Le fichier a sans doute été renommé au lieu d’être converti.',
  },
  P009: {
    title: 'Fichier chiffré',
    explanation: 'Une entrée protégée par un mot de passe ne peut pas être lue par le portail : recréez le zip sans mot de passe.',
  },
  P010: {
    title: 'Chemin dangereux dans le zip',
    explanation:
      'Un nom d’entrée qui remonte l’arborescence (« ../ »), qui est absolu (« / », « C: ») ou qui contient « \\ » pourrait écrire hors du dossier d’extraction : c’est le procédé des archives malveillantes. Placez les pièces à la racine du zip.',
  },
  P011: {
    title: 'Fichier en double',
    explanation:
      'Deux entrées portent le même nom de fichier (dans un zip, ou dans deux zips) : le portail n’en garderait qu’une. Gardez un seul exemplaire.',
  },
  P012: {
    title: 'Zip dans le zip',
    explanation:
      'Les zips imbriqués ne sont pas ouverts (ni par ce simulateur, ni par le portail) : joignez les pièces directement dans le zip, ou déposez le second zip à part.',
  },
  P013: {
    title: 'Nom de fichier non UTF-8',
    explanation:
      'Le zip enregistre ce nom dans un ancien encodage (CP437, outils Windows anciens) : les accents seraient mal lus. Les noms de pièces suivent la nomenclature, sans accent.',
  },
  P014: {
    title: 'Bombe de décompression',
    explanation:
      'L’entrée se décompresserait en une taille démesurée (taux de compression anormal, taille annoncée fausse, entrées superposées ou nombre d’entrées démesuré) : c’est le procédé des « bombes zip ». Le fichier n’est jamais décompressé en entier, ni ici ni dans le navigateur.',
  },
  P015: {
    title: 'Archive endommagée',
    explanation:
      'Le zip ou l’une de ses entrées est tronqué ou corrompu (téléchargement interrompu, copie incomplète, outil défaillant) : recréez le zip et vérifiez qu’il s’ouvre.',
  },
  P016: {
    title: 'Ce n’est pas un zip',
    explanation: 'Le fichier déposé comme zip n’en est pas un (un PDF, une archive RAR ou 7-Zip…) : déposez un .zip contenant les pièces.',
  },
  P017: { title: 'Zip vide', explanation: 'Le zip ne contient aucun fichier (seulement des dossiers, ou rien).' },
  P018: {
    title: 'Méthode de compression non prise en charge',
    explanation:
      'Seules les méthodes standard d’un zip sont lues : sans compression (« stored ») et Deflate. Deflate64, BZip2, LZMA, Zstandard… ne le sont pas : recréez le zip avec les options par défaut.',
  },
} as const satisfies Record<Code, CodeDoc>;

export function message(code: Code, args: FindingArgs): string {
  return MESSAGES[code](args);
}

/**
 * What a bounded report left out (issue 15): «… et 39 950 autres erreurs du même type (E002).»;
 * `code` null: «… et 3 autres erreurs» (the end of a `libelleTraitement` too long to hold them all).
 */
export function moreOfTheSame(code: Code | null, count: number, severity: 'error' | 'warning'): string {
  const noun =
    severity === 'error' ? (count > 1 ? 'autres erreurs' : 'autre erreur') : count > 1 ? 'autres avertissements' : 'autre avertissement';
  return code === null ? `… et ${grouped(count)} ${noun}` : `… et ${grouped(count)} ${noun} du même type (${code}).`;
}

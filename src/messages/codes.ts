// Every finding code, with its severity. Codes are stable (they are written into
// `codeTraitement` and documented one page each): add new ones, never renumber.
//   G… the file as a whole (encoding, syntax) — always global;
//   E… an error: rejects the request (or, in the file header, the whole file);
//   A… a warning ("avertissement"): what the public simulator lets through but the
//      private portal or the ASP's instruction may refuse; `strict` makes it an error;
//   P… an attachment ("pièce justificative") of the zips: missing, unexpected or faulty —
//      a fault of the attachments step, never of a request (src/attachments).

export const CODES = {
  G001: 'error', // bytes are not UTF-8
  G002: 'error', // UTF-16 / UTF-32 text
  G003: 'error', // file too large
  G004: 'error', // not a text file (a PDF, a zip, an image renamed .json)
  G010: 'error', // JSON syntax
  G011: 'error', // nesting too deep
  G012: 'error', // empty file
  G020: 'warning', // JSON file name not JSON-numeroAns-AAAAMMJJ-NNN.json (never escalated)
  G021: 'warning', // the file looks like another request type or couloir (never escalated)

  E001: 'error', // tag missing
  E002: 'error', // tag unknown
  E003: 'error', // tag duplicated in one object
  E004: 'error', // wrong JSON type
  E005: 'error', // must be null
  E006: 'error', // must be filled
  E007: 'error', // exact length
  E008: 'error', // maximum length
  E009: 'error', // value not in the list
  E010: 'error', // not a JJ/MM/AAAA calendar date
  E011: 'error', // amount not written with 2 decimals
  E012: 'error', // amount not > 0
  E013: 'error', // integer out of range / not an integer
  E014: 'error', // not upper case
  E015: 'error', // not an e-mail address — RETIRED (issue 10): the guides fix a length only; see A020
  E016: 'error', // array with too few elements
  E017: 'error', // must be empty
  E018: 'error', // array with too many elements
  E019: 'error', // characters not allowed (letters only)
  E020: 'error', // numLigne repeated in the file
  E021: 'error', // numeroEditeur repeated in the file
  E022: 'error', // isClientUnique vs number of doctors
  E023: 'error', // not exactly one order form
  E024: 'error', // PREUVE_HT missing under HT
  E025: 'error', // an attachment type required by the rule set is missing (FACTURE, VA)
  E026: 'error', // representative: all three tags filled, or all three null
  E027: 'error', // two server certificates for one FINESSJuridique
  E030: 'error', // VAT regime vs VAT rate chosen
  E031: 'error', // health centre without the profile
  E032: 'error', // Mailiz without the profile
  E033: 'error', // one tag twice under its two accepted spellings (isDirectToDMP + isDirecToDMP, siret + SIRET)
  E034: 'error', // no VAT rate chosen: regimeTVA differs from the first request's (one rate per file)
  E035: 'error', // numeroEditeur 00000 (numbering starts at 00001)

  A001: 'warning', // isDirecToDMP spelling: an informative note, never escalated
  A002: 'warning', // messaging operator not in the list
  A003: 'warning', // RPPS check digit
  A004: 'warning', // FINESS check digit
  A005: 'warning', // attachment naming rule
  A006: 'warning', // date in the future
  A007: 'warning', // PREUVE_HT under TTC
  A008: 'warning', // numeroASP not of the form FINxxx + 6 digits
  A009: 'warning', // order signed before it was issued
  A010: 'warning', // SIRET check digit
  A011: 'warning', // C1 control character (U+0080–U+009F): Windows-1252 text read as Latin-1
  A020: 'warning', // an e-mail tag that does not look like an address (never escalated)
  A021: 'warning', // BIO: identDMP filled while isDirectToDMP = false (never escalated)
  A022: 'warning', // HOP: nomClient / nomRepresentant not in capitals or longer than 50 (never escalated)
  A023: 'warning', // numLigne not 1, 2, 3… in the order of the requests (never escalated)

  P001: 'error', // attachment named by the JSON, absent from the zips
  P002: 'error', // file of a zip named by no request
  P003: 'error', // file larger than the rule set's limit (uncompressed)
  P004: 'error', // zip larger than the rule set's limit
  P005: 'error', // format (extension) the rule set refuses
  P006: 'error', // name not following the rule set's naming rule
  P007: 'error', // name longer than the limit
  P008: 'error', // content does not match the extension (magic bytes)
  P009: 'error', // encrypted entry
  P010: 'error', // unsafe path (../, absolute, backslash, control character)
  P011: 'error', // duplicate name
  P012: 'error', // zip inside the zip
  P013: 'error', // name not in UTF-8
  P014: 'error', // zip bomb
  P015: 'error', // corrupt or truncated archive or entry
  P016: 'error', // not a zip
  P017: 'error', // empty zip
  P018: 'error', // compression method not supported
} as const;

export type Code = keyof typeof CODES;

/**
 * Warnings that `strict` leaves as warnings (spec README, «Fidelity first»): `strict` escalates
 * only what the private portal or the ASP's instruction will refuse (check digits, operator list,
 * attachment naming, dates), never a doubt about the guides' own spelling, a rule the guides do
 * not state, or a note about the file as a whole.
 */
export const NOT_ESCALATED: ReadonlySet<Code> = new Set<Code>(['A001', 'A011', 'A020', 'A021', 'A022', 'A023', 'G020', 'G021']);

/**
 * Codes no rule reports any more. They keep their number (codes are stable: an old output
 * file's codeTraitement still names them), message and documentation entry, and need no example.
 * E015: e-mail syntax was an error; the guides fix a length only, so it is now the warning A020.
 */
export const RETIRED: ReadonlySet<Code> = new Set<Code>(['E015']);

export function isCode(value: string): value is Code {
  return Object.hasOwn(CODES, value);
}

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
  E015: 'error', // not an e-mail address
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

  A001: 'warning', // isDirecToDMP spelling
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

export function isCode(value: string): value is Code {
  return Object.hasOwn(CODES, value);
}

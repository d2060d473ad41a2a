// One generated example per attachment code (P001…P018): zips written in the test, the
// attachments a JSON names, and the limits. The completeness test proves each triggers its
// code; tests/attachments/check.test.ts runs them again against time and memory bounds.

import type { AttachmentLimits } from '../../src/core/model';
import type { Code } from '../../src/messages/codes';
import type { ExpectedAttachment } from '../../src/attachments/expected';
import type { ZipInput } from '../../src/attachments/check';
import { VAGUE1_ATTACHMENTS, VAGUE2_ATTACHMENTS, MIB } from '../../src/attachments/limits';
import { buildZip, content, countingBlob, deflateBomb, sparseBlob, type EntrySpec } from './build';

export interface AttachmentExample {
  readonly code: Code;
  /** What the example is, in French (as the fixtures' titles). */
  readonly title: string;
  readonly build: () => { zips: ZipInput[]; expected: ExpectedAttachment[] | null; limits: AttachmentLimits };
}

/** An attachment the JSON of request `n` names (MDV-LGC advance naming). */
export function expect1(nomFichier: string, n = 1, more: Partial<ExpectedAttachment> = {}): ExpectedAttachment {
  const numeroEditeur = String(n).padStart(5, '0');
  const formatFichier = nomFichier.slice(nomFichier.lastIndexOf('.') + 1).toUpperCase();
  return { request: n - 1, numLigne: n, numeroEditeur, typeFichier: 'BON_COMMANDE', formatFichier, nomFichier, ...more };
}

const BDC1 = 'MDV-LGC-Va1-BDC-00001.pdf';
const BDC2 = 'MDV-LGC-Va1-BDC-00002.pdf';

/** One zip named `pj.zip` holding `entries`, a JSON naming `expected`, vague 1 limits. */
export function one(
  entries: readonly EntrySpec[],
  expected: ExpectedAttachment[] | null = [expect1(BDC1)],
  limits: AttachmentLimits = VAGUE1_ATTACHMENTS,
) {
  return { zips: [{ name: 'pj.zip', blob: countingBlob(buildZip(entries)) }], expected, limits };
}

const pdf = (name = BDC1, more: Partial<EntrySpec> = {}): EntrySpec => ({ name, data: content('pdf'), ...more });

export const ATTACHMENT_EXAMPLES: readonly AttachmentExample[] = [
  { code: 'P001', title: 'Pièce nommée par le JSON absente du zip', build: () => one([pdf()], [expect1(BDC1), expect1(BDC2, 2)]) },
  {
    code: 'P002',
    title: 'Fichier du zip nommé par aucune demande',
    build: () => one([pdf(), { name: 'notes.txt', data: new TextEncoder().encode('à joindre') }]),
  },
  { code: 'P003', title: 'Pièce de 3 Mo et 1 octet', build: () => one([{ name: BDC1, data: content('pdf', 3 * MIB + 1) }]) },
  {
    code: 'P004',
    title: 'Zip de 21 Mo pour un couloir de la vague 2 (20 Mo au plus)',
    // 21 MiB without allocating them: the archive sits at the end of a sparse blob.
    build: () => ({
      zips: [{ name: 'pj.zip', blob: sparseBlob(21 * MIB, buildZip([pdf('HOP-DPI-Va2-BDC-00001.pdf')])) }],
      expected: [expect1('HOP-DPI-Va2-BDC-00001.pdf')],
      limits: VAGUE2_ATTACHMENTS,
    }),
  },
  {
    code: 'P005',
    title: 'Pièce en .docx',
    build: () => one([{ name: 'MDV-LGC-Va1-BDC-00001.docx', data: content('pdf') }], [expect1('MDV-LGC-Va1-BDC-00001.docx')]),
  },
  {
    code: 'P006',
    title: 'Pièce nommée hors nomenclature (dans le JSON et dans le zip)',
    build: () => one([pdf('bon-de-commande.pdf')], [expect1('bon-de-commande.pdf', 1, { namingExpected: BDC1 })]),
  },
  {
    code: 'P007',
    title: 'Nom de pièce de 101 caractères',
    build: () => one([pdf(`${'A'.repeat(97)}.pdf`)], [expect1(`${'A'.repeat(97)}.pdf`)]),
  },
  { code: 'P008', title: 'Image PNG renommée en .pdf', build: () => one([{ name: BDC1, data: content('png') }]) },
  { code: 'P009', title: 'Pièce chiffrée par mot de passe', build: () => one([pdf(BDC1, { flags: 1 })]) },
  { code: 'P010', title: 'Entrée « ../../evil.pdf » (zip slip)', build: () => one([pdf(), pdf('../../evil.pdf')]) },
  { code: 'P011', title: 'Même pièce deux fois dans le zip', build: () => one([pdf(), pdf(`copie/${BDC1}`)]) },
  { code: 'P012', title: 'Zip dans le zip', build: () => one([pdf(), { name: 'pieces.zip', data: buildZip([pdf()]) }]) },
  {
    code: 'P013',
    title: 'Nom en CP437 (« é » écrit 0x82, sans le drapeau UTF-8)',
    build: () =>
      one([
        pdf(),
        {
          name: Uint8Array.from([...'Facture_', 0x82, ...'t', 0x82, ...'.pdf'].map((c) => (typeof c === 'string' ? c.charCodeAt(0) : c))),
          data: content('pdf'),
        },
      ]),
  },
  {
    code: 'P014',
    title: 'Bombe : 1 Mo compressé annonçant 1 Go',
    build: () => {
      const bomb = deflateBomb(1024 * MIB);
      return one([{ name: BDC1, compressed: bomb.compressed, size: bomb.size }]);
    },
  },
  {
    code: 'P015',
    title: 'Zip tronqué (coupé en deux)',
    build: () => {
      const zip = buildZip([pdf(), pdf(BDC2)]);
      return {
        zips: [{ name: 'pj.zip', blob: countingBlob(zip.slice(0, zip.length >> 1)) }],
        expected: [expect1(BDC1)],
        limits: VAGUE1_ATTACHMENTS,
      };
    },
  },
  {
    code: 'P016',
    title: 'PDF déposé à la place du zip',
    build: () => ({
      zips: [{ name: 'pj.zip', blob: countingBlob(content('pdf')) }],
      expected: [expect1(BDC1)],
      limits: VAGUE1_ATTACHMENTS,
    }),
  },
  { code: 'P017', title: 'Zip vide', build: () => one([], [expect1(BDC1)]) },
  { code: 'P018', title: 'Pièce compressée en BZip2', build: () => one([pdf(BDC1, { method: 12 })]) },
];

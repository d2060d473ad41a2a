// The attachment limits the guides state, as presets a rule set declares in one line
// (`attachments: VAGUE1_ATTACHMENTS`). Spec: shared/spec/pieces-justificatives.md.
//   - each file at most 3 Mo, uncompressed (3 × 1024 × 1024 bytes, as the spec reads « Mo »);
//   - each zip at most 200 Mo (vague 1 guides, seeds 002 and 004) or 20 Mo (vague 2 portal screen, seed 001);
//   - a file name at most 100 characters;
//   - formats .pdf, .png, .jpg (BIO's formatFichier also lists XML).

import type { AttachmentFormat, AttachmentLimits } from '../core/model';

export const MIB = 1024 * 1024;

/** Vague 1 (MDV-LGC, BIO-SGL…): 200 Mo per zip. */
export const VAGUE1_ATTACHMENTS: AttachmentLimits = {
  maxFileBytes: 3 * MIB,
  maxZipBytes: 200 * MIB,
  nameMax: 100,
  formats: ['PDF', 'PNG', 'JPG'],
};

/** Vague 2 (HOP-DPI, HOP-PFI, MS): the portal's import screen says 20 Mo per zip. */
export const VAGUE2_ATTACHMENTS: AttachmentLimits = { ...VAGUE1_ATTACHMENTS, maxZipBytes: 20 * MIB };

/** BIO-SGL: vague 1, and `formatFichier` also accepts XML. */
export const BIO_ATTACHMENTS: AttachmentLimits = { ...VAGUE1_ATTACHMENTS, formats: ['PDF', 'PNG', 'JPG', 'XML'] };

/** The file extension of a format: the format in lower case (the naming rule writes it so). */
export const extensionOf = (format: AttachmentFormat): string => format.toLowerCase();

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { isAttachmentName } from './rules';

describe('isAttachmentName', () => {
  test('the same answer as comparing with the name built in full', () => {
    const piece = fc.string({ unit: fc.constantFrom('M', 'D', 'V', '-', '.', '1', '0', 'é', 'p', 'f'), maxLength: 6 });
    const built = (p: string, code: string, editeur: string, ext: string) => `${p}-${code}-${editeur}.${ext}`;
    fc.assert(
      fc.property(piece, piece, piece, piece, piece, fc.boolean(), (p, code, editeur, ext, other, same) => {
        const name = same ? built(p, code, editeur, ext) : other;
        expect(isAttachmentName(name, p, code, editeur, ext)).toBe(name === built(p, code, editeur, ext));
      }),
      { numRuns: 2000 },
    );
    expect(isAttachmentName('MDV-LGC-Va1-PDV-00001.pdf', 'MDV-LGC-Va1', 'PDV', '00001', 'pdf')).toBe(true);
    expect(isAttachmentName('MDV-LGC-Va1-PDV-00001.png', 'MDV-LGC-Va1', 'PDV', '00001', 'pdf')).toBe(false);
  });
});

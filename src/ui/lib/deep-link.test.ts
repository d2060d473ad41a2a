import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { FormState } from '../state/form.svelte';
import { deepLinkHash, followDeepLinks, parseDeepLink, presetFrom } from './deep-link';

describe('parseDeepLink', () => {
  test('the example of the issue', () => {
    expect(parseDeepLink('#type=avance&dsr=MDV-LGC&tva=20')).toEqual({
      preset: { type: 'avance', dsr: 'MDV-LGC', vatRate: '20' },
      lock: false,
    });
  });

  test('profiles (comma-separated, in the portal order) and the lock', () => {
    expect(parseDeepLink('#type=avance&profils=centre-sante,mailiz&verrou=1')).toEqual({
      preset: { type: 'avance', profiles: ['mailiz', 'centre-sante'] },
      lock: true,
    });
    expect(parseDeepLink('#dsr=HOP-DPI&lock=1')?.lock).toBe(true);
    expect(parseDeepLink('#dsr=HOP-DPI&verrou')?.lock).toBe(true);
    expect(parseDeepLink('#dsr=HOP-DPI&verrou=true')?.lock).toBe(true);
    expect(parseDeepLink('#dsr=HOP-DPI&verrou=0')?.lock).toBe(false);
    expect(parseDeepLink('#dsr=HOP-DPI&verrou=non')?.lock).toBe(false);
    expect(parseDeepLink('#dsr=HOP-DPI')?.lock).toBe(false);
  });

  test('lenient spelling: case, encoded commas, French decimal comma, a % sign', () => {
    expect(parseDeepLink('#TYPE=avance')).toBeUndefined(); // keys are exact
    expect(parseDeepLink('#type=Solde&dsr=bio-sgl')?.preset).toEqual({ type: 'solde', dsr: 'BIO-SGL' });
    expect(parseDeepLink('#profils=mailiz%2Cgeneral')?.preset).toEqual({ profiles: ['general', 'mailiz'] });
    expect(parseDeepLink('#tva=8,5')?.preset).toEqual({ vatRate: '8.5' });
    expect(parseDeepLink('#tva=8.50')?.preset).toEqual({ vatRate: '8.5' });
    expect(parseDeepLink('#tva=0%25')?.preset).toEqual({ vatRate: '0' });
    expect(parseDeepLink('type=avance')?.preset).toEqual({ type: 'avance' }); // without the #
  });

  test('unknown values are ignored, the known ones kept', () => {
    expect(parseDeepLink('#type=acompte&dsr=XYZ&tva=19.6&profils=inconnu&verrou=1')).toEqual({ preset: {}, lock: true });
    expect(parseDeepLink('#type=solde&dsr=nope')?.preset).toEqual({ type: 'solde' });
    expect(parseDeepLink('#profils=inconnu,mailiz')?.preset).toEqual({ profiles: ['mailiz'] });
    expect(parseDeepLink('#profils=')?.preset).toEqual({ profiles: [] });
    expect(parseDeepLink('#tva=')?.preset).toEqual({});
    expect(parseDeepLink('#tva=abc')?.preset).toEqual({});
  });

  test('the app routes and plain anchors are not deep links', () => {
    for (const hash of ['', '#', '#/', '#/documentation', '#/documentation/MDV-LGC/avance/E011', '#contenu', '#verrou=1', '#x=1']) {
      expect(parseDeepLink(hash), hash).toBeUndefined();
    }
    // Even when a route carries words that look like a deep link.
    expect(parseDeepLink('#/documentation?type=avance')).toBeUndefined();
  });

  test('never throws, whatever the hash', () => {
    fc.assert(
      fc.property(fc.string(), (hash) => {
        parseDeepLink(hash);
        parseDeepLink(`#${hash}`);
        parseDeepLink(`#type=${hash}&dsr=${hash}&profils=${hash}&tva=${hash}`);
      }),
    );
    expect(() => parseDeepLink('#type=%E0%A4%A')).not.toThrow();
  });

  test('deepLinkHash writes what parseDeepLink reads', () => {
    const preset = { type: 'avance', dsr: 'MDV-LGC', profiles: ['mailiz', 'centre-sante'], vatRate: '8.5' } as const;
    const hash = deepLinkHash(preset, { lock: true });
    expect(hash).toBe('#type=avance&dsr=MDV-LGC&profils=mailiz,centre-sante&tva=8.5&verrou=1');
    expect(parseDeepLink(hash)).toEqual({ preset, lock: true });
  });
});

describe('presetFrom (the element attributes)', () => {
  test('null and undefined are "not given"', () => {
    expect(presetFrom({ type: null, dsr: undefined, profils: null, tva: null })).toEqual({});
    expect(presetFrom({ type: 'avance', dsr: 'MDV-LGC', profils: 'mailiz', tva: '20' })).toEqual({
      type: 'avance',
      dsr: 'MDV-LGC',
      profiles: ['mailiz'],
      vatRate: '20',
    });
  });
});

describe('followDeepLinks', () => {
  /** A window stand-in: a hash and hashchange listeners. */
  function fakeWindow(hash: string) {
    const listeners = new Set<() => void>();
    const win = {
      location: { hash },
      addEventListener: (_: string, f: () => void) => listeners.add(f),
      removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    };
    const go = (next: string) => {
      win.location.hash = next;
      for (const f of listeners) f();
    };
    return { win: win as unknown as Window, go, listeners };
  }

  test('presets on load and at each hashchange to a deep link; routes leave the form alone', () => {
    const form = new FormState();
    const { win, go, listeners } = fakeWindow('#type=solde&dsr=BIO-SGL');
    const stop = followDeepLinks(form, win);
    expect(form.snapshot()).toMatchObject({ type: 'solde', dsr: 'BIO-SGL' });

    go('#type=avance&dsr=HOP-PFI&tva=0&verrou=1');
    expect(form.snapshot()).toMatchObject({ type: 'avance', dsr: 'HOP-PFI', vatRate: '0' });
    expect(form.locked).toEqual({ type: true, dsr: true, profiles: false, vatRate: true });

    go('#/documentation/HOP-PFI/avance');
    expect(form.snapshot()).toMatchObject({ type: 'avance', dsr: 'HOP-PFI', vatRate: '0' });
    expect(form.locked.dsr).toBe(true);

    go('#type=avance');
    expect(form.locked.dsr).toBe(false);

    stop();
    expect(listeners.size).toBe(0);
  });
});

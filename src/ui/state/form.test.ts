import { describe, expect, test } from 'vitest';
import { FormState } from './form.svelte';

/** A form and the number of changes it reported (the app saves each one). */
function form() {
  let changes = 0;
  const state = new FormState(() => changes++);
  return { state, changes: () => changes };
}

describe('presets', () => {
  test('set the fields without reporting a change; nothing locked by default', () => {
    const { state, changes } = form();
    state.preset({ type: 'avance', dsr: 'HOP-DPI', vatRate: '8.5' });
    expect(state.snapshot()).toMatchObject({ type: 'avance', dsr: 'HOP-DPI', vatRate: '8.5' });
    expect(changes()).toBe(0);
    expect(state.locked).toEqual({ type: false, dsr: false, profiles: false, vatRate: false });
    // The user may change them.
    state.dsr = 'MS';
    expect(state.dsr).toBe('MS');
    expect(changes()).toBe(1);
  });

  test('a couloir alone takes a type that has it', () => {
    const { state } = form();
    state.preset({ dsr: 'BIO-SGL' });
    expect(state.snapshot()).toMatchObject({ type: 'solde', dsr: 'BIO-SGL' });
    // …and keeps the current type when it has it.
    state.type = 'solde';
    state.preset({ dsr: 'MDV-LGC' });
    expect(state.snapshot()).toMatchObject({ type: 'solde', dsr: 'MDV-LGC' });
  });

  test('what does not exist is ignored, no crash', () => {
    const { state } = form();
    const before = state.snapshot();
    state.preset({ type: 'acompte' as never, dsr: 'XYZ', vatRate: '19.6' as never, profiles: ['inconnu' as never] });
    expect(state.snapshot()).toEqual(before);
    expect(state.activePreset).toEqual({ profiles: [] });
    // A couloir that does not exist for the preset type: the type is kept, the couloir dropped.
    state.preset({ type: 'solde', dsr: 'HOP-DPI' }, { lock: true });
    expect(state.snapshot()).toMatchObject({ type: 'solde', dsr: 'MDV-LGC' });
    expect(state.locked).toEqual({ type: true, dsr: false, profiles: false, vatRate: false });
  });

  test('profiles in the portal order; a VAT rate the rule set offers', () => {
    const { state } = form();
    state.preset({ type: 'avance', dsr: 'MDV-LGC', profiles: ['centre-sante', 'mailiz'], vatRate: '0' });
    expect(state.profiles).toEqual(['mailiz', 'centre-sante']);
    expect(state.vatRate).toBe('0');
    expect(state.options()).toMatchObject({ profiles: ['mailiz', 'centre-sante'], vatRate: '0' });
  });

  test('locked fields ignore the setters; the others follow the user', () => {
    const { state, changes } = form();
    state.preset({ type: 'avance', dsr: 'MDV-LGC', vatRate: '20', profiles: ['mailiz'] }, { lock: true });
    expect(state.locked).toEqual({ type: true, dsr: true, profiles: true, vatRate: true });
    state.type = 'solde';
    state.dsr = 'HOP-DPI';
    state.vatRate = '0';
    state.addProfile('general');
    state.removeProfile('mailiz');
    expect(state.snapshot()).toMatchObject({ type: 'avance', dsr: 'MDV-LGC', vatRate: '20', profiles: ['mailiz'] });
    expect(changes()).toBe(0);
    state.strict = true;
    expect(state.strict).toBe(true);
    expect(changes()).toBe(1);
  });

  test('a locked couloir that exists for both types leaves the type free, and is kept', () => {
    const { state } = form();
    state.preset({ dsr: 'MDV-LGC' }, { lock: true });
    expect(state.locked).toEqual({ type: false, dsr: true, profiles: false, vatRate: false });
    state.type = 'solde';
    expect(state.snapshot()).toMatchObject({ type: 'solde', dsr: 'MDV-LGC' });
  });

  test('a locked couloir of one type only locks the type too', () => {
    const { state } = form();
    state.preset({ dsr: 'HOP-PFI' }, { lock: true });
    expect(state.locked).toMatchObject({ type: true, dsr: true });
    state.type = 'solde';
    expect(state.snapshot()).toMatchObject({ type: 'avance', dsr: 'HOP-PFI' });
  });

  test('a new preset replaces the previous one (and its locks)', () => {
    const { state } = form();
    state.preset({ type: 'avance', dsr: 'MS' }, { lock: true });
    state.preset({ vatRate: '8.5' });
    expect(state.locked).toEqual({ type: false, dsr: false, profiles: false, vatRate: false });
    expect(state.activePreset).toEqual({ vatRate: '8.5' });
    state.type = 'solde';
    expect(state.type).toBe('solde');
    // An empty preset locks nothing, even asked to.
    state.preset({}, { lock: true });
    expect(state.locked.type).toBe(false);
  });

  test('the preset wins over saved choices restored later; the other saved choices apply', () => {
    const { state, changes } = form();
    state.preset({ type: 'avance', dsr: 'HOP-DPI', vatRate: '8.5' });
    state.restore({ type: 'solde', dsr: 'BIO-SGL', vatRate: '0', profiles: ['general'], strict: true, firstErrorOnly: true });
    expect(state.snapshot()).toEqual({
      type: 'avance',
      dsr: 'HOP-DPI',
      vatRate: '8.5',
      profiles: ['general'],
      strict: true,
      firstErrorOnly: true,
    });
    expect(changes()).toBe(0);
  });

  test('restore without a preset is unchanged', () => {
    const { state } = form();
    state.restore({ type: 'solde', dsr: 'BIO-SGL' });
    expect(state.snapshot()).toMatchObject({ type: 'solde', dsr: 'BIO-SGL' });
  });
});

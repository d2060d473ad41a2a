// @vitest-environment jsdom
// The element's component, mounted as a plain component (the custom element wrapper is the embed
// build's; tests/e2e/embed.e2e.test.ts drives the real element): attributes preset and lock the
// form, compact layout, the documentation inside without touching the page's address.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clear, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { frenchSpacingFaults } from '../../tests/french-spacing';
import { SETTINGS_KEY } from '../io/store';
import SegurSimulateur from './SegurSimulateur.svelte';

const LOCKED = "Réglé par la page d'intégration";
const select = (label: string) => screen.getByLabelText(label, { selector: 'select' }) as HTMLSelectElement;

beforeEach(() => clear());
afterEach(() => history.replaceState(null, '', location.pathname));

describe('attributes', () => {
  test('type, dsr, tva and profils preset the form; nothing locked', () => {
    render(SegurSimulateur, { type: 'avance', dsr: 'MDV-LGC', tva: '8.5', profils: 'centre-sante, mailiz' });
    expect(select('Type de demande').value).toBe('avance');
    expect(select('Couloir / Logiciel (DSR)').value).toBe('MDV-LGC');
    expect(select('Taux de TVA').value).toBe('8.5');
    expect(screen.getByRole('list', { name: 'Profils sélectionnés' })).toHaveTextContent(/Opérateur Mailiz.*Centres de santé/);
    expect(select('Type de demande')).toBeEnabled();
    expect(screen.queryByText(LOCKED)).not.toBeInTheDocument();
    // French typography in the element's own words too (its footer, the profiles chosen).
    expect(frenchSpacingFaults()).toEqual([]);
  });

  test('verrou (a boolean attribute: present, empty) locks the preset fields, each with its note', () => {
    render(SegurSimulateur, { type: 'avance', dsr: 'MDV-LGC', tva: '20', profils: 'mailiz', verrou: '' });
    for (const label of ['Type de demande', 'Couloir / Logiciel (DSR)', 'Taux de TVA', 'Profils référencés']) {
      expect(select(label), label).toBeDisabled();
    }
    expect(screen.getAllByText(LOCKED)).toHaveLength(4);
    expect(select('Couloir / Logiciel (DSR)')).toHaveAccessibleDescription(expect.stringContaining(LOCKED));
    // The chips stay, without their « Retirer » button.
    expect(screen.getByRole('list', { name: 'Profils sélectionnés' })).toHaveTextContent('Opérateur Mailiz');
    expect(screen.queryByRole('button', { name: /^Retirer le profil/ })).not.toBeInTheDocument();
  });

  test('verrou="false" does not lock; only the preset fields are locked', () => {
    const { unmount } = render(SegurSimulateur, { dsr: 'MDV-LGC', verrou: 'false' });
    expect(select('Couloir / Logiciel (DSR)')).toBeEnabled();
    unmount();
    render(SegurSimulateur, { dsr: 'MDV-LGC', verrou: true });
    expect(select('Couloir / Logiciel (DSR)')).toBeDisabled();
    // MDV-LGC exists for both types: the type stays free.
    expect(select('Type de demande')).toBeEnabled();
    expect(select('Taux de TVA')).toBeEnabled();
  });

  test('unknown values are ignored', () => {
    render(SegurSimulateur, { type: 'acompte', dsr: 'NOPE', tva: '19,6', profils: 'inconnu', verrou: '' });
    expect(select('Type de demande').value).toBe('avance');
    expect(select('Couloir / Logiciel (DSR)').value).toBe('MDV-LGC');
    expect(select('Type de demande')).toBeEnabled();
    expect(screen.queryByText(LOCKED)).not.toBeInTheDocument();
  });

  test('a change of attribute presets again', async () => {
    const { rerender } = render(SegurSimulateur, { type: 'avance', dsr: 'MDV-LGC' });
    await rerender({ type: 'solde', dsr: 'BIO-SGL', verrou: '' });
    expect(select('Type de demande').value).toBe('solde');
    expect(select('Couloir / Logiciel (DSR)').value).toBe('BIO-SGL');
    expect(select('Type de demande')).toBeDisabled();
    await rerender({ type: 'solde', dsr: 'BIO-SGL', verrou: null });
    expect(select('Type de demande')).toBeEnabled();
  });

  test('the attributes win over the remembered settings', async () => {
    await set(SETTINGS_KEY, { type: 'solde', dsr: 'BIO-SGL', strict: true });
    render(SegurSimulateur, { type: 'avance', dsr: 'HOP-DPI' });
    // The remembered option arrives (strict), the preset fields keep the attributes' values.
    await waitFor(() => expect(screen.getByLabelText('Contrôles stricts')).toBeChecked());
    expect(select('Type de demande').value).toBe('avance');
    expect(select('Couloir / Logiciel (DSR)').value).toBe('HOP-DPI');
  });

  test("the page's address is not the element's: a deep link in it changes nothing", () => {
    history.replaceState(null, '', '#type=solde&dsr=BIO-SGL');
    render(SegurSimulateur, {});
    expect(select('Type de demande').value).toBe('avance');
  });
});

describe('layout', () => {
  test('default: the title and introduction, the history open', () => {
    render(SegurSimulateur, {});
    expect(screen.getByRole('region', { name: 'Simulateur JSON Ségur numérique' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Simulateur JSON Ségur numérique' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Historique' })).toBeVisible();
  });

  test('compact: no title nor introduction, the history folded', () => {
    const { container } = render(SegurSimulateur, { compact: '' });
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Simulation importation du fichier json' })).toBeInTheDocument();
    const details = container.querySelector('details.history-toggle');
    expect(details).not.toBeNull();
    expect(details).not.toHaveAttribute('open');
    expect(details?.querySelector('summary')).toHaveTextContent('Historique des simulations (0)');
  });
});

describe('documentation inside the element', () => {
  test("a documentation link opens it inside; the page's address does not change; back to the form", async () => {
    const user = userEvent.setup();
    const before = location.href;
    render(SegurSimulateur, { type: 'avance', dsr: 'HOP-PFI' });
    await user.click(screen.getByRole('link', { name: "balises et codes d'erreur de ce jeu de règles" }));
    const title = await screen.findByRole('heading', { level: 1, name: /HOP-PFI/ });
    expect(title).toBeInTheDocument();
    expect(location.href).toBe(before);
    expect(screen.queryByLabelText('Type de demande')).not.toBeInTheDocument();
    // The page's examples loaded before leaving it: an import still running when the file's
    // environment is torn down fails the next file.
    await waitFor(() => expect(screen.queryAllByText("Chargement de l'exemple…")).toHaveLength(0));

    await user.click(screen.getByRole('link', { name: /Retour au simulateur/ }));
    expect(select('Couloir / Logiciel (DSR)').value).toBe('HOP-PFI');
    expect(location.href).toBe(before);
    // Focus on the element's content, as a page change would.
    expect(screen.getByRole('region', { name: 'Simulateur JSON Ségur numérique' })).toHaveFocus();
  });

  test('« Accéder à la documentation »: the index, inside', async () => {
    const user = userEvent.setup();
    render(SegurSimulateur, {});
    await user.click(screen.getByRole('link', { name: 'Accéder à la documentation' }));
    await screen.findByRole('heading', { level: 1 });
    expect(location.hash).toBe('');
  });
});

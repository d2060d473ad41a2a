// @vitest-environment jsdom
// The application: routes (simulator / documentation), remembered choices, local history.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clear, get } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HISTORY_KEY } from '../io/store';
import App from './App.svelte';
import Simulator from './Simulator.svelte';
import { SimulatorState, type SimulatorStore } from './state/simulator.svelte';
import { frenchSpacingFaults } from '../../tests/french-spacing';
import { fixtureFile, SHORT_RPPS } from './testing';

beforeEach(() => clear());
afterEach(() => {
  history.replaceState(null, '', '#/');
  vi.restoreAllMocks();
});

/** Simulates `file`, closes the verdict dialog and waits for the file's results (they follow the dialog by a task). */
async function simulate(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.upload(screen.getByLabelText('Choisissez le fichier'), file);
  await user.click(screen.getByRole('button', { name: 'Simuler' }));
  await screen.findByRole('dialog');
  await user.keyboard('{Escape}');
  await screen.findByRole('region', { name: file.name });
}

test('affiche le titre du simulateur', () => {
  render(App);
  expect(screen.getByRole('heading', { level: 1, name: 'Simulateur JSON Ségur numérique' })).toBeInTheDocument();
});

describe('routes', () => {
  test('a documentation address shows the documentation instead of the simulator, with a way back', async () => {
    history.replaceState(null, '', '#/documentation');
    render(App);
    expect(screen.queryByLabelText('Type de demande')).not.toBeInTheDocument();
    const back = screen.getByRole('link', { name: /Retour au simulateur/ });
    expect(back).toHaveAttribute('href', '#/');
    // The lazily loaded component arrives.
    await waitFor(() => expect(screen.queryByText('Chargement de la documentation…')).not.toBeInTheDocument());
    expect(screen.queryByText("La documentation n'a pas pu être chargée. Rechargez la page pour réessayer.")).not.toBeInTheDocument();
  });

  test('results survive a visit to the documentation', async () => {
    const user = userEvent.setup();
    render(App);
    await simulate(user, fixtureFile('avance.json', SHORT_RPPS));
    const code = within(screen.getByRole('list', { name: 'Erreurs de la demande 1' })).getByRole('link', { name: 'E007' });
    history.pushState(null, '', code.getAttribute('href'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'avance.json' })).not.toBeInTheDocument());
    // The page loaded (its chunk, then its examples) before leaving it: an import still running
    // when the file's environment is torn down fails the next file.
    await screen.findByRole('heading', { level: 1, name: "MDV-LGC — demande d'avance" });
    await waitFor(() => expect(screen.queryAllByText("Chargement de l'exemple…")).toHaveLength(0));
    history.pushState(null, '', '#/');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('region', { name: 'avance.json' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('remembered choices', () => {
  test('the last form choices are restored on the next visit', async () => {
    const user = userEvent.setup();
    const first = render(App);
    await user.selectOptions(screen.getByLabelText('Couloir / Logiciel (DSR)'), 'MDV-LGC');
    await user.selectOptions(screen.getByLabelText('Profils référencés'), 'Opérateur Mailiz');
    await user.selectOptions(screen.getByLabelText('Profils référencés'), 'Centres de santé');
    await user.selectOptions(screen.getByLabelText('Taux de TVA'), '8,5 %');
    await user.click(screen.getByLabelText('Contrôles stricts'));
    await user.click(screen.getByLabelText('Première erreur seulement (comme le portail)'));
    first.unmount();

    render(App);
    await waitFor(() => expect(screen.getByLabelText('Taux de TVA')).toHaveValue('8.5'));
    expect(screen.getByLabelText('Type de demande')).toHaveValue('avance');
    expect(screen.getByRole('button', { name: 'Retirer le profil Opérateur Mailiz' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retirer le profil Centres de santé' })).toBeInTheDocument();
    expect(screen.getByLabelText('Contrôles stricts')).toBeChecked();
    expect(screen.getByLabelText('Première erreur seulement (comme le portail)')).toBeChecked();
  });

  test('Solde and its couloir are restored too', async () => {
    const user = userEvent.setup();
    const first = render(App);
    await user.selectOptions(screen.getByLabelText('Type de demande'), 'Solde');
    await user.selectOptions(screen.getByLabelText('Couloir / Logiciel (DSR)'), 'BIO-SGL');
    first.unmount();
    render(App);
    await waitFor(() => expect(screen.getByLabelText('Type de demande')).toHaveValue('solde'));
    expect(screen.getByLabelText('Couloir / Logiciel (DSR)')).toHaveValue('BIO-SGL');
    expect(screen.queryByLabelText('Taux de TVA')).not.toBeInTheDocument();
  });
});

describe('history', () => {
  test('lists past simulations (name, rule set, counts) and never keeps the content', async () => {
    const user = userEvent.setup();
    render(App);
    expect(screen.getByText('Aucune simulation enregistrée.')).toBeInTheDocument();
    await simulate(user, fixtureFile('JSON-001.json', SHORT_RPPS));
    const section = screen.getByRole('region', { name: 'Historique' });
    await waitFor(() => expect(within(section).getByText('JSON-001.json')).toBeInTheDocument());
    expect(within(section).getByText('2 demandes, 1 acceptée, 1 rejetée', { exact: false })).toBeInTheDocument();

    await waitFor(async () => expect(await get(HISTORY_KEY)).toHaveLength(1));
    const stored = JSON.stringify(await get(HISTORY_KEY));
    for (const content of ['DURAND', 'dr.durand@exemple.fr', '10000000009', '1000000001', 'MDVLGC0001', '73282932000074', '1075.00']) {
      expect(stored).not.toContain(content);
    }
    expect(stored).toContain('JSON-001.json');
  });

  test("is restored on the next visit, and « Effacer l'historique » empties it", async () => {
    const user = userEvent.setup();
    const first = render(App);
    await simulate(user, fixtureFile('a.json'));
    await waitFor(async () => expect(await get(HISTORY_KEY)).toHaveLength(1));
    first.unmount();

    render(App);
    const section = screen.getByRole('region', { name: 'Historique' });
    expect(await within(section).findByText('a.json')).toBeInTheDocument();
    const clearButton = within(section).getByRole('button', { name: "Effacer l'historique" });
    // Asked first (a native dialog): « Annuler » keeps it.
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(clearButton);
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/^Effacer l'historique des simulations \(1 simulation\)\u202f\?/));
    expect(within(section).getByText('a.json')).toBeInTheDocument();
    await user.click(clearButton);
    expect(confirm).toHaveBeenCalledTimes(2);
    confirm.mockRestore();
    expect(within(section).getByText('Aucune simulation enregistrée.')).toBeInTheDocument();
    await waitFor(async () => expect(await get(HISTORY_KEY)).toEqual([]));
    // Nothing left to clear: disabled.
    expect(clearButton).toBeDisabled();
  });

  test('storage refused (private browsing): the app still works and says so', async () => {
    const refuse = () => Promise.reject(new DOMException('refusé'));
    const store: SimulatorStore = {
      loadSettings: refuse,
      saveSettings: async () => false,
      loadHistory: refuse,
      addToHistory: async () => null,
      clearHistory: async () => false,
    };
    const simulator = new SimulatorState({ store });
    await simulator.ready;
    const user = userEvent.setup();
    render(Simulator, { props: { simulator } });
    await user.click(screen.getByLabelText('Contrôles stricts'));
    await simulate(user, fixtureFile('a.json'));
    expect(screen.getByRole('region', { name: 'a.json' })).toBeInTheDocument();
    // Kept for this visit.
    expect(within(screen.getByRole('region', { name: 'Historique' })).getByText('a.json')).toBeInTheDocument();
    expect(screen.getByText(/refuse l'enregistrement local/)).toBeInTheDocument();
  });
});

describe('French typography', () => {
  /** Goes to a page of the app, as a link would. */
  const go = (hash: string) => {
    history.pushState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };

  // Every page's text, static (build/french-typography.ts) or built at run time (fr, frenchSpaces):
  // no ordinary space before : ; ? ! » or after «. The e2e tests check the same in Chromium.
  test('no ordinary space before : ; ? ! » or after « on the form, the verdict, the results, the documentation, the spreadsheet page', async () => {
    const user = userEvent.setup();
    render(App);
    const faults: Record<string, string[]> = {};
    const check = (state: string) => {
      const found = frenchSpacingFaults();
      if (found.length > 0) faults[state] = found;
    };
    check('form');

    await user.upload(screen.getByLabelText('Choisissez le fichier'), fixtureFile('avance.json', SHORT_RPPS));
    await user.click(screen.getByRole('button', { name: 'Simuler' }));
    await screen.findByRole('dialog');
    check('verdict dialog');
    await user.keyboard('{Escape}');
    // The results, with an error, its excerpt (from the worker) and the history.
    await screen.findByRole('list', { name: 'Erreurs de la demande 1' });
    await waitFor(() => expect(document.querySelector('.results pre.excerpt')).not.toBeNull());
    check('results');

    go('#/documentation');
    await screen.findByRole('heading', { level: 1, name: 'Documentation des fichiers JSON' });
    check('documentation index');
    go('#/documentation/MDV-LGC/avance');
    await screen.findByRole('heading', { level: 1, name: "MDV-LGC — demande d'avance" });
    await waitFor(() => expect(screen.queryByText("Chargement de l'exemple…")).not.toBeInTheDocument(), { timeout: 30_000 });
    check('rule set page');

    go('#/tableur');
    await screen.findByRole('heading', { level: 1, name: 'Créer un fichier JSON depuis un tableur' });
    check('spreadsheet page');

    expect(faults).toEqual({});
  }, 120_000); // a whole rule set page in jsdom, on a loaded 2-core machine
});

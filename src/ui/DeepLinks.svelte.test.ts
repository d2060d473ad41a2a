// @vitest-environment jsdom
// Deep links in the app (#type=…&dsr=…&tva=…&profils=…&verrou=1): the form prefilled on load and
// at each hashchange, over the remembered settings; the documentation routes untouched.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clear, get, set } from 'idb-keyval';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SETTINGS_KEY } from '../io/store';
import App from './App.svelte';

const LOCKED = "Réglé par la page d'intégration";
const select = (label: string) => screen.getByLabelText(label, { selector: 'select' }) as HTMLSelectElement;

/** Changes the hash as a link or the address bar would: hashchange fires. */
function go(hash: string) {
  history.replaceState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

beforeEach(() => clear());
afterEach(() => history.replaceState(null, '', '#/'));

test('on load: the form prefilled, nothing locked, nothing saved', async () => {
  history.replaceState(null, '', '#type=avance&dsr=HOP-DPI&tva=8.5');
  render(App);
  expect(select('Type de demande').value).toBe('avance');
  expect(select('Couloir / Logiciel (DSR)').value).toBe('HOP-DPI');
  expect(select('Taux de TVA').value).toBe('8.5');
  expect(select('Couloir / Logiciel (DSR)')).toBeEnabled();
  // A preset is not the user's choice: not remembered.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await get(SETTINGS_KEY)).toBeUndefined();
});

test('the deep link wins over the remembered settings, which still apply to the other fields', async () => {
  await set(SETTINGS_KEY, { type: 'solde', dsr: 'BIO-SGL', firstErrorOnly: true });
  history.replaceState(null, '', '#dsr=MS');
  render(App);
  await waitFor(() => expect(screen.getByLabelText('Première erreur seulement (comme le portail)')).toBeChecked());
  // MS has an advance only: the type follows.
  expect(select('Type de demande').value).toBe('avance');
  expect(select('Couloir / Logiciel (DSR)').value).toBe('MS');
});

test('verrou=1: the preset fields disabled with their note; profiles as chips without « Retirer »', () => {
  history.replaceState(null, '', '#type=avance&dsr=MDV-LGC&profils=mailiz,centre-sante&tva=20&verrou=1');
  render(App);
  for (const label of ['Type de demande', 'Couloir / Logiciel (DSR)', 'Profils référencés', 'Taux de TVA']) {
    expect(select(label), label).toBeDisabled();
  }
  expect(screen.getAllByText(LOCKED)).toHaveLength(4);
  expect(select('Taux de TVA')).toHaveAccessibleDescription(expect.stringContaining(LOCKED));
  expect(screen.getByRole('list', { name: 'Profils sélectionnés' })).toHaveTextContent(/Opérateur Mailiz.*Centres de santé/);
  expect(screen.queryByRole('button', { name: /^Retirer le profil/ })).not.toBeInTheDocument();
  // The options that were not preset stay free.
  expect(screen.getByLabelText('Contrôles stricts')).toBeEnabled();
});

test('a hashchange to another deep link presets again; to a route, leaves the form alone', async () => {
  const user = userEvent.setup();
  render(App);
  go('#type=solde&dsr=BIO-SGL&verrou=1');
  await waitFor(() => expect(select('Couloir / Logiciel (DSR)').value).toBe('BIO-SGL'));
  expect(select('Type de demande')).toBeDisabled();

  go('#type=avance');
  await waitFor(() => expect(select('Type de demande').value).toBe('avance'));
  expect(select('Type de demande')).toBeEnabled();
  await user.selectOptions(select('Couloir / Logiciel (DSR)'), 'HOP-PFI');

  // The documentation and back: the user's choice is kept. The documentation is loaded before
  // leaving it: an import still running when the file's environment is torn down fails the next file.
  go('#/documentation');
  await screen.findByRole('heading', { level: 1, name: 'Documentation des fichiers JSON' });
  go('#/');
  await waitFor(() => expect(select('Couloir / Logiciel (DSR)').value).toBe('HOP-PFI'));
});

test('unknown values: ignored, no error', () => {
  history.replaceState(null, '', '#type=acompte&dsr=%E0%A4%A&tva=abc&profils=inconnu&verrou=1');
  render(App);
  expect(select('Type de demande').value).toBe('avance');
  expect(select('Type de demande')).toBeEnabled();
  expect(screen.queryByText(LOCKED)).not.toBeInTheDocument();
});

// @vitest-environment jsdom
// The form: the portal's fields and words, what Solde hides, the couloirs of each type, the
// reconstructed note, the profile chips.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clear } from 'idb-keyval';
import { beforeEach, describe, expect, test } from 'vitest';
import { RULE_SETS } from '../../rules/index';
import App from '../App.svelte';
import { frenchSpaces } from '../lib/typography';

beforeEach(() => clear());

const optionTexts = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('the form', () => {
  test('every field has its label (exact words), tied to its control', () => {
    render(App);
    expect(screen.getByLabelText('Type de demande')).toBeInstanceOf(HTMLSelectElement);
    expect(screen.getByLabelText('Couloir / Logiciel (DSR)')).toBeInstanceOf(HTMLSelectElement);
    expect(screen.getByLabelText('Profils référencés')).toBeInstanceOf(HTMLSelectElement);
    expect(screen.getByLabelText('Taux de TVA')).toBeInstanceOf(HTMLSelectElement);
    const file = screen.getByLabelText('Choisissez le fichier');
    expect(file).toHaveAttribute('type', 'file');
    expect(file).toHaveAttribute('multiple');
    expect(file).toHaveAttribute('accept', '.json,application/json');
    expect(screen.getByLabelText('Contrôles stricts')).toHaveAttribute('type', 'checkbox');
    expect(screen.getByLabelText('Première erreur seulement (comme le portail)')).toHaveAttribute('type', 'checkbox');
    expect(screen.getByRole('button', { name: 'Simuler' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Accéder à la documentation' })).toHaveAttribute('href', '#/documentation');
  });

  test("the portal's banner and the privacy line", () => {
    render(App);
    expect(
      screen.getByText(
        "Cette simulation permet de prévenir 90% des risques d'erreur que le fichier JSON peut contenir. La conformité de votre JSON sera testée, il se peut par conséquent que des erreurs se produisent.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Vos fichiers ne quittent jamais votre navigateur : aucune donnée n'est envoyée sur le réseau."),
    ).toBeInTheDocument();
  });

  test('Avance by default, with its VAT rates (20 % chosen)', () => {
    render(App);
    expect(screen.getByLabelText('Type de demande')).toHaveValue('avance');
    expect(optionTexts(screen.getByLabelText('Type de demande'))).toEqual(['Avance', 'Solde']);
    const vat = screen.getByLabelText('Taux de TVA');
    expect(optionTexts(vat)).toEqual(['20 %', '8,5 %', '0 %']);
    expect(vat).toHaveValue('20');
  });

  test('choosing Solde hides profiles and VAT rate; Avance shows them again', async () => {
    const user = userEvent.setup();
    render(App);
    await user.selectOptions(screen.getByLabelText('Type de demande'), 'Solde');
    expect(screen.queryByLabelText('Profils référencés')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Taux de TVA')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Type de demande'), 'Avance');
    expect(screen.getByLabelText('Profils référencés')).toBeInTheDocument();
    expect(screen.getByLabelText('Taux de TVA')).toBeInTheDocument();
  });

  test('the couloirs follow the type; a reconstructed rule set says so', async () => {
    const user = userEvent.setup();
    render(App);
    const label = (type: string) => RULE_SETS.filter((r) => r.type === type).map((r) => r.dsr + (r.reconstructed ? ' (reconstitué)' : ''));
    expect(optionTexts(screen.getByLabelText('Couloir / Logiciel (DSR)'))).toEqual(label('avance'));
    expect(optionTexts(screen.getByLabelText('Couloir / Logiciel (DSR)'))[0]).toBe('MDV-LGC');
    await user.selectOptions(screen.getByLabelText('Type de demande'), 'Solde');
    expect(optionTexts(screen.getByLabelText('Couloir / Logiciel (DSR)'))).toEqual(label('solde'));
    expect(optionTexts(screen.getByLabelText('Couloir / Logiciel (DSR)'))).toContain('MDV-LGC (reconstitué)');
    expect(optionTexts(screen.getByLabelText('Couloir / Logiciel (DSR)'))).toContain('BIO-SGL');
  });

  test('the couloir is kept across types when it exists in both', async () => {
    const user = userEvent.setup();
    render(App);
    await user.selectOptions(screen.getByLabelText('Type de demande'), 'Solde');
    expect(screen.getByLabelText('Couloir / Logiciel (DSR)')).toHaveValue('MDV-LGC');
    await user.selectOptions(screen.getByLabelText('Couloir / Logiciel (DSR)'), 'BIO-SGL');
    await user.selectOptions(screen.getByLabelText('Type de demande'), 'Avance');
    // No BIO-SGL advance: the first couloir of the type.
    expect(screen.getByLabelText('Couloir / Logiciel (DSR)')).toHaveValue('MDV-LGC');
  });

  test('the reconstructed note appears under the select only for a reconstructed rule set', async () => {
    const user = userEvent.setup();
    render(App);
    const mdvSolde = RULE_SETS.find((r) => r.type === 'solde' && r.dsr === 'MDV-LGC')!;
    expect(screen.queryByText(mdvSolde.reconstructed!)).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Type de demande'), 'Solde');
    const note = screen.getByText(mdvSolde.reconstructed!);
    expect(note).toBeInTheDocument();
    expect(screen.getByLabelText('Couloir / Logiciel (DSR)')).toHaveAccessibleDescription(
      expect.stringContaining(frenchSpaces(mdvSolde.reconstructed!)),
    );
    await user.selectOptions(screen.getByLabelText('Couloir / Logiciel (DSR)'), 'BIO-SGL');
    expect(screen.queryByText(mdvSolde.reconstructed!)).not.toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  test('profiles: only for rule sets that have them', async () => {
    const user = userEvent.setup();
    render(App);
    await user.selectOptions(screen.getByLabelText('Couloir / Logiciel (DSR)'), 'HOP-DPI');
    expect(screen.queryByLabelText('Profils référencés')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Taux de TVA')).toBeInTheDocument();
  });

  test('profiles: added as chips, removed by « Retirer le profil … »', async () => {
    const user = userEvent.setup();
    render(App);
    const select = screen.getByLabelText('Profils référencés');
    expect(optionTexts(select)).toEqual([
      'Ajouter un profil',
      "Stockage des copies de titres d'identité",
      'Général',
      'Opérateur Mailiz',
      'Centres de santé',
    ]);
    await user.selectOptions(select, 'Centres de santé');
    await user.selectOptions(select, 'mailiz');
    // Shown in the portal's order, and no longer offered.
    const chips = within(screen.getByRole('list', { name: 'Profils sélectionnés' })).getAllByRole('listitem');
    expect(chips.map((c) => c.textContent?.replace('×', '').trim())).toEqual(['Opérateur Mailiz', 'Centres de santé']);
    expect(optionTexts(select)).toEqual(['Ajouter un profil', "Stockage des copies de titres d'identité", 'Général']);
    expect(select).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Retirer le profil Opérateur Mailiz' }));
    expect(screen.queryByRole('button', { name: 'Retirer le profil Opérateur Mailiz' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retirer le profil Centres de santé' })).toBeInTheDocument();
    expect(optionTexts(select)).toContain('Opérateur Mailiz');
    // The keyboard user stays in the field.
    expect(select).toHaveFocus();
  });

  test('a profile chip can be removed with the keyboard', async () => {
    const user = userEvent.setup();
    render(App);
    await user.selectOptions(screen.getByLabelText('Profils référencés'), 'Général');
    screen.getByRole('button', { name: 'Retirer le profil Général' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('button', { name: 'Retirer le profil Général' })).not.toBeInTheDocument();
  });

  test('arrow keys on the closed profile list do not add a profile at each step: Enter does', async () => {
    render(App);
    const select = screen.getByLabelText<HTMLSelectElement>('Profils référencés');
    // What a browser does for ↓ on a closed select: the value changes, change fires.
    const arrow = async (value: string) => {
      await fireEvent.keyDown(select, { key: 'ArrowDown' });
      select.value = value;
      await fireEvent.change(select);
      await fireEvent.keyUp(select, { key: 'ArrowDown' });
    };
    await arrow('stockage-identite');
    await arrow('general');
    expect(screen.queryByRole('list', { name: 'Profils sélectionnés' })).not.toBeInTheDocument();
    await fireEvent.keyDown(select, { key: 'Enter' });
    expect(screen.getByRole('button', { name: 'Retirer le profil Général' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: "Retirer le profil Stockage des copies de titres d'identité" })).not.toBeInTheDocument();
    // Leaving the field keeps a choice in progress too.
    await arrow('mailiz');
    await fireEvent.blur(select);
    expect(screen.getByRole('button', { name: 'Retirer le profil Opérateur Mailiz' })).toBeInTheDocument();
  });

  test('the file field in French: « Parcourir… », « Aucun fichier sélectionné. », then the chosen files', async () => {
    const user = userEvent.setup();
    render(App);
    const input = screen.getByLabelText('Choisissez le fichier');
    // The JSON field only (the attachments field below has the same words).
    const field = within(input.closest<HTMLElement>('.field')!);
    // Named by its label only (« Parcourir… » is its picture, hidden from assistive technologies).
    expect(input).toHaveAccessibleName('Choisissez le fichier');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Aucun fichier sélectionné.'));
    const browse = field.getByText('Parcourir…');
    expect(browse.tagName).toBe('LABEL');
    expect(browse).toHaveAttribute('for', input.id);
    expect(browse).toHaveAttribute('aria-hidden', 'true');
    expect(field.getByText('Aucun fichier sélectionné.')).toBeInTheDocument();

    await user.upload(input, [
      new File(['{}'], 'a.json', { type: 'application/json' }),
      new File(['{}'], 'b.json', { type: 'application/json' }),
    ]);
    expect(field.queryByText('Aucun fichier sélectionné.')).not.toBeInTheDocument();
    const names = within(screen.getByRole('list', { name: 'Fichiers choisis' })).getAllByRole('listitem');
    expect(names.map((n) => n.textContent)).toEqual(['a.json (2 octets)', 'b.json (2 octets)']);
    expect(input).toHaveAccessibleDescription(expect.stringContaining('a.json (2 octets)'));
  });

  test('Simuler without a file says what is missing', async () => {
    const user = userEvent.setup();
    render(App);
    await user.click(screen.getByRole('button', { name: 'Simuler' }));
    expect(screen.getByText('Choisissez au moins un fichier JSON.')).toBeInTheDocument();
    expect(screen.getByLabelText('Choisissez le fichier')).toHaveAccessibleDescription(
      expect.stringContaining('Choisissez au moins un fichier JSON.'),
    );
  });
});

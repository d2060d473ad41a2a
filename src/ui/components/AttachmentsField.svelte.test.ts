// @vitest-environment jsdom
// « Pièces justificatives (zip, facultatif) »: the field right after « Choisissez le fichier »,
// its label, its French picker, the couloir's limits, and dropped files sent to the right field.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clear } from 'idb-keyval';
import { beforeEach, describe, expect, test } from 'vitest';
import { BIO_ATTACHMENTS, MIB, VAGUE1_ATTACHMENTS, VAGUE2_ATTACHMENTS } from '../../attachments/limits';
import App from '../App.svelte';
import { fixtureFile } from '../testing';
import { limitSize, limitsText } from '../lib/limits';
import { frenchSpaces } from '../lib/typography';

beforeEach(() => clear());

const LABEL = 'Pièces justificatives (zip, facultatif)';
const zip = (name: string, size = 22) => new File([new Uint8Array(size)], name, { type: 'application/zip' });
const names = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const drop = (zone: Element, files: File[]) => fireEvent.drop(zone, { dataTransfer: { files, types: ['Files'] } });

describe('the limits line', () => {
  test("derived from the rule set's attachment limits", () => {
    expect(limitsText(VAGUE1_ATTACHMENTS)).toBe('3 Mo par fichier, 200 Mo par zip, PDF, PNG ou JPG, nom de 100 caractères au plus');
    expect(limitsText(VAGUE2_ATTACHMENTS)).toBe('3 Mo par fichier, 20 Mo par zip, PDF, PNG ou JPG, nom de 100 caractères au plus');
    expect(limitsText(BIO_ATTACHMENTS)).toBe('3 Mo par fichier, 200 Mo par zip, PDF, PNG, JPG ou XML, nom de 100 caractères au plus');
    expect(limitsText({ maxFileBytes: 512 * 1024, maxZipBytes: MIB, nameMax: 50, formats: ['PDF'] })).toBe(
      '512 ko par fichier, 1 Mo par zip, PDF, nom de 50 caractères au plus',
    );
    expect(limitSize(1000)).toBe('1000 octets');
  });
});

describe('the zip field', () => {
  test('right after « Choisissez le fichier », labelled, several zips, French picker', async () => {
    render(App);
    const json = screen.getByLabelText('Choisissez le fichier');
    const input = screen.getByLabelText(LABEL);
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('multiple');
    expect(input).toHaveAttribute('accept', '.zip,application/zip');
    expect(input).toHaveAccessibleName(LABEL);
    // The next file input of the form after the JSON one.
    const inputs = [...document.querySelectorAll('form input[type=file]')];
    expect(inputs.indexOf(input)).toBe(inputs.indexOf(json) + 1);
    // « Parcourir… » is its picture, hidden from assistive technologies.
    const browse = [...document.querySelectorAll(`label[for="${input.id}"]`)].find((l) => l.textContent === 'Parcourir…')!;
    expect(browse).toHaveAttribute('aria-hidden', 'true');
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Aucun fichier sélectionné.'));

    await userEvent.upload(input, [zip('a.zip', 2048), zip('b.zip')]);
    expect(names(screen.getByRole('list', { name: 'Zips choisis' }))).toEqual(['a.zip (2 ko)', 'b.zip (22 octets)']);
    expect(input).toHaveAccessibleDescription(expect.stringContaining('a.zip (2 ko)'));
    // The JSON field is untouched.
    expect(screen.queryByRole('list', { name: 'Fichiers choisis' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retirer les zips' }));
    expect(screen.queryByRole('list', { name: 'Zips choisis' })).not.toBeInTheDocument();
    expect(input).toHaveFocus();
  });

  test("the couloir's limits, following the chosen rule set", async () => {
    const user = userEvent.setup();
    render(App);
    const input = screen.getByLabelText(LABEL);
    const limits = 'Limites du couloir MDV-LGC : 3 Mo par fichier, 200 Mo par zip, PDF, PNG ou JPG, nom de 100 caractères au plus.';
    expect(screen.getByText(limits)).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(expect.stringContaining(frenchSpaces(limits)));
    await user.selectOptions(screen.getByLabelText('Couloir / Logiciel (DSR)'), 'HOP-DPI');
    expect(screen.getByText(/^Limites du couloir HOP-DPI : 3 Mo par fichier, 20 Mo par zip,/)).toBeInTheDocument();
  });

  test('zips dropped on the JSON zone go to the zip field, and it is said', async () => {
    render(App);
    const jsonZone = screen.getByLabelText('Choisissez le fichier').closest('.dropzone')!;
    await drop(jsonZone, [fixtureFile('avance.json'), zip('pieces.zip')]);
    expect(names(screen.getByRole('list', { name: 'Fichiers choisis' }))).toEqual([expect.stringMatching(/^avance\.json /)]);
    expect(names(screen.getByRole('list', { name: 'Zips choisis' }))).toEqual(['pieces.zip (22 octets)']);
    // Said where the zip was given: under « Choisissez le fichier ».
    const note = screen.getByLabelText('Choisissez le fichier').closest('.field')!.querySelector('[aria-live=polite]')!;
    expect(note).toHaveTextContent('Le zip « pieces.zip », déposé avec les fichiers JSON, a été placé dans les pièces justificatives.');

    // Zips alone on the JSON zone: the JSON file chosen stays.
    await drop(jsonZone, [zip('un.zip'), zip('deux.zip')]);
    expect(names(screen.getByRole('list', { name: 'Fichiers choisis' }))).toEqual([expect.stringMatching(/^avance\.json /)]);
    expect(names(screen.getByRole('list', { name: 'Zips choisis' }))).toEqual(['un.zip (22 octets)', 'deux.zip (22 octets)']);
    expect(note).toHaveTextContent(
      'Les zips « un.zip » et « deux.zip », déposés avec les fichiers JSON, ont été placés dans les pièces justificatives.',
    );

    // A JSON file alone: nothing to say any more.
    await drop(jsonZone, [fixtureFile('autre.json')]);
    expect(note).toHaveTextContent('');
    expect(names(screen.getByRole('list', { name: 'Zips choisis' }))).toHaveLength(2);
  });

  test('the zip zone takes dropped zips; a JSON file dropped there goes to « Choisissez le fichier »', async () => {
    render(App);
    const zipZone = screen.getByLabelText(LABEL).closest('.dropzone')!;
    await drop(zipZone, [zip('pieces.zip'), fixtureFile('avance.json')]);
    expect(names(screen.getByRole('list', { name: 'Zips choisis' }))).toEqual(['pieces.zip (22 octets)']);
    expect(names(screen.getByRole('list', { name: 'Fichiers choisis' }))).toEqual([expect.stringMatching(/^avance\.json /)]);
    expect(
      screen.getByText('Le fichier JSON « avance.json », déposé avec les zips, a été placé dans « Choisissez le fichier ».'),
    ).toBeInTheDocument();
  });

  test('without a zip, the results have no attachments section', async () => {
    render(App);
    await userEvent.upload(screen.getByLabelText('Choisissez le fichier'), fixtureFile('avance.json'));
    await userEvent.click(screen.getByRole('button', { name: 'Simuler' }));
    await screen.findByRole('dialog', { name: "La simulation de l'import s'est déroulée correctement." });
    await userEvent.keyboard('{Escape}');
    const section = await screen.findByRole('region', { name: 'avance.json' });
    expect(within(section).queryByText('Pièces justificatives')).not.toBeInTheDocument();
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
  });
});

// @vitest-environment jsdom
// The verdicts with the portal's exact words (real fixture files), the downloads (byte-exact),
// the results view, the live announcement, the progress indication.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { clear } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SimulationOptions, SimulationResult } from '../core/types';
import { outputBytes, simulateFile } from '../simulator';
import App from './App.svelte';
import Simulator from './Simulator.svelte';
import { CancelledError } from '../worker/client';
import { SimulatorState } from './state/simulator.svelte';
import { blobBytes, captureDownloads, fixtureFile, fixtureText, SHORT_RPPS, textFile } from './testing';

const ACCEPTED = "La simulation de l'import s'est déroulée correctement.";
const REJECTED =
  "Une ou plusieurs erreurs ont été retournées lors de la simulation de l'import. Veuillez corriger votre fichier en suivant les erreurs du fichier de retour.";
const INVALID = 'Le JSON chargé ne respecte pas le format attendu';
const OPTIONS: SimulationOptions = { type: 'avance', dsr: 'MDV-LGC', profiles: [], vatRate: '20', strict: false, firstErrorOnly: false };

beforeEach(() => clear());
afterEach(() => vi.restoreAllMocks());

async function simulate(...files: File[]) {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText('Choisissez le fichier'), files);
  await user.click(screen.getByRole('button', { name: 'Simuler' }));
  return user;
}

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

describe('verdicts', () => {
  test('all requests accepted: the success dialog, closed by « Fermer »', async () => {
    render(App);
    const user = await simulate(fixtureFile());
    const dialog = await screen.findByRole('dialog', { name: ACCEPTED });
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByText(ACCEPTED)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Télécharger le fichier de sortie' })).not.toBeInTheDocument();
    // The focus is inside the dialog.
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    expect(dialog).not.toHaveAttribute('open');
    // Then the details.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Résultats' })).toHaveFocus());
    expect(screen.queryByText(ACCEPTED)).not.toBeInTheDocument();
    expect(screen.queryByText(INVALID)).not.toBeInTheDocument();
  });

  test('the dialog closed before the results are on the page (they follow it by a task): the focus still moves to them', async () => {
    render(App);
    // « Fermer » as soon as the dialog opens: a MutationObserver's callback is a microtask, run
    // before the task that puts the results on the page.
    let resultsWhenClosed: boolean | undefined;
    const observer = new MutationObserver(() => {
      const dialog = document.querySelector<HTMLElement>('dialog[open]');
      if (!dialog) return;
      observer.disconnect();
      resultsWhenClosed = document.querySelector('.results') !== null;
      within(dialog).getByRole('button', { name: 'Fermer' }).click();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['open'] });
    try {
      await simulate(fixtureFile());
      await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Résultats' })).toHaveFocus());
    } finally {
      observer.disconnect();
    }
    expect(resultsWhenClosed).toBe(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  test('Escape closes the dialog', async () => {
    render(App);
    const user = await simulate(fixtureFile());
    const dialog = await screen.findByRole('dialog');
    await user.keyboard('{Escape}');
    expect(dialog).not.toHaveAttribute('open');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  test('a request rejected: the error dialog; its download is the output file, byte for byte', async () => {
    const downloads = captureDownloads();
    render(App);
    const file = fixtureFile('JSON-MDVLGC0001-20240115-001.json', SHORT_RPPS);
    const user = await simulate(file);
    const dialog = await screen.findByRole('dialog', { name: REJECTED });
    expect(within(dialog).getByText(REJECTED)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Fermer' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Télécharger le fichier de sortie' }));
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('JSON-MDVLGC0001-20240115-001_sortie.json');
    const expected = simulateFile(await bytesOf(file), OPTIONS);
    expect(expected.status).toBe('rejected');
    expect(await blobBytes(downloads[0]!.blob)).toEqual(outputBytes(expected.output!));
    // While the modal is open, the page behind is out of the accessibility tree.
    expect(screen.getAllByRole('button', { name: /Télécharger/ })).toHaveLength(1);
  });

  test('a global error: the banner at the top with every reason, its place and the line; no dialog, no output', async () => {
    render(App);
    const broken = '{\n  "impId": null,\n  "numeroAns": "MDVLGC0001",,\n  "siret": "73282932000074"\n}\n';
    await simulate(textFile('casse.json', broken));
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText(INVALID)).toBeInTheDocument();
    const expected = simulateFile(new TextEncoder().encode(broken), OPTIONS);
    expect(expected.status).toBe('invalid');
    for (const issue of expected.globalErrors) {
      expect(within(banner).getByText(issue.message)).toBeInTheDocument();
      expect(within(banner).getByText(`ligne ${issue.line}, colonne ${issue.column}`)).toBeInTheDocument();
    }
    expect(await within(banner).findByText('"numeroAns": "MDVLGC0001",,', { exact: false })).toBeInTheDocument();
    expect(banner.querySelector('.excerpt-caret')?.textContent).toContain('^');
    expect(banner).toHaveFocus();
    // The portal's words once, in the banner.
    expect(screen.getAllByText(/ne respecte pas le format attendu/)).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('Simulation terminée : 0 demande, 0 rejetée.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /fichier de sortie/ })).not.toBeInTheDocument();
    // The report is still offered.
    expect(screen.getByRole('button', { name: 'Télécharger le rapport (JSON)' })).toBeInTheDocument();
  });

  test('every global reason is listed (header faults)', async () => {
    render(App);
    const text = '{\n  "impId": null,\n  "numeroAns": 12,\n  "siret": "1",\n  "lignesImport": []\n}\n';
    await simulate(textFile('entete.json', text));
    const banner = await screen.findByRole('alert');
    const expected = simulateFile(new TextEncoder().encode(text), OPTIONS);
    expect(expected.globalErrors.length).toBeGreaterThan(1);
    expect(within(banner).getAllByRole('listitem')).toHaveLength(expected.globalErrors.length);
  });
});

/** The fixture's first request, `n` times (numLigne and numeroEditeur unique), its date written as ISO (E010 in each). */
function manyRejected(n: number): File {
  const file = JSON.parse(fixtureText()) as { lignesImport: Record<string, unknown>[] };
  const first = file.lignesImport[0]!;
  file.lignesImport = Array.from({ length: n }, (_, i) => ({
    ...first,
    numLigne: i + 1,
    numeroEditeur: String(i + 1).padStart(5, '0'),
    commande: { ...(first.commande as object), dateCommande: '2024-01-15' },
  }));
  return textFile('beaucoup.json', JSON.stringify(file, null, 2));
}

describe('results view', () => {
  test('thousands of findings: a summary by code and tag, the list a page at a time, filters', async () => {
    render(App);
    const file = manyRejected(150);
    const user = await simulate(file);
    await user.click(within(await screen.findByRole('dialog', { name: REJECTED })).getByRole('button', { name: 'Fermer' }));
    const expected = simulateFile(await bytesOf(file), OPTIONS);
    const findings = expected.requests.reduce((n, r) => n + r.errors.length + r.warnings.length, 0);
    expect(expected.requests.every((r) => r.errors.some((e) => e.code === 'E010'))).toBe(true);
    // The results follow the dialog by a task (nextTask): waited for, not assumed.
    const section = await screen.findByRole('region', { name: 'beaucoup.json' });
    // The summary line, a button that filters the list.
    const line = within(section).getByRole('button', { name: /^E010 commande\.dateCommande — 150 demandes/ });
    // A page of the list, not 150 requests (nor `findings` findings).
    const shown = () => section.querySelectorAll('.request').length;
    expect(shown()).toBeGreaterThan(0);
    expect(shown()).toBeLessThan(150);
    expect(section.querySelectorAll('.issue').length).toBeLessThan(findings);
    const before = shown();
    await user.click(within(section).getByRole('button', { name: /^Afficher les demandes suivantes/ }));
    expect(shown()).toBeGreaterThan(before);
    // Each item says where its finding is, for an editor to open the file there.
    // (The requests' findings: the file's own warning, G020 on its name, is listed above them.)
    const item = section.querySelector<HTMLElement>('ol.requests .issue')!;
    const first = [...expected.requests[0]!.errors, ...expected.requests[0]!.warnings][0]!;
    expect(item.dataset).toMatchObject({
      path: first.path,
      line: String(first.line),
      column: String(first.column),
      offset: String(first.offset),
    });
    // Filtered by the summary line: E010 only, in every request.
    await user.click(line);
    expect(line).toHaveAttribute('aria-pressed', 'true');
    expect(within(section).getByText('150 demandes affichées sur 150')).toBeInTheDocument();
    expect([...section.querySelectorAll('ol.requests .issue-code')].every((a) => a.textContent === 'E010')).toBe(true);
    // By severity: no warning here.
    await user.selectOptions(within(section).getByLabelText('Gravité'), 'warning');
    expect(within(section).getByText('Aucune demande pour ce filtre.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Tout afficher' }));
    expect(section.querySelectorAll('.issue').length).toBeLessThan(findings);
    expect(within(section).getByLabelText('Code')).toHaveValue('');
  });

  test('counts, one entry per request, errors with code link, path in words, position and line', async () => {
    render(App);
    const user = await simulate(fixtureFile('avance.json', SHORT_RPPS));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Fermer' }));

    const section = await screen.findByRole('region', { name: 'avance.json' });
    const counts = (term: string) => within(section).getByText(term).nextElementSibling?.textContent;
    expect(counts('Demandes')).toBe('2');
    expect(counts('Acceptées')).toBe('1');
    expect(counts('Rejetées')).toBe('1');
    expect(Number(counts('Erreurs'))).toBeGreaterThanOrEqual(1);

    const requests = within(section)
      .getAllByRole('heading', { level: 4 })
      .filter((h) => /Demande \d/.test(h.textContent!));
    expect(requests).toHaveLength(2);
    expect(requests[0]).toHaveTextContent('numLigne 1');
    expect(requests[0]).toHaveTextContent('numeroEditeur 00001');
    expect(requests[0]).toHaveTextContent('rejetée');
    expect(requests[1]).toHaveTextContent('acceptée');

    const errors = within(section).getByRole('list', { name: 'Erreurs de la demande 1' });
    const link = within(errors).getByRole('link', { name: 'E007' });
    expect(link).toHaveAttribute('href', '#/documentation/MDV-LGC/avance/E007');
    expect(within(errors).getByText('Demande 1 › beneficiaires › liberal n° 2 › RPPS')).toBeInTheDocument();
    expect(within(errors).getByText(/^ligne \d+, colonne \d+$/)).toBeInTheDocument();
    expect(within(errors).getByText('"RPPS": "1000000001"', { exact: false })).toBeInTheDocument();
  });

  test('the filter « Demandes rejetées seulement »', async () => {
    render(App);
    const user = await simulate(fixtureFile('avance.json', SHORT_RPPS));
    await user.keyboard('{Escape}');
    const section = await screen.findByRole('region', { name: 'avance.json' });
    expect(within(section).getByText('acceptée')).toBeInTheDocument();
    await user.click(within(section).getByLabelText('Demandes rejetées seulement'));
    expect(within(section).queryByText('acceptée')).not.toBeInTheDocument();
    expect(within(section).getByText('rejetée')).toBeInTheDocument();
    expect(within(section).getByText('1 demande affichée sur 2')).toBeInTheDocument();
    await user.click(within(section).getByLabelText('Demandes rejetées seulement'));
    expect(within(section).getByText('acceptée')).toBeInTheDocument();
  });

  test('with no rejection the filter shows none', async () => {
    render(App);
    const user = await simulate(fixtureFile());
    await user.keyboard('{Escape}');
    await user.click(await screen.findByLabelText('Demandes rejetées seulement'));
    expect(screen.getByText('Aucune demande rejetée.')).toBeInTheDocument();
  });

  test('the output file and the JSON report are downloadable from the results too', async () => {
    const downloads = captureDownloads();
    render(App);
    const file = fixtureFile('avance.json');
    const user = await simulate(file);
    await user.keyboard('{Escape}');
    await user.click(await screen.findByRole('button', { name: 'Télécharger le fichier de sortie (avance_sortie.json)' }));
    await user.click(screen.getByRole('button', { name: 'Télécharger le rapport (JSON)' }));
    expect(downloads.map((d) => d.name)).toEqual(['avance_sortie.json', 'avance_rapport.json']);
    const expected = simulateFile(await bytesOf(file), OPTIONS);
    expect(await blobBytes(downloads[0]!.blob)).toEqual(outputBytes(expected.output!));
    const report = JSON.parse(await downloads[1]!.blob.text());
    expect(Object.keys(report)).toEqual([
      'status',
      'globalErrors',
      'requests',
      'attachments',
      'globalWarnings',
      'ruleSet',
      'output',
      'staleOutput',
    ]);
    expect(report.status).toBe('accepted');
    expect(report.output).toBeNull();
    expect(report.attachments).toEqual({ missing: [], unexpected: [], faulty: [] });
    expect(report.ruleSet).toEqual({ type: 'avance', dsr: 'MDV-LGC', title: "MDV-LGC — demande d'avance", reconstructed: null });
    expect(report.requests).toHaveLength(2);
  });

  test('several files at once: one section each, one verdict', async () => {
    render(App);
    await simulate(fixtureFile('a.json'), fixtureFile('b.json', SHORT_RPPS));
    const dialog = await screen.findByRole('dialog', { name: REJECTED });
    expect(within(dialog).getByRole('button', { name: 'Télécharger le fichier de sortie de b.json' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(await screen.findByRole('region', { name: 'a.json' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'b.json' })).toBeInTheDocument();
  });

  test('files dropped on the zone are taken', async () => {
    render(App);
    const zone = screen.getByLabelText('Choisissez le fichier').closest('.dropzone')!;
    await fireEvent.drop(zone, { dataTransfer: { files: [fixtureFile('depose.json')], types: ['Files'] } });
    expect(screen.getByText('depose.json')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Simuler' }));
    expect(await screen.findByRole('dialog', { name: ACCEPTED })).toBeInTheDocument();
  });

  test('the options reach the core: « Première erreur seulement » keeps one error per request', async () => {
    render(App);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Première erreur seulement (comme le portail)'));
    const twoFaults = [...SHORT_RPPS, ['"RPPS": "10000000025"', '"RPPS": "100"'] as const];
    await simulate(fixtureFile('deux.json', twoFaults));
    await user.keyboard('{Escape}');
    expect(within(await screen.findByRole('list', { name: 'Erreurs de la demande 1' })).getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('announcement and progress', () => {
  test('the result is announced in a live region', async () => {
    render(App);
    const user = await simulate(fixtureFile('avance.json', SHORT_RPPS));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('status')).toHaveTextContent('Simulation terminée : 2 demandes, 1 rejetée.');
  });

  test('a check longer than 150 ms shows « Vérification… »', async () => {
    let finish: (r: SimulationResult) => void = () => {};
    const client = { simulate: () => new Promise<SimulationResult>((resolve) => (finish = resolve)), dispose() {} };
    const simulator = new SimulatorState({ client });
    render(Simulator, { props: { simulator } });
    const file = fixtureFile();
    await simulate(file);
    expect(screen.queryByText('Vérification…')).not.toBeInTheDocument();
    expect(await screen.findByText('Vérification…')).toBeInTheDocument();
    expect(document.querySelector('progress')).not.toHaveAttribute('value');
    finish(simulateFile(await bytesOf(file), OPTIONS));
    await waitFor(() => expect(screen.queryByText('Vérification…')).not.toBeInTheDocument());
    expect(await screen.findByRole('dialog', { name: ACCEPTED })).toBeInTheDocument();
  });

  test("the worker's progress « Vérification… 1 / 2 demandes », and « Annuler » keeps the results shown", async () => {
    let progress: ((done: number, total: number) => void) | undefined;
    let cancelled = 0;
    const client = {
      simulate: () => Promise.reject(new Error('unused')),
      check: (_bytes: Uint8Array, _options: unknown, hooks?: { onProgress?: (done: number, total: number) => void }) =>
        new Promise<never>((_resolve, reject) => {
          progress = hooks?.onProgress;
          rejectCheck = reject;
        }),
      cancel: () => {
        cancelled++;
        rejectCheck(new CancelledError());
      },
      dispose() {},
    };
    let rejectCheck: (e: Error) => void = () => {};
    const simulator = new SimulatorState({ client });
    render(Simulator, { props: { simulator } });
    await simulate(fixtureFile());
    await screen.findByText('Vérification…');
    await waitFor(() => expect(progress).toBeDefined());
    progress!(1, 2);
    await waitFor(() =>
      expect(document.getElementById('progression-texte')).toHaveTextContent('Vérification… 1\u202f/\u202f2 demandes', {
        normalizeWhitespace: false,
      }),
    );
    expect(document.querySelector('progress')).toHaveAttribute('value', '1');
    expect(document.querySelector('progress')).toHaveAttribute('max', '2');
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(cancelled).toBe(1);
    await waitFor(() => expect(screen.queryByText(/^Vérification…/)).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('Vérification annulée');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(simulator.runs).toEqual([]);
  });

  test('a file that cannot be read is said, the others are checked', async () => {
    const simulator = new SimulatorState({
      readFile: async (file) => {
        if (file.name === 'perdu.json') throw new DOMException('NotReadableError');
        return new Uint8Array(await file.arrayBuffer());
      },
    });
    render(Simulator, { props: { simulator } });
    await simulate(fixtureFile('perdu.json'), fixtureFile('bon.json'));
    await userEvent.keyboard('{Escape}');
    expect(within(await screen.findByRole('region', { name: 'perdu.json' })).getByText(/n'a pas pu être lu/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'bon.json' })).toBeInTheDocument();
  });
});

describe('hostile files (issue 15)', () => {
  test('« Annuler » disposes of the worker and shows nothing half-checked', async () => {
    let disposed = 0;
    let fail: (e: Error) => void = () => {};
    const client = {
      simulate: () => new Promise<SimulationResult>((_, reject) => (fail = reject)),
      dispose() {
        disposed++;
        fail(new Error('simulation interrompue'));
      },
    };
    const simulator = new SimulatorState({ client });
    render(Simulator, { props: { simulator } });
    const user = await simulate(fixtureFile());
    await user.click(await screen.findByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Vérification annulée.'));
    expect(disposed).toBe(1);
    expect(screen.queryByRole('button', { name: 'Annuler' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'avance.json' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  test('a file over 64 Mio is refused by its size, never read', async () => {
    let reads = 0;
    const simulator = new SimulatorState({
      readFile: async () => {
        reads++;
        return new Uint8Array(0);
      },
    });
    render(Simulator, { props: { simulator } });
    const file = fixtureFile('enorme.json');
    Object.defineProperty(file, 'size', { value: 3 * 1024 ** 3 });
    await simulate(file);
    const banner = await screen.findByRole('alert');
    expect(within(banner).getByText(INVALID)).toBeInTheDocument();
    expect(within(banner).getByText(/trop volumineux : 3 Go \(3\s221\s225\s472 octets\)/)).toBeInTheDocument();
    expect(reads).toBe(0);
  });
});

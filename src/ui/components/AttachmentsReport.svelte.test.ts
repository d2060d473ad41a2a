// @vitest-environment jsdom
// The attachments part of a file's results: the « Documents attendus » table (present, missing,
// faulty, unexpected) from a hand-built report; the verdict when the JSON is accepted but an
// attachment is not; the JSON report's `attachments`; the progress bar; a real check of zips
// made with fflate (File.slice in jsdom).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { zipSync } from 'fflate';
import { clear } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AttachmentsReport } from '../../core/report';
import type { SimulationOptions } from '../../core/types';
import { simulateFile } from '../../simulator';
import Simulator from '../Simulator.svelte';
import { FileRun } from '../state/file-run.svelte';
import { SimulatorState, type AttachmentsChecker } from '../state/simulator.svelte';
import { frenchSpaces } from '../lib/typography';
import { frenchSpacingFaults } from '../../../tests/french-spacing';
import { captureDownloads, fixtureBytes, fixtureFile, SHORT_RPPS } from '../testing';
import FileReport from './FileReport.svelte';

const ACCEPTED = "La simulation de l'import s'est déroulée correctement.";
const REJECTED =
  "Une ou plusieurs erreurs ont été retournées lors de la simulation de l'import. Veuillez corriger votre fichier en suivant les erreurs du fichier de retour.";
const ZIP_LABEL = 'Pièces justificatives (zip, facultatif)';
const OPTIONS: SimulationOptions = { type: 'avance', dsr: 'MDV-LGC', profiles: [], vatRate: '20', strict: false, firstErrorOnly: false };
const RULE_SET = { type: 'avance', dsr: 'MDV-LGC', title: "MDV-LGC — demande d'avance" } as const;

beforeEach(() => clear());
afterEach(() => vi.restoreAllMocks());

const P008 = "Le fichier « MDV-LGC-Va1-BDC-00002.pdf » du zip « pieces.zip » n'est pas ce qu'annonce son extension .pdf : c'est du texte.";
const P003 =
  'Le fichier « MDV-LGC-Va1-BDC-00002.pdf » du zip « pieces.zip » est trop volumineux : 4 Mo (4 194 304 octets) une fois décompressé, au plus 3 Mo par fichier.';
const P002 =
  "Le fichier « mdv-lgc-va1-fac-00003.pdf » du zip « pieces.zip » n'est nommé par aucune demande du JSON (nomFichier) : vouliez-vous dire « MDV-LGC-Va1-FAC-00003.pdf » ?";
const P002_NOTES = "Le fichier « notes.txt » du zip « pieces.zip » n'est nommé par aucune demande du JSON (nomFichier).";
const P004 =
  'Le zip « gros.zip » est trop volumineux : 210 Mo (220 200 960 octets), au plus 200 Mo par zip pour ce couloir (répartissez les pièces dans plusieurs zips).';
const P001 = 'Pièce justificative « MDV-LGC-Va1-FAC-00003.pdf » attendue par le JSON (numLigne 3) mais absente des zips fournis.';

/** Every status at once: present, faulty (two faults), missing; two unexpected files; a zip too big. */
const REPORT: AttachmentsReport = {
  missing: [
    { numLigne: 3, numeroEditeur: '00003', typeFichier: 'FACTURE', nomFichier: 'MDV-LGC-Va1-FAC-00003.pdf', code: 'P001', message: P001 },
  ],
  unexpected: [
    { zip: 'pieces.zip', name: 'mdv-lgc-va1-fac-00003.pdf', code: 'P002', message: P002 },
    { zip: 'pieces.zip', name: 'notes.txt', code: 'P002', message: P002_NOTES },
  ],
  faulty: [
    { zip: 'gros.zip', name: null, code: 'P004', message: P004 },
    { zip: 'pieces.zip', name: 'MDV-LGC-Va1-BDC-00002.pdf', numLigne: 2, numeroEditeur: '00002', code: 'P003', message: P003 },
    { zip: 'pieces.zip', name: 'MDV-LGC-Va1-BDC-00002.pdf', numLigne: 2, numeroEditeur: '00002', code: 'P008', message: P008 },
  ],
  detail: {
    zips: [
      { name: 'pieces.zip', size: 4321, files: 4, faults: [] },
      { name: 'gros.zip', size: 220_200_960, files: 0, faults: [{ code: 'P004', message: P004 }] },
    ],
    documents: [
      {
        numLigne: 1,
        numeroEditeur: '00001',
        typeFichier: 'BON_COMMANDE',
        formatFichier: 'PDF',
        nomFichier: 'MDV-LGC-Va1-BDC-00001.pdf',
        status: 'present',
        zip: 'pieces.zip',
        entry: 'MDV-LGC-Va1-BDC-00001.pdf',
        size: 1200,
        faults: [],
      },
      {
        numLigne: 2,
        numeroEditeur: '00002',
        typeFichier: 'PREUVE_HT',
        formatFichier: 'PDF',
        nomFichier: 'MDV-LGC-Va1-BDC-00002.pdf',
        status: 'faulty',
        zip: 'pieces.zip',
        entry: 'dossier/MDV-LGC-Va1-BDC-00002.pdf',
        size: 4 * 1024 * 1024,
        faults: [
          { code: 'P003', message: P003 },
          { code: 'P008', message: P008 },
        ],
      },
      {
        numLigne: 3,
        numeroEditeur: '00003',
        typeFichier: 'FACTURE',
        formatFichier: 'PDF',
        nomFichier: 'MDV-LGC-Va1-FAC-00003.pdf',
        status: 'missing',
        zip: null,
        entry: null,
        size: null,
        faults: [],
      },
      {
        numLigne: 3,
        numeroEditeur: '00003',
        typeFichier: 'VA',
        formatFichier: 'PDF',
        nomFichier: 'MDV-LGC-Va1-VA-00003.pdf',
        status: 'present',
        zip: 'pieces.zip',
        entry: 'MDV-LGC-Va1-VA-00003.pdf',
        size: 800,
        faults: [],
      },
    ],
    extra: [
      { zip: 'pieces.zip', name: 'mdv-lgc-va1-fac-00003.pdf', size: 10, hint: 'MDV-LGC-Va1-FAC-00003.pdf', faults: [] },
      { zip: 'pieces.zip', name: 'notes.txt', size: 5, faults: [] },
    ],
  },
};

const GOOD: AttachmentsReport = {
  missing: [],
  unexpected: [],
  faulty: [],
  detail: {
    zips: [{ name: 'pieces.zip', size: 2000, files: 2, faults: [] }],
    documents: REPORT.detail!.documents!.filter((d) => d.status === 'present'),
    extra: [],
  },
};

const acceptedRun = (attachments: AttachmentsReport | null) =>
  new FileRun({
    fileName: 'avance.json',
    options: OPTIONS,
    ruleSet: RULE_SET,
    bytes: fixtureBytes(),
    result: simulateFile(fixtureBytes(), OPTIONS),
    attachments,
  });

/** The table's rows as text cells (header row of the second group included). */
const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children).map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));

describe('« Documents attendus »', () => {
  test('one row per expected attachment with its request, readable type, name and status; then the unexpected files', async () => {
    render(FileReport, { props: { run: acceptedRun(REPORT) } });
    const table = await screen.findByRole('table', { name: 'Documents attendus' });
    const cells = rows(table);
    expect(cells[0]).toEqual(['Demande', 'Type', 'Pièce jointe', 'Statut']);
    expect(cells[1]).toEqual(['numLigne 1 numeroEditeur 00001', 'Bon de commande', 'MDV-LGC-Va1-BDC-00001.pdf', '✓ Présente (pieces.zip)']);
    expect(cells[2]!.slice(0, 3)).toEqual(['numLigne 2 numeroEditeur 00002', 'Preuve du régime HT', 'MDV-LGC-Va1-BDC-00002.pdf']);
    expect(cells[2]![3]).toMatch(/^! En défaut \(pieces\.zip, dossier\/MDV-LGC-Va1-BDC-00002\.pdf\) P003 .*P008 /);
    expect(cells[3]).toEqual([
      'numLigne 3 numeroEditeur 00003',
      'Facture',
      'MDV-LGC-Va1-FAC-00003.pdf',
      '✕ Manquante P001 absente des zips fournis.',
    ]);
    expect(cells[4]!.slice(1, 4)).toEqual(["Vérification d'aptitude", 'MDV-LGC-Va1-VA-00003.pdf', '✓ Présente (pieces.zip)']);
    expect(cells[5]).toEqual(['Fichiers nommés par aucune demande']);
    expect(cells[6]).toEqual(['aucune', '—', 'mdv-lgc-va1-fac-00003.pdf', `✕ Inattendue (pieces.zip) P002 ${P002}`]);
    expect(cells[7]).toEqual(['aucune', '—', 'notes.txt', `✕ Inattendue (pieces.zip) P002 ${P002_NOTES}`]);
    expect(cells).toHaveLength(8);

    // Each fault: its code links to its documentation entry, its message in words.
    const faults = within(table).getByRole('list', { name: 'Défauts de MDV-LGC-Va1-BDC-00002.pdf' });
    expect(
      within(faults)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`P003 ${frenchSpaces(P003)}`, `P008 ${frenchSpaces(P008)}`]);
    expect(within(faults).getByRole('link', { name: 'P008' })).toHaveAttribute('href', '#/documentation/MDV-LGC/avance/P008');
    expect(within(table).getByRole('link', { name: 'P001' })).toHaveAttribute('href', '#/documentation/MDV-LGC/avance/P001');
    expect(within(table).getAllByRole('link', { name: 'P002' })[0]).toHaveAttribute('href', '#/documentation/MDV-LGC/avance/P002');
    // The « vouliez-vous dire » hint.
    expect(within(table).getByText(/vouliez-vous dire « MDV-LGC-Va1-FAC-00003\.pdf » \?/)).toBeInTheDocument();
    // Statuses are words, not colour alone; icons are hidden from assistive technologies.
    for (const icon of table.querySelectorAll('.pj-icon')) expect(icon).toHaveAttribute('aria-hidden', 'true');
  });

  test('the counts, the zips with their own faults, the summary line', async () => {
    render(FileReport, { props: { run: acceptedRun(REPORT) } });
    const section = await screen.findByRole('region', { name: 'Pièces justificatives' });
    const counts = section.querySelector('dl.counts')!;
    const pairs = Array.from(counts.querySelectorAll('div')).map((d) => [
      d.querySelector('dt')!.textContent,
      d.querySelector('dd')!.textContent,
      d.classList.contains('count-bad'),
    ]);
    expect(pairs).toEqual([
      ['Attendues', '4', false],
      ['Présentes', '2', false],
      ['Manquantes', '1', true],
      ['En défaut', '1', true],
      ['Inattendues', '2', true],
    ]);
    expect(within(section).getByRole('heading', { level: 5, name: 'Zips déposés' })).toBeInTheDocument();
    const gros = within(section).getByRole('list', { name: 'Défauts du zip gros.zip' });
    expect(within(gros).getByRole('listitem')).toHaveTextContent(`P004 ${P004}`);
    expect(within(section).getByText(/^pieces\.zip$/).parentElement).toHaveTextContent(
      'pieces.zip : 4 fichiers, 4,22 Ko (4 321 octets) — aucun défaut propre au zip',
    );
    expect(within(section).getByText(/^Bilan des pièces :/)).toHaveTextContent(
      'Bilan des pièces : 4 attendues, 2 présentes, 1 en défaut, 1 manquante ; 2 fichiers inattendus ; 1 défaut propre aux zips ; 6 défauts au total.',
    );
    // French typography in the whole report (its words and the faults' messages).
    expect(frenchSpacingFaults()).toEqual([]);
  });

  test('all good: said in words', async () => {
    render(FileReport, { props: { run: acceptedRun(GOOD) } });
    const section = await screen.findByRole('region', { name: 'Pièces justificatives' });
    expect(
      within(section).getByText('Toutes les pièces attendues sont présentes et conformes ; aucun fichier inattendu.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Toutes les demandes sont acceptées')).toBeInTheDocument();
    expect(screen.queryByText(/pièces justificatives en défaut/)).not.toBeInTheDocument();
  });

  test('a JSON that could not be read: no list of expected attachments, only the zips’ own faults', async () => {
    const report: AttachmentsReport = {
      missing: [],
      unexpected: [],
      faulty: [{ zip: 'gros.zip', name: null, code: 'P004', message: P004 }],
      detail: { zips: REPORT.detail!.zips, documents: null, extra: [] },
    };
    render(FileReport, { props: { run: acceptedRun(report) } });
    const section = await screen.findByRole('region', { name: 'Pièces justificatives' });
    expect(within(section).getByText(/Documents attendus : inconnus \(le JSON n'a pas pu être lu\)/)).toBeInTheDocument();
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
    expect(within(section).getByRole('list', { name: 'Défauts du zip gros.zip' })).toBeInTheDocument();
  });
});

describe('the verdict with attachments', () => {
  const checker = (report: AttachmentsReport): AttachmentsChecker => vi.fn(async () => report);

  async function run(simulator: SimulatorState, json: File, zips: File[]) {
    render(Simulator, { props: { simulator } });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Choisissez le fichier'), json);
    if (zips.length > 0) await user.upload(screen.getByLabelText(ZIP_LABEL), zips);
    await user.click(screen.getByRole('button', { name: 'Simuler' }));
    return user;
  }

  test('every request accepted but an attachment faulty: the error dialog, and the results say the JSON is correct', async () => {
    const downloads = captureDownloads();
    const check = checker(REPORT);
    const simulator = new SimulatorState({ checkAttachments: check });
    const zip = new File([new Uint8Array(30)], 'pieces.zip', { type: 'application/zip' });
    const user = await run(simulator, fixtureFile('avance.json'), [zip]);
    const dialog = await screen.findByRole('dialog', { name: REJECTED });
    expect(screen.queryByRole('dialog', { name: ACCEPTED })).not.toBeInTheDocument();
    // The zips were checked against the JSON, with the form's rule set.
    expect(check).toHaveBeenCalledTimes(1);
    const [zips, json, ruleSet, options] = vi.mocked(check).mock.calls[0]!;
    expect(zips.map((f) => f.name)).toEqual(['pieces.zip']);
    expect(json.readable).toBe(true);
    expect(ruleSet.dsr).toBe('MDV-LGC');
    expect(options.type).toBe('avance');
    await user.click(within(dialog).getByRole('button', { name: 'Fermer' }));

    // The results follow the dialog by a task (nextTask): waited for, not assumed.
    const section = await screen.findByRole('region', { name: 'avance.json' });
    expect(within(section).getByText('Demandes acceptées, pièces justificatives en défaut')).toBeInTheDocument();
    expect(
      within(section).getByText(
        /^Le JSON est correct : toutes ses demandes sont acceptées\. Mais les pièces justificatives ne le sont pas/,
      ),
    ).toBeInTheDocument();
    expect(await within(section).findByRole('table', { name: 'Documents attendus' })).toBeInTheDocument();
    expect(document.querySelector('p.visually-hidden[role=status]')).toHaveTextContent(
      'Simulation terminée : 2 demandes, 0 rejetée. Pièces justificatives en défaut : voir « Documents attendus ».',
    );

    // The JSON report carries the attachments, and its status is the overall one.
    await user.click(within(section).getByRole('button', { name: 'Télécharger le rapport (JSON)' }));
    const report = JSON.parse(await downloads[0]!.blob.text());
    expect(report.status).toBe('rejected');
    expect(report.attachments.missing).toEqual([REPORT.missing[0]]);
    expect(report.attachments.unexpected).toEqual(REPORT.unexpected);
    expect(report.attachments.faulty.map((f: { code: string }) => f.code)).toEqual(['P004', 'P003', 'P008']);
    expect(report.attachments.faulty[0]).toEqual({ zip: 'gros.zip', name: null, code: 'P004', message: P004 });
    expect(report.attachments.faulty[2]).toEqual({
      zip: 'pieces.zip',
      name: 'MDV-LGC-Va1-BDC-00002.pdf',
      numLigne: 2,
      numeroEditeur: '00002',
      code: 'P008',
      message: P008,
    });
  });

  test('accepted JSON and clean attachments: the success dialog', async () => {
    const simulator = new SimulatorState({ checkAttachments: checker(GOOD) });
    await run(simulator, fixtureFile('avance.json'), [new File([new Uint8Array(30)], 'pieces.zip')]);
    expect(await screen.findByRole('dialog', { name: ACCEPTED })).toBeInTheDocument();
    expect(document.querySelector('p.visually-hidden[role=status]')).toHaveTextContent('Pièces justificatives : aucun défaut.');
  });

  test('a rejected JSON stays « Au moins une demande est rejetée »', async () => {
    const simulator = new SimulatorState({ checkAttachments: checker(REPORT) });
    const user = await run(simulator, fixtureFile('avance.json', SHORT_RPPS), [new File([new Uint8Array(30)], 'pieces.zip')]);
    await user.click(within(await screen.findByRole('dialog', { name: REJECTED })).getByRole('button', { name: 'Fermer' }));
    expect(await screen.findByText('Au moins une demande est rejetée')).toBeInTheDocument();
    expect(screen.queryByText(/^Le JSON est correct/)).not.toBeInTheDocument();
  });

  test('several JSON files: the zips are checked against each', async () => {
    const check = checker(GOOD);
    const simulator = new SimulatorState({ checkAttachments: check });
    render(Simulator, { props: { simulator } });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Choisissez le fichier'), [fixtureFile('a.json'), fixtureFile('b.json')]);
    await user.upload(screen.getByLabelText(ZIP_LABEL), new File([new Uint8Array(30)], 'pieces.zip'));
    await user.click(screen.getByRole('button', { name: 'Simuler' }));
    await screen.findByRole('dialog', { name: ACCEPTED });
    expect(check).toHaveBeenCalledTimes(2);
    await user.keyboard('{Escape}');
    for (const name of ['a.json', 'b.json']) {
      expect(
        await within(await screen.findByRole('region', { name })).findByRole('table', { name: 'Documents attendus' }),
      ).toBeInTheDocument();
    }
  });

  test('zips that cannot be read: said, and no success dialog', async () => {
    const simulator = new SimulatorState({
      checkAttachments: async () => {
        throw new DOMException('A requested file or directory could not be found', 'NotFoundError');
      },
    });
    const user = await run(simulator, fixtureFile('avance.json'), [new File([new Uint8Array(30)], 'pieces.zip')]);
    await user.click(within(await screen.findByRole('dialog', { name: REJECTED })).getByRole('button', { name: 'Fermer' }));
    const failure = await screen.findByText(/^Les zips n'ont pas pu être lus/);
    // The browser's own words (English) are not shown; the notice does not point to a table that is not there.
    expect(failure.textContent).not.toMatch(/could not be found/);
    expect(screen.getByText(/n'ont pas pu être vérifiées/).textContent).not.toMatch(/Documents attendus/);
    expect(screen.queryByRole('table', { name: 'Documents attendus' })).not.toBeInTheDocument();
  });

  test('a check longer than 150 ms shows a determinate « Vérification des pièces justificatives… »', async () => {
    let finish: () => void = () => {};
    let progress: (done: number, total: number) => void = () => {};
    const simulator = new SimulatorState({
      checkAttachments: (_zips, _json, _ruleSet, _options, { onProgress }) =>
        new Promise((resolve) => {
          progress = onProgress;
          onProgress(0, 4);
          finish = () => resolve(GOOD);
        }),
    });
    await run(simulator, fixtureFile('avance.json'), [new File([new Uint8Array(30)], 'pieces.zip')]);
    const label = await screen.findByText('Vérification des pièces justificatives…');
    const bar = screen.getByRole('progressbar', { name: 'Vérification des pièces justificatives…' });
    expect(label).toBeInTheDocument();
    expect(bar).toHaveAttribute('max', '4');
    expect(bar).toHaveAttribute('value', '0');
    progress(3, 4);
    await waitFor(() => expect(bar).toHaveAttribute('value', '3'));
    finish();
    await waitFor(() => expect(screen.queryByText('Vérification des pièces justificatives…')).not.toBeInTheDocument());
    expect(await screen.findByRole('dialog', { name: ACCEPTED })).toBeInTheDocument();
  });
});

describe('a real check in the page (zips made with fflate)', () => {
  test('present, faulty P008 and unexpected P002', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
    const bytes = zipSync({
      'MDV-LGC-Va1-BDC-00001.pdf': pdf,
      'MDV-LGC-Va1-BDC-00002.pdf': new TextEncoder().encode('ceci est du texte, pas un PDF'),
      'en-trop.pdf': pdf,
    });
    render(Simulator, { props: { simulator: new SimulatorState() } });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Choisissez le fichier'), fixtureFile('avance-liberal.json'));
    await user.upload(screen.getByLabelText(ZIP_LABEL), new File([bytes], 'pieces.zip', { type: 'application/zip' }));
    await user.click(screen.getByRole('button', { name: 'Simuler' }));
    await user.click(within(await screen.findByRole('dialog', { name: REJECTED })).getByRole('button', { name: 'Fermer' }));
    const table = await screen.findByRole('table', { name: 'Documents attendus' });
    const cells = rows(table);
    expect(cells[1]![3]).toBe('✓ Présente (pieces.zip)');
    expect(cells[2]![3]).toMatch(/^! En défaut \(pieces\.zip\) P008 .*n'est pas ce qu'annonce son extension \.pdf : c'est du texte\.$/);
    expect(cells[3]).toEqual(['Fichiers nommés par aucune demande']);
    expect(cells[4]![2]).toBe('en-trop.pdf');
    expect(cells[4]![3]).toMatch(/^✕ Inattendue \(pieces\.zip\) P002 /);
  });
});

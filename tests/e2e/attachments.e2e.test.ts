// The attachments check (pièces justificatives) in Chromium, as a vendor uses it before the
// portal: the JSON and a zip made here with fflate — the right PDF for request 1 of
// avance-liberal.json, a text file named .pdf for request 2, a file no request names. The error
// dialog although every request is accepted, the « Documents attendus » table row by row, the
// counts, the JSON report's `attachments`; zips dropped with the JSON go to their own field; no
// request leaves the served origin. A screenshot of each main state.

import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { type AppSession, formatViolations, runAxe, watchedAppSession } from './browser';
import {
  dialogClosed,
  download,
  fileInput,
  fileReport,
  type FilePayload,
  jsonFile,
  startOnMdvAdvance,
  VALID_ADVANCE,
  verdictDialog,
  WORDS,
} from './simulator-page';

const ZIP_LABEL = 'Pièces justificatives (zip, facultatif)';
const JSON_NAME = 'avance-liberal.json';
const BDC1 = 'MDV-LGC-Va1-BDC-00001.pdf';
const BDC2 = 'MDV-LGC-Va1-BDC-00002.pdf';
const EXTRA = 'notes-internes.pdf';

const encode = (s: string) => new TextEncoder().encode(s);
/** A small but real PDF: it starts with `%PDF-`. */
const PDF = encode(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** The zip of the scenario, made here: request 1's PDF, a text « PDF » for request 2, an extra file. */
function piecesZip(name = 'pieces.zip'): FilePayload {
  const bytes = zipSync({
    [BDC1]: PDF,
    [BDC2]: encode('Bon de commande n° 2, signé le 15/01/2024 (texte brut, pas un PDF)\n'),
    [EXTRA]: PDF,
  });
  return { name, mimeType: 'application/zip', buffer: Buffer.from(bytes) };
}

const zipInput = (page: Page) => page.getByLabel(ZIP_LABEL, { exact: true });

interface AttachmentsJson {
  status: string;
  requests: { errors: unknown[] }[];
  attachments: {
    missing: unknown[];
    unexpected: { zip: string; name: string; code: string; message: string }[];
    faulty: { zip: string; name: string | null; numLigne?: number | null; numeroEditeur?: string | null; code: string; message: string }[];
  };
}

/** The visible text of each cell, row by row (the group header row has one cell). */
function tableRows(page: Page, tableName: string): Promise<string[][]> {
  return page
    .getByRole('table', { name: tableName, exact: true })
    .evaluate((table) =>
      Array.from((table as HTMLTableElement).rows).map((row) =>
        Array.from(row.cells).map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      ),
    );
}

describe('the attachments check in Chromium', () => {
  const app = watchedAppSession();
  afterAll(() => app.close());

  const start = () => startOnMdvAdvance(app);

  const shot = (session: AppSession, name: string, fullPage = true) => app.shot(session.browser.page, name, fullPage);

  test('the zip field: after the JSON field, in French, with the couloir’s limits', async () => {
    const session = await start();
    const { page } = session.browser;
    const input = zipInput(page);
    expect(await input.getAttribute('type')).toBe('file');
    expect(await input.getAttribute('accept')).toBe('.zip,application/zip');
    expect(await input.evaluate((el) => (el as HTMLInputElement).multiple)).toBe(true);
    // Right after « Choisissez le fichier ».
    const order = await page.evaluate(() => Array.from(document.querySelectorAll('form input[type=file]')).map((el) => el.id));
    expect(order).toEqual([await fileInput(page).getAttribute('id'), await input.getAttribute('id')]);
    const field = page.locator('.field').filter({ has: input });
    await field.getByText('Aucun fichier sélectionné.', { exact: true }).waitFor();
    await field
      .getByText('Limites du couloir MDV-LGC : 3 Mo par fichier, 200 Mo par zip, PDF, PNG ou JPG, nom de 100 caractères au plus.', {
        exact: true,
      })
      .waitFor();
    // « Parcourir… » opens the picker, for several zips.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), field.getByText('Parcourir…', { exact: true }).click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(piecesZip());
    await page.getByRole('list', { name: 'Zips choisis' }).getByText('pieces.zip', { exact: true }).waitFor();
    // The limits follow the couloir.
    await page.getByLabel('Couloir / Logiciel (DSR)', { exact: true }).selectOption('HOP-DPI');
    await field.getByText(/^Limites du couloir HOP-DPI\s: 3 Mo par fichier, 20 Mo par zip,/).waitFor();
  });

  test('a JSON whose requests are all accepted and a zip with a faulty and an extra file: the error dialog, « Documents attendus » row by row, the report', async () => {
    const session = await start();
    const { page } = session.browser;
    await fileInput(page).setInputFiles(jsonFile(JSON_NAME, VALID_ADVANCE()));
    await zipInput(page).setInputFiles(piecesZip());
    await page.getByRole('button', { name: 'Simuler', exact: true }).click();

    // Not the success dialog: the portal's error dialog.
    const dialog = await verdictDialog(page, WORDS.rejected);
    expect(await page.getByRole('dialog', { name: WORDS.accepted, exact: true }).count()).toBe(0);
    await shot(session, 'attachments-1-error-dialog', false);
    await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
    await dialogClosed(page);

    const report = fileReport(page, JSON_NAME);
    await report.locator('.status').getByText('Demandes acceptées, pièces justificatives en défaut').waitFor();
    await report
      .getByText(/^Le JSON est correct\s: toutes ses demandes sont acceptées\. Mais les pièces justificatives ne le sont pas/)
      .waitFor();
    // Every request is accepted.
    expect(await report.getByText('acceptée', { exact: true }).count()).toBe(2);

    // « Documents attendus »: present, faulty (P008), then the file no request names (P002).
    const table = report.getByRole('table', { name: 'Documents attendus', exact: true });
    await table.waitFor();
    const rows = await tableRows(page, 'Documents attendus');
    expect(rows[0]).toEqual(['Demande', 'Type', 'Pièce jointe', 'Statut']);
    expect(rows[1]).toEqual(['numLigne 1 numeroEditeur 00001', 'Bon de commande', BDC1, '✓ Présente (pieces.zip)']);
    expect(rows[2]!.slice(0, 3)).toEqual(['numLigne 2 numeroEditeur 00002', 'Bon de commande', BDC2]);
    expect(rows[2]![3]).toBe(
      `! En défaut (pieces.zip) P008 Le fichier « ${BDC2} » du zip « pieces.zip » n'est pas ce qu'annonce son extension .pdf : c'est du texte.`,
    );
    expect(rows[3]).toEqual(['Fichiers nommés par aucune demande']);
    expect(rows[4]).toEqual([
      'aucune',
      '—',
      EXTRA,
      `✕ Inattendue (pieces.zip) P002 Le fichier « ${EXTRA} » du zip « pieces.zip » n'est nommé par aucune demande du JSON (nomFichier).`,
    ]);
    expect(rows).toHaveLength(5);
    // The icons are hidden from assistive technologies: the words say the status.
    expect(await table.locator('.pj-icon').evaluateAll((icons) => icons.map((i) => i.getAttribute('aria-hidden')))).toEqual([
      'true',
      'true',
      'true',
    ]);

    // Each code links to its documentation entry.
    expect(await table.getByRole('link', { name: 'P008', exact: true }).getAttribute('href')).toBe('#/documentation/MDV-LGC/avance/P008');
    expect(await table.getByRole('link', { name: 'P002', exact: true }).getAttribute('href')).toBe('#/documentation/MDV-LGC/avance/P002');

    // The counts.
    const section = report.getByRole('region', { name: 'Pièces justificatives', exact: true });
    const counts = await section
      .locator('dl.counts > div')
      .evaluateAll((divs) => divs.map((d) => `${d.querySelector('dt')!.textContent}=${d.querySelector('dd')!.textContent}`));
    expect(counts).toEqual(['Attendues=2', 'Présentes=1', 'Manquantes=0', 'En défaut=1', 'Inattendues=1']);
    await section
      .getByText('Bilan des pièces : 2 attendues, 1 présente, 1 en défaut, 0 manquante ; 1 fichier inattendu ; 2 défauts au total.', {
        exact: true,
      })
      .waitFor();
    await section.getByRole('table', { name: 'Documents attendus' }).scrollIntoViewIfNeeded();
    await shot(session, 'attachments-2-documents-attendus');

    // The JSON report carries the attachments; its status is the overall one.
    const file = await download(page, () => report.getByRole('button', { name: 'Télécharger le rapport (JSON)', exact: true }).click());
    const json = JSON.parse(file.bytes.toString('utf8')) as AttachmentsJson;
    expect(json.status).toBe('rejected');
    expect(json.requests.every((r) => r.errors.length === 0)).toBe(true);
    expect(json.attachments.missing).toEqual([]);
    expect(json.attachments.unexpected).toEqual([
      {
        zip: 'pieces.zip',
        name: EXTRA,
        code: 'P002',
        message: `Le fichier « ${EXTRA} » du zip « pieces.zip » n'est nommé par aucune demande du JSON (nomFichier).`,
      },
    ]);
    expect(json.attachments.faulty).toEqual([
      {
        zip: 'pieces.zip',
        name: BDC2,
        numLigne: 2,
        numeroEditeur: '00002',
        code: 'P008',
        message: `Le fichier « ${BDC2} » du zip « pieces.zip » n'est pas ce qu'annonce son extension .pdf : c'est du texte.`,
      },
    ]);

    // No serious or critical accessibility violation on the page with the table.
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);

    // On a phone (360 px): the page does not scroll sideways; the table's box does, and takes
    // the focus so that the keyboard can scroll it.
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await page.waitForFunction(() => document.querySelector('.pj-scroll')?.getAttribute('tabindex') === '0');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      const narrow = await runAxe(page);
      expect(narrow, formatViolations(narrow)).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await shot(session, 'attachments-2b-documents-attendus-360px');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  test('the right zip: the success dialog, every attachment « Présente »', async () => {
    const session = await start();
    const { page } = session.browser;
    const good = { name: 'bon.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ [BDC1]: PDF, [BDC2]: PDF })) };
    await fileInput(page).setInputFiles(jsonFile(JSON_NAME, VALID_ADVANCE()));
    await zipInput(page).setInputFiles(good);
    await page.getByRole('button', { name: 'Simuler', exact: true }).click();
    const dialog = await verdictDialog(page, WORDS.accepted);
    await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
    await dialogClosed(page);
    const report = fileReport(page, JSON_NAME);
    await report.getByText('Toutes les pièces attendues sont présentes et conformes ; aucun fichier inattendu.').waitFor();
    const rows = await tableRows(page, 'Documents attendus');
    expect(rows.slice(1).map((r) => r[3])).toEqual(['✓ Présente (bon.zip)', '✓ Présente (bon.zip)']);
  });

  test('a JSON and a zip dropped together on « Choisissez le fichier »: the zip goes to its field, and it is said', async () => {
    const session = await start();
    const { page } = session.browser;
    const zip = piecesZip('depose.zip');
    const json = VALID_ADVANCE();
    // A real drop: a DataTransfer with both files, dropped on the JSON field's zone.
    const transfer = await page.evaluateHandle(
      ({ json, zip }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(json)], 'depose.json', { type: 'application/json' }));
        data.items.add(new File([new Uint8Array(zip)], 'depose.zip', { type: 'application/zip' }));
        return data;
      },
      { json: [...json], zip: [...zip.buffer] },
    );
    const zone = page.locator('.dropzone').filter({ has: fileInput(page) });
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });

    await page.getByRole('list', { name: 'Fichiers choisis' }).getByText('depose.json', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Zips choisis' }).getByText('depose.zip', { exact: true }).waitFor();
    expect(await page.getByRole('list', { name: 'Fichiers choisis' }).getByRole('listitem').count()).toBe(1);
    await page
      .getByText('Le zip « depose.zip », déposé avec les fichiers JSON, a été placé dans les pièces justificatives.', { exact: true })
      .waitFor();
    // The zip input holds it too (what the state holds is what the input shows).
    expect(await zipInput(page).evaluate((el) => Array.from((el as HTMLInputElement).files ?? []).map((f) => f.name))).toEqual([
      'depose.zip',
    ]);
    await shot(session, 'attachments-3-dropped-together');

    await page.getByRole('button', { name: 'Simuler', exact: true }).click();
    await verdictDialog(page, WORDS.rejected);
    await page.keyboard.press('Escape');
    await dialogClosed(page);
    await fileReport(page, 'depose.json').getByRole('table', { name: 'Documents attendus' }).waitFor();
  });

  test('without a zip, no attachments section', async () => {
    const session = await start();
    const { page } = session.browser;
    await fileInput(page).setInputFiles(jsonFile(JSON_NAME, VALID_ADVANCE()));
    await page.getByRole('button', { name: 'Simuler', exact: true }).click();
    await verdictDialog(page, WORDS.accepted);
    await page.keyboard.press('Escape');
    await dialogClosed(page);
    const report = fileReport(page, JSON_NAME);
    await report.locator('.status').getByText('Toutes les demandes sont acceptées').waitFor();
    expect(await report.getByRole('region', { name: 'Pièces justificatives' }).count()).toBe(0);
    expect(await report.getByRole('table').count()).toBe(0);
  });

  test('nothing left the origin, no script error', async () => {
    const session = await start();
    expect(app.requests.urls.length).toBeGreaterThan(0);
    expect(app.requests.outside(session.server.origin)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});

// « Créer un fichier JSON depuis un tableur » in Chromium, as a vendor uses it: the CSV template
// downloaded, a table with an impossible date dropped on the zone (the cell shown in the error
// table, no file offered), the fixed table chosen, the JSON file downloaded — and accepted by
// the simulator, in Node and in the app itself. Then the same in the offline file, from file://
// with no network and its Content-Security-Policy (the XLSX template and an XLSX table too).

import { afterAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/universal';
import { simulateFile } from '../../src/simulator';
import { saveScreenshot, watchedAppSession } from './browser';
import { download, openSimulator, simulate, verdictDialog, WORDS } from './simulator-page';
import { isLocalScheme, openOfflineAlone, type OfflineAlone, withoutHash } from './offline-helpers';

const TITLE = 'Créer un fichier JSON depuis un tableur';

/** Opens the page from the simulator's link, set to an MDV-LGC advance with its header filled. */
async function openSheetPage(page: Page): Promise<void> {
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  await page.getByLabel('Type de demande', { exact: true }).selectOption('avance');
  await page.getByLabel('Couloir / Logiciel (DSR)', { exact: true }).selectOption('MDV-LGC');
  await page.getByLabel('numeroAns', { exact: true }).fill('MDVLGC0001');
  await page.getByLabel('siret', { exact: true }).fill('73282932000074');
  await page.getByLabel('Date de dépôt (noms des fichiers)', { exact: true }).fill('2024-01-15');
}

/** The template's lines as cells (BOM dropped, `;` separated, CRLF). */
function cellsOf(csv: Buffer): string[][] {
  const text = csv.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';'));
}

/** The template with a second request whose order date is `date`. */
function tableWith(template: string[][], date: string): Buffer {
  const [header, example] = template as [string[], string[]];
  const second = [...example];
  second[header.indexOf('numeroEditeur')] = '00002';
  second[header.indexOf('piecesJustificatives.1.nomFichier')] = 'MDV-LGC-Va1-BDC-00002.pdf';
  second[header.indexOf('commande.dateCommande')] = date;
  return Buffer.from('\uFEFF' + [header, example, second].map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');
}

/** Drops `bytes` as a file named `name` on the page's drop zone (a real drop event with a DataTransfer). */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const transfer = new DataTransfer();
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([data], name, { type: 'text/csv' }));
      return transfer;
    },
    { name, base64: bytes.toString('base64') },
  );
  await page.locator('.dropzone').dispatchEvent('drop', { dataTransfer });
}

const MDV_ADVANCE = { type: 'avance', dsr: 'MDV-LGC', profiles: [], vatRate: '20', strict: false, firstErrorOnly: false } as const;

describe('building JSON files from a spreadsheet in Chromium', () => {
  const app = watchedAppSession();
  afterAll(() => app.close());

  test('template, a dropped table with a cell in error, the fixed table, a file the simulator accepts', async () => {
    const session = await app.start();
    const { page } = session.browser;
    await openSimulator(page, session.server.url);
    await openSheetPage(page);

    // The template.
    const csv = await download(page, () => page.getByRole('button', { name: 'Télécharger le modèle (CSV)', exact: true }).click());
    expect(csv.name).toBe('modele-MDV-LGC-avance.csv');
    const template = cellsOf(csv.bytes);
    expect(template[0]).toContain('beneficiaires.liberal.1.RPPS');
    expect(template).toHaveLength(2);

    // A table with 31/02/2024 in its row 3, dropped on the zone.
    await dropFile(page, 'demandes.csv', tableWith(template, '31/02/2024'));
    const errors = page.getByRole('table', { name: 'Cases en erreur' });
    await errors.waitFor();
    const rows = errors.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect((await rows.first().locator('td').allInnerTexts()).slice(0, 3)).toEqual(['3', 'commande.dateCommande', '31/02/2024']);
    expect(await rows.first().locator('td').nth(3).innerText()).toMatch(/^E010 .*JJ\/MM\/AAAA/);
    expect(await page.getByRole('button', { name: /^Télécharger le fichier JSON/ }).count()).toBe(0);
    await app.shot(page, 'sheet-1-cell-in-error');

    // The fixed table, chosen with the file field.
    await page
      .getByLabel('Tableau rempli (CSV ou XLSX)', { exact: true })
      .setInputFiles({ name: 'demandes.csv', mimeType: 'text/csv', buffer: tableWith(template, '16/01/2024') });
    const fileName = 'JSON-MDVLGC0001-20240115-001.json';
    const button = page.getByRole('button', { name: `Télécharger le fichier JSON ${fileName}`, exact: true });
    await button.waitFor();
    expect(await page.getByRole('table', { name: 'Cases en erreur' }).count()).toBe(0);
    await app.shot(page, 'sheet-2-built');
    const built = await download(page, () => button.click());
    expect(built.name).toBe(fileName);

    // Accepted by the simulator: its core in Node…
    const result = simulateFile(new Uint8Array(built.bytes), MDV_ADVANCE);
    expect(result.status).toBe('accepted');
    expect(result.requests.map((r) => r.numLigne)).toEqual([1, 2]);
    // …and the app itself.
    await page.getByRole('link', { name: 'Retour au simulateur' }).click();
    await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    await page.getByLabel('Type de demande', { exact: true }).selectOption('avance');
    await page.getByLabel('Couloir / Logiciel (DSR)', { exact: true }).selectOption('MDV-LGC');
    await simulate(page, { name: fileName, mimeType: 'application/json', buffer: built.bytes });
    await verdictDialog(page, WORDS.accepted);

    expect(app.requests.outside(session.server.origin)).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  }, 240_000);
});

describe('building JSON files in the offline file, from file:// with no network', () => {
  let session: OfflineAlone | undefined;
  afterAll(async () => {
    await session?.close();
  });

  test('the XLSX template, read back as a table, gives a file the simulator accepts', async () => {
    session = await openOfflineAlone();
    const { copy, page, watch, requests } = session;
    await openSheetPage(page);

    const xlsx = await download(page, () => page.getByRole('button', { name: 'Télécharger le modèle (XLSX)', exact: true }).click());
    expect(xlsx.name).toBe('modele-MDV-LGC-avance.xlsx');
    const sheets = await readXlsxFile(new Uint8Array(xlsx.bytes).buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['Demandes', 'Colonnes']);

    await page
      .getByLabel('Tableau rempli (CSV ou XLSX)', { exact: true })
      .setInputFiles({ name: 'modele.xlsx', mimeType: 'application/octet-stream', buffer: xlsx.bytes });
    const button = page.getByRole('button', { name: 'Télécharger le fichier JSON JSON-MDVLGC0001-20240115-001.json', exact: true });
    await button.waitFor();
    await saveScreenshot(page, 'offline-sheet-built');
    const built = await download(page, () => button.click());
    expect(simulateFile(new Uint8Array(built.bytes), MDV_ADVANCE).status).toBe('accepted');

    requests.stop();
    const own = withoutHash(copy.url);
    expect(requests.urls.filter((url) => withoutHash(url) !== own && !isLocalScheme(url))).toEqual([]);
    expect(watch.violations, 'Content-Security-Policy violations').toEqual([]);
    expect(watch.errors, 'console errors and uncaught exceptions').toEqual([]);
  }, 240_000);
});

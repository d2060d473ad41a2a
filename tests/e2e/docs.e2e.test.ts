// The documentation from the simulator: « Accéder à la documentation » opens the index; a rule
// set's page shows its tag table and its code entries; its example file, put back into the
// simulator with the same rule set, is accepted — for every rule set of the index.

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { appSession, recordRequests, type RequestLog } from './browser';
import {
  chooseRuleSet,
  dialogClosed,
  download,
  type Downloaded,
  focused,
  jsonFile,
  openSimulator,
  simulate,
  verdictDialog,
  WORDS,
} from './simulator-page';

const INDEX_TITLE = 'Documentation des fichiers JSON';

/** Downloads the example file of the rule set page shown. */
function downloadExample(page: Page): Promise<Downloaded> {
  return download(page, () => page.getByRole('button', { name: "Télécharger un fichier d'exemple", exact: true }).click());
}

/** From a documentation page, back to the simulator, then `file` checked with (type, dsr). */
async function simulateBack(page: Page, type: 'avance' | 'solde', dsr: string, file: Downloaded): Promise<void> {
  await page.getByRole('link', { name: 'Retour au simulateur' }).click();
  await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
  await chooseRuleSet(page, type, dsr);
  await simulate(page, jsonFile(file.name, file.bytes));
}

describe('the documentation in Chromium', () => {
  const app = appSession();
  let requests: RequestLog | undefined;
  afterAll(() => app.close());

  async function start() {
    const session = await app.start();
    requests ??= recordRequests(session.browser.page);
    await openSimulator(session.browser.page, session.server.url);
    return session;
  }

  test('from the simulator to a rule set: index, tag table, a code entry, the example file accepted', async () => {
    const { browser } = await start();
    const { page } = browser;

    await page.getByRole('link', { name: 'Accéder à la documentation', exact: true }).click();
    await page.waitForURL((url) => url.hash === '#/documentation');
    await page.getByRole('heading', { level: 1, name: INDEX_TITLE, exact: true }).waitFor();
    expect(await page.title()).toBe('Documentation — Simulateur JSON Ségur numérique');
    await page.waitForFunction(() => document.activeElement?.id === 'contenu');

    // The index → MDV-LGC advance: its title takes the focus.
    const title = "MDV-LGC — demande d'avance";
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.waitForURL((url) => url.hash === '#/documentation/MDV-LGC/avance');
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await focused(page)).toBe(`H1:${title}`);

    // The tag table: its columns, a header tag and a request's tag with their description.
    const table = page.getByRole('table', { name: new RegExp(`^Balises d'un fichier « ${title} »`) });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Bloc',
      'Balise',
      'Description',
      'Format',
      'Obligatoire\u202f?',
    ]);
    expect(await table.getByRole('rowheader').count()).toBeGreaterThan(20);
    for (const tag of ['numeroAns', 'siret', 'montantSegurHT', 'codeTraitement']) {
      // The row header is the tag's path, then its other accepted spelling if any (`siret`: « SIRET »).
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: new RegExp(`(^|\\.)${tag}( Aussi acceptée|$)`) }) });
      expect(await row.count(), tag).toBe(1);
      expect(
        (await row.getByRole('cell').allInnerTexts()).every((text) => text.trim() !== ''),
        tag,
      ).toBe(true);
    }

    // A code entry, reached from the page's code index: its heading focused, with its example.
    const codeIndex = page.getByRole('navigation', { name: 'Codes de ce jeu de règles' });
    const firstCode = codeIndex.getByRole('link').first();
    const code = (await firstCode.innerText()).trim();
    await firstCode.click();
    await page.waitForURL((url) => url.hash === `#/documentation/MDV-LGC/avance/${code}`);
    const entry = page.locator(`article[id="${code}"]`);
    await page.waitForFunction((c) => document.activeElement?.matches(`article[id="${c}"] h3`) === true, code);
    expect(await entry.getByRole('heading', { level: 3 }).innerText()).toMatch(new RegExp(`^${code} — \\S`));
    expect(await entry.getByText(/^(erreur|avertissement)$/).count()).toBe(1);
    await entry.getByText(/^Message du simulateur/).waitFor();
    expect(await entry.locator('.message').innerText()).not.toBe('');

    // The example file: valid JSON; back in the simulator with the same rule set, accepted.
    const example = await downloadExample(page);
    expect(example.name).toBe('exemple-MDV-LGC-avance.json');
    const parsed = JSON.parse(example.bytes.toString('utf8')) as { lignesImport: unknown[] };
    expect(parsed.lignesImport.length).toBeGreaterThan(0);
    await simulateBack(page, 'avance', 'MDV-LGC', example);
    await verdictDialog(page, WORDS.accepted);
    await page.keyboard.press('Escape');
    await dialogClosed(page);
  });

  test("every rule set's example file is accepted by the simulator with that rule set", async () => {
    const { server, browser } = await start();
    const { page } = browser;
    await page.goto(`${server.url}#/documentation`);
    await page.getByRole('heading', { level: 1, name: INDEX_TITLE, exact: true }).waitFor();
    const hrefs = await page.locator('main a[href^="#/documentation/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThanOrEqual(6);

    const refused: string[] = [];
    for (const href of hrefs) {
      const [dsr, type] = href.replace('#/documentation/', '').split('/').map(decodeURIComponent) as [string, 'avance' | 'solde'];
      await page.goto(`${server.url}${href}`);
      await page.getByRole('button', { name: "Télécharger un fichier d'exemple", exact: true }).waitFor();
      const example = await downloadExample(page);
      expect(example.name).toBe(`exemple-${dsr}-${type}.json`);
      await simulateBack(page, type, dsr, example);
      // Either dialog: the test names each refused example instead of stopping at the first.
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const message = (await dialog.locator('p').first().innerText()).trim();
      if (message !== WORDS.accepted) {
        const codes = await page.locator('.results a.issue-code').allInnerTexts();
        refused.push(`${dsr} ${type}: ${codes.join(', ') || message}`);
      }
      await page.keyboard.press('Escape');
      await dialogClosed(page);
    }
    expect(refused).toEqual([]);
    expect(requests!.outside(server.origin), 'requests that left the served origin').toEqual([]);
  });
});

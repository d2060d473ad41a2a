// Results at scale, in Chromium (issue 12): a file of 200 requests with 14 errors each (2,800
// findings). The page stays small (a page of the list at a time), the summary says « E010
// commande.dateCommande — 200 demandes », scrolling down renders more, the filters narrow the
// list, and every item carries what an editor needs to open the file at the finding (path, line,
// column, offset), its excerpt built by the worker.

import { afterAll, describe, expect, test } from 'vitest';
import { simulateFile } from '../../src/simulator';
import { BENCH_OPTIONS, manyFindingsFile } from '../bench/generate';
import { watchedAppSession } from './browser';
import { dialogClosed, fileReport, jsonFile, verdictDialog, WORDS } from './simulator-page';

const app = watchedAppSession();
afterAll(() => app.close());

/** The form as BENCH_OPTIONS (every profile, VAT 20 %), by the page's address. */
const DEEP_LINK = '#type=avance&dsr=MDV-LGC&profils=stockage-identite,general,mailiz,centre-sante&tva=20';

describe('2,800 findings', () => {
  test('scrolled, filtered, each item openable at its place; the DOM stays small', async () => {
    const { server, browser } = await app.start();
    const page = browser.page;
    const file = manyFindingsFile('200x14');
    const expected = simulateFile(file.bytes, BENCH_OPTIONS);
    const findings = expected.requests.reduce((n, r) => n + r.errors.length + r.warnings.length, 0);
    expect(findings).toBe(2800);

    await page.goto(`${server.url}?echelle${DEEP_LINK}`);
    await page.getByLabel('Choisissez le fichier', { exact: true }).setInputFiles(jsonFile('beaucoup.json', file.bytes));
    await page.getByRole('button', { name: 'Simuler', exact: true }).click();
    const dialog = await verdictDialog(page, WORDS.rejected);
    await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
    await dialogClosed(page);

    const report = fileReport(page, 'beaucoup.json');
    // The requests' findings (the file's own warning, G020 on its name, is listed above them).
    const issues = report.locator('ol.requests li.issue');
    const rendered = await issues.count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(200);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(5000);

    // The summary by code and tag.
    await report.getByText('Synthèse par code et balise', { exact: false }).click();
    await report.getByRole('button', { name: 'E010 commande.dateCommande — 200 demandes', exact: true }).waitFor();

    // Scrolling to the end of the list renders the next page.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => issues.count(), { timeout: 30_000 }).toBeGreaterThan(rendered);

    // Filtered by code: E011 in every request, nothing else (the filter is the requests' list's).
    await report.getByLabel('Code', { exact: true }).selectOption('E011');
    await report.getByText('200 demandes affichées sur 200', { exact: true }).waitFor();
    const codes = await report.locator('ol.requests .issue-code').allInnerTexts();
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['E011']));

    // Each item says where its finding is: line and column agree with its offset in the text.
    const text = new TextDecoder().decode(file.bytes);
    const first = issues.first();
    const data = await first.evaluate((li) => ({ ...(li as HTMLElement).dataset }));
    const offset = Number(data.offset);
    const before = text.slice(0, offset).split('\n');
    expect({ line: Number(data.line), column: Number(data.column) }).toEqual({ line: before.length, column: before.at(-1)!.length + 1 });
    expect(data.path).toMatch(/^\/lignesImport\/0\/commande\/montantSegurHT$/);
    expect(text.slice(offset)).toMatch(/^\d+\.\d[,\n]/);
    // Its excerpt, built by the worker: the line of the file.
    await expect.poll(() => first.locator('pre.excerpt').count(), { timeout: 30_000 }).toBe(1);
    expect(await first.locator('pre.excerpt').innerText()).toContain(text.split('\n')[Number(data.line) - 1]!.trim());

    // « Tout afficher »: back to every finding, a page at a time.
    await report.getByRole('button', { name: 'Tout afficher', exact: true }).click();
    await expect
      .poll(() =>
        report
          .locator('.issue-code')
          .allInnerTexts()
          .then((c) => new Set(c).size),
      )
      .toBeGreaterThan(1);
    expect(await issues.count()).toBeLessThan(2800);
    expect(app.pageErrors).toEqual([]);
  });
});

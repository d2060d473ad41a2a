// The simulator in Chromium, as a vendor uses it: the French file field, a valid file (success
// dialog), a rejected request (error dialog, the output file byte for byte, the results, the
// filter, the JSON report), a file that is not JSON (the banner, no output), « Solde », two files
// at once. A screenshot of each main state; no request ever leaves the served origin.

import { afterAll, describe, expect, test } from 'vitest';
import { outputBytes, simulateFile } from '../../src/simulator';
import { frenchSpaces } from '../../src/ui/lib/typography';
import { type AppSession, watchedAppSession } from './browser';
import {
  dialogClosed,
  download,
  fileInput,
  fileReport,
  focused,
  focusNotLost,
  invalidAdvance,
  jsonFile,
  startOnMdvAdvance,
  positionOf,
  simulate,
  VALID_ADVANCE,
  verdictDialog,
  WORDS,
} from './simulator-page';

/** The output file the portal would give for `input`: each request's two traitement values
 *  filled in, every other byte as it was. Written here from the values alone (not by the core). */
function expectedOutput(input: Buffer, traitements: readonly { code: string; label: string }[]): Buffer {
  let text = input.toString('utf8');
  let from = 0;
  for (const { code, label } of traitements) {
    const pattern = /"codeTraitement": null,(\s*)"libelleTraitement": null/y;
    const at = text.indexOf('"codeTraitement": null', from);
    if (at < 0) throw new Error('fewer codeTraitement: null than requests');
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new Error('codeTraitement not followed by libelleTraitement');
    const filled = `"codeTraitement": ${JSON.stringify(code)},${match[1]}"libelleTraitement": ${JSON.stringify(label)}`;
    text = text.slice(0, at) + filled + text.slice(at + match[0].length);
    from = at + filled.length;
  }
  return Buffer.from(text, 'utf8');
}

/** Where two byte strings first differ, for a readable failure. */
function firstDifference(a: Buffer, b: Buffer): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  if (i === n && a.length === b.length) return 'identical';
  const around = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 40), i + 40).toString('utf8'));
  return `first difference at byte ${i} (lengths ${a.length} / ${b.length}):\n  got      ${around(a)}\n  expected ${around(b)}`;
}

interface JsonReport {
  status: string;
  globalErrors: { code: string; path: string; message: string; line: number; column: number }[];
  requests: {
    index: number;
    codeTraitement: string;
    libelleTraitement: string;
    errors: { code: string; path: string; message: string; line: number; column: number }[];
  }[];
}

const MDV_ADVANCE = { type: 'avance', dsr: 'MDV-LGC', profiles: [], vatRate: '20', strict: false, firstErrorOnly: false } as const;
const INVALID_NAME = 'JSON-MDVLGC0001-20240115-001.json';

describe('simulating files in Chromium', () => {
  const app = watchedAppSession();
  afterAll(() => app.close());

  const start = () => startOnMdvAdvance(app);

  const shot = (session: AppSession, name: string, fullPage = true) => app.shot(session.browser.page, name, fullPage);

  test('the file field speaks French: « Parcourir… » opens the picker, « Aucun fichier sélectionné. »', async () => {
    const session = await start();
    const { page } = session.browser;
    const input = fileInput(page);
    // The real input: labelled, focusable, visually hidden but not display:none.
    expect(await input.getAttribute('type')).toBe('file');
    expect(await input.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
    expect(await input.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)).toBe('Choisissez le fichier');
    const field = page.locator('.field').filter({ has: input });
    await field.getByText('Aucun fichier sélectionné.', { exact: true }).waitFor();
    const browse = field.getByText('Parcourir…', { exact: true });
    await browse.waitFor();

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), browse.click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(jsonFile('avance-liberal.json', VALID_ADVANCE()));
    await page.getByRole('list', { name: 'Fichiers choisis' }).getByText('avance-liberal.json', { exact: true }).waitFor();
    expect(await field.getByText('Aucun fichier sélectionné.').count()).toBe(0);
    // Chromium's own words never show.
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Choose File|No file chosen|Aucun fichier choisi|Choisir des fichiers/);
  });

  test('a valid file: the success dialog, closed by Escape, then two requests « acceptée »', async () => {
    const session = await start();
    const { page } = session.browser;
    await simulate(page, jsonFile('avance-liberal.json', VALID_ADVANCE()));

    const dialog = await verdictDialog(page, WORDS.accepted);
    expect((await dialog.locator('p').first().textContent())?.trim()).toBe(WORDS.accepted);
    expect(await dialog.getByRole('button').allTextContents()).toEqual([WORDS.close]);
    // The dialog has the focus.
    await page.waitForFunction(() => document.activeElement?.closest('dialog[open]') !== null);
    await shot(session, 'simulate-1-success-dialog', false);

    await page.keyboard.press('Escape');
    await dialogClosed(page);
    await focusNotLost(page);
    // The native dialog first gives the focus back to « Simuler », then the app moves it on.
    await page.waitForFunction(() => document.activeElement?.id === 'resultats-titre');
    expect(await focused(page)).toBe('H2#resultats-titre:Résultats');

    const report = fileReport(page, 'avance-liberal.json');
    await report.waitFor();
    await report.getByText('Toutes les demandes sont acceptées').waitFor();
    const items = report.locator('ol.requests > li');
    expect(await items.count()).toBe(2);
    expect(await report.getByText('acceptée', { exact: true }).count()).toBe(2);
    expect(await report.getByText('rejetée', { exact: true }).count()).toBe(0);
    expect(await items.nth(0).getByRole('heading').innerText()).toContain('numLigne 1 · numeroEditeur 00001');
    expect(await items.nth(1).getByRole('heading').innerText()).toContain('numLigne 2 · numeroEditeur 00002');
    await shot(session, 'simulate-2-results-accepted');
  });

  test('a rejected request: the error dialog, the output file byte for byte, the results, the filter, the report', async () => {
    const session = await start();
    const { page } = session.browser;
    const input = invalidAdvance();
    await simulate(page, jsonFile(INVALID_NAME, input));

    const dialog = await verdictDialog(page, WORDS.rejected);
    expect((await dialog.locator('p').first().textContent())?.trim()).toBe(WORDS.rejected);
    expect(await dialog.getByRole('button').allTextContents()).toEqual([WORDS.downloadOutput, WORDS.close]);
    await shot(session, 'simulate-3-error-dialog', false);

    // The portal's download, from the dialog.
    const output = await download(page, () => dialog.getByRole('button', { name: WORDS.downloadOutput, exact: true }).click());
    expect(output.name).toBe('JSON-MDVLGC0001-20240115-001_sortie.json');

    await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
    await dialogClosed(page);
    await focusNotLost(page);
    await page.waitForFunction(() => document.activeElement?.id === 'resultats-titre');

    // The JSON report, from the results.
    const report = fileReport(page, INVALID_NAME);
    await report.getByText('Au moins une demande est rejetée').waitFor();
    const reportFile = await download(page, () =>
      report.getByRole('button', { name: 'Télécharger le rapport (JSON)', exact: true }).click(),
    );
    expect(reportFile.name).toBe('JSON-MDVLGC0001-20240115-001_rapport.json');
    const json = JSON.parse(reportFile.bytes.toString('utf8')) as JsonReport;
    expect(json.status).toBe('rejected');
    expect(json.globalErrors).toEqual([]);
    expect(json.requests.map((r) => r.index)).toEqual([0, 1]);
    const [first, second] = json.requests;
    expect(second).toMatchObject({ codeTraitement: '0000', libelleTraitement: 'Demande acceptée', errors: [] });
    expect(first!.errors).toHaveLength(1);
    const error = first!.errors[0]!;
    const at = positionOf(input.toString('utf8'), '1075.5');
    expect(error).toMatchObject({ path: '/lignesImport/0/commande/montantSegurHT', line: at.line, column: at.column });
    expect(first!.codeTraitement).toBe(error.code);
    expect(first!.libelleTraitement).toContain('montantSegurHT');

    // The output: the input with only the two traitement values of each request replaced.
    const expected = expectedOutput(
      input,
      json.requests.map((r) => ({ code: r.codeTraitement, label: r.libelleTraitement })),
    );
    expect(output.bytes.equals(expected), firstDifference(output.bytes, expected)).toBe(true);
    // …and what the core gives in Node for the same bytes (dist/app built from these sources).
    const core = simulateFile(new Uint8Array(input), MDV_ADVANCE);
    expect(
      output.bytes.equals(Buffer.from(outputBytes(core.output!))),
      `dist/app is stale? ${firstDifference(output.bytes, Buffer.from(outputBytes(core.output!)))}`,
    ).toBe(true);

    // The results: the error with its code link, its path in words, its place and the excerpt.
    const requestsList = report.locator('ol.requests > li');
    expect(await requestsList.count()).toBe(2);
    const rejected = requestsList.nth(0);
    expect(await rejected.getByText('rejetée', { exact: true }).count()).toBe(1);
    expect(await rejected.getByText(`codeTraitement ${error.code}`, { exact: true }).count()).toBe(1);
    const issue = rejected.getByRole('list', { name: 'Erreurs de la demande 1' }).getByRole('listitem');
    expect(await issue.count()).toBe(1);
    const codeLink = issue.getByRole('link', { name: error.code, exact: true });
    expect(await codeLink.getAttribute('href')).toBe(`#/documentation/MDV-LGC/avance/${error.code}`);
    expect(await issue.locator('.issue-path').innerText()).toBe('Demande 1 › commande › montantSegurHT');
    // The report's words, with French no-break spaces on screen.
    expect(await issue.locator('.issue-message').innerText()).toBe(frenchSpaces(error.message));
    expect(await issue.getByText(`ligne ${at.line}, colonne ${at.column}`, { exact: true }).count()).toBe(1);
    const sourceLine = input.toString('utf8').split('\n')[at.line - 1]!;
    const gutter = String(at.line);
    // The line without its indentation, the caret under the column.
    const indent = sourceLine.length - sourceLine.trimStart().length;
    expect((await issue.locator('pre.excerpt').innerText()).split('\n')).toEqual([
      `${gutter} │ ${sourceLine.trimStart()}`,
      `${' '.repeat(gutter.length)} │ ${' '.repeat(at.column - 1 - indent)}^`,
    ]);
    expect(await requestsList.nth(1).getByText('acceptée', { exact: true }).count()).toBe(1);

    // « Demandes rejetées seulement » hides the accepted request, and shows it again.
    const filter = report.getByLabel('Demandes rejetées seulement', { exact: true });
    await filter.check();
    await report.getByText('1 demande affichée sur 2', { exact: true }).waitFor();
    expect(await requestsList.count()).toBe(1);
    expect(await report.getByText('acceptée', { exact: true }).count()).toBe(0);
    expect(await requestsList.first().getByText('Demande 1', { exact: true }).count()).toBe(1);
    await shot(session, 'simulate-4-results-rejected-filtered');
    await filter.uncheck();
    await report.getByText('2 demandes affichées sur 2', { exact: true }).waitFor();
    expect(await requestsList.count()).toBe(2);
  });

  test('a JSON syntax error (trailing comma): the banner with its place and excerpt, no output file', async () => {
    const session = await start();
    const { page } = session.browser;
    const valid = VALID_ADVANCE().toString('utf8');
    const comma = '"montantSegurHT": 1075.00,';
    const text = valid.replace('"montantSegurHT": 1075.00', comma);
    // The parser stops at the brace after the comma.
    const braceAt = text.indexOf('}', text.indexOf(comma) + comma.length);
    const before = text.slice(0, braceAt).split('\n');
    const at = { line: before.length, column: before[before.length - 1]!.length + 1 };
    await simulate(page, jsonFile('virgule.json', text));

    const banner = page.getByRole('alert').filter({ hasText: WORDS.invalid });
    await banner.waitFor();
    expect(await banner.getByText(WORDS.invalid, { exact: true }).count()).toBe(1);
    // Focused, so that it is read first (no dialog then).
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await banner.getByText('virgule.json', { exact: true }).count()).toBe(1);
    expect(await banner.getByText(`ligne ${at.line}, colonne ${at.column}`, { exact: true }).count()).toBe(1);
    const gutter = String(at.line);
    const line = text.split('\n')[at.line - 1]!;
    const indent = line.length - line.trimStart().length;
    expect((await banner.locator('pre.excerpt').innerText()).split('\n')).toEqual([
      `${gutter} │ ${line.trimStart()}`,
      `${' '.repeat(gutter.length)} │ ${' '.repeat(at.column - 1 - indent)}^`,
    ]);
    // No output file anywhere: neither a dialog nor a button in the results.
    const report = fileReport(page, 'virgule.json');
    await report.getByText('Format du fichier non conforme').waitFor();
    expect(await page.getByRole('button', { name: /fichier de sortie/ }).count()).toBe(0);
    const reportFile = await download(page, () =>
      report.getByRole('button', { name: 'Télécharger le rapport (JSON)', exact: true }).click(),
    );
    const json = JSON.parse(reportFile.bytes.toString('utf8')) as JsonReport;
    expect(json.status).toBe('invalid');
    expect(json.requests).toEqual([]);
    expect(json.globalErrors).toHaveLength(1);
    expect(json.globalErrors[0]).toMatchObject({ line: at.line, column: at.column });
    await banner.scrollIntoViewIfNeeded();
    await shot(session, 'simulate-5-global-error');
  });

  test('« Solde » hides « Profils référencés » and « Taux de TVA »; « Avance » shows them again', async () => {
    const { browser } = await start();
    const { page } = browser;
    const profiles = page.getByLabel('Profils référencés', { exact: true });
    const vat = page.getByLabel('Taux de TVA', { exact: true });
    await profiles.waitFor();
    await vat.waitFor();
    await page.getByLabel('Type de demande', { exact: true }).selectOption({ label: 'Solde' });
    await profiles.waitFor({ state: 'detached' });
    await vat.waitFor({ state: 'detached' });
    expect(await page.getByText('Profils référencés').count()).toBe(0);
    expect(await page.getByText('Taux de TVA').count()).toBe(0);
    await page.getByLabel('Type de demande', { exact: true }).selectOption({ label: 'Avance' });
    await profiles.waitFor();
    await vat.waitFor();
  });

  test('two files at once (valid + rejected): one verdict, one results section per file', async () => {
    const session = await start();
    const { page } = session.browser;
    await simulate(page, jsonFile('a-valide.json', VALID_ADVANCE()), jsonFile('b-rejete.json', invalidAdvance()));

    const dialog = await verdictDialog(page, WORDS.rejected);
    expect(await dialog.getByRole('list', { name: 'Fichiers concernés' }).getByRole('listitem').allTextContents()).toEqual([
      'b-rejete.json',
    ]);
    const output = await download(page, () =>
      dialog.getByRole('button', { name: `${WORDS.downloadOutput} de b-rejete.json`, exact: true }).click(),
    );
    expect(output.name).toBe('b-rejete_sortie.json');
    expect(output.bytes.equals(Buffer.from(outputBytes(simulateFile(new Uint8Array(invalidAdvance()), MDV_ADVANCE).output!)))).toBe(true);
    await page.keyboard.press('Escape');
    await dialogClosed(page);

    const sections = page.locator('.results').getByRole('region');
    await fileReport(page, 'b-rejete.json').waitFor();
    expect(await sections.locator('h3').allInnerTexts()).toEqual(['a-valide.json', 'b-rejete.json']);
    await fileReport(page, 'a-valide.json').getByText('Toutes les demandes sont acceptées').waitFor();
    await fileReport(page, 'b-rejete.json').getByText('Au moins une demande est rejetée').waitFor();
    expect(
      await fileReport(page, 'a-valide.json')
        .getByRole('button', { name: /fichier de sortie/ })
        .count(),
    ).toBe(1);
    await shot(session, 'simulate-6-two-files');
  });

  test('nothing was requested outside the served origin (data: and blob: aside), no page error', async () => {
    const { server } = await start();
    expect(app.requests.urls.length).toBeGreaterThan(0);
    // The downloads were blob: URLs: they are not requests to anywhere.
    expect(app.requests.outside(server.origin), 'requests that left the served origin').toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});

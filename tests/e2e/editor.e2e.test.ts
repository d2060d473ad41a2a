// The editor (issue 11) in Chromium, by labels: a rejected amount fixed in place, a missing comma
// fixed by typing and re-checked live, the corrected file downloaded byte for byte (BOM and CRLF
// kept), edits kept across a visit to the documentation, stale settings and « Relancer », the
// example file of each rule set, the keyboard and axe at 360 px — and the same flow in the
// offline file from file:// with no request.

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { formatViolations, runAxe, watchedAppSession } from './browser';
import { isLocalScheme, openOfflineAlone, type OfflineAlone, withoutHash } from './offline-helpers';
import {
  chooseRuleSet,
  dialogClosed,
  download,
  fileReport,
  jsonFile,
  openSimulator,
  simulate,
  startOnMdvAdvance,
  VALID_ADVANCE,
  verdictDialog,
  WORDS,
} from './simulator-page';

const EDITOR = 'Éditeur du fichier JSON';

/** The valid advance with its first amount written without decimals (E011). */
function amountWithoutDecimals(text = VALID_ADVANCE().toString('utf8')): string {
  const edited = text.replace('"montantSegurHT": 1075.00', '"montantSegurHT": 1075');
  if (edited === text) throw new Error('fixture avance-liberal.json changed: no "montantSegurHT": 1075.00');
  return edited;
}

/** The valid advance with the comma after `"typeAction": "C"` removed (a syntax error). */
function missingComma(): string {
  const text = VALID_ADVANCE().toString('utf8');
  const edited = text.replace('"typeAction": "C",', '"typeAction": "C"');
  if (edited === text) throw new Error('fixture avance-liberal.json changed: no "typeAction": "C",');
  return edited;
}

const editorBox = (page: Page) => page.getByRole('textbox', { name: EDITOR, exact: true });
const editorRegion = (page: Page, fileName: string) => page.getByRole('region', { name: `Modifier « ${fileName} »` });
/** The live line under the editor. */
const editorStatus = (page: Page) => page.locator('.file-editor-status');

/** The text selected in the editor (its DOM selection, inside the editor's shadow root). */
const selectedText = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('.file-editor-host')?.shadowRoot as
      (ShadowRoot & { getSelection?: () => Selection | null }) | null | undefined;
    return root?.getSelection?.()?.toString() ?? '';
  });

/** The editor's current line number (its gutter marks the line of the cursor). */
const activeLine = (page: Page) => page.locator('.cm-activeLineGutter').first().innerText();

/** Waits until the live line says `words` (a live check is over). */
async function statusSays(page: Page, words: string): Promise<void> {
  await editorStatus(page).filter({ hasText: words }).waitFor();
}

/** Simulates `text` as `fileName` and closes the verdict dialog. */
async function simulateAndClose(page: Page, fileName: string, content: string | Buffer, verdict: string): Promise<void> {
  await simulate(page, jsonFile(fileName, content));
  await verdictDialog(page, verdict);
  await page.keyboard.press('Escape');
  await dialogClosed(page);
}

/** A file with a missing comma: the banner, « Modifier le fichier », the comma typed, the live
 *  re-check accepts the file and the banner goes. */
async function missingCommaFlow(page: Page, fileName: string): Promise<void> {
  await simulate(page, jsonFile(fileName, missingComma()));
  await page.getByRole('alert').filter({ hasText: WORDS.invalid }).waitFor();
  await fileReport(page, fileName).getByRole('button', { name: 'Modifier le fichier' }).click();
  const region = editorRegion(page, fileName);
  await region.waitFor();
  // The editor's list of findings: the syntax error, at its place (where the parser stopped: the
  // next key on line 9, or the end of the value on line 8 that the comma should follow).
  const place = region
    .getByRole('list', { name: "Erreurs et avertissements dans l'ordre du fichier" })
    .getByRole('button', { name: /^ligne \d+, colonne \d+$/ });
  const line = /^ligne (\d+),/.exec(await place.innerText())![1]!;
  expect(['8', '9']).toContain(line);
  await place.click();
  expect(await activeLine(page)).toBe(line);
  // The comma at the end of line 8 (« "typeAction": "C" »), typed.
  await editorBox(page).focus();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < 8; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  expect(await activeLine(page)).toBe('8');
  await page.keyboard.type(',');
  await statusSays(page, WORDS.accepted);
  await page.getByRole('alert').filter({ hasText: WORDS.invalid }).waitFor({ state: 'detached' });
  await fileReport(page, fileName).getByText('Toutes les demandes sont acceptées').waitFor();
}

// Generous timeouts: Chromium on a loaded 2-core machine.
describe('the editor, in the served app', { timeout: 120_000 }, () => {
  const app = watchedAppSession();
  afterAll(() => app.close());
  const start = () => startOnMdvAdvance(app);

  /** Simulates the E011 file and opens the editor on the amount from the results. */
  async function openOnAmount(page: Page, name: string): Promise<void> {
    await simulateAndClose(page, name, amountWithoutDecimals(), WORDS.rejected);
    const issue = fileReport(page, name)
      .locator('.issue')
      .filter({ has: page.getByRole('link', { name: 'E011', exact: true }) });
    await issue.getByRole('button', { name: 'Voir dans le fichier' }).click();
    await editorRegion(page, name).waitFor();
  }

  test('an E011 amount: « Voir dans le fichier » opens the editor on its line, the value selected and focused', async () => {
    const { page } = (await start()).browser;
    await openOnAmount(page, 'avance-1075.json');
    await page.waitForFunction(
      () => document.querySelector('.file-editor-host')?.shadowRoot?.activeElement?.classList.contains('cm-content') === true,
    );
    expect(await activeLine(page)).toBe('14');
    expect(await selectedText(page)).toBe('1075');
    await app.shot(page, 'editor-e011');
  });

  // The fix is the core's (`fix` on the E011 finding, `1075` → `1075.00`, issue 10): the UI shows
  // and applies it, never computes its own.
  test('an E011 amount: « Appliquer la correction » in the editor makes it 1075.00, the verdict turns; one undoable step', async () => {
    const { page } = (await start()).browser;
    const name = 'avance-1075-fix.json';
    await openOnAmount(page, name);
    const apply = editorRegion(page, name).getByRole('button', { name: 'Appliquer la correction' });
    await apply.first().click();
    await statusSays(page, WORDS.accepted);
    await expect.poll(() => editorBox(page).innerText()).toContain('"montantSegurHT": 1075.00');
    await fileReport(page, name).getByText('Toutes les demandes sont acceptées').waitFor();
    // One undoable step: Ctrl+Z brings the amount back, and the check follows.
    await editorBox(page).focus();
    await page.keyboard.press('Control+z');
    await statusSays(page, WORDS.rejected);
    expect(await editorBox(page).innerText()).toContain('"montantSegurHT": 1075\n');
  });

  test('an E011 amount: « Appliquer la correction » in the results opens the editor with the fix applied', async () => {
    const { page } = (await start()).browser;
    const name = 'avance-1075-resultats.json';
    await simulateAndClose(page, name, amountWithoutDecimals(), WORDS.rejected);
    const issue = fileReport(page, name)
      .locator('.issue')
      .filter({ has: page.getByRole('link', { name: 'E011', exact: true }) });
    await issue.getByRole('button', { name: 'Appliquer la correction' }).click();
    await editorRegion(page, name).waitFor();
    await statusSays(page, WORDS.accepted);
    await expect.poll(() => editorBox(page).innerText()).toContain('"montantSegurHT": 1075.00');
    await fileReport(page, name).getByText('Toutes les demandes sont acceptées').waitFor();
    expect(await selectedText(page)).toBe('1075.00');
  });

  test('a missing comma, fixed by typing, re-checked live', async () => {
    const { page } = (await start()).browser;
    await missingCommaFlow(page, 'virgule.json');
    await app.shot(page, 'editor-comma-fixed');
  });

  test('the corrected file is the editor text byte for byte (BOM, CRLF); edits survive the documentation; the output file stays', async () => {
    const { page } = (await start()).browser;
    const name = 'JSON-BOM-CRLF.json';
    const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
    const input = '\uFEFF' + crlf(amountWithoutDecimals());
    await simulateAndClose(page, name, input, WORDS.rejected);
    const report = fileReport(page, name);
    await report
      .locator('.issue')
      .filter({ has: page.getByRole('link', { name: 'E011', exact: true }) })
      .getByRole('button', { name: 'Voir dans le fichier' })
      .click();
    await editorRegion(page, name).waitFor();
    expect(await selectedText(page)).toBe('1075');
    // Typed over the selected value.
    await page.keyboard.type('1075.00');
    await statusSays(page, WORDS.accepted);

    // Undo and redo: the check follows each.
    await page.keyboard.press('Control+z');
    await statusSays(page, WORDS.rejected);
    await page.keyboard.press('Control+y');
    await statusSays(page, WORDS.accepted);

    // To the documentation (the results' link to E011: the editor's list is now empty) and back:
    // the edit is there.
    await report.getByRole('link', { name: 'E011', exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Simulateur JSON' }).first().waitFor();
    await page.evaluate(() => (location.hash = '#/documentation'));
    await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor({ state: 'detached' });
    await page.goBack();
    await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    await editorRegion(page, name).waitFor();
    await expect.poll(() => editorBox(page).innerText()).toContain('"montantSegurHT": 1075.00');

    const expected = Buffer.from('\uFEFF' + crlf(VALID_ADVANCE().toString('utf8')), 'utf8');
    const corrected = await download(page, () =>
      editorRegion(page, name)
        .getByRole('button', { name: /^Télécharger le fichier corrigé/ })
        .click(),
    );
    expect(corrected.name).toBe(name);
    expect(corrected.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(corrected.bytes.equals(expected), 'the corrected file differs from the edited text').toBe(true);

    // The output file of the last check (the edited text): BOM and CRLF kept there too.
    const output = await download(page, () =>
      fileReport(page, name)
        .getByRole('button', { name: /^Télécharger le fichier de sortie/ })
        .click(),
    );
    expect(output.name).toBe('JSON-BOM-CRLF_sortie.json');
    expect(output.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(output.bytes.toString('utf8')).toContain('"montantSegurHT": 1075.00\r\n');
    expect(app.requests.outside(new URL(page.url()).origin)).toEqual([]);
  });

  test('settings changed after a check: the results say so, « Relancer » checks again with the new ones', async () => {
    const { page } = (await start()).browser;
    const name = 'reglages.json';
    await simulateAndClose(page, name, VALID_ADVANCE(), WORDS.accepted);
    const report = fileReport(page, name);
    await page.getByLabel('Contrôles stricts', { exact: false }).first().check();
    const relancer = report.getByRole('button', { name: 'Relancer', exact: true });
    await relancer.waitFor();
    await relancer.click();
    // « Relancer » shows its verdict in the dialog, once the check is done: close it then (an
    // Escape pressed before it opens would leave it open).
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await dialogClosed(page);
    await report.getByText(/Réglages de cette vérification.*contrôles stricts/).waitFor();
    await relancer.waitFor({ state: 'detached' });
    await page.getByLabel('Contrôles stricts', { exact: false }).first().uncheck();
  });

  test('the keyboard: Tab leaves the editor, Ctrl+F opens the search, Escape closes it; axe finds nothing serious at 360 px', async () => {
    const { page } = (await start()).browser;
    await page.setViewportSize({ width: 360, height: 800 });
    try {
      await page.getByRole('button', { name: "Essayer avec un fichier d'exemple" }).click();
      await editorRegion(page, 'exemple-MDV-LGC-avance.json').waitFor();
      await editorBox(page).focus();
      await page.keyboard.press('Control+f');
      const find = page.getByRole('textbox', { name: 'Rechercher' });
      await find.waitFor();
      await page.keyboard.press('Escape');
      await find.waitFor({ state: 'detached' });
      await editorBox(page).focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('.file-editor-host'))).toBeNull();
      expect(await page.evaluate(() => document.querySelector('.file-editor-host')?.shadowRoot?.activeElement ?? null)).toBeNull();
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await app.shot(page, 'editor-360');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  const RULE_SETS = [
    ['avance', 'MDV-LGC'],
    ['solde', 'MDV-LGC'],
    ['solde', 'BIO-SGL'],
    ['avance', 'HOP-DPI'],
    ['avance', 'HOP-PFI'],
    ['avance', 'MS'],
  ] as const;

  test.each(RULE_SETS)("« Essayer avec un fichier d'exemple », %s %s: two errors, in the results and the editor", async (type, dsr) => {
    const session = await app.start();
    const { page } = session.browser;
    await openSimulator(page, session.server.url);
    await chooseRuleSet(page, type, dsr);
    await page.getByRole('button', { name: "Essayer avec un fichier d'exemple" }).click();
    const name = `exemple-${dsr}-${type}.json`;
    const region = editorRegion(page, name);
    await region.waitFor();
    await region.getByRole('heading', { name: /^Dans le texte\s:\s2 erreurs,/ }).waitFor();
    const report = fileReport(page, name);
    await report.getByText('Au moins une demande est rejetée').waitFor();
    expect(await report.locator('.counts div', { hasText: 'Erreurs' }).locator('dd').innerText()).toBe('2');
    expect(await editorBox(page).innerText()).toContain('lignesImport');
  });
});

describe('the editor in the offline file, from file:// with no network', { timeout: 120_000 }, () => {
  let session: OfflineAlone | undefined;
  afterAll(async () => {
    await session?.close();
  });

  test('a missing comma fixed by typing, the corrected file downloaded; no request, no policy violation', async () => {
    session = await openOfflineAlone();
    const { copy, page, watch, requests } = session;
    await chooseRuleSet(page, 'avance', 'MDV-LGC');
    await missingCommaFlow(page, 'hors-ligne.json');
    const corrected = await download(page, () =>
      editorRegion(page, 'hors-ligne.json')
        .getByRole('button', { name: /^Télécharger le fichier corrigé/ })
        .click(),
    );
    expect(corrected.bytes.equals(VALID_ADVANCE())).toBe(true);
    const outside = requests.urls.filter((url) => !isLocalScheme(url) && withoutHash(url) !== copy.url);
    expect(outside).toEqual([]);
    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});

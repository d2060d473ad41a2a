// Issue 15 in Chromium: a hostile file cannot hold the page (« Annuler » terminates the worker
// whatever it is parsing, and the next check starts a new one), and what a file holds is shown
// visibly (a bidi override does not reorder a message). Inputs generated (tests/hostile/generate.ts).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { watchedAppSession } from './browser';
import { jsonFile, simulate, startOnMdvAdvance, VALID_ADVANCE, verdictDialog, WORDS } from './simulator-page';
import { duplicatesInOneObject, duplicateTags, withNumeroEditeur } from '../hostile/generate';

describe('hostile files in Chromium', () => {
  const app = watchedAppSession();
  const work = mkdtempSync(join(tmpdir(), 'segur-hostile-e2e-'));
  afterAll(async () => {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('« Annuler » stops the check of a huge file of duplicate keys; the next check runs', async () => {
    const session = await startOnMdvAdvance(app);
    const { page } = session.browser;
    // Millions of duplicate keys: seconds of parsing in the worker on any machine.
    // Given by path (a buffer of this size crawls through the DevTools protocol).
    const huge = join(work, 'doublons.json');
    writeFileSync(huge, duplicatesInOneObject(3_000_000));
    await page.getByLabel('Choisissez le fichier', { exact: true }).setInputFiles(huge);
    await page.getByRole('button', { name: 'Simuler', exact: true }).click();
    const cancel = page.getByRole('button', { name: 'Annuler', exact: true });
    await cancel.click({ timeout: 30_000 });
    // The live region is visually hidden: read its text.
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Vérification annulée.', undefined, {
      timeout: 30_000,
    });
    expect(await cancel.count()).toBe(0);
    expect(await page.locator('.results').getByRole('region', { name: 'doublons.json' }).count()).toBe(0);
    // A new worker checks the next file.
    await simulate(page, jsonFile('avance-liberal.json', VALID_ADVANCE()));
    await verdictDialog(page, WORDS.accepted);
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  test('bounded findings and visible controls in the results', async () => {
    const session = await startOnMdvAdvance(app);
    const { page } = session.browser;
    await simulate(page, jsonFile('bidi.json', withNumeroEditeur('\\u202eX1')));
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    const ids = page.locator('.request-ids').first();
    expect(await ids.innerText()).toContain('numeroEditeur \\u202EX1');
    // Its message (the tag's value in it) shows the override as an escape too.
    const shown = await page.locator('.issue-message').allInnerTexts();
    expect(shown.join('\n')).not.toContain('\u202e');

    await simulate(page, jsonFile('doublons.json', duplicateTags(3000, 3000)));
    await verdictDialog(page, WORDS.rejected);
    await page.keyboard.press('Escape');
    const messages = await page.locator('.issue-message').allInnerTexts();
    expect(messages).toContain('… et 2 900 autres erreurs du même type (E003).');
    expect(messages).toContain('… et 2 900 autres erreurs du même type (E002).');
    expect(messages.length).toBeLessThanOrEqual(2 * 101 + 5);
  }, 120_000);
});

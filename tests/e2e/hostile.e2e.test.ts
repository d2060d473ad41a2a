// Issue 15 in Chromium: a hostile file cannot hold the page (« Annuler » terminates the worker
// whatever it is parsing, and the next check starts a new one), and what a file holds is shown
// visibly (a bidi override does not reorder a message). Inputs generated (tests/hostile/generate.ts).

import { afterAll, describe, expect, test } from 'vitest';
import { watchedAppSession } from './browser';
import { jsonFile, simulate, startOnMdvAdvance, VALID_ADVANCE, verdictDialog, WORDS } from './simulator-page';
import { duplicatesInOneObject, duplicateTags, withNumeroEditeur } from '../hostile/generate';

describe('hostile files in Chromium', () => {
  const app = watchedAppSession();
  afterAll(() => app.close());

  test('« Annuler » stops the check of a huge file of duplicate keys; the next check runs', async () => {
    const session = await startOnMdvAdvance(app);
    const { page } = session.browser;
    // Millions of duplicate keys: seconds of parsing in the worker on any machine.
    await simulate(page, jsonFile('doublons.json', duplicatesInOneObject(3_000_000)));
    const cancel = page.getByRole('button', { name: 'Annuler', exact: true });
    await cancel.click({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: 'Vérification annulée.' }).waitFor();
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
    const text = withNumeroEditeur('\\u202eX1').replace('"x0":0,', '');
    await simulate(page, jsonFile('bidi.json', text));
    await verdictDialog(page, WORDS.accepted);
    await page.keyboard.press('Escape');
    const ids = page.locator('.request-ids').first();
    expect(await ids.innerText()).toContain('numeroEditeur \\u202EX1');

    await simulate(page, jsonFile('doublons.json', duplicateTags(3000, 3000)));
    await verdictDialog(page, WORDS.rejected);
    await page.keyboard.press('Escape');
    const messages = await page.locator('.issue-message').allInnerTexts();
    expect(messages).toContain('… et 2 900 autres erreurs du même type (E003).');
    expect(messages).toContain('… et 2 900 autres erreurs du même type (E002).');
    expect(messages.length).toBeLessThanOrEqual(2 * 101 + 5);
  }, 120_000);
});

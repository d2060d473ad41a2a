// The simulator with the keyboard only (page.keyboard; the one exception is setInputFiles, the
// operating system's file picker being out of reach): every field in order, a profile chip
// added and removed, « Simuler », the dialog, the first error's code, its documentation entry,
// and back to the results. The focus is visible.

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { appSession, recordRequests } from './browser';
import { fileInput, focused, invalidAdvance, jsonFile, WORDS } from './simulator-page';

/** Presses Tab and returns what has the focus then. */
async function tab(page: Page, shift = false): Promise<string> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  return focused(page);
}

/** The outline of the focused element (or of `selector`), as computed. */
const outlineOf = (page: Page, selector?: string) =>
  page.evaluate((sel) => {
    const el = sel ? document.querySelector(sel) : document.activeElement;
    if (!el) return null;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  }, selector);

describe('the simulator with the keyboard only', () => {
  const app = appSession();
  afterAll(() => app.close());

  test('fields, profile chip, Simuler, dialog, error code, its documentation, back to the results', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    const requests = recordRequests(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    const type = page.getByLabel('Type de demande', { exact: true });
    const profiles = page.getByLabel('Profils référencés', { exact: true });

    // From the top of the page: the skip link, the site's name, then the form in the portal's order.
    expect(await tab(page)).toBe('A:Aller au contenu');
    expect(await tab(page)).toMatch(/^A:.*Simulateur JSON$/);
    expect(await tab(page)).toBe('SELECT#type-demande');
    // Type: Solde hides the profiles, Avance brings them back (arrows on the closed select).
    await page.keyboard.press('ArrowDown');
    expect(await type.inputValue()).toBe('solde');
    await profiles.waitFor({ state: 'detached' });
    await page.keyboard.press('ArrowUp');
    expect(await type.inputValue()).toBe('avance');
    await profiles.waitFor();

    expect(await tab(page)).toBe('SELECT#dsr');
    await page.keyboard.press('Home');
    expect(await page.getByLabel('Couloir / Logiciel (DSR)', { exact: true }).inputValue()).toBe('MDV-LGC');
    expect(await tab(page)).toBe("A:balises et codes d'erreur de ce jeu de règles");

    // A profile: arrows browse without adding, Enter adds a chip; its button removes it.
    expect(await tab(page)).toBe('SELECT#profils');
    await page.keyboard.press('ArrowDown');
    const chips = page.getByRole('list', { name: 'Profils sélectionnés' }).getByRole('listitem');
    expect(await chips.count()).toBe(0);
    await page.keyboard.press('Enter');
    await chips.first().waitFor();
    expect((await chips.allInnerTexts()).map((t) => t.replace('×', '').trim())).toEqual(["Stockage des copies de titres d'identité"]);
    expect(await focused(page)).toBe('SELECT#profils');
    expect(await tab(page)).toBe("BUTTON:Retirer le profil Stockage des copies de titres d'identité");
    await page.keyboard.press('Enter');
    await chips.first().waitFor({ state: 'detached' });
    // The focused button is gone: the focus goes back to the select (once the list is updated).
    await page.waitForFunction(() => document.activeElement?.id === 'profils');

    expect(await tab(page)).toBe('SELECT#taux-tva');
    expect(await page.getByLabel('Taux de TVA', { exact: true }).inputValue()).toBe('20');

    // The file input itself takes the focus, shown around « Parcourir… ».
    expect(await tab(page)).toBe('INPUT#fichier');
    const browseOutline = await outlineOf(page, 'label.file-button');
    expect(browseOutline?.style).toBe('solid');
    expect(browseOutline?.width).toBeGreaterThanOrEqual(2);
    await fileInput(page).setInputFiles(jsonFile('JSON-MDVLGC0001-20261122-001.json', invalidAdvance())); // the only non-keyboard step
    await page.getByRole('list', { name: 'Fichiers choisis' }).getByText('JSON-MDVLGC0001-20261122-001.json').waitFor();
    expect(await focused(page)).toBe('INPUT#fichier');
    expect(await tab(page)).toBe('INPUT#pj');
    expect(await tab(page)).toBe('INPUT#pj-complet');

    expect(await tab(page)).toBe('INPUT#controles-stricts');
    expect(await tab(page)).toBe('INPUT#premiere-erreur');
    expect(await tab(page)).toBe('A:Accéder à la documentation');
    expect(await tab(page)).toBe('BUTTON:Simuler');
    const simulerOutline = await outlineOf(page);
    expect(simulerOutline?.style, 'the focused « Simuler » has an outline').toBe('solid');
    expect(simulerOutline?.width).toBeGreaterThanOrEqual(2);

    // Enter: the error dialog, with the focus inside.
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: WORDS.rejected, exact: true });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('dialog[open]') !== null);
    expect(await focused(page)).toBe(`BUTTON:${WORDS.downloadOutput}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'resultats-titre');

    // Tab reaches the first error's code link (after the file's downloads, the editor's button,
    // the summary by code and tag with its line, and the filters).
    const passed: string[] = [];
    let now = await tab(page);
    while (!now.startsWith('A:') && passed.length < 10) {
      passed.push(now);
      now = await tab(page);
    }
    expect(passed).toEqual([
      `BUTTON:${WORDS.downloadOutput} (JSON-MDVLGC0001-20261122-001_sortie.json)`,
      'BUTTON:Télécharger le rapport (JSON)',
      'BUTTON:Modifier le fichier',
      'SUMMARY',
      'BUTTON:E011 commande.montantSegurHT — 1 demande',
      expect.stringMatching(/^INPUT#fichier-\d+-filtre$/),
      expect.stringMatching(/^SELECT#fichier-\d+-gravite$/),
      expect.stringMatching(/^SELECT#fichier-\d+-code$/),
    ]);
    const codeLink = page.locator('.results a.issue-code').first();
    const code = (await codeLink.innerText()).trim();
    expect(code).toMatch(/^[A-Z]\d{3}$/);
    expect(now).toBe(`A:${code}`);

    // Enter: the code's entry in the rule set's documentation, its heading focused.
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/documentation/MDV-LGC/avance/${code}`);
    await page.waitForFunction((c) => document.activeElement?.matches(`article[id="${c}"] h3`) === true, code);
    expect(await focused(page)).toMatch(new RegExp(`^H3:${code} — `));

    // Back up the page (Shift+Tab) to « Retour au simulateur », Enter: the results are still
    // there, and the focus is back on the error's code that was followed.
    let back = '';
    for (let i = 0; i < 400 && !back.includes('Retour au simulateur'); i++) back = await tab(page, true);
    expect(back).toMatch(/^A:.*Retour au simulateur$/);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === '#/');
    await page.getByRole('heading', { name: 'Résultats', exact: true }).waitFor();
    await page.locator('.results').getByRole('link', { name: code, exact: true }).first().waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('.results a.issue-code') === true);
    expect(await focused(page)).toBe(`A:${code}`);
    expect(await page.evaluate(() => document.activeElement === document.querySelector('.results a.issue-code'))).toBe(true);

    requests.stop();
    expect(requests.outside(server.origin), 'requests that left the served origin').toEqual([]);
  });
});

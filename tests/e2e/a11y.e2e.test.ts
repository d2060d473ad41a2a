// axe (no serious or critical violation) on each state of the app — the empty form, the error
// dialog, the results of a rejected file, the documentation's index and a rule set's page — on a
// desktop (1280 px) and a phone (360 px), where nothing may scroll the page sideways, and French
// typography: no ordinary space before : ; ? ! » or after « (issue 10).

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { appSession, formatViolations, frenchSpacing, recordRequests, runAxe, saveScreenshot } from './browser';
import { chooseRuleSet, dialogClosed, invalidAdvance, jsonFile, openSimulator, simulate, verdictDialog, WORDS } from './simulator-page';

/** The widest the page may be: the viewport's width (a horizontal scroll bar otherwise). */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.each([1280, 360])('accessibility at %i px', (width) => {
  const app = appSession();
  const screenshots: string[] = [];
  afterAll(async () => {
    if (screenshots.length) console.info(`screenshots:\n${screenshots.join('\n')}`);
    await app.close();
  });

  test('form, error dialog, results, documentation index and a rule set: axe clean, no sideways scroll, French typography', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    await page.setViewportSize({ width, height: 800 });
    const requests = recordRequests(page);
    /** Every problem found, by state: all states are checked before the test fails. */
    const problems: Record<string, string> = {};
    const check = async (state: string) => {
      const violations = await runAxe(page);
      if (violations.length > 0) problems[`${state}: axe`] = formatViolations(violations);
      const scrollWidth = await pageWidth(page);
      if (scrollWidth > width) problems[`${state}: page width`] = `${scrollWidth} px > ${width} px`;
      const spacing = await frenchSpacing(page);
      if (spacing.length > 0) problems[`${state}: French typography`] = spacing.join('\n');
    };

    await openSimulator(page, server.url);
    await chooseRuleSet(page, 'avance', 'MDV-LGC');
    await check('empty form');

    await simulate(page, jsonFile('JSON-a11y.json', invalidAdvance()));
    await verdictDialog(page, WORDS.rejected);
    await check('error dialog open');
    if (width === 360) screenshots.push(await saveScreenshot(page, `a11y-${width}-error-dialog`, { fullPage: false }));

    await page.keyboard.press('Escape');
    await dialogClosed(page);
    await page.getByRole('heading', { name: 'Résultats', exact: true }).waitFor();
    await page.locator('.results .issue').first().waitFor();
    await check('results of a rejected file');
    // An excerpt that scrolls sideways (a long line on a phone) is a tab stop, so that the
    // keyboard scrolls it; one that fits (every one on a desktop) is not.
    const excerpts = await page
      .locator('.results pre.excerpt')
      .evaluateAll((els) => els.map((el) => ({ overflows: el.scrollWidth > el.clientWidth, tabindex: el.getAttribute('tabindex') })));
    expect(excerpts.length).toBeGreaterThan(0);
    for (const excerpt of excerpts) expect(excerpt.tabindex).toBe(excerpt.overflows ? '0' : null);
    if (width === 1280) expect(excerpts.every((e) => !e.overflows)).toBe(true);
    if (width === 360) screenshots.push(await saveScreenshot(page, `a11y-${width}-results`));

    await page.getByRole('link', { name: 'Accéder à la documentation', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Documentation des fichiers JSON' }).waitFor();
    await check('documentation index');

    await page.goto(`${server.url}#/documentation/MDV-LGC/avance`);
    await page.getByRole('heading', { level: 1, name: "MDV-LGC — demande d'avance" }).waitFor();
    // The examples of the code entries come in a moment later.
    await page.locator('article').first().waitFor();
    await page.getByText("Chargement de l'exemple…").first().waitFor({ state: 'detached' });
    await check('rule set page MDV-LGC/avance');
    if (width === 360) screenshots.push(await saveScreenshot(page, `a11y-${width}-rule-set`, { fullPage: false }));

    requests.stop();
    expect(problems).toEqual({});
    expect(requests.outside(server.origin), 'requests that left the served origin').toEqual([]);
  }, 150_000); // five axe runs of a full page: over a minute on a loaded 2-core machine
});

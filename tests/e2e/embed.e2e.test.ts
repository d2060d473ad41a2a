// Embedding, in Chromium: the example documentation page (public/exemple-integration.html, built
// into dist/app with segur-simulateur.js by `vite build && vite build --mode embed`) embeds the
// simulator both ways. The element: rendered in its shadow root with its attributes' values, a
// file simulated inside it (the worker from a Blob URL), its documentation inside it, attributes
// observed after connection, the host page's styles kept out. The iframe: the form prefilled by
// its address's hash, over remembered settings, and again at a hashchange. A host page with a
// strict Content-Security-Policy (no inline style, no blob: worker): still styled, still checks.
// No request leaves the origin; axe passes.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { APP_DIR, formatViolations, runAxe, watchedAppSession } from './browser';
import { chooseRuleSet, jsonFile, openSimulator, VALID_ADVANCE, WORDS } from './simulator-page';

const EXAMPLE = 'exemple-integration.html';
const IFRAME_TITLE = 'Simulateur JSON Ségur numérique';
const LOCKED = "Réglé par la page d'intégration";

/** The three selects of the form, in `scope` (the element, the iframe, the page). */
const selects = (scope: Locator | FrameLocator | Page) => ({
  type: scope.getByLabel('Type de demande', { exact: true }),
  dsr: scope.getByLabel('Couloir / Logiciel (DSR)', { exact: true }),
  vat: scope.getByLabel('Taux de TVA', { exact: true }),
});

async function values(scope: Locator | FrameLocator | Page) {
  const s = selects(scope);
  return { type: await s.type.inputValue(), dsr: await s.dsr.inputValue(), vat: await s.vat.inputValue() };
}

describe('embedding the simulator (exemple-integration.html)', () => {
  const app = watchedAppSession();
  afterAll(() => app.close());

  /** Opens the example page (a new document) and waits for the element's form. */
  async function openExample(page: Page, url: string): Promise<Locator> {
    await page.goto(url);
    const element = page.locator('segur-simulateur');
    await element.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    return element;
  }

  test('the build made the script next to the example page', () => {
    expect(existsSync(join(APP_DIR, EXAMPLE)), `${EXAMPLE} in dist/app (npx vite build)`).toBe(true);
    expect(existsSync(join(APP_DIR, 'segur-simulateur.js')), 'segur-simulateur.js (npx vite build --mode embed)').toBe(true);
  });

  test('remembered settings first: the simulator set to a BIO-SGL balance', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    await openSimulator(page, server.url);
    await chooseRuleSet(page, 'solde', 'BIO-SGL');
    // Saved: a new visit shows them.
    await openSimulator(page, server.url);
    await expect.poll(() => selects(page).dsr.inputValue()).toBe('BIO-SGL');
    expect(await selects(page).type.inputValue()).toBe('solde');
  });

  test('the element: rendered in its shadow root with its attributes, compact, over the remembered settings', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    const element = await openExample(page, `${server.url}${EXAMPLE}`);

    expect(await page.evaluate(() => document.querySelector('segur-simulateur')?.shadowRoot?.mode)).toBe('open');
    // The labels, in the shadow root, with the attributes' values (not the remembered solde BIO-SGL).
    expect(await values(element)).toEqual({ type: 'avance', dsr: 'MDV-LGC', vat: '20' });
    for (const select of Object.values(selects(element))) expect(await select.isDisabled()).toBe(false);
    await expect.poll(() => element.getByText(LOCKED).count()).toBe(0);
    // compact: no title nor introduction, the history folded.
    expect(await element.locator('h1').count()).toBe(0);
    expect(await element.getByRole('heading', { name: 'Simulation importation du fichier json' }).isVisible()).toBe(true);
    expect(await element.locator('details.history-toggle').getAttribute('open')).toBeNull();
    expect(await element.getByRole('button', { name: "Effacer l'historique" }).isVisible()).toBe(false);
    // Nothing of the element in the page's own head: its styles are in its shadow root, one
    // constructed stylesheet (no <style> element there either).
    expect(await page.evaluate(() => document.head.querySelectorAll('style, link[rel="stylesheet"]').length)).toBe(1);
    expect(
      await page.evaluate(() => {
        const root = document.querySelector('segur-simulateur')!.shadowRoot!;
        return { styles: root.querySelectorAll('style').length, adopted: root.adoptedStyleSheets.length };
      }),
    ).toEqual({ styles: 0, adopted: 1 });
    await app.shot(page, 'embed-1-example-page');
  });

  test('the element: a file simulated inside it, the portal dialog, the worker from a Blob URL', async () => {
    const { browser } = await app.start();
    const { page } = browser;
    const element = page.locator('segur-simulateur');
    await element.getByLabel('Choisissez le fichier', { exact: true }).setInputFiles(jsonFile('avance-liberal.json', VALID_ADVANCE()));
    await element.getByRole('button', { name: 'Simuler', exact: true }).click();
    const dialog = element.getByRole('dialog', { name: WORDS.accepted, exact: true });
    await dialog.waitFor();
    expect(await dialog.getByText(WORDS.accepted, { exact: true }).isVisible()).toBe(true);
    // The check ran in a worker started from a Blob URL (not on the page's main thread).
    expect(
      page
        .workers()
        .map((w) => w.url())
        .some((url) => url.startsWith('blob:')),
    ).toBe(true);
    await app.shot(page, 'embed-2-success-dialog', false);
    await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
    await element.locator('dialog[open]').waitFor({ state: 'detached' });
    await element.getByRole('heading', { name: 'Résultats', level: 2 }).waitFor();
    // The history, folded, has the file.
    await element.getByText('Historique des simulations (1)').click();
    expect(await element.getByText('avance-liberal.json', { exact: true }).first().isVisible()).toBe(true);
  });

  test("the element: the documentation opens inside it; the page's address does not change", async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    const url = page.url();
    const element = page.locator('segur-simulateur');
    await element.getByRole('link', { name: "balises et codes d'erreur de ce jeu de règles" }).click();
    const title = element.getByRole('heading', { level: 1 });
    await title.waitFor();
    expect(await title.textContent()).toContain('MDV-LGC');
    expect(page.url()).toBe(url);
    expect(page.url()).toBe(`${server.url}${EXAMPLE}`);
    // The documentation's own (scoped) styles apply inside the element.
    const docBlue = await element.locator('.segur-doc').evaluate((el) => getComputedStyle(el).getPropertyValue('--doc-blue'));
    expect(docBlue.trim()).toBe('#000091');
    // The element's top in view (the documentation is long: the viewport only).
    await element.getByRole('link', { name: 'Retour au simulateur' }).scrollIntoViewIfNeeded();
    await app.shot(page, 'embed-3-documentation-inside', false);
    await element.getByRole('link', { name: 'Retour au simulateur' }).click();
    await element.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    // The results survived the visit.
    expect(await element.getByRole('heading', { name: 'Résultats', level: 2 }).isVisible()).toBe(true);
    expect(page.url()).toBe(url);
  });

  test('the element: attributes changed after connection (verrou, dsr, compact) are followed', async () => {
    const { browser } = await app.start();
    const { page } = browser;
    const element = page.locator('segur-simulateur');
    await element.evaluate((el) => {
      el.setAttribute('verrou', '');
      el.setAttribute('dsr', 'HOP-DPI');
      el.setAttribute('tva', '8.5');
      el.removeAttribute('compact');
    });
    await expect.poll(() => selects(element).dsr.inputValue()).toBe('HOP-DPI');
    expect(await values(element)).toEqual({ type: 'avance', dsr: 'HOP-DPI', vat: '8.5' });
    for (const select of Object.values(selects(element))) expect(await select.isDisabled()).toBe(true);
    expect(await element.getByText(LOCKED).count()).toBe(3);
    // Described by the note.
    expect(await selects(element).dsr.getAttribute('aria-describedby')).toContain('dsr-verrou');
    expect(await element.getByRole('heading', { level: 1, name: 'Simulateur JSON Ségur numérique' }).isVisible()).toBe(true);
    await app.shot(page, 'embed-4-element-locked');
    // Unlocked again.
    await element.evaluate((el) => el.removeAttribute('verrou'));
    await expect.poll(() => selects(element).dsr.isDisabled()).toBe(false);
    expect(await element.getByText(LOCKED).count()).toBe(0);
  });

  test("the host page's styles do not reach inside the element", async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    const element = await openExample(page, `${server.url}${EXAMPLE}`);
    await page.addStyleTag({
      content: `
        button, select, h1, h2, p { color: rgb(255, 0, 0) !important; background: rgb(255, 255, 0) !important;
          font-family: fantasy !important; border: 5px dotted rgb(255, 0, 0) !important; }
        body { color: rgb(0, 128, 0); font-family: cursive; line-height: 3; text-align: center; letter-spacing: 3px;
          font-style: italic; }`,
    });
    const style = (locator: Locator, ...props: string[]) =>
      locator.evaluate((el, names) => {
        const s = getComputedStyle(el);
        return Object.fromEntries(names.map((n) => [n, s.getPropertyValue(n)]));
      }, props);

    // The page's own title takes them…
    expect(await style(page.locator('main > h1'), 'color', 'background-color')).toEqual({
      color: 'rgb(255, 0, 0)',
      'background-color': 'rgb(255, 255, 0)',
    });
    // …the element's button, select, heading and text do not: they have the app's own look.
    const simulate = element.getByRole('button', { name: 'Simuler', exact: true });
    expect(await style(simulate, 'color', 'background-color', 'border-top-style')).toEqual({
      color: 'rgb(255, 255, 255)',
      'background-color': 'rgb(0, 0, 145)',
      'border-top-style': 'solid',
    });
    const select = selects(element).type;
    expect(await style(select, 'color', 'background-color')).toEqual({
      color: 'rgb(22, 22, 22)',
      'background-color': 'rgb(238, 238, 238)',
    });
    const heading = element.getByRole('heading', { name: 'Simulation importation du fichier json' });
    expect(await style(heading, 'color', 'background-color')).toEqual({ color: 'rgb(22, 22, 22)', 'background-color': 'rgba(0, 0, 0, 0)' });
    // Nor what the body would pass down by inheritance.
    const text = element.getByText('Cette simulation permet de prévenir', { exact: false });
    const inherited = await style(text, 'font-family', 'font-style', 'text-align', 'letter-spacing', 'line-height', 'font-size');
    expect(inherited['font-family']).toMatch(/system-ui/);
    expect(inherited['font-family']).not.toMatch(/cursive|fantasy/);
    expect(inherited['font-style']).toBe('normal');
    expect(inherited['text-align']).not.toBe('center');
    expect(inherited['letter-spacing']).toBe('normal');
    expect(parseFloat(inherited['line-height']!)).toBeLessThan(2 * parseFloat(inherited['font-size']!));
    await app.shot(page, 'embed-5-host-styles');
  });

  test('the iframe: the form prefilled by the hash over the remembered settings, then at a hashchange', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    await page.goto(`${server.url}${EXAMPLE}`);
    const frame = page.frameLocator(`iframe[title="${IFRAME_TITLE}"]`);
    await frame.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    // #type=avance&dsr=MDV-LGC&tva=20, not the remembered solde BIO-SGL.
    expect(await values(frame)).toEqual({ type: 'avance', dsr: 'MDV-LGC', vat: '20' });
    expect(await selects(frame).dsr.isDisabled()).toBe(false);

    // Another deep link, locked.
    const iframe = page.locator(`iframe[title="${IFRAME_TITLE}"]`);
    await iframe.evaluate((el: HTMLIFrameElement) => {
      el.contentWindow!.location.hash = '#type=avance&dsr=HOP-PFI&tva=0&verrou=1';
    });
    await expect.poll(() => selects(frame).dsr.inputValue()).toBe('HOP-PFI');
    expect(await values(frame)).toEqual({ type: 'avance', dsr: 'HOP-PFI', vat: '0' });
    for (const select of Object.values(selects(frame))) expect(await select.isDisabled()).toBe(true);
    expect(await frame.getByText(LOCKED).count()).toBe(3);
    await iframe.scrollIntoViewIfNeeded();
    await app.shot(page, 'embed-6-iframe-locked', false);

    // Unknown values: ignored, no error.
    await iframe.evaluate((el: HTMLIFrameElement) => {
      el.contentWindow!.location.hash = '#type=acompte&dsr=NOPE&tva=19.6&profils=inconnu';
    });
    await expect.poll(() => selects(frame).dsr.isDisabled()).toBe(false);
    expect(await values(frame)).toEqual({ type: 'avance', dsr: 'HOP-PFI', vat: '0' });

    // The documentation routes are the app's: the documentation, then back.
    await frame.getByRole('link', { name: 'Accéder à la documentation' }).click();
    await frame.getByRole('link', { name: 'Retour au simulateur' }).click();
    await frame.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    expect(await values(frame)).toEqual({ type: 'avance', dsr: 'HOP-PFI', vat: '0' });
  });

  test('a host page whose Content-Security-Policy refuses inline styles and blob: workers: styled, and it simulates', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    const strict = `${server.url}e2e-strict-csp.html`;
    // A page of the same origin, made up here: the script allowed from 'self', nothing inline.
    await page.route(strict, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': "default-src 'self'; style-src 'self'; worker-src 'none'; img-src data:" },
        body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CSP stricte</title>
          <link rel="icon" href="data:,"><script src="./segur-simulateur.js"></script></head>
          <body><main><h1>CSP stricte</h1><segur-simulateur type="avance" dsr="MDV-LGC" tva="20" compact></segur-simulateur></main></body></html>`,
      }),
    );
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    const element = await openExample(page, strict);
    const simulate = element.getByRole('button', { name: 'Simuler', exact: true });
    expect(await simulate.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 145)');
    await element.getByLabel('Choisissez le fichier', { exact: true }).setInputFiles(jsonFile('avance-liberal.json', VALID_ADVANCE()));
    await simulate.click();
    const dialog = element.getByRole('dialog', { name: WORDS.accepted, exact: true });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
    // The editor inside the element (issue 11): CodeMirror's styles are a constructed stylesheet
    // of its own shadow root, which the policy does not refuse; typing re-checks.
    await element.getByRole('button', { name: 'Modifier le fichier', exact: true }).click();
    const editor = element.getByRole('textbox', { name: 'Éditeur du fichier JSON', exact: true });
    await editor.waitFor();
    expect(await element.locator('.cm-gutters').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(246, 246, 246)');
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('x');
    await element.locator('.file-editor-status').filter({ hasText: WORDS.invalid }).waitFor();
    await page.keyboard.press('Control+z');
    await element.locator('.file-editor-status').filter({ hasText: WORDS.accepted }).waitFor();
    // Only the blob: worker was refused (the check ran on the page instead); no style was.
    expect(violations.length).toBeGreaterThan(0);
    expect(
      violations.every((text) => /worker/i.test(text)),
      violations.join('\n'),
    ).toBe(true);
    await page.unroute(strict);
  });

  test('axe passes on the example page; no request left the origin; no page error', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    await openExample(page, `${server.url}${EXAMPLE}`);
    await page.frameLocator(`iframe[title="${IFRAME_TITLE}"]`).getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    const violations = await runAxe(page);
    expect(violations, `axe, serious/critical:\n${formatViolations(violations)}`).toEqual([]);

    expect(app.requests.urls.some((url) => url.endsWith('/segur-simulateur.js'))).toBe(true);
    expect(app.requests.outside(server.origin), 'requests that left the served origin').toEqual([]);
    app.requests.stop();
    expect(app.pageErrors).toEqual([]);
  });
});

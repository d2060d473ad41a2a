// The built app (dist/app) in headless Chromium: it loads, asks nothing of any other origin,
// and axe finds no serious or critical accessibility violation.
// Relies on nothing of the UI but its title: the UI is still being built.

import { afterAll, describe, expect, test } from 'vitest';
import { appSession, formatViolations, recordRequests, runAxe, saveScreenshot } from './browser';

const TITLE = 'Simulateur JSON Ségur numérique';

describe('the app in Chromium', () => {
  // Started by the first test (not in a beforeAll: there a missing Chromium would only *skip*).
  const app = appSession();
  afterAll(() => app.close());

  test('loads with its title, requests only its own origin, passes axe', async () => {
    const { server, browser } = await app.start();
    console.info(`${browser.version} launched in ${Math.round(browser.launchMs)} ms`);
    const { page } = browser;
    const requests = recordRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    const started = performance.now();
    const response = await page.goto(server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const loadMs = performance.now() - started;
    await page.waitForLoadState('networkidle'); // no request for 500 ms
    console.info(`page loaded in ${Math.round(loadMs)} ms, ${requests.urls.length} requests`);

    expect(await page.title()).toBe(TITLE);
    expect(requests.urls.length).toBeGreaterThan(0);
    expect(requests.outside(server.origin), 'requests that left the served origin').toEqual([]);

    const violations = await runAxe(page);
    expect(violations, `axe, serious/critical:\n${formatViolations(violations)}`).toEqual([]);

    await saveScreenshot(page, 'app-home');
    requests.stop();
    // Reported, not asserted: the UI is being built.
    if (errors.length) console.warn(`page errors:\n${errors.join('\n')}`);
  });

  test('the request log catches a request to another origin, from the page and from a worker', async () => {
    // Proves the guard above can fail: 127.0.0.2 is another origin, refused at once. On a page of
    // the served origin that is not the app (the server's plain-text 404): the app's own
    // Content-Security-Policy (connect-src 'none', no blob: worker) would stop both requests
    // before the network, and the blob: worker from starting at all.
    const { server, browser } = await app.start();
    const { page } = browser;
    const response = await page.goto(`${server.url}e2e-not-the-app`);
    expect(response?.status()).toBe(404);
    const requests = recordRequests(page);
    await page.evaluate(async () => {
      await fetch('http://127.0.0.2:9/from-page').catch(() => undefined);
      const code = "fetch('http://127.0.0.2:9/from-worker').catch(() => 0).then(() => postMessage(1))";
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      // A worker that cannot start fails the test at once rather than at its timeout.
      await new Promise((done, fail) => {
        worker.onmessage = done;
        worker.onerror = () => fail(new Error('the blob: worker did not start'));
      });
      worker.terminate();
    });
    requests.stop();
    const outside = requests.outside(server.origin);
    expect(outside).toContain('http://127.0.0.2:9/from-page');
    expect(outside).toContain('http://127.0.0.2:9/from-worker');
    expect(outside.some((url) => url.startsWith('blob:'))).toBe(false);
  });
});

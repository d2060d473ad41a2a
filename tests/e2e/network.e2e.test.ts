// No network, proven, for the served app (dist/app): its Content-Security-Policy forbids
// connections and eval; a full session (load, two simulations and their outputs, the
// documentation and its example file, the offline file's download) asks for nothing outside the
// page's origin and breaks no rule of the policy; markup inside a file's values is shown as text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { APP_DIR, appSession, downloadedBytes, recordRequests, saveScreenshot } from './browser';
import {
  assertOfflineBuilt,
  assertPolicyBlocks,
  fullSession,
  MARKUP,
  MARKUP_FILE_NAME,
  markupFile,
  OFFLINE_FILE,
  OFFLINE_NAME,
  policyOf,
  sessionFileProblems,
  strictnessProblems,
  watchPage,
} from './offline-helpers';
import { chooseRuleSet, dialogClosed, fileReport, jsonFile, openSimulator, simulate, verdictDialog, WORDS } from './simulator-page';

describe('the served app makes no request outside its origin', () => {
  const app = appSession();
  const screenshots: string[] = [];
  afterAll(async () => {
    if (screenshots.length) console.info(`screenshots:\n${screenshots.join('\n')}`);
    await app.close();
  });

  test('its policy forbids connections and eval, in the page as built', async () => {
    const policy = policyOf(readFileSync(join(APP_DIR, 'index.html'), 'utf8'));
    expect(strictnessProblems(policy)).toEqual([]);
    // The served app loads its own files only; its worker is one of them (no blob:).
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
  });

  test('a full session: load, simulate, outputs, documentation, example, offline file', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    const watch = await watchPage(page);
    const workers: Worker[] = [];
    page.on('worker', (worker) => void workers.push(worker));
    const requests = recordRequests(page);

    await openSimulator(page, server.url);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("connect-src 'none'");

    const files = await fullSession(page, async (name, fullPage) =>
      screenshots.push(await saveScreenshot(page, `network-${name}`, { fullPage })),
    );
    expect(sessionFileProblems(files)).toEqual([]);

    // The offer of the offline file: the very file of the offline build.
    assertOfflineBuilt();
    const [offline] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger pour un usage hors ligne', exact: true }).click(),
    ]);
    // A download goes to the browser's download manager, not to the page's request log: its
    // address is checked here.
    expect(offline.url()).toBe(`${server.url}${OFFLINE_NAME}`);
    expect(offline.suggestedFilename()).toBe(OFFLINE_NAME);
    const offlineBytes = await downloadedBytes(offline);
    expect(offlineBytes.equals(readFileSync(OFFLINE_FILE)), 'dist/app/segur-simulateur.html differs from dist/segur-simulateur.html').toBe(
      true,
    );

    // The check ran in the module worker, a file of the app.
    expect(workers.map((w) => w.url())).toEqual([
      expect.stringMatching(new RegExp(`^${server.origin}/assets/simulate\\.worker-[\\w-]+\\.js$`)),
    ]);

    await page.waitForLoadState('networkidle');
    requests.stop();
    console.info(`${requests.urls.length} requests:\n${[...new Set(requests.urls)].join('\n')}`);
    expect(requests.outside(server.origin), 'requests that left the served origin').toEqual([]);
    expect(requests.urls.filter((url) => url.startsWith('ws:') || url.startsWith('wss:'))).toEqual([]);
    expect(watch.violations, 'Content-Security-Policy violations').toEqual([]);
    expect(watch.errors, 'console errors and uncaught exceptions').toEqual([]);

    // The guard can fail: a connection and eval() are refused, and seen.
    await assertPolicyBlocks(page, watch);
  });

  test('markup inside a file’s values is shown as text, never run', async () => {
    const { server, browser } = await app.start();
    const { page } = browser;
    const watch = await watchPage(page);
    watch.reset();
    const requests = recordRequests(page);

    await openSimulator(page, server.url);
    await chooseRuleSet(page, 'avance', 'MDV-LGC');
    await simulate(page, jsonFile(MARKUP_FILE_NAME, markupFile()));
    const dialog = await verdictDialog(page, WORDS.rejected);
    await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
    await dialogClosed(page);
    const report = fileReport(page, MARKUP_FILE_NAME);
    await report.getByText('Au moins une demande est rejetée').waitFor();
    screenshots.push(await saveScreenshot(page, 'network-markup-as-text'));

    // Nothing ran, nothing was asked for.
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.waitForLoadState('networkidle');
    requests.stop();
    expect(requests.urls.filter((url) => /\/x$/.test(new URL(url, server.url).pathname))).toEqual([]);
    expect(requests.outside(server.origin)).toEqual([]);
    expect(await page.locator('img[src="x"], img[onerror]').count()).toBe(0);
    expect(await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes('__pwned')).length)).toBe(0);

    // The texts are on the page, as written: in the messages (the unknown tags' names, the
    // value) and in the excerpts of the file.
    const text = await report.innerText();
    expect(text).toContain(MARKUP.img);
    expect(text).toContain(MARKUP.script);
    const messages = await report.locator('.issue-message').allInnerTexts();
    expect(
      messages.some((m) => m.includes(MARKUP.img)),
      messages.join('\n'),
    ).toBe(true);
    expect(
      messages.some((m) => m.includes(MARKUP.script)),
      messages.join('\n'),
    ).toBe(true);
    const excerpts = await report.locator('pre.excerpt').allInnerTexts();
    expect(
      excerpts.some((e) => e.includes(MARKUP.script)),
      excerpts.join('\n---\n'),
    ).toBe(true);

    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});

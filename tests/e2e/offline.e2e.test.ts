// The offline file (dist/segur-simulateur.html), alone in a fresh folder, opened from file://
// in Chromium with the network cut: it simulates (in its inline worker), gives the output files
// byte for byte, shows the documentation and its example file, remembers the settings and the
// history across a reload — and asks for nothing but itself (data:/blob: aside), within its
// Content-Security-Policy.

import { readFileSync } from 'node:fs';
import type { Page, Worker } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { type Browser, launchBrowser, recordRequests, saveScreenshot } from './browser';
import {
  type AloneCopy,
  assertPolicyBlocks,
  copyOfflineFileAlone,
  fullSession,
  isLocalScheme,
  OFFLINE_FILE,
  policyOf,
  sessionFileProblems,
  strictnessProblems,
  VALID_NAME,
  watchPage,
  withoutHash,
} from './offline-helpers';
import { chooseRuleSet, openSimulator } from './simulator-page';

/** The value the settings store holds under `key` (idb-keyval's default database). */
function stored(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyval')) return resolve(undefined);
          const get = db.transaction('keyval').objectStore('keyval').get(k);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

describe('the offline file, from file:// with no network', () => {
  let copy: AloneCopy | undefined;
  let browser: Browser | undefined;
  const screenshots: string[] = [];

  afterAll(async () => {
    if (screenshots.length) console.info(`screenshots:\n${screenshots.join('\n')}`);
    await browser?.close();
    await copy?.remove();
  });

  test('its policy: scripts and styles by hash only, a blob: worker, no connection, no eval', () => {
    const policy = policyOf(readFileSync(OFFLINE_FILE, 'utf8'));
    expect(strictnessProblems(policy)).toEqual([]);
    for (const directive of ['script-src', 'style-src']) {
      const sources = policy.get(directive) ?? [];
      expect(sources.length, directive).toBeGreaterThan(0);
      expect(
        sources.every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)),
        `${directive}: ${sources.join(' ')}`,
      ).toBe(true);
    }
    expect(policy.get('worker-src')).toEqual(['blob:']);
  });

  test('a full session, settings remembered across a reload, nothing asked of the network', async () => {
    copy = await copyOfflineFileAlone();
    browser = await launchBrowser();
    const { context, page } = browser;
    await context.setOffline(true);
    const watch = await watchPage(page);
    const workers: Worker[] = [];
    page.on('worker', (worker) => void workers.push(worker));
    const requests = recordRequests(page);

    await openSimulator(page, copy.url);
    // The offline file does not offer itself.
    expect(await page.getByRole('link', { name: 'Télécharger pour un usage hors ligne' }).count()).toBe(0);

    const shot = async (name: string, fullPage?: boolean) => screenshots.push(await saveScreenshot(page, `offline-${name}`, { fullPage }));
    const files = await fullSession(page, shot);
    expect(sessionFileProblems(files)).toEqual([]);
    // The check ran in the inline worker (not on the page, the fallback).
    expect(workers.map((w) => w.url())).toEqual([expect.stringMatching(/^blob:/)]);

    // Settings: a balance for BIO-SGL, saved, then the page reloaded.
    await chooseRuleSet(page, 'solde', 'BIO-SGL');
    await expect.poll(() => stored(page, 'segur-sim/reglages')).toMatchObject({ type: 'solde', dsr: 'BIO-SGL' });
    await page.reload();
    await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Type de demande', { exact: true }).inputValue()).toBe('solde');
    expect(await page.getByLabel('Couloir / Logiciel (DSR)', { exact: true }).inputValue()).toBe('BIO-SGL');
    // …and the history of the session.
    await page.getByRole('heading', { name: 'Historique' }).waitFor();
    expect(await page.getByText(VALID_NAME, { exact: true }).count()).toBeGreaterThan(0);
    await shot('6-after-reload');

    requests.stop();
    const own = withoutHash(copy.url);
    console.info(`${requests.urls.length} requests:\n${[...new Set(requests.urls)].join('\n')}`);
    expect(
      requests.urls.filter((url) => withoutHash(url) !== own && !isLocalScheme(url)),
      'requests for anything but the file itself',
    ).toEqual([]);
    expect(requests.urls.filter((url) => withoutHash(url) === own).length).toBeGreaterThanOrEqual(2); // load + reload
    expect(watch.violations, 'Content-Security-Policy violations').toEqual([]);
    expect(watch.errors, 'console errors and uncaught exceptions').toEqual([]);

    await assertPolicyBlocks(page, watch);
  }, 150_000); // a Chromium launch, two loads of the offline file and a reload: over a minute on a loaded machine
});

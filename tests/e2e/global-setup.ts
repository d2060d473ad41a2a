// Once for the whole end-to-end run: one headless Chromium (Debian's, never downloaded) that
// every e2e file connects to, each in a fresh context of its own (tests/e2e/browser.ts's
// launchBrowser). Launching it costs about 2 s of a loaded 2-core machine: once, not per file.

import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, findChromium } from './browser';

declare module 'vitest' {
  interface ProvidedContext {
    /** The shared Chromium's WebSocket address, for playwright's chromium.connect(). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}

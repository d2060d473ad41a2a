// End-to-end helpers: Debian's Chromium driven by playwright-core (which downloads nothing),
// the built app served from the test itself, a record of every request, axe, screenshots.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import type { Result as AxeResult, RunOptions as AxeRunOptions } from 'axe-core';
import { type BrowserContext, chromium, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { frenchSpacingFaults } from '../french-spacing';

/** The project root (tests/e2e/../..). */
export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
/** Where `vite build` puts the web app (`npm test` builds it before vitest runs). */
export const APP_DIR = join(ROOT, 'dist', 'app');
export const SCREENSHOT_DIR = join(ROOT, 'tests', 'e2e', 'screenshots');

// ---------------------------------------------------------------------------------------------
// The built app

/** Throws a clear error when dist/app has not been built. */
export function assertAppBuilt(dir: string = APP_DIR): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `${relative(ROOT, join(dir, 'index.html'))} is missing: build the app first ` +
        '(`npm test` does it; alone: `npx vite build`, then `npx vitest run tests/e2e`).',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium

export const CHROMIUM_INSTALL_HINT =
  "Install Debian's Chromium (as root): `apt-get update && apt-get install -y chromium` " +
  '(or `npm run test:setup`), or set CHROMIUM_PATH to a Chromium binary. ' +
  'Never `npx playwright install`: this machine cannot download a browser.';

/** The Chromium binary: env CHROMIUM_PATH, else /usr/bin/chromium. Throws how to install it. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  const path = fromEnv || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}${fromEnv ? ' (from CHROMIUM_PATH)' : ''}. ${CHROMIUM_INSTALL_HINT}`);
  }
  return path;
}

/** Flags for a headless run on a machine with a closed network (see shared/notes/toolchain.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', // root in a container
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** The context's first page. */
  page: Page;
  /** How long the launch (or the new context in the shared Chromium) took, in ms. */
  launchMs: number;
  /** The browser's product string, e.g. HeadlessChrome/156.0.8078.79. */
  version: string;
  /** Closes the context, then Chromium and its profile directory (or the connection to the shared Chromium). */
  close(): Promise<void>;
}

/**
 * A fresh, throw-away browser: a new context (its own storage, cookies, IndexedDB) in the Chromium
 * that tests/e2e/global-setup.ts launched once for the whole run, when there is one; else
 * Chromium launched here with a throw-away profile (an e2e file run some other way). One launch
 * instead of one per file: about 2 s of a loaded 2-core machine each.
 */
export async function launchBrowser(): Promise<Browser> {
  // Under vitest only (the browser benchmark uses this module too, outside it).
  const endpoint = process.env.VITEST ? inject('chromiumEndpoint') : undefined;
  if (endpoint) return newContextIn(endpoint);
  const executablePath = findChromium();
  const userDataDir = await mkdtemp(join(tmpdir(), 'segur-e2e-chromium-'));
  const started = performance.now();
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      ...CONTEXT_OPTIONS,
    });
    const launchMs = performance.now() - started;
    const page = context.pages()[0] ?? (await context.newPage());
    // A persistent context has no Browser object (context.browser() is null): ask over CDP.
    const cdp = await context.newCDPSession(page);
    const { product: version } = await cdp.send('Browser.getVersion');
    await cdp.detach();
    return browserHandle(context, page, launchMs, version, () => rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }));
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 800 }, locale: 'fr-FR' } as const;

/** A new context in the shared Chromium at `endpoint` (its WebSocket address). */
async function newContextIn(endpoint: string): Promise<Browser> {
  const started = performance.now();
  const shared = await chromium.connect(endpoint);
  try {
    const context = await shared.newContext(CONTEXT_OPTIONS);
    const page = await context.newPage();
    const launchMs = performance.now() - started;
    const cdp = await shared.newBrowserCDPSession();
    const { product: version } = await cdp.send('Browser.getVersion');
    await cdp.detach();
    return browserHandle(context, page, launchMs, version, () => shared.close());
  } catch (error) {
    await shared.close().catch(() => undefined);
    throw error;
  }
}

/** `cleanUp` runs after the context is closed: the profile folder deleted, or the connection to the shared Chromium closed. */
function browserHandle(context: BrowserContext, page: Page, launchMs: number, version: string, cleanUp: () => Promise<void>): Browser {
  let closed = false;
  return {
    context,
    page,
    launchMs,
    version,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await cleanUp();
      }
    },
  };
}

/**
 * The bytes of a finished download. Saved through the browser (download.saveAs): from a shared
 * Chromium the download's own path is not readable (playwright: "Path is not available when
 * connecting remotely").
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'segur-e2e-download-'));
  try {
    const path = join(dir, 'file');
    await download.saveAs(path);
    return await readFile(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// A static server for dist/app

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

export interface Server {
  /** The origin with a trailing slash, e.g. http://127.0.0.1:40123/ */
  url: string;
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 with an ephemeral port; `/` (and any folder) gives its index.html. */
export async function serveFolder(dir: string = APP_DIR): Promise<Server> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      let file = normalize(join(root, pathname));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('Forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The app served and a browser, started on first use

export interface AppSession {
  server: Server;
  browser: Browser;
}

/**
 * Starts the server and Chromium on the first `start()`, inside a test rather than a beforeAll:
 * a failing hook makes vitest report the tests as *skipped*; here each test *fails* with the
 * reason (app not built, Chromium missing). Call `close()` in afterAll.
 */
export function appSession(dir: string = APP_DIR): { start(): Promise<AppSession>; close(): Promise<void> } {
  let started: Promise<AppSession> | undefined;
  return {
    start: () =>
      (started ??= (async () => {
        assertAppBuilt(dir);
        findChromium(); // fail before serving anything
        const server = await serveFolder(dir);
        try {
          return { server, browser: await launchBrowser() };
        } catch (error) {
          await server.close();
          throw error;
        }
      })()),
    async close() {
      const session = await started?.catch(() => undefined);
      await session?.browser.close();
      await session?.server.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Every request a page makes

export interface RequestLog {
  /** Every URL requested, in order (web sockets included, prefixed `ws:`/`wss:` by their URL). */
  readonly urls: string[];
  /** The URLs that are neither on `origin` nor data:/blob:. */
  outside(origin: string): string[];
  /** Stops recording. */
  stop(): void;
}

/** Records every request `page` (its frames and workers) makes, from now on. Call before goto(). */
export function recordRequests(page: Page): RequestLog {
  const urls: string[] = [];
  const onRequest = (request: { url(): string }) => void urls.push(request.url());
  const onSocket = (socket: { url(): string }) => void urls.push(socket.url());
  page.on('request', onRequest);
  page.on('websocket', onSocket);
  return {
    urls,
    outside(origin: string) {
      const own = new URL(origin).origin;
      return urls.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false;
        try {
          return new URL(url).origin !== own;
        } catch {
          return true;
        }
      });
    },
    stop() {
      page.off('request', onRequest);
      page.off('websocket', onSocket);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Accessibility: axe-core

let axeSource: string | undefined;

export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending nodes. */
  targets: string[];
}

/**
 * Injects axe-core into the page and runs it; returns the violations of impact `serious` or
 * `critical` (axe's own WCAG 2.x A/AA rules and best practices, as axe runs by default).
 */
export async function runAxe(page: Page, options: AxeRunOptions = {}): Promise<A11yViolation[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const hasAxe = () => page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!(await hasAxe())) {
    await page.addScriptTag({ content: axeSource }).catch(() => undefined);
    // A Content-Security-Policy may block an inline script: evaluate() is not subject to it.
    if (!(await hasAxe())) await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(
    (runOptions) =>
      (window as unknown as { axe: typeof import('axe-core') }).axe
        .run(document, { resultTypes: ['violations'], ...runOptions })
        .then((results) => results.violations),
    options,
  );
  return violations
    .filter((v: AxeResult) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: AxeResult) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** One line per violation, for a readable assertion message. */
export function formatViolations(violations: A11yViolation[]): string {
  return violations.map((v) => `[${v.impact}] ${v.id}: ${v.help} — ${v.targets.join(', ')}`).join('\n');
}

/**
 * French typography of what the page shows: each ordinary space before : ; ? ! » or after «, with
 * the text around it (tests/french-spacing.ts, the check the component tests run in jsdom), in
 * one evaluate.
 */
export const frenchSpacing = (page: Page): Promise<string[]> => page.evaluate(frenchSpacingFaults, undefined);

// ---------------------------------------------------------------------------------------------
// Screenshots (tests/e2e/screenshots/, git-ignored)

/**
 * Saves a PNG as tests/e2e/screenshots/<name>.png; returns its path. The full page by default;
 * `fullPage: false` for the viewport only (a modal dialog: its backdrop covers the viewport).
 */
export async function saveScreenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const safe = name.replace(/[^\w.-]+/g, '-');
  const path = join(SCREENSHOT_DIR, `${safe}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

// ---------------------------------------------------------------------------------------------
// A watched session: what every scenario file checks at its end

/**
 * An app session that, from its first start, records every request and every page error of its
 * page, and keeps the screenshots its tests take (listed when it closes).
 */
export function watchedAppSession(dir: string = APP_DIR) {
  const app = appSession(dir);
  const screenshots: string[] = [];
  const pageErrors: string[] = [];
  let log: RequestLog | undefined;
  return {
    pageErrors,
    async start(): Promise<AppSession> {
      const session = await app.start();
      if (!log) {
        log = recordRequests(session.browser.page);
        session.browser.page.on('pageerror', (error) => pageErrors.push(error.message));
      }
      return session;
    },
    /** Every request of the page since the first start. */
    get requests(): RequestLog {
      if (!log) throw new Error('the session has not started');
      return log;
    },
    async shot(page: Page, name: string, fullPage = true): Promise<void> {
      screenshots.push(await saveScreenshot(page, name, { fullPage }));
    },
    async close(): Promise<void> {
      if (screenshots.length) console.info(`screenshots:\n${screenshots.join('\n')}`);
      await app.close();
    },
  };
}

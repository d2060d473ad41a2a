// What the offline and network end-to-end tests share: the offline file (copied alone into a
// fresh folder), the page's Content-Security-Policy (read from its <meta>), a watch on every CSP
// violation and error of a page, and a JSON file whose values are markup.

import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { outputBytes, simulateFile } from '../../src/simulator';
import { APP_DIR, launchBrowser, recordRequests, ROOT, type Browser, type RequestLog } from './browser';
import {
  chooseRuleSet,
  dialogClosed,
  download,
  type Downloaded,
  fileReport,
  invalidAdvance,
  jsonFile,
  openSimulator,
  simulate,
  VALID_ADVANCE,
  verdictDialog,
  WORDS,
} from './simulator-page';

// ---------------------------------------------------------------------------------------------
// The offline file

export const OFFLINE_NAME = 'segur-simulateur.html';
/** Where `vite build --mode offline` writes the offline file… */
export const OFFLINE_FILE = join(ROOT, 'dist', OFFLINE_NAME);
/** …and the copy the served app offers for download. */
export const OFFLINE_COPY = join(APP_DIR, OFFLINE_NAME);

/** Throws a clear error when the offline file has not been built. */
export function assertOfflineBuilt(): void {
  if (!existsSync(OFFLINE_FILE)) {
    throw new Error(
      `${relative(ROOT, OFFLINE_FILE)} is missing: build it first (\`npm test\` does it; alone: ` +
        '`npx vite build && npx vite build --mode offline`).',
    );
  }
}

export interface AloneCopy {
  /** The fresh folder, which holds the offline file and nothing else. */
  readonly dir: string;
  readonly path: string;
  /** file:///…/segur-simulateur.html */
  readonly url: string;
  remove(): Promise<void>;
}

/** Copies the offline file, alone, into a fresh temporary folder. */
export async function copyOfflineFileAlone(): Promise<AloneCopy> {
  assertOfflineBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'segur-offline-'));
  const path = join(dir, OFFLINE_NAME);
  await copyFile(OFFLINE_FILE, path);
  const files = await readdir(dir);
  if (files.length !== 1) throw new Error(`the folder should hold the offline file only: ${files.join(', ')}`);
  return { dir, path, url: pathToFileURL(path).href, remove: () => rm(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------
// Requests

/** Whether `url` is a data: or blob: URL (made by the page itself: no network). */
/** The offline file opened alone from file:// in a browser with no network, its page watched. */
export interface OfflineAlone {
  readonly copy: AloneCopy;
  readonly browser: Browser;
  readonly page: Page;
  /** Policy violations, console errors and uncaught exceptions of the page. */
  readonly watch: PageWatch;
  /** Every request the page made. */
  readonly requests: RequestLog;
  close(): Promise<void>;
}

/**
 * A lone copy of the offline file (copyOfflineFileAlone), a browser set offline, the page watched
 * and its requests recorded from the start, then the simulator opened from file://.
 */
export async function openOfflineAlone(): Promise<OfflineAlone> {
  const copy = await copyOfflineFileAlone();
  const browser = await launchBrowser();
  const { context, page } = browser;
  await context.setOffline(true);
  const watch = await watchPage(page);
  const requests = recordRequests(page);
  await openSimulator(page, copy.url);
  return {
    copy,
    browser,
    page,
    watch,
    requests,
    async close() {
      await browser.close();
      await copy.remove();
    },
  };
}

export const isLocalScheme = (url: string): boolean => url.startsWith('data:') || url.startsWith('blob:');

/** The URL without its #fragment (a route of the app is still the same file). */
export const withoutHash = (url: string): string => url.replace(/#.*$/, '');

// ---------------------------------------------------------------------------------------------
// The Content-Security-Policy

/** The policy of a page's <meta http-equiv="Content-Security-Policy">: directive → sources. */
export function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  if (metas.length !== 1) throw new Error(`expected one Content-Security-Policy <meta>, found ${metas.length}`);
  const policy = new Map<string, string[]>();
  for (const part of metas[0]![1]!.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

/** What every build's policy must say: nothing by default, no connection, no eval. */
export function strictnessProblems(policy: Map<string, string[]>): string[] {
  const problems: string[] = [];
  const expect = (directive: string, sources: string[]) => {
    const got = policy.get(directive)?.join(' ');
    if (got !== sources.join(' ')) problems.push(`${directive}: ${got ?? '(missing)'}, expected ${sources.join(' ')}`);
  };
  expect('default-src', ["'none'"]);
  expect('connect-src', ["'none'"]);
  expect('object-src', ["'none'"]);
  expect('base-uri', ["'none'"]);
  expect('form-action', ["'none'"]);
  for (const [directive, sources] of policy) {
    for (const bad of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'ws:', 'wss:']) {
      if (sources.includes(bad)) problems.push(`${directive} allows ${bad}`);
    }
  }
  if (!policy.has('script-src')) problems.push('script-src: (missing)');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// CSP violations and errors of a page

export interface PageWatch {
  /** `securitypolicyviolation` events of the page's documents (every load and reload). */
  readonly violations: string[];
  /** Console errors (Chromium also logs each CSP violation there, workers' included) and
   *  uncaught exceptions. */
  readonly errors: string[];
  /** Forgets what was seen so far. */
  reset(): void;
}

const watches = new WeakMap<Page, PageWatch>();
const BINDING = '__segurSecurityViolation';

/**
 * Watches `page` from its next document on: every CSP violation (through a binding, which the
 * page's policy cannot block) and every console error or uncaught exception. Call before goto();
 * a second call for the same page returns the same watch.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const known = watches.get(page);
  if (known) return known;
  const watch: PageWatch = {
    violations: [],
    errors: [],
    reset() {
      watch.violations.length = 0;
      watch.errors.length = 0;
    },
  };
  watches.set(page, watch);
  await page.exposeBinding(BINDING, (_source, text: string) => void watch.violations.push(text));
  await page.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, (text: string) => void>)[binding];
      report?.(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} (${event.sourceFile}:${event.lineNumber})`);
    });
  }, BINDING);
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));
  return watch;
}

/** Proves the policy is in force (and that the watch sees it): a connection and eval() from the
 *  page are refused, and reported as violations. Resets the watch afterwards. */
export async function assertPolicyBlocks(page: Page, watch: PageWatch): Promise<void> {
  watch.reset();
  const outcome = await page.evaluate(async () => {
    // DevTools lets code it evaluates use eval() despite the policy: leave its call first, so
    // that what follows runs as the page's own code.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const attempt = async (run: () => unknown) => {
      try {
        await run();
        return 'ran';
      } catch (error) {
        return (error as Error).name;
      }
    };
    return {
      fetch: await attempt(() => fetch('http://127.0.0.2:9/csp-probe')),
      // Indirect eval and new Function: code from strings, which 'unsafe-eval' would allow.
      eval: await attempt(() => (0, eval)('1 + 1')),
      function: await attempt(() => new Function('return 1')()),
    };
  });
  if (outcome.fetch === 'ran' || outcome.eval === 'ran' || outcome.function === 'ran') {
    throw new Error(`the Content-Security-Policy did not block: ${JSON.stringify(outcome)}`);
  }
  // Events are dispatched asynchronously: wait until all three have been seen.
  const deadline = Date.now() + 5_000;
  const seen = () => ({
    connect: watch.violations.some((v) => v.startsWith('connect-src blocked http://127.0.0.2:9/csp-probe')),
    eval: watch.violations.filter((v) => v.startsWith('script-src blocked eval')).length >= 2,
  });
  while (!(seen().connect && seen().eval) && Date.now() < deadline) await page.waitForTimeout(50);
  if (!seen().connect || !seen().eval) {
    throw new Error(`the violations were not all reported: ${JSON.stringify(watch.violations)}`);
  }
  watch.reset();
}

// ---------------------------------------------------------------------------------------------
// Markup inside a file's values

/** Two pieces of markup which, if ever parsed as HTML, would set window.__pwned (and the image
 *  would request `x`). */
export const MARKUP = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1">',
} as const;

export const MARKUP_FILE_NAME = 'balisage.json';

/**
 * The valid MDV-LGC advance with markup in the first doctor's nomMedecin (E014: not upper case,
 * and E008: too long; the message and the excerpt show it) and in the names of two unknown tags
 * (E002: the message quotes the tag's name).
 */
export function markupFile(): Buffer {
  const text = VALID_ADVANCE().toString('utf8');
  const doctor = '"nomMedecin": "DURAND",';
  const markupName = JSON.stringify(`${MARKUP.script}${MARKUP.img}`);
  const unknownTags = `${JSON.stringify(MARKUP.img)}: 1, ${JSON.stringify(MARKUP.script)}: 2, `;
  const edited = text.replace(doctor, `${unknownTags}"nomMedecin": ${markupName},`);
  if (edited === text) throw new Error(`fixture avance-liberal.json changed: no ${doctor}`);
  JSON.parse(edited); // still JSON
  return Buffer.from(edited, 'utf8');
}

/** Reads a file of the repository (for byte comparisons). */
export const repoFile = (...parts: string[]): Buffer => readFileSync(join(ROOT, ...parts));

// ---------------------------------------------------------------------------------------------
// A full session: what a vendor does with the simulator, in both the served app and the file

export const MDV_ADVANCE = { type: 'avance', dsr: 'MDV-LGC', profiles: [], vatRate: '20', strict: false, firstErrorOnly: false } as const;
export const VALID_NAME = 'avance-liberal.json';
export const INVALID_NAME = 'JSON-MDVLGC0001-20240115-001.json';

export interface SessionFiles {
  /** The valid file's output, downloaded from its results. */
  readonly validOutput: Downloaded;
  /** The rejected file's output, downloaded from the error dialog. */
  readonly invalidOutput: Downloaded;
  /** The rule set's example file, downloaded from its documentation page. */
  readonly example: Downloaded;
}

/**
 * On an open simulator: simulates a valid file (success dialog, « Fermer », the output from the
 * results) and a rejected one (error dialog, its output, « Fermer »), then opens the
 * documentation, MDV-LGC advance's page, downloads its example file, and goes back. `shot` is
 * called at the main states (for screenshots).
 */
export async function fullSession(
  page: Page,
  shot: (name: string, fullPage?: boolean) => Promise<unknown> = async () => undefined,
): Promise<SessionFiles> {
  await chooseRuleSet(page, 'avance', 'MDV-LGC');

  await simulate(page, jsonFile(VALID_NAME, VALID_ADVANCE()));
  const success = await verdictDialog(page, WORDS.accepted);
  await shot('1-success-dialog', false);
  await success.getByRole('button', { name: WORDS.close, exact: true }).click();
  await dialogClosed(page);
  const validReport = fileReport(page, VALID_NAME);
  await validReport.getByText('Toutes les demandes sont acceptées').waitFor();
  const validOutput = await download(page, () => validReport.getByRole('button', { name: new RegExp(`^${WORDS.downloadOutput}`) }).click());
  await shot('2-results-accepted');

  await simulate(page, jsonFile(INVALID_NAME, invalidAdvance()));
  const failure = await verdictDialog(page, WORDS.rejected);
  await shot('3-error-dialog', false);
  const invalidOutput = await download(page, () => failure.getByRole('button', { name: WORDS.downloadOutput, exact: true }).click());
  await failure.getByRole('button', { name: WORDS.close, exact: true }).click();
  await dialogClosed(page);
  await fileReport(page, INVALID_NAME).getByText('Au moins une demande est rejetée').waitFor();
  await shot('4-results-rejected');

  await page.getByRole('link', { name: 'Accéder à la documentation', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Documentation des fichiers JSON', exact: true }).waitFor();
  const title = "MDV-LGC — demande d'avance";
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await page.getByRole('table', { name: new RegExp(`^Balises d'un fichier « ${title} »`) }).waitFor();
  const example = await download(page, () => page.getByRole('button', { name: "Télécharger un fichier d'exemple", exact: true }).click());
  await shot('5-documentation', false);
  await page.getByRole('link', { name: 'Retour au simulateur' }).click();
  await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
  // The results survived the visit.
  await fileReport(page, INVALID_NAME).waitFor();
  return { validOutput, invalidOutput, example };
}

/** What the core gives in Node for the same bytes (dist/ is built from these sources). */
export function coreOutput(input: Buffer): Buffer {
  const result = simulateFile(new Uint8Array(input), MDV_ADVANCE);
  if (!result.output) throw new Error(`the core gave no output (${result.status})`);
  return Buffer.from(outputBytes(result.output));
}

/** Checks the session's downloads against the core; returns the problems (none: []). */
export function sessionFileProblems(files: SessionFiles): string[] {
  const problems: string[] = [];
  const same = (what: string, got: Downloaded, name: string, expected: Buffer) => {
    if (got.name !== name) problems.push(`${what}: named ${got.name}, expected ${name}`);
    if (!got.bytes.equals(expected)) problems.push(`${what}: ${got.bytes.length} bytes differ from the expected ${expected.length}`);
  };
  same('valid output', files.validOutput, 'avance-liberal_sortie.json', coreOutput(VALID_ADVANCE()));
  same('rejected output', files.invalidOutput, 'JSON-MDVLGC0001-20240115-001_sortie.json', coreOutput(invalidAdvance()));
  if (files.example.name !== 'exemple-MDV-LGC-avance.json') problems.push(`example named ${files.example.name}`);
  try {
    const parsed = JSON.parse(files.example.bytes.toString('utf8')) as { lignesImport?: unknown[] };
    if (!parsed.lignesImport?.length) problems.push('example: no lignesImport');
  } catch (error) {
    problems.push(`example: not JSON (${(error as Error).message})`);
  }
  return problems;
}

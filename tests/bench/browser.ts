// The browser benchmark, run by `npm run bench:browser` (after `npm run build:web`; run with tsx):
// the built app (dist/app, or the folder given with --dir) served by node:http from this script,
// driven in Debian's Chromium through playwright-core. For each generated file (valid 200
// requests, 200 all rejected, 200 × 14 findings, 31 MB — generated here, never stored), over
// `--runs` runs (default 10), it prints the medians of:
//   - time to verdict: from the click on « Simuler » to the verdict dialog's next frame, for the
//     first check after the page loaded (cold) and for a second check of the same file (warm);
//   - the longest main-thread task (PerformanceObserver `longtask`: tasks of 50 ms or more; «<50»
//     when there was none) during the page load, the check and the rendering of the results;
//   - the number of DOM elements once the results are shown.
// The check / render split reads the app's performance mark `segur:result` (the worker's answer
// reached the page); without it (an older build) both are reported together as "check".
// A benchmark informs: it prints, it never fails (exit status 0 unless it cannot run at all).
//
//   npm run bench:browser                     # build, then 10 runs per file
//   npx tsx tests/bench/browser.ts --runs 3 --only valid --dir /tmp/other-build
//   npx tsx tests/bench/browser.ts --runs 1 --profile /tmp/profiles   # + a main-thread CPU profile
//                                     of the first run's cold and warm checks of each file (.cpuprofile,
//                                     for Chromium's DevTools «Performance» panel or a script)
//
// `--only editor` measures the editor instead («Modifier le fichier», src/ui/editor/) on the valid
// 200-request file at three sizes (0.3, 3 and 31 MB), over `--runs` runs (default 3), medians of:
//   - opening: from the click on «Modifier le fichier» to the editor's first frame, and the
//     longest main-thread task from that click to one second after;
//   - typing: per keystroke (real key events, one every KEY_GAP_MS, fewer than the re-check's
//     delay apart), the time from the key event to the frame after it (keydown's timeStamp to a
//     task queued from the next animation frame), median and longest, for a first burst of
//     keystrokes and for a second one after the re-check; the longest task while typing;
//   - the re-checks the typing triggered (300 ms after the last key): the longest task from the
//     end of each burst until the live line gives the verdict (and one second after).
// With --profile, the first run's opening and typing (both bursts and the re-check) are profiled.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { APP_DIR, assertAppBuilt, launchBrowser, serveFolder } from '../e2e/browser';
import { allRejectedFile, benchFile, manyFindingsFile, type BenchFile } from './generate';
import { median, table } from './measure';

/** Time left after the page is ready, and after the verdict, for idle work to show its tasks. */
const SETTLE_MS = 1000;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const DIR = argument('--dir') ?? APP_DIR;
const ONLY = argument('--only');
const RUNS = Number(argument('--runs') ?? (ONLY === 'editor' ? 3 : 10));
const PROFILE_DIR = argument('--profile');

interface Run {
  /** Longest long task of each phase (0: none of 50 ms or more). */
  load: number;
  coldVerdict: number;
  coldCheck: number;
  coldRender: number;
  warmVerdict: number;
  warmCheck: number;
  warmRender: number;
  /** Elements in the document after the cold check's results are shown. */
  nodes: number;
  /** Findings shown by the app (errors + warnings, from its counts). */
  findings: string;
}

/** Installed before any script of the page: records long tasks and the page's own marks. */
function observeLongTasks(): void {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
      return Math.max(0, ...tasks.filter((t) => t.start >= a! && t.start < b!).map((t) => t.duration));
    },
    [from, to],
  );
}

/** The form set by the page's address as BENCH_OPTIONS (tests/bench/generate.ts) sets the core. */
const DEEP_LINK = 'type=avance&dsr=MDV-LGC&profils=stockage-identite,general,mailiz,centre-sante&tva=20';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Clicks « Simuler » from inside the page and waits for the verdict dialog's next frame; returns
 * the click's time, the result mark's (or null) and the verdict's, in the page's clock.
 */
async function check(page: Page): Promise<{ clicked: number; result: number | null; verdict: number }> {
  await page.evaluate(() => performance.clearMarks('segur:result'));
  const times = await page.evaluate(
    () =>
      new Promise<{ clicked: number; verdict: number }>((resolve) => {
        const dialog = document.querySelector('dialog')!;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Simuler')!;
        const observer = new MutationObserver(() => {
          if (!dialog.open) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve({ clicked, verdict: performance.now() }));
        });
        observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
        const clicked = performance.now();
        button.click();
      }),
  );
  const result = await page.evaluate(() => performance.getEntriesByName('segur:result').at(-1)?.startTime ?? null);
  return { ...times, result };
}

async function closeDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fermer', exact: true }).click();
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
}

async function oneRun(page: Page, url: string, path: string, profile?: string): Promise<Run> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
  await sleep(SETTLE_MS);
  const loaded = await page.evaluate(() => performance.now());
  const load = await longestTask(page, 0, loaded);
  // A path, not a buffer: Chromium reads the file itself (31 MB through the protocol is slow under load).
  await page.getByLabel('Choisissez le fichier', { exact: true }).setInputFiles(path, { timeout: 300_000 });

  const phases = async () => {
    const t = await check(page);
    await sleep(SETTLE_MS);
    const end = await page.evaluate(() => performance.now());
    const split = t.result ?? t.verdict;
    return {
      verdict: t.verdict - t.clicked,
      check: await longestTask(page, t.clicked, t.result === null ? end : split),
      render: t.result === null ? NaN : await longestTask(page, split, end),
    };
  };
  // The main thread's CPU profile of the cold and warm checks and renders, when asked (--profile).
  const cdp = profile === undefined ? undefined : await page.context().newCDPSession(page);
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const cold = await phases();
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  // A string, not a function: tsx (esbuild keepNames) would wrap inner functions in a __name() the page lacks.
  const findings = await page.evaluate<string>(`(() => {
    const value = (term) => [...document.querySelectorAll('.counts dt')].find((dt) => dt.textContent === term)?.nextElementSibling?.textContent ?? '?';
    return value('Erreurs') + ' + ' + value('Avertissements');
  })()`);
  await closeDialog(page);
  const warm = await phases();
  if (cdp) {
    const { profile: recorded } = await cdp.send('Profiler.stop');
    await writeFile(profile!, JSON.stringify(recorded));
    await cdp.detach();
  }
  await closeDialog(page);
  return {
    load,
    coldVerdict: cold.verdict,
    coldCheck: cold.check,
    coldRender: cold.render,
    warmVerdict: warm.verdict,
    warmCheck: warm.check,
    warmRender: warm.render,
    nodes,
    findings,
  };
}

/** The median of the values measured (NaN ones, not measured, left out); NaN for none. */
function medianOf(values: readonly number[]): number {
  return median(values.filter((v) => !Number.isNaN(v)));
}

const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : v === 0 ? '<50' : v.toFixed(0));

// ---------------------------------------------------------------------------------------------
// The editor (--only editor)

/** Keystrokes per burst, and the gap between two (ms): less than the re-check's delay (300 ms). */
const KEYS = 20;
const KEY_GAP_MS = 100;

interface EditorRun {
  openMs: number;
  openTask: number;
  /** Per-keystroke latencies of the first burst and of the second (after the re-check). */
  keys1: number[];
  keys2: number[];
  typingTask: number;
  recheckTask: number;
}

/** Installed before any script of the page: each keydown's time to the frame after it. */
function observeKeys(): void {
  const w = window as unknown as { __keys: number[] };
  w.__keys = [];
  addEventListener(
    'keydown',
    (e) => {
      const t0 = e.timeStamp;
      // A task queued from the next frame's callbacks runs once that frame is done.
      requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - t0), 0));
    },
    true,
  );
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** Waits until the editor's live line no longer says a check is under way (or 60 s). */
async function recheckDone(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const line = document.querySelector('.file-editor-status')?.textContent ?? '';
      return line !== '' && !line.includes('Vérification du texte');
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
}

async function burst(page: Page, text: string): Promise<{ keys: number[]; task: number; end: number }> {
  await page.evaluate(() => ((window as unknown as { __keys: number[] }).__keys = []));
  const from = await now(page);
  await page.keyboard.type(text, { delay: KEY_GAP_MS });
  await sleep(100); // the last key's frame
  const end = await now(page);
  const keys = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys);
  return { keys, task: await longestTask(page, from, end), end };
}

async function oneEditorRun(page: Page, url: string, path: string, profile?: string): Promise<EditorRun> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
  await page.getByLabel('Choisissez le fichier', { exact: true }).setInputFiles(path, { timeout: 300_000 });
  await check(page);
  await closeDialog(page);
  await sleep(SETTLE_MS);

  const cdp = profile === undefined ? undefined : await page.context().newCDPSession(page);
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // Opening: the click, then the editor's first frame.
  // A string, not a function: tsx (esbuild keepNames) would wrap inner functions in a __name() the page lacks.
  const open = await page.evaluate<{ clicked: number; shown: number }>(`new Promise((resolve) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Modifier le fichier');
    const seen = () => document.querySelector('.file-editor-host')?.shadowRoot?.querySelector('.cm-content');
    const clicked = performance.now();
    button.click();
    const poll = () => (seen() ? requestAnimationFrame(() => resolve({ clicked, shown: performance.now() })) : setTimeout(poll, 5));
    poll();
  })`);
  await sleep(SETTLE_MS);
  const openTask = await longestTask(page, open.clicked, await now(page));

  // The caret inside a string value (line 24: "nomMedecin": "HÉBERT",), by the keyboard.
  await page.locator('.cm-content').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < 24; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await sleep(500);

  const first = await burst(page, 'abcdefghijklmnopqrst'.slice(0, KEYS));
  await recheckDone(page);
  await sleep(SETTLE_MS);
  const recheckTask = await longestTask(page, first.end, await now(page));
  const second = await burst(page, 'ABCDEFGHIJKLMNOPQRST'.slice(0, KEYS));
  await recheckDone(page);
  await sleep(SETTLE_MS);
  const recheckTask2 = await longestTask(page, second.end, await now(page));
  if (cdp) {
    const { profile: recorded } = await cdp.send('Profiler.stop');
    await writeFile(profile!, JSON.stringify(recorded));
    await cdp.detach();
  }
  return {
    openMs: open.shown - open.clicked,
    openTask,
    keys1: first.keys,
    keys2: second.keys,
    typingTask: Math.max(first.task, second.task),
    recheckTask: Math.max(recheckTask, recheckTask2),
  };
}

/**
 * What both benches start with: a temporary folder for the file input (deleted by the caller at
 * the end), the built app served, Chromium launched with the long-task observer, and a header line.
 */
async function setUp(prefix: string) {
  const tmp = await mkdtemp(join(tmpdir(), prefix));
  if (PROFILE_DIR !== undefined) await mkdir(PROFILE_DIR, { recursive: true });
  const server = await serveFolder(DIR);
  const browser = await launchBrowser();
  const cpus = availableParallelism();
  console.log(
    `${browser.version}, headless; Node ${process.version}; ${cpus} CPU(s), load average ${loadavg()[0]!.toFixed(2)}; app ${DIR}; ${RUNS} runs per file`,
  );
  const page = browser.page;
  await page.addInitScript(observeLongTasks);
  return { tmp, server, browser, page, cpus };
}

async function editorMain(): Promise<void> {
  assertAppBuilt(DIR);
  const files: BenchFile[] = [benchFile('0.3MB'), benchFile('3MB', { scale: 10 }), benchFile('31MB', { scale: 100 })];
  const { tmp, server, browser, page, cpus } = await setUp('segur-bench-editor-');
  await page.addInitScript(observeKeys);
  try {
    const rows: string[][] = [];
    for (const file of files) {
      const path = join(tmp, file.label, 'JSON-MDVLGC0001-20261122-001.json');
      await mkdir(join(tmp, file.label));
      await writeFile(path, file.bytes);
      const runs: EditorRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const profile = PROFILE_DIR !== undefined && i === 0 ? join(PROFILE_DIR, `editor-${file.label}.cpuprofile`) : undefined;
        runs.push(await oneEditorRun(page, `${server.url}?run=editor-${file.label}-${i}#${DEEP_LINK}`, path, profile));
      }
      const m = (f: (r: EditorRun) => number) => medianOf(runs.map(f));
      const f1 = (v: number) => (Number.isNaN(v) ? 'n/a' : v.toFixed(1));
      rows.push([
        file.label,
        (file.bytes.length / 1e6).toFixed(2),
        f1(m((r) => r.openMs)),
        ms(m((r) => r.openTask)),
        f1(m((r) => medianOf(r.keys1))),
        f1(m((r) => Math.max(...r.keys1))),
        f1(m((r) => medianOf(r.keys2))),
        f1(m((r) => Math.max(...r.keys2))),
        ms(m((r) => r.typingTask)),
        ms(m((r) => r.recheckTask)),
        `${runs[0]!.keys1.length}+${runs[0]!.keys2.length}`,
        String(runs.length),
      ]);
      console.log(`  ${file.label}: done (load average ${loadavg()[0]!.toFixed(2)})`);
    }
    console.log();
    console.log(
      table(
        [
          'file',
          'MB',
          'open (ms)',
          'longest task: open',
          'key median (ms)',
          'key max',
          'key median after re-check',
          'key max after re-check',
          'longest task: typing',
          're-check',
          'keys',
          'runs',
        ],
        rows,
      ),
    );
    console.log(
      `\nMedians over the runs. Key: keydown to the frame after it, ${KEYS} keys ${KEY_GAP_MS} ms apart per burst. Longest tasks in ms (≥ 50 ms; «<50»: none). Target: no task > 50 ms.`,
    );
    if (loadavg()[0]! > cpus * 0.75) console.log('WARNING: the machine is busy; figures are noisy.');
  } finally {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (ONLY === 'editor') return editorMain();
  assertAppBuilt(DIR);
  const files: BenchFile[] = [
    benchFile('valid-200'),
    allRejectedFile('all-rejected-200'),
    manyFindingsFile('200x14-findings'),
    benchFile('31MB', { scale: 100 }),
  ].filter((f) => ONLY === undefined || f.label.includes(ONLY));
  const { tmp, server, browser, page, cpus } = await setUp('segur-bench-browser-');
  try {
    const rows: string[][] = [];
    for (const file of files) {
      const runs: Run[] = [];
      // Named by the rule (JSON-numeroAns-AAAAMMJJ-NNN.json), in a folder of its own: no file-name warning G020.
      const path = join(tmp, file.label, 'JSON-MDVLGC0001-20261122-001.json');
      await mkdir(join(tmp, file.label));
      await writeFile(path, file.bytes);
      for (let i = 0; i < RUNS; i++) {
        // A new document each run (a new query: goto() to the same address with a hash would
        // stay in the same document): a cold start, new worker.
        const profile = PROFILE_DIR !== undefined && i === 0 ? join(PROFILE_DIR, `${file.label}.cpuprofile`) : undefined;
        runs.push(await oneRun(page, `${server.url}?run=${file.label}-${i}#${DEEP_LINK}`, path, profile));
      }
      const m = (key: keyof Omit<Run, 'findings'>) => medianOf(runs.map((r) => r[key]));
      rows.push([
        file.label,
        (file.bytes.length / 1e6).toFixed(2),
        runs[0]!.findings,
        ms(m('coldVerdict')),
        ms(m('warmVerdict')),
        ms(m('load')),
        ms(m('coldCheck')),
        ms(m('coldRender')),
        ms(m('warmCheck')),
        ms(m('warmRender')),
        String(m('nodes')),
        String(runs.length),
      ]);
      console.log(`  ${file.label}: done (load average ${loadavg()[0]!.toFixed(2)})`);
    }
    console.log();
    console.log(
      table(
        [
          'file',
          'MB',
          'errors + warnings',
          'verdict cold (ms)',
          'verdict warm (ms)',
          'longest task: load',
          'check (cold)',
          'render (cold)',
          'check (warm)',
          'render (warm)',
          'DOM elements',
          'runs',
        ],
        rows,
      ),
    );
    console.log(
      '\nMedians over the runs. Longest tasks in ms (long tasks are ≥ 50 ms; «<50»: none). Targets (issue 12): no task > 50 ms; verdict ≤ 150 ms for 200 requests.',
    );
    if (loadavg()[0]! > cpus * 0.75) console.log('WARNING: the machine is busy; figures are noisy.');
  } finally {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();

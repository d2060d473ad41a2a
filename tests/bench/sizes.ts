// Sizes of the built web app and of the offline file, raw and gzip (node:zlib, level 9), against
// the budgets of the issue. Read by tests/budget.test.ts (which fails CI over budget) and printed
// by `npm run bench` (a section of tests/bench/run.ts, which only informs).
//
// What "the app's JavaScript and CSS" counts (the 60 kB budget): the files the served page loads
// before anything is clicked — index.html's script, the chunks it imports statically (module
// preloads) and its stylesheet: the start-up load. Read from Vite's manifest
// (dist/app/.vite/manifest.json). Reported apart, not budgeted: the simulation worker's chunks
// (loaded on the first « Simuler ») and the chunks loaded on demand (dynamic imports: the
// documentation on its route, its examples, the attachments check…). Every JS and CSS file of
// dist/app/assets falls in exactly one of the three groups, or the measure fails.
// kB = 1000 bytes (as Vite prints them).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { table } from './measure';

export const APP_BUDGET_GZIP = 60_000;
/** 250 kB until the editor (issue 11: CodeMirror 6, ≈ 120 kB gzip on its own) and the spreadsheet
 *  readers and writers (issue 13: papaparse, read-excel-file, write-excel-file, ≈ 45 kB gzip) joined
 *  the offline file, which carries every chunk inline (measured 357 kB). The served app loads them
 *  on demand: APP_BUDGET_GZIP is unchanged. */
export const OFFLINE_BUDGET_GZIP = 380_000;

export type Group = 'start-up' | 'worker' | 'on demand' | 'offline file';

export interface SizedFile {
  /** Relative to dist/. */
  readonly path: string;
  readonly group: Group;
  readonly raw: number;
  readonly gzip: number;
}

export interface Sizes {
  readonly files: readonly SizedFile[];
  /** Sum per group. */
  readonly totals: Readonly<Record<Group, { raw: number; gzip: number }>>;
  /** Start-up + worker + on demand: every JS and CSS file of dist/app. */
  readonly allApp: { raw: number; gzip: number };
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const GROUPS: readonly Group[] = ['start-up', 'worker', 'on demand', 'offline file'];

export const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

/** Measures dist/ (the app and the offline file must be built). Throws what is missing. */
export function measureSizes(dist: string = resolve('dist')): Sizes {
  const appDir = join(dist, 'app');
  const manifestPath = join(appDir, '.vite', 'manifest.json');
  const offlinePath = join(dist, 'segur-simulateur.html');
  for (const path of [manifestPath, offlinePath]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: build first (\`npm run build\`).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

  /** The files of `keys` and of everything they import statically (their CSS included). */
  const closure = (keys: readonly string[]): Set<string> => {
    const files = new Set<string>();
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const chunk = manifest[key];
      if (!chunk) throw new Error(`manifest: no chunk ${key}`);
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    keys.forEach(visit);
    return files;
  };

  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  const page = entries.filter(([key]) => key === 'index.html').map(([key]) => key);
  const workers = entries.filter(([, chunk]) => chunk.src?.startsWith('src/worker/')).map(([key]) => key);
  if (page.length !== 1 || workers.length !== 1) {
    throw new Error(`manifest: expected the page and one worker entry, found ${entries.map(([key]) => key).join(', ')}`);
  }
  const startUp = closure(page);
  const worker = closure(workers);
  const later = closure(Object.keys(manifest).filter((key) => manifest[key]!.isDynamicEntry));

  const files: SizedFile[] = [];
  const unplaced: string[] = [];
  for (const name of readdirSync(join(appDir, 'assets')).sort()) {
    if (!/\.(m?js|css)$/.test(name)) continue;
    const file = `assets/${name}`;
    const group: Group | undefined = startUp.has(file)
      ? 'start-up'
      : worker.has(file)
        ? 'worker'
        : later.has(file)
          ? 'on demand'
          : undefined;
    if (!group) {
      unplaced.push(file);
      continue;
    }
    const bytes = readFileSync(join(appDir, file));
    files.push({ path: `app/${file}`, group, raw: bytes.length, gzip: gzipSize(bytes) });
  }
  if (unplaced.length) {
    throw new Error(`dist/app/assets: ${unplaced.join(', ')} loaded by nothing the manifest knows (a stale build? \`npm run build\`)`);
  }
  const offline = readFileSync(offlinePath);
  files.push({ path: 'segur-simulateur.html', group: 'offline file', raw: offline.length, gzip: gzipSize(offline) });

  const sum = (list: readonly SizedFile[]) => ({ raw: list.reduce((n, f) => n + f.raw, 0), gzip: list.reduce((n, f) => n + f.gzip, 0) });
  const totals = Object.fromEntries(GROUPS.map((g) => [g, sum(files.filter((f) => f.group === g))])) as Record<
    Group,
    { raw: number; gzip: number }
  >;
  return { files, totals, allApp: sum(files.filter((f) => f.group !== 'offline file')) };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

export interface BudgetLine {
  readonly label: string;
  readonly gzip: number;
  readonly budget: number;
  readonly ok: boolean;
}

export function budgets(sizes: Sizes): BudgetLine[] {
  const line = (label: string, gzip: number, budget: number) => ({ label, gzip, budget, ok: gzip <= budget });
  return [
    line("the app's JavaScript and CSS at start-up (dist/app)", sizes.totals['start-up'].gzip, APP_BUDGET_GZIP),
    line('the offline file (dist/segur-simulateur.html)', sizes.totals['offline file'].gzip, OFFLINE_BUDGET_GZIP),
  ];
}

/** The table of every file, the totals, and the budgets with PASS / OVER. */
export function sizesReport(sizes: Sizes): string {
  const ordered = [...sizes.files].sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) || a.path.localeCompare(b.path));
  const rows = ordered.map((f) => [f.path, f.group, String(f.raw), String(f.gzip)]);
  const totals = [
    ...GROUPS.map((g) => [`total ${g}`, '', String(sizes.totals[g].raw), String(sizes.totals[g].gzip)]),
    [
      'total start-up + worker',
      '',
      String(sizes.totals['start-up'].raw + sizes.totals.worker.raw),
      String(sizes.totals['start-up'].gzip + sizes.totals.worker.gzip),
    ],
    ['total dist/app JS+CSS', '', String(sizes.allApp.raw), String(sizes.allApp.gzip)],
  ];
  const lines = budgets(sizes).map((b) => `Budget "${b.label} ≤ ${kB(b.budget)} gzip": ${kB(b.gzip)} → ${b.ok ? 'PASS' : 'OVER'}`);
  return [table(['file (dist/)', 'group', 'raw (bytes)', 'gzip -9 (bytes)'], [...rows, ...totals]), '', ...lines].join('\n');
}

export const sizesSection = {
  title: 'Bundle sizes: dist/app JS+CSS by group (start-up, worker, on demand) and the offline file, raw and gzip',
  run(): void {
    console.log(sizesReport(measureSizes()));
  },
};

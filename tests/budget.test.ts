// The size budget of the issue, on the built files (`npm test` builds before vitest runs):
// the app's JavaScript and CSS at start-up ≤ 60 kB gzip, the offline file ≤ 380 kB gzip
// (what is counted, and why: tests/bench/sizes.ts). `npm run bench` prints the same table.
// Also: the offline file is one self-contained file (nothing it could ask of a server).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { budgets, measureSizes, sizesReport } from './bench/sizes';

describe('size budget', () => {
  test('the app at start-up and the offline file are within their gzip budgets', () => {
    const sizes = measureSizes(resolve('dist'));
    const report = sizesReport(sizes);
    console.info(report);
    for (const line of budgets(sizes)) expect(line.ok, `over budget: ${line.label}\n${report}`).toBe(true);
    // Every group was found: the measure is not vacuous.
    expect(sizes.totals['start-up'].gzip).toBeGreaterThan(10_000);
    expect(sizes.totals.worker.gzip).toBeGreaterThan(5_000);
    expect(sizes.totals['on demand'].gzip).toBeGreaterThan(5_000); // the documentation at least
  });
});

describe('the offline file', () => {
  const html = () => readFileSync(resolve('dist', 'segur-simulateur.html'), 'utf8');

  test('refers to no other file: scripts, styles and worker inline, no preload', () => {
    const text = html();
    // The markup around the inline code (one script, one style).
    expect(text.match(/<script\b/g)).toHaveLength(1);
    expect(text.match(/<style\b/g)).toHaveLength(1);
    const markup = text.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2').replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/g, '$1$2');
    const refs = [...markup.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
    // The only address in the markup is the empty icon's.
    expect(refs).toEqual(['data:,']);
    expect(markup.match(/<link\b[^>]*>/g)).toEqual(['<link rel="icon" href="data:," />']);
    // The code: no dynamic import of a file (documentation and examples are inline), and the
    // worker started from a Blob URL.
    expect(text).not.toMatch(/\bimport\s*\(\s*["'`]\.{0,2}\//);
    expect(text).toContain('URL.createObjectURL');
  });

  test('is the copy the served app offers', () => {
    expect(readFileSync(resolve('dist', 'app', 'segur-simulateur.html'), 'utf8') === html()).toBe(true);
  });
});

// The core, the rule sets, the messages and the attachments check run unchanged in the browser, a worker and Node:
// no Node module, no DOM. This test reads their sources and fails on either.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const PURE = ['src/core', 'src/rules', 'src/messages', 'src/attachments', 'src/sheet', 'src/simulator.ts'];
const FORBIDDEN = /\b(document|window|navigator|localStorage|indexedDB|process|Buffer|require|__dirname|globalThis\.process)\b/;

function sources(path: string): string[] {
  const full = join(root, path);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full).flatMap((name) => sources(join(path, name)));
}

const files = PURE.flatMap(sources).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('pure core', () => {
  test('there are files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  test.each(files.map((f) => [relative(root, f), f]))('%s uses no Node module and no DOM', (_, file) => {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, (s) =>
        s.startsWith("'node:") || s.startsWith('"node:') ? s : "''",
      );
    expect(code).not.toMatch(/from\s+['"]node:|import\(\s*['"]node:/);
    expect(code).not.toMatch(FORBIDDEN);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toShadowCss } from './shadow-styles';

describe('toShadowCss', () => {
  test("the app's stylesheet: :root, html and body become :host, nothing else changes", () => {
    const css = readFileSync(new URL('../ui/styles.css', import.meta.url), 'utf8');
    const shadow = toShadowCss(css);
    expect(shadow).not.toMatch(/(^|[{};,]\s*)(:root|html|body)\s*[{,]/);
    expect(shadow.match(/:host\s*\{/g)).toHaveLength(3);
    // Class names that contain the words are kept.
    expect(shadow).toContain('.alert-body {');
    expect(shadow).toContain('.dialog-body {');
    expect(shadow.length - css.length).toBe(':host'.length * 3 - ':root'.length - 'html'.length - 'body'.length);
  });

  test('minified CSS too', () => {
    expect(toShadowCss(':root{--a:1}html{x:1}body{margin:0}.body{a:b}h1,body{c:d}@media (min-width:1px){body{e:f}}')).toBe(
      ':host{--a:1}:host{x:1}:host{margin:0}.body{a:b}h1,:host{c:d}@media (min-width:1px){:host{e:f}}',
    );
  });
});

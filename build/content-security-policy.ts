// Content-Security-Policy, in builds only (the dev server's HMR needs a websocket and inline
// scripts): a <meta> added to the built HTML once its scripts and styles are final (after
// vite-plugin-singlefile has inlined them), with the sha256 of each inline <script>/<style>.

import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** sha256 sources for the inline elements `tag` of `html` (those without a src attribute). */
function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))) {
    if (/\ssrc\s*=/i.test(attributes!) || body === '') continue;
    hashes.add(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy of a built page. `self`: the page loads files next to it (the served app); the
 * offline file loads nothing, so its scripts and styles are allowed by hash only and its worker
 * as a blob: URL.
 */
export function contentSecurityPolicy(html: string, { self }: { self: boolean }): string {
  const own = self ? ["'self'"] : [];
  return [
    "default-src 'none'",
    `script-src ${[...own, ...inlineHashes(html, 'script')].join(' ') || "'none'"}`,
    `style-src ${[...own, ...inlineHashes(html, 'style')].join(' ') || "'none'"}`,
    `img-src ${[...own, 'data:', 'blob:'].join(' ')}`,
    `worker-src ${self ? "'self'" : 'blob:'}`,
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Adds the policy's <meta> to every built HTML page (`self`: see contentSecurityPolicy). */
export const contentSecurityPolicyMeta = ({ self }: { self: boolean }): Plugin => ({
  name: 'segur-content-security-policy',
  apply: 'build',
  enforce: 'post',
  generateBundle: {
    order: 'post', // after vite-plugin-singlefile (also post; listed before this plugin)
    handler(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html, { self })}" />`;
        // Right after <meta charset>: before any script or style of the page.
        const withMeta = html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`);
        if (withMeta === html) this.error(`${file.fileName}: no <meta charset> to put the Content-Security-Policy after`);
        file.source = withMeta;
      }
    },
  },
});

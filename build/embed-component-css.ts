// The embeddable element (`--mode embed`): dist/app/segur-simulateur.js, ONE classic script (IIFE:
// no import, no CORS needed when a documentation site loads it from another origin) defining
// <segur-simulateur>. Everything inside: the documentation (no dynamic chunk), the worker from a
// Blob URL (`?worker&inline`), the styles: styles.css as a string (`?inline`) and the components'
// CSS, which Vite extracts as usual and `embedComponentCss` moves into the script (at the marker of
// src/embed/shadow-styles.ts); the element adopts both as one constructed stylesheet in its shadow
// root (no <style> element: a host page whose Content-Security-Policy refuses inline styles still
// styles it). Run after the app's build (which empties dist/app).

import type { Plugin } from 'vite';

export const EMBED_CSS_MARKER = '/*segur-embed-component-css*/';

/** Moves the components' CSS of the embed build into its one script, at EMBED_CSS_MARKER. */
export const embedComponentCss = (): Plugin => ({
  name: 'segur-embed-component-css',
  apply: 'build',
  enforce: 'post',
  generateBundle: {
    order: 'post',
    handler(_options, bundle) {
      const sheets = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
      const css = sheets.map((f) => (f.type === 'asset' ? String(f.source) : '')).join('\n');
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const chunk = chunks[0];
      if (chunks.length !== 1 || chunk?.type !== 'chunk') return this.error(`the embed build must make one script, not ${chunks.length}`);
      if (chunk.code.split(EMBED_CSS_MARKER).length !== 2) return this.error(`${EMBED_CSS_MARKER} must appear once in ${chunk.fileName}`);
      // Escaped for any JS string or template literal the marker may sit in after minification.
      const escaped = css.replace(/[\\'"`$\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      chunk.code = chunk.code.replace(EMBED_CSS_MARKER, () => escaped);
      for (const sheet of sheets) delete bundle[sheet.fileName];
    },
  },
});

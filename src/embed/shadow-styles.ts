// The element's styles, inside its shadow root only, as one constructed stylesheet: the element's
// own base (embed.css: `all: initial` on the host, so the page's inherited fonts and colours stop
// at the element), the components' scoped CSS, then the app's stylesheet (src/ui/styles.css), its
// document-level selectors (:root, html, body) turned into :host. No <style> element where the
// browser constructs stylesheets: a page whose Content-Security-Policy refuses inline styles
// still shows the element styled.

import appCss from '../ui/styles.css?inline';
import embedCss from './embed.css?inline';

/** `:root`, `html` and `body` as whole selectors (after a rule, a comma or a comment; minified too: `}body{`, `,html{`) → `:host`. */
export function toShadowCss(css: string): string {
  return css.replace(/(^|[{};,/]\s*)(?::root|html|body)(?=\s*[{,])/g, '$1:host');
}

/**
 * The components' CSS (Svelte's scoped styles): written here by the embed build, in place of
 * this marker (vite.config.ts, `embedComponentCss`), from the stylesheet Vite extracted. Elsewhere
 * (dev server, tests) the marker is all there is: an empty CSS comment.
 */
const COMPONENT_CSS: string = '/*segur-embed-component-css*/';

let sheet: CSSStyleSheet | undefined;
const text = () => `${embedCss}\n${COMPONENT_CSS}\n${toShadowCss(appCss)}`;

/**
 * Gives `root` the element's stylesheet: one constructed sheet shared by every element of the
 * page (adoptedStyleSheets), or a <style> where the browser cannot construct one.
 */
export function adoptStyles(root: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(text());
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    if (root.querySelector('style[data-segur]')) return;
    const style = document.createElement('style');
    style.dataset.segur = '';
    style.textContent = text();
    root.prepend(style);
  }
}

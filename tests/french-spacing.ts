// French typography on screen (src/ui/lib/typography.ts, build/french-typography.ts), checked in
// the DOM: by the component tests in jsdom, and by the e2e tests in Chromium (page.evaluate).

/**
 * French typography on screen (src/ui/lib/typography.ts): every ordinary space — or line break,
 * which renders as one — directly before `:` `;` `?` `!` `»` or directly after `«` in the text of
 * `root` (the page, with the open shadow roots inside it) and in the attributes a person reads,
 * each with the text around it. Code and what the user types are skipped: <code>, <pre>,
 * <textarea>, the file editor (.cm-editor), [contenteditable], scripts and styles. Self-contained
 * (no import, no outer name): the e2e tests run the same function in the browser (page.evaluate).
 */
export const frenchSpacingFaults = (root?: Node): string[] => {
  const SKIP = 'code, pre, textarea, script, style, .cm-editor, [contenteditable]';
  const FAULT = /[ \t\n\r\f](?=[:;?!»])|«[ \t\n\r\f]/g;
  const faults: string[] = [];
  const say = (where: string, text: string, at: number) =>
    faults.push(`${where}: « ${text.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ')} »`);
  const roots: Node[] = [root ?? document.body];
  while (roots.length > 0) {
    const walker = document.createTreeWalker(roots.pop()!, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n instanceof Element && n.matches(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    // The text before, across the text nodes of a sentence (`<strong>Fichier </strong>: …`).
    let before = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        if (node.shadowRoot) roots.push(node.shadowRoot);
        for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
          const value = node.getAttribute(name) ?? '';
          for (const m of value.matchAll(FAULT)) say(`${node.localName}[${name}]`, value, m.index);
        }
        continue;
      }
      const text = node.nodeValue ?? '';
      // With the previous node's last character, for a fault across the two; not for an icon
      // (an aria-hidden « ! » after a space is no punctuation).
      const context = node.parentElement?.getAttribute('aria-hidden') === 'true' ? '' : before.slice(-30);
      for (const m of (context.slice(-1) + text).matchAll(FAULT)) {
        say(node.parentElement?.localName ?? 'text', context + text, m.index + Math.max(0, context.length - 1));
      }
      if (text !== '') before = text;
    }
  }
  return [...new Set(faults)];
};

// A box that scrolls sideways (an excerpt of a long line on a phone) must be reachable by the
// keyboard, or its hidden part cannot be read without a mouse (WCAG 2.1.1; axe's
// scrollable-region-focusable). As an attachment: the box is focusable while, and only while, its
// content overflows — no useless tab stop on a wide screen.
//
// One ResizeObserver for every box, and no layout read when a box is attached: the observer
// reports each box once laid out (and again when its size changes), all boxes of a frame in one
// callback, which reads every size first and writes the tab stops after — never a forced layout
// per item (hundreds of excerpts used to cost one synchronous layout each).

import type { Attachment } from 'svelte/attachments';

let observer: ResizeObserver | undefined;

function update(entries: readonly ResizeObserverEntry[]): void {
  const overflowing = entries.map((e) => (e.target as HTMLElement).scrollWidth > (e.target as HTMLElement).clientWidth);
  entries.forEach((e, i) => {
    const node = e.target as HTMLElement;
    if (overflowing[i]) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  });
}

export const focusableWhenScrolling: Attachment<HTMLElement> = (node) => {
  if (typeof ResizeObserver === 'undefined') {
    // No observer (old engines, jsdom): measured once, now.
    if (node.scrollWidth > node.clientWidth) node.tabIndex = 0;
    return;
  }
  observer ??= new ResizeObserver(update);
  observer.observe(node);
  return () => observer?.unobserve(node);
};

/**
 * A box that scrolls sideways shows its `.excerpt-mark` (the caret under the faulty value) without
 * the reader having to scroll: on first layout and at each change of its width, the box scrolls
 * so that the mark stands a quarter of the way in (what is left of it is context). A box whose
 * content fits is not scrolled. Like focusableWhenScrolling: one observer for every box, every
 * box of a frame measured first and scrolled after — no layout forced when a box is attached.
 */
export const scrollToMark: Attachment<HTMLElement> = (node) => {
  if (typeof ResizeObserver === 'undefined') {
    placeMarks([node]);
    return;
  }
  markObserver ??= new ResizeObserver((entries) => placeMarks(entries.map((e) => e.target as HTMLElement)));
  markObserver.observe(node);
  return () => markObserver?.unobserve(node);
};

let markObserver: ResizeObserver | undefined;

/** Reads where each box's mark stands (all reads first), then sets each box's scroll. */
function placeMarks(nodes: readonly HTMLElement[]): void {
  const scrolls = nodes.map((node) => {
    const mark = node.querySelector<HTMLElement>('.excerpt-mark');
    if (!mark) return undefined;
    if (node.scrollWidth <= node.clientWidth) return 0;
    const markX = mark.getBoundingClientRect().left - node.getBoundingClientRect().left + node.scrollLeft;
    return Math.max(0, markX - node.clientWidth / 4);
  });
  nodes.forEach((node, i) => {
    const left = scrolls[i];
    if (left !== undefined) node.scrollLeft = left;
  });
}

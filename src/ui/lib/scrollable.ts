// A box that scrolls sideways (an excerpt of a long line on a phone) must be reachable by the
// keyboard, or its hidden part cannot be read without a mouse (WCAG 2.1.1; axe's
// scrollable-region-focusable); and it shows the faulty value without the reader having to scroll.
//
// Both as attachments on one shape (onEachLayout): one ResizeObserver for every box, and no layout
// read when a box is attached. The observer reports each box once laid out (and again when its
// size changes), all boxes of a frame in one callback, which reads every size first and writes
// after — never a forced layout per item (hundreds of excerpts used to cost one synchronous
// layout each).

import type { Attachment } from 'svelte/attachments';

/**
 * An attachment that calls `handle` with the boxes laid out (or resized) in a frame, through one
 * ResizeObserver shared by all of them. Without ResizeObserver (old engines, jsdom): `handle`
 * with the box, once, when it is attached.
 */
function onEachLayout(handle: (nodes: readonly HTMLElement[]) => void): Attachment<HTMLElement> {
  let observer: ResizeObserver | undefined;
  return (node) => {
    if (typeof ResizeObserver === 'undefined') {
      handle([node]);
      return;
    }
    observer ??= new ResizeObserver((entries) => handle(entries.map((e) => e.target as HTMLElement)));
    observer.observe(node);
    return () => observer?.unobserve(node);
  };
}

/** The box is focusable while, and only while, its content overflows: no useless tab stop on a wide screen. */
export const focusableWhenScrolling = onEachLayout((nodes) => {
  const overflowing = nodes.map((node) => node.scrollWidth > node.clientWidth);
  nodes.forEach((node, i) => {
    if (overflowing[i]) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  });
});

/**
 * The box scrolls so that its `.excerpt-mark` (the caret under the faulty value) stands a quarter
 * of the way in (what is left of it is context), on first layout and at each change of its width.
 * A box whose content fits is not scrolled.
 */
export const scrollToMark = onEachLayout((nodes) => {
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
});

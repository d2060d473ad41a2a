// A box that scrolls sideways (an excerpt of a long line on a phone) must be reachable by the
// keyboard, or its hidden part cannot be read without a mouse (WCAG 2.1.1; axe's
// scrollable-region-focusable). As an attachment: the box is focusable while, and only while, its
// content overflows — no useless tab stop on a wide screen.

import type { Attachment } from 'svelte/attachments';

export const focusableWhenScrolling: Attachment<HTMLElement> = (node) => {
  const update = () => {
    if (node.scrollWidth > node.clientWidth) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  };
  update();
  if (typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver(update);
  observer.observe(node);
  return () => observer.disconnect();
};

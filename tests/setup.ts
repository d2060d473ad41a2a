// Runs before every unit test file (node and jsdom alike; the end-to-end files have none).
// IndexedDB for idb-keyval: neither Node nor jsdom has one.
import 'fake-indexeddb/auto';

if (typeof document !== 'undefined') {
  // DOM matchers (toBeInTheDocument, …) and their types for vitest's expect; loaded only where
  // there is a DOM (a tenth of a second saved on each of the node files).
  await import('@testing-library/jest-dom/vitest');
  const { configure } = await import('@testing-library/dom');
  // waitFor / findBy* wait for what a test expects to happen, never to measure speed: their
  // 1 s default fails on a loaded 2-core machine (lazy documentation chunks, the worker), so
  // they wait up to 30 s (under the tests' own 60 s timeout).
  configure({ asyncUtilTimeout: 30_000 });
}

// ---------------------------------------------------------------------------------------------
// jsdom gaps, filled minimally (only where jsdom lacks them; a browser has them all).
// ---------------------------------------------------------------------------------------------

if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  // jsdom 29 has <dialog> and its `open` attribute but no showModal()/show()/close(). This stand-in
  // does what the tests observe: `open` set, focus moved to the first focusable element inside,
  // Escape → a cancelable `cancel` event then close(), close() → `close` event (synchronous here,
  // queued in a browser). It does NOT make the rest of the page inert: no focus trap in jsdom.
  const FOCUSABLE =
    'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  const escapeClose = (event: KeyboardEvent) => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.key !== 'Escape' || !dialog.open) return;
    if (dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
  };
  const open = (dialog: HTMLDialogElement) => {
    if (dialog.open) return;
    dialog.setAttribute('open', '');
    dialog.addEventListener('keydown', escapeClose);
  };
  Object.assign(HTMLDialogElement.prototype, {
    show(this: HTMLDialogElement) {
      open(this);
    },
    showModal(this: HTMLDialogElement) {
      open(this);
      (this.querySelector<HTMLElement>(FOCUSABLE) ?? this).focus();
    },
    close(this: HTMLDialogElement, returnValue?: string) {
      if (!this.open) return;
      this.removeAttribute('open');
      this.removeEventListener('keydown', escapeClose);
      if (returnValue !== undefined) (this as { returnValue: string }).returnValue = returnValue;
      this.dispatchEvent(new Event('close'));
    },
  });
}

if (typeof window !== 'undefined' && typeof URL.createObjectURL !== 'function') {
  // jsdom has no object URLs. Defined (not mocked) so that tests can vi.spyOn() them.
  let next = 0;
  URL.createObjectURL = () => `blob:jsdom/${++next}`;
  URL.revokeObjectURL = () => {};
}

// ---------------------------------------------------------------------------------------------

// Yielding to the browser between two pieces of main-thread work, so that each is a task of its
// own (issue 12: no task of 50 ms or more while a check's results are shown).

/**
 * Resolves in a new task: `scheduler.yield()` where the browser has it (Chromium), else a
 * message posted to itself (a MessageChannel: not a timer, so it is neither throttled in a
 * background tab nor held back by tests that fake the timers).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

// The page « Créer un fichier JSON depuis un tableur » is loaded only when asked for (its own
// chunk: the rule definitions, the builder; the table libraries load later still), once.

import type { Component } from 'svelte';

/** Its address (a hash route, like the documentation's). */
export const SHEET_HASH = '#/tableur';

let loading: Promise<Component> | undefined;

export function loadSheetBuilder(): Promise<Component> {
  loading ??= import('./sheet/SheetBuilder.svelte')
    .then((m) => m.default as Component)
    .catch((error: unknown) => {
      // A failed load may be retried on the next visit to the route.
      loading = undefined;
      throw error;
    });
  return loading;
}

// The documentation is loaded only when asked for (its own chunk), once.

import type { Component } from 'svelte';
import type { DocRoute } from './docs/links';

export type DocumentationComponent = Component<{ route: DocRoute }>;

let loading: Promise<DocumentationComponent> | undefined;

async function importDocumentation(): Promise<DocumentationComponent> {
  const { default: Documentation } = await import('./docs/Documentation.svelte');
  return Documentation;
}

export function loadDocumentation(): Promise<DocumentationComponent> {
  loading ??= importDocumentation().catch((error: unknown) => {
    // A failed load may be retried on the next visit to the route.
    loading = undefined;
    throw error;
  });
  return loading;
}

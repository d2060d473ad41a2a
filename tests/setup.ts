// Runs before every test file (node and jsdom alike).
// IndexedDB for idb-keyval: neither Node nor jsdom has one.
import 'fake-indexeddb/auto';
// DOM matchers (toBeInTheDocument, …) and their types for vitest's expect.
import '@testing-library/jest-dom/vitest';

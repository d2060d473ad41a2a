// ESLint (flat config): correctness rules for TypeScript and Svelte 5, not style — Prettier
// owns the layout (.prettierrc.json). `npm run lint`; CI runs it (.ci/run).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: ['dist/', 'coverage/', 'node_modules/', 'tests/conformance/', 'tests/e2e/screenshots/', 'tmp/'],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    rules: {
      // Control characters are what some checks look for (file names, excerpts, zip entries).
      'no-control-regex': 'off',
      // `for (const _ of s) n++`: a name starting with _ says "not read".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // `{'\n'}` writes a newline inside <pre>-like markup: the escape is the point.
      'svelte/no-useless-mustaches': ['error', { ignoreStringEscape: true }],
      // Our {#each} lists are rendered from data and never reordered in place; a key would be
      // one more thing to keep unique (a duplicate key is a runtime error).
      'svelte/require-each-key': 'off',
    },
  },
  {
    // The pure core: no Node API (tests/purity.test.ts checks the same on the built graph).
    files: ['src/core/**/*.ts', 'src/rules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'src/core and src/rules stay free of Node APIs.' }] }],
    },
  },
  {
    // Tests read parsed JSON documents freely.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

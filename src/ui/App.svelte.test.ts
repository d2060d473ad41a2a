// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { expect, test } from 'vitest';
import App from './App.svelte';

test('affiche le titre du simulateur', () => {
  render(App);
  expect(
    screen.getByRole('heading', { level: 1, name: 'Simulateur JSON Ségur numérique' }),
  ).toBeInTheDocument();
});

// @vitest-environment jsdom
// «Télécharger le schéma JSON» on each rule set's documentation page: the schema of that rule
// set (the same text as `segur-sim schema`), under its name, with the editor settings shown.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import Documentation from './Documentation.svelte';
import { RULE_SETS } from '../../rules/index';
import { editorSettings, jsonSchemaOf, schemaFileName } from '../../core/schema';

beforeAll(() => {
  URL.createObjectURL ??= () => '';
  URL.revokeObjectURL ??= () => {};
});
afterEach(() => vi.restoreAllMocks());

test.each(RULE_SETS.map((r) => [`${r.type} ${r.dsr}`, r] as const))(
  '%s: the page offers its schema and the editor settings',
  async (_, ruleSet) => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:schema';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { unmount } = render(Documentation, { route: { dsr: ruleSet.dsr, type: ruleSet.type } });
    await userEvent.click(screen.getByRole('button', { name: 'Télécharger le schéma JSON' }));
    expect(saved).toEqual([schemaFileName(ruleSet)]);
    expect(blobs).toHaveLength(1);
    expect(JSON.parse(await blobs[0]!.text())).toEqual(jsonSchemaOf(ruleSet));
    expect(blobs[0]!.type).toMatch(/^application\/schema\+json/);
    const settings = document.querySelector('#schema-settings-lines');
    expect(settings?.textContent).toBe(editorSettings(ruleSet).join('\n'));
    expect(settings?.textContent).toContain(`"url": "./${schemaFileName(ruleSet)}"`);
    unmount();
  },
);

// @vitest-environment jsdom
// The editor component with CodeMirror in jsdom: the findings listed in file order with their
// documentation links, a fix carried by a finding applied as one edit (then checked at once, and
// undone in one step), a fix that no longer applies refused, the corrected text as typed.
// The fix here is test data in the shape the core gives (`Issue.fix`, src/core/types.ts).
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { undo } from '@codemirror/commands';
import { describe, expect, test, vi } from 'vitest';
import type { SimulationOptions, SimulationResult } from '../../core/types';
import { simulateFile } from '../../simulator';
import { EditSession } from '../state/edit-session.svelte';
import { FileRun } from '../state/file-run.svelte';
import { fixtureText } from '../testing';
import FileEditor from './FileEditor.svelte';

const OPTIONS: SimulationOptions = { type: 'avance', dsr: 'MDV-LGC', profiles: [], vatRate: '20', strict: false, firstErrorOnly: false };
const RULE_SET = { type: 'avance' as const, dsr: 'MDV-LGC', title: 'MDV-LGC — avance' };
const TEXT = fixtureText().replace('"montantSegurHT": 1075.00', '"montantSegurHT": 1075');

/** A session on TEXT whose E011 finding carries the fix `1075` → `1075.00`. */
function sessionWithFix({ hold = false } = {}) {
  const bytes = new TextEncoder().encode(TEXT);
  const plain = simulateFile(bytes, OPTIONS);
  const at = TEXT.indexOf('1075\n');
  const result: SimulationResult = {
    ...plain,
    requests: plain.requests.map((r) => ({
      ...r,
      errors: r.errors.map((e) => (e.code === 'E011' ? { ...e, fix: { start: at, end: at + 4, text: '1075.00' } } : e)),
    })),
  };
  const checked: string[] = [];
  const run = new FileRun({ fileName: 'avance.json', options: OPTIONS, ruleSet: RULE_SET, bytes, result });
  const session = new EditSession(run, {
    simulateText: async (t, o) => {
      const text = t.slice(0, t.length);
      checked.push(text);
      // `hold`: the check never ends (the findings on show stay those of the file as read).
      if (hold) return new Promise<never>(() => {});
      const b = new TextEncoder().encode(text);
      return { result: simulateFile(b, o), bytes: b };
    },
    replaceRun: () => {},
  });
  return { session, checked };
}

// jsdom gaps CodeMirror meets (no layout): execCommand, and a Range's rectangles (empty here).
if (typeof document.execCommand !== 'function') Object.assign(document, { execCommand: () => false });
if (typeof Range.prototype.getClientRects !== 'function') {
  Object.assign(Range.prototype, {
    getClientRects: () => Object.assign([], { item: () => null }),
    getBoundingClientRect: () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 }),
  });
}

/** The editor's content element, in its shadow root (testing-library does not look there). */
async function editorContent(): Promise<HTMLElement> {
  let content: HTMLElement | null = null;
  await waitFor(() => {
    content = document.querySelector('.file-editor-host')?.shadowRoot?.querySelector<HTMLElement>('.cm-content') ?? null;
    expect(content).not.toBeNull();
  });
  expect(content!).toHaveAttribute('aria-label', 'Éditeur du fichier JSON');
  return content!;
}

const editorText = () => document.querySelector('.file-editor-host')!.shadowRoot!.querySelector('.cm-content')!.textContent ?? '';

// The first test loads CodeMirror (seconds on a loaded 2-core machine): the config's 60 s timeout.
describe('the editor component', () => {
  test('an opening that takes long says so in the live line while it lasts, then no more', async () => {
    // Each clock read 60 ms later than the last: the opening's steps see 200 ms go by.
    let clock = performance.now();
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 60));
    try {
      const grown = TEXT.repeat(Math.ceil(1e6 / TEXT.length));
      const bytes = new TextEncoder().encode(grown);
      const run = new FileRun({ fileName: 'grand.json', options: OPTIONS, ruleSet: RULE_SET, bytes, result: simulateFile(bytes, OPTIONS) });
      const session = new EditSession(run, { simulateText: () => new Promise<never>(() => {}), replaceRun: () => {} });
      const said: string[] = [];
      const observer = new MutationObserver(() => said.push(document.body.textContent ?? ''));
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      render(FileEditor, { session, request: 1, onclose: () => {} });
      await editorContent();
      observer.disconnect();
      expect(said.some((t) => t.includes('Ouverture du fichier…'))).toBe(true);
      await waitFor(() => expect(document.body.textContent).not.toContain('Ouverture du fichier…'));
    } finally {
      now.mockRestore();
    }
  });

  test('lists the findings in file order, each with its documentation link and place', async () => {
    const { session } = sessionWithFix();
    render(FileEditor, { session, request: 1, onclose: () => {} });
    await editorContent();
    const list = screen.getByRole('list', { name: "Erreurs et avertissements dans l'ordre du fichier" });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBe(session.findings.length);
    const e011 = items.find((li) => within(li).queryByRole('link', { name: 'E011' }))!;
    expect(within(e011).getByRole('link', { name: 'E011' })).toHaveAttribute('href', '#/documentation/MDV-LGC/avance/E011');
    expect(within(e011).getByRole('button', { name: /^ligne 14, colonne \d+$/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Dans le texte\s:\s1 erreur, 0 avertissement$/ })).toBeInTheDocument();
  });

  test('« Appliquer la correction »: one edit, checked at once; undone in one step', async () => {
    const { session, checked } = sessionWithFix();
    render(FileEditor, { session, request: 1, onclose: () => {} });
    await editorContent();
    await userEvent.click(screen.getByRole('button', { name: 'Appliquer la correction' }));
    await waitFor(() => expect(checked.length).toBe(1));
    expect(checked[0]).toBe(TEXT.replace('"montantSegurHT": 1075', '"montantSegurHT": 1075.00'));
    expect(editorText()).toContain('"montantSegurHT": 1075.00');
    await waitFor(() => expect(session.status).toBe("Texte vérifié\u00a0: La simulation de l'import s'est déroulée correctement."));
    expect(session.edited).toBe(true);
    // One undoable step.
    const cm = (await import('@codemirror/view')).EditorView.findFromDOM(
      document.querySelector('.file-editor-host')!.shadowRoot!.querySelector('.cm-editor') as HTMLElement,
    )!;
    undo(cm);
    expect(cm.state.sliceDoc()).toBe(TEXT);
  });

  test('a fix on text that changed there since the check is refused, and said', async () => {
    const { session } = sessionWithFix({ hold: true });
    render(FileEditor, { session, request: 1, onclose: () => {} });
    await editorContent();
    const cm = (await import('@codemirror/view')).EditorView.findFromDOM(
      document.querySelector('.file-editor-host')!.shadowRoot!.querySelector('.cm-editor') as HTMLElement,
    )!;
    const at = TEXT.indexOf('1075\n');
    cm.dispatch({ changes: { from: at, to: at + 4, insert: '999' } });
    await userEvent.click(screen.getByRole('button', { name: 'Appliquer la correction' }));
    expect(await screen.findByText(/La correction ne s'applique plus/)).toBeInTheDocument();
    expect(cm.state.sliceDoc()).toContain('"montantSegurHT": 999\n');
  });

  test('a large file (many steps: CRLF, a BOM, invalid UTF-8) opens whole, said lossy, and its findings land on their values', async () => {
    // About 1 MB: several decoding steps (DECODE_STEP_BYTES) and tasks.
    const request = TEXT.slice(TEXT.indexOf('{', TEXT.indexOf('"lignesImport"')), TEXT.lastIndexOf(']'));
    const grown = TEXT.replace(/\]\s*\}\s*$/, `,${request.trim()}`.repeat(Math.ceil(1e6 / request.length)) + ']}').replaceAll('\n', '\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(grown), 0xff]);
    const text = '\uFEFF' + grown + '\uFFFD';
    const result = simulateFile(bytes.subarray(0, -1), OPTIONS);
    const run = new FileRun({ fileName: 'grand.json', options: OPTIONS, ruleSet: RULE_SET, bytes, result });
    const session = new EditSession(run, { simulateText: () => new Promise<never>(() => {}), replaceRun: () => {} });
    render(FileEditor, { session, request: 1, onclose: () => {} });
    await editorContent();
    const shown = session.snapshot()!.text;
    expect(shown.slice(0, shown.length)).toBe(text);
    expect(await screen.findByText(/Ce fichier n'est pas en UTF-8 valide/)).toBeInTheDocument();
    // The first finding's range (by its offset) is its value.
    const first = session.findings.find((f) => f.issue.offset !== undefined)!;
    expect(first).toBeDefined();
    const cm = (await import('@codemirror/view')).EditorView.findFromDOM(
      document.querySelector('.file-editor-host')!.shadowRoot!.querySelector('.cm-editor') as HTMLElement,
    )!;
    const { forEachDiagnostic } = await import('@codemirror/lint');
    const ranges: string[] = [];
    forEachDiagnostic(cm.state, (d) => ranges.push(cm.state.sliceDoc(d.from, d.to)));
    expect(ranges.length).toBe(session.findings.length);
    expect(ranges[0]).toBe(text.slice(first.issue.offset!).match(/^("[^"]*"|[-\w.]+|.)/)![0]);
  });
});

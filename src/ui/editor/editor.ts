// The CodeMirror side of the editor (issue 11), loaded on demand with FileEditor.svelte: the
// view over one edit session's text, the findings as diagnostics (underline, gutter marker,
// message on hover), jumps to a finding, fixes applied as one undoable step. CodeMirror owns
// the text; the worker owns the checking (src/ui/state/edit-session.svelte.ts); this module maps
// the core's offsets to the editor's positions (positions.ts) through the edits made since.

import { ChangeSet, EditorSelection, EditorState, Text, Transaction, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, isolateHistory } from '@codemirror/commands';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { json } from '@codemirror/lang-json';
import type { Fix } from '../../core/types';
import type { EditorFinding, EditSession, FixRequest, TextSource } from '../state/edit-session.svelte';
import { decodeLines, lineSeparatorOf, TextPositions } from './positions';
import { nextTask } from '../lib/next-task';
import { frenchSpaces } from '../lib/typography';

/** The editor's accessible name. */
export const EDITOR_LABEL = 'Éditeur du fichier JSON';

/** The text a check was made on (the document then: CodeMirror's immutable tree, never joined
 *  here), and the edits made since (to map its findings). */
interface Snapshot {
  readonly positions: TextPositions;
  changes: ChangeSet;
}

/** What an edit session keeps of its editor between two mounts (`EditSession.memory`). */
interface Memory {
  state: EditorState;
  readonly initial: Text;
  readonly separator: string;
  version: number;
  readonly snapshots: Map<number, Snapshot>;
}

/** How long the opening decodes and builds the document before it yields to the page (ms). */
const OPEN_BUDGET_MS = 8;

/** The words of a finding in a tooltip: « E011 : … » (non-breaking space before the colon). */
export const findingText = (f: EditorFinding): string => `${f.issue.code}\u00a0: ${frenchSpaces(f.issue.message)}`;

/**
 * One editor on one session. `host`: where the view goes (its own shadow root is made there, so
 * that CodeMirror's styles are a constructed stylesheet that no Content-Security-Policy refuses,
 * in the page as in the embedded element). `say`: a sentence for the live line (a fix that no
 * longer applies…).
 */
export class FileEditorView {
  readonly view: EditorView;
  readonly #session: EditSession;
  readonly #memory: Memory;
  readonly #say: (text: string) => void;

  /**
   * The editor of `session` in `host`: at once when the session kept one (back from the
   * documentation), else once the file's text is decoded and the document built, a few ms per
   * task (a 31 MB file held the page for over a second in one piece). `cancelled`: asked between
   * two steps (the editor closed meanwhile: no view is made).
   */
  static async open(
    session: EditSession,
    host: HTMLElement,
    say: (text: string) => void,
    cancelled: () => boolean = () => false,
  ): Promise<FileEditorView | undefined> {
    if (!session.memory) {
      const memory = await newMemory(session, cancelled);
      if (!memory) return undefined;
      session.memory ??= memory;
    }
    return cancelled() ? undefined : new FileEditorView(session, host, say);
  }

  /** The editor of a session whose document is built (FileEditorView.open). */
  private constructor(session: EditSession, host: HTMLElement, say: (text: string) => void) {
    this.#session = session;
    this.#say = say;
    this.#memory = session.memory as Memory;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    this.view = new EditorView({
      state: this.#memory.state,
      parent: root,
      root,
      dispatchTransactions: (trs, view) => {
        view.update(trs);
        this.#afterTransactions(trs);
      },
    });
    session.attach(() => this.#source());
  }

  #afterTransactions(trs: readonly Transaction[]): void {
    const memory = this.#memory;
    memory.state = this.view.state;
    let changed = false;
    let fixed = false;
    for (const tr of trs) {
      if (!tr.docChanged) continue;
      changed = true;
      if (tr.isUserEvent('input.fix')) fixed = true;
      for (const snapshot of memory.snapshots.values()) snapshot.changes = snapshot.changes.compose(tr.changes);
    }
    if (!changed) return;
    memory.version++;
    this.#session.changed(!this.view.state.doc.eq(memory.initial));
    if (fixed) void this.#session.check();
  }

  /** The text now, for a check (read in slices, never joined here): its snapshot is kept to map
   *  the findings back. */
  #source(): { text: TextSource; version: number } {
    const memory = this.#memory;
    const doc = memory.state.doc;
    if (!memory.snapshots.has(memory.version)) {
      memory.snapshots.set(memory.version, { positions: new TextPositions(doc, memory.separator), changes: ChangeSet.empty(doc.length) });
    }
    this.#prune();
    return { text: docSource(doc, memory.separator), version: memory.version };
  }

  /** Keeps the snapshots that findings on show (or checks under way) may still need. */
  #prune(): void {
    const memory = this.#memory;
    const session = this.#session;
    const keep = Math.min(session.versionOf(session.run), session.syntax ? session.syntaxVersion : Infinity);
    for (const version of [...memory.snapshots.keys()]) {
      if (version < keep && memory.snapshots.size > 2) memory.snapshots.delete(version);
    }
  }

  /** A finding's range now: its value in the text it was found in (at its offset; by its line and
   *  column when it has none), through the edits since. */
  #rangeOf(at: Place, version: number): { from: number; to: number } | undefined {
    const snapshot = this.#memory.snapshots.get(version);
    if (!snapshot) return undefined;
    const { positions, changes } = snapshot;
    const token = positions.rangeAt(at.offset ?? positions.offsetOf(at.line, at.column));
    const from = changes.mapPos(token.from, 1);
    const to = Math.max(from, changes.mapPos(token.to, -1));
    const length = this.view.state.doc.length;
    return { from: Math.min(from, length), to: Math.min(to, length) };
  }

  /** Shows the session's findings as diagnostics. */
  showFindings(findings: readonly EditorFinding[]): void {
    const diagnostics: Diagnostic[] = [];
    for (const finding of findings) {
      const range = this.#rangeOf(finding.issue, finding.version);
      if (!range) continue;
      const fix = finding.issue.fix;
      diagnostics.push({
        ...range,
        severity: finding.severity,
        source: finding.issue.code,
        message: findingText(finding),
        ...(fix ? { actions: [{ name: 'Appliquer la correction', apply: () => this.applyFix(fix, finding.version) }] } : {}),
      });
    }
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Selects the value at a finding's place (in the text of check `version`) and focuses it. */
  reveal(at: Place, version: number): void {
    const range = this.#rangeOf(at, version);
    if (!range) return;
    this.view.dispatch({
      selection: EditorSelection.range(range.from, range.to),
      effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
    });
    this.view.focus();
  }

  /** Applies a fix computed on the text of check `version`, as one undoable step (then the
   *  session re-checks). False (and said) when the text changed there since. */
  applyFix(fix: Fix, version: number): boolean {
    const snapshot = this.#memory.snapshots.get(version);
    const from0 = snapshot?.positions.positionOf(fix.start);
    const to0 = snapshot?.positions.positionOf(fix.end);
    if (!snapshot || from0 === undefined || to0 === undefined || snapshot.changes.touchesRange(from0, to0)) {
      this.#say("La correction ne s'applique plus\u00a0: le texte a changé à cet endroit depuis la vérification. Revérifiez.");
      return false;
    }
    const from = snapshot.changes.mapPos(from0, 1);
    const to = Math.max(from, snapshot.changes.mapPos(to0, -1));
    const insert = this.view.state.toText(fix.text);
    this.view.dispatch({
      changes: { from, to, insert },
      selection: EditorSelection.range(from, from + insert.length),
      scrollIntoView: true,
      userEvent: 'input.fix',
      annotations: isolateHistory.of('full'),
    });
    this.view.focus();
    return true;
  }

  /** The request of the session, once. */
  applyRequest(request: FixRequest): boolean {
    return this.applyFix(request.fix, request.version);
  }

  /** The text, byte for byte what the corrected file will hold (line breaks as the file's). */
  text(): string {
    return this.view.state.sliceDoc();
  }

  focus(): void {
    this.view.focus();
  }

  /** The view goes (the editor closed, a visit to the documentation): the session keeps the
   *  state, and reads its text from there until the next mount. */
  destroy(): void {
    const memory = this.#memory;
    memory.state = this.view.state;
    this.view.destroy();
    this.#session.attach(() => ({ text: docSource(memory.state.doc, memory.separator), version: memory.version }));
  }
}

/** A finding's place: its offset in the text it was found in when it has one, else its line and column. */
interface Place {
  readonly line: number;
  readonly column: number;
  readonly offset?: number | undefined;
}

/** A document as a check reads it: in slices, line breaks as the file's. */
function docSource(doc: Text, separator: string): TextSource {
  return { length: doc.length, slice: (from, to) => doc.sliceString(from, to, separator) };
}

/**
 * A session's editor state, from the file's bytes: decoded (UTF-8, else with U+FFFD: `lossy`)
 * and built into CodeMirror's document a step at a time, yielding to the page every
 * OPEN_BUDGET_MS; undefined when `cancelled` meanwhile.
 */
async function newMemory(session: EditSession, cancelled: () => boolean): Promise<Memory | undefined> {
  const separator = lineSeparatorOf(session.original);
  let doc: Text | undefined;
  for (const fatal of [true, false]) {
    try {
      doc = await documentOf(session.original, separator, fatal, cancelled);
      session.lossy = !fatal;
      break;
    } catch (e) {
      // Not valid UTF-8: again, replacing what cannot be read.
      if (!fatal || !(e instanceof TypeError)) throw e;
    }
  }
  if (!doc) return undefined;
  const state = EditorState.create({ doc, extensions: extensions(separator) });
  return {
    state,
    initial: state.doc,
    separator,
    version: 0,
    snapshots: new Map([[0, { positions: new TextPositions(state.doc, separator), changes: ChangeSet.empty(state.doc.length) }]]),
  };
}

/** The document of `bytes` (see decodeLines), or undefined when `cancelled` between two steps. */
async function documentOf(bytes: Uint8Array, separator: string, fatal: boolean, cancelled: () => boolean): Promise<Text | undefined> {
  let doc: Text | undefined;
  let since = performance.now();
  for (const lines of decodeLines(bytes, separator, fatal)) {
    if (lines.length > 0) {
      // Each batch starts a new line (the document has no line break at its end).
      if (doc) lines.unshift('');
      doc = doc ? doc.append(Text.of(lines)) : Text.of(lines);
    }
    if (performance.now() - since >= OPEN_BUDGET_MS) {
      await nextTask();
      if (cancelled()) return undefined;
      since = performance.now();
    }
  }
  return doc ?? Text.empty;
}

function extensions(separator: string): Extension[] {
  return [
    EditorState.lineSeparator.of(separator),
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    json(),
    search({ top: true }),
    lintGutter(),
    // No indentWithTab: Tab leaves the editor (keyboard users are not trapped).
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
    EditorState.phrases.of(PHRASES_FR),
    // tabindex: focusable for assistive checks too (axe's scrollable-region-focusable), in the
    // tab order where a contenteditable already is.
    EditorView.contentAttributes.of({ 'aria-label': EDITOR_LABEL, tabindex: '0' }),
    EditorView.lineWrapping,
    THEME,
  ];
}

/** CodeMirror's own words (search panel, lint, special characters), in French. */
const PHRASES_FR: Record<string, string> = {
  Find: 'Rechercher',
  Replace: 'Remplacer',
  next: 'suivant',
  previous: 'précédent',
  all: 'tout',
  'match case': 'respecter la casse',
  'by word': 'mot entier',
  regexp: 'expression régulière',
  replace: 'remplacer',
  'replace all': 'tout remplacer',
  close: 'fermer',
  'current match': 'occurrence courante',
  'replaced $ matches': '$ occurrences remplacées',
  'replaced match on line $': 'occurrence remplacée à la ligne $',
  'on line': 'à la ligne',
  'Go to line': 'Aller à la ligne',
  go: 'aller',
  Diagnostics: 'Erreurs et avertissements',
  'No diagnostics': 'Aucune erreur',
  'Control character': 'Caractère de contrôle',
  'Selection deleted': 'Sélection supprimée',
  'folded code': 'code replié',
  unfold: 'déplier',
  to: 'à',
};

const THEME = EditorView.theme({
  '&': {
    border: '1px solid #7b7b7b',
    borderRadius: '4px',
    fontSize: '0.875rem',
    backgroundColor: '#fff',
    color: '#161616',
    maxHeight: '60vh',
  },
  '&.cm-focused': { outline: '3px solid #0a76f6', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', overflow: 'auto' },
  '.cm-gutters': { backgroundColor: '#f6f6f6', color: '#555', borderRight: '1px solid #ddd' },
  '.cm-tooltip-lint': { maxWidth: 'min(40rem, 90vw)' },
  '.cm-diagnosticAction': { backgroundColor: '#000091', color: '#fff', borderRadius: '3px', padding: '2px 8px' },
});

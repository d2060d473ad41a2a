// What the documentation pages show, derived from the rule sets, the code table and the
// fixtures: nothing here is written per rule set. Pure functions (no DOM), tested in
// catalogue.test.ts; the components only lay them out.

import { simulate } from '../../core/simulate';
import type { RuleSet } from '../../core/model';
import type { FindingArgs, Issue, RequestType, SimulationOptions, SimulationResult } from '../../core/types';
import { PROFILE_LABELS } from '../lib/labels';
import { exampleFile } from '../../core/docs';
import { MESSAGES } from '../../messages/fr';
import { limitSize } from '../lib/limits';
import { fr } from '../lib/typography';
import { CODES, NOT_ESCALATED, type Code } from '../../messages/codes';
import { fixtureOptions, fixtureText, type Fixture, type FixtureSet } from '../../rules/fixture';
import { loadExamples } from '../../rules/examples';
import { RULE_SETS } from '../../rules/index';

/** The section headings of the index, one per request type. */
export const TYPE_LABELS: Readonly<Record<RequestType, string>> = {
  avance: "Demande d'avance",
  solde: 'Demande de solde',
};

/** The form's profile names, as the portal shows them (spec: mdv-lgc-avance.md). */
// TODO(lead): shared with the simulator's form; better in src/messages/fr.ts.
// One table of the form's words, shared with the simulator's form.
export { PROFILE_LABELS };

/** The file-level codes (encoding, syntax): the same for every rule set. */
export const GLOBAL_CODES: readonly Code[] = (Object.keys(CODES) as Code[]).filter((c) => c.startsWith('G'));

/** The attachments codes (the zips of pièces justificatives): the same for every rule set. */
export const ATTACHMENT_CODES: readonly Code[] = (Object.keys(CODES) as Code[]).filter((c) => c.startsWith('P'));

/**
 * A typical message of an attachments code on this rule set's page: its message table entry
 * with the rule set's own example file name and limits (zips are not text fixtures).
 */
export function attachmentMessageExample(code: Code, ruleSet: RuleSet): string {
  let name = 'piece-00001.pdf';
  try {
    const example = JSON.parse(exampleFile(ruleSet)) as { lignesImport?: { piecesJustificatives?: { nomFichier?: unknown }[] }[] };
    const first = example.lignesImport?.[0]?.piecesJustificatives?.[0]?.nomFichier;
    if (typeof first === 'string') name = first;
  } catch {
    // keep the generic name
  }
  const limits = ruleSet.attachments;
  const args: Record<string, FindingArgs> = {
    P003: { count: limits.maxFileBytes + 1024 * 1024, expected: limitSize(limits.maxFileBytes) },
    P004: { count: limits.maxZipBytes + 1024 * 1024, expected: limitSize(limits.maxZipBytes) },
    P005: { found: name.replace(/\.[a-z]+$/, '.docx'), expected: limits.formats.map((f) => `.${f.toLowerCase()}`).join(', ') },
    P006: { found: name.toLowerCase(), expected: name },
    P007: { count: limits.nameMax + 12, expected: String(limits.nameMax) },
    P008: { expected: '.pdf', other: 'du texte' },
    P011: { other: 'dans « pieces-2.zip »' },
    P016: { where: 'pieces.rar', other: 'une archive RAR' },
  };
  return MESSAGES[code]({ found: name, where: 'pieces.zip', ...args[code] });
}

/** The request / header codes a rule set can report (the G codes have their own section). */
export function requestCodes(codes: readonly Code[]): Code[] {
  return codes.filter((c) => !c.startsWith('G') && !c.startsWith('P'));
}

/** Whether `strict` leaves this warning a warning (a note, a rule the guides do not state). */
export function neverEscalated(code: Code): boolean {
  return NOT_ESCALATED.has(code);
}

export function severityLabel(code: Code): 'erreur' | 'avertissement' {
  return CODES[code] === 'error' ? 'erreur' : 'avertissement';
}

/** The first sentence of a (long) text, cut at a word boundary beyond `max` characters. */
export function shortNote(text: string, max = 180): string {
  const end = text.search(/[.;:](\s|$)/);
  const sentence = (end < 0 ? text : text.slice(0, end)).trimEnd();
  if (sentence.length <= max) return end < 0 ? sentence : sentence + '.';
  const at = sentence.lastIndexOf(' ', max);
  let cut = sentence.slice(0, at > max / 2 ? at : max);
  // Not inside an unclosed parenthesis: stop before it.
  const open = cut.lastIndexOf('(');
  if (open > cut.lastIndexOf(')') && open > max / 2) cut = cut.slice(0, open);
  return cut.replace(/[\s,;:(«]+$/, '') + '…';
}

// ---------------------------------------------------------------------------------------------
// Before → after excerpts of a fixture's edits.

/** One side of an edit: the unchanged context around the changed part. */
export interface Excerpt {
  /** The text was cut before `head`. */
  readonly cutStart: boolean;
  readonly head: string;
  /** The changed part (already shortened when long). */
  readonly changed: string;
  readonly tail: string;
  /** The text was cut after `tail`. */
  readonly cutEnd: boolean;
}

export interface EditView {
  /**
   * 1-based line, in the example's file (the fixture's text, all edits applied: the file the
   * entry offers for download), of the edit's first changed character.
   */
  readonly line: number;
  readonly before: Excerpt;
  readonly after: Excerpt;
}

/** Edits shorter than this are shown whole (their author wrote them as a readable snippet). */
const WHOLE = 160;
/** Unchanged characters kept on each side of the change in a long edit. */
const CONTEXT = 40;
/** A changed part longer than this keeps only its beginning and its end. */
const CHANGED_MAX = 120;
const ELLIPSIS = ' … ';

/**
 * Cuts `text` to about `max` characters, keeping its start and its end: whole lines when it
 * has several (a removed JSON block stays readable), else characters.
 */
export function middleCut(text: string, max: number): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - ELLIPSIS.length) / 2);
  const lines = text.split('\n');
  if (lines.length > 2) {
    const head: string[] = [];
    const tail: string[] = [];
    for (let size = 0, i = 0; i < lines.length && size + lines[i]!.length <= half; size += lines[i]!.length + 1, i++) head.push(lines[i]!);
    for (let size = 0, i = lines.length - 1; i >= head.length && size + lines[i]!.length <= half; size += lines[i]!.length + 1, i--)
      tail.unshift(lines[i]!);
    if (head.length > 0 && tail.length > 0 && head.length + tail.length < lines.length) return [...head, '…', ...tail].join('\n');
  }
  return text.slice(0, half) + ELLIPSIS + text.slice(text.length - half);
}

/** The before and after sides of `[from, to]`: common context, then the changed parts. */
export function excerpt(from: string, to: string): { before: Excerpt; after: Excerpt } {
  let prefix = 0;
  const shorter = Math.min(from.length, to.length);
  while (prefix < shorter && from[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && from[from.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;

  const whole = from.length <= WHOLE && to.length <= WHOLE;
  const context = whole ? Infinity : CONTEXT;
  const headStart = Math.max(0, prefix - context);
  const head = from.slice(headStart, prefix);
  const tailText = from.slice(from.length - suffix);
  const tail = tailText.slice(0, Math.min(tailText.length, context));
  const side = (text: string): Excerpt => ({
    cutStart: headStart > 0,
    head,
    changed: whole ? text.slice(prefix, text.length - suffix) : middleCut(text.slice(prefix, text.length - suffix), CHANGED_MAX),
    tail,
    cutEnd: tail.length < tailText.length,
  });
  return { before: side(from), after: side(to) };
}

/**
 * The edits of a fixture as excerpts, each with its line in the example's file: the base with
 * every edit applied (fixtureText), which the documentation offers for download — so that the
 * line cited is one of the file the reader opens (an edit's place moves when a later edit above
 * it adds or removes lines).
 */
export function editViews(set: FixtureSet, fixture: Fixture): EditView[] {
  let text = set.bases[fixture.base] ?? '';
  /** Where each edit's first changed character stands in `text`, kept up to date. */
  const starts: number[] = [];
  const views = fixture.edits.map(([from, to]) => {
    const at = Math.max(0, text.indexOf(from));
    const end = at + from.length;
    const delta = to.length - from.length;
    for (let k = 0; k < starts.length; k++) if (starts[k]! >= end) starts[k] = starts[k]! + delta;
    starts.push(at + commonPrefix(from, to));
    text = text.slice(0, at) + to + text.slice(end);
    return excerpt(from, to);
  });
  return views.map((view, k) => ({ line: countLines(text, starts[k]!), ...view }));
}

/** The length of the common beginning of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------
// A code's example: its first fixture, and what the simulator says about it.

export interface CodeExample {
  readonly fixture: Fixture;
  /** The fixture set the example comes from. */
  readonly set: FixtureSet;
  /** True when it comes from another rule set (a file-level code the page's rule set has no fixture for). */
  readonly borrowed: boolean;
  readonly edits: EditView[];
  /** Form choices that differ from the defaults, in French. */
  readonly choices: string[];
  /** The example's file: the fixture's base with its edits (the lines cited are its lines). */
  readonly text: string;
  /** The name it is downloaded as: `exemple-<dsr>-<type>-<code>.json`. */
  readonly fileName: string;
  /** The simulator's finding of this code at the fixture's path (undefined if the fixture went stale). */
  readonly issue: Issue | undefined;
  /** Whether the whole file is rejected (a file-level fault) rather than one request. */
  readonly wholeFile: boolean;
}

/** The set of a rule set among the loaded fixture sets. */
export function setOf(ruleSet: RuleSet, sets: readonly FixtureSet[]): FixtureSet | undefined {
  return sets.find((s) => s.ruleSet === ruleSet) ?? sets.find((s) => s.ruleSet.dsr === ruleSet.dsr && s.ruleSet.type === ruleSet.type);
}

/**
 * The example of `code` on `ruleSet`'s page: the first fixture of that code in the rule set's
 * own fixtures; for a file-level code (G…), which does not depend on the rule set, the first
 * fixture of any set. Runs the simulator on it.
 */
export function exampleFor(code: Code, ruleSet: RuleSet, sets: readonly FixtureSet[]): CodeExample | undefined {
  const own = setOf(ruleSet, sets);
  let set = own;
  let fixture = own?.fixtures.find((f) => f.code === code);
  if (!fixture && code.startsWith('G')) {
    for (const other of sets) {
      fixture = other.fixtures.find((f) => f.code === code);
      if (fixture) {
        set = other;
        break;
      }
    }
  }
  if (!fixture || !set) return undefined;
  let result: SimulationResult | undefined;
  let text = '';
  try {
    text = fixtureText(set, fixture);
    const options: SimulationOptions = { ...fixtureOptions(set.ruleSet), ...fixture.options };
    // The note naming another rule set (G021) needs the registry; the other codes do not.
    result = simulate(new TextEncoder().encode(text), options, set.ruleSet, code === 'G021' ? RULE_SETS : []);
  } catch {
    result = undefined;
  }
  const issues = result ? allIssues(result) : [];
  const issue = issues.find((i) => i.code === code && i.path === fixture.path) ?? issues.find((i) => i.code === code);
  return {
    fixture,
    set,
    borrowed: set !== own,
    edits: editViews(set, fixture),
    text,
    fileName: `exemple-${set.ruleSet.dsr}-${set.ruleSet.type}-${code}.json`,
    choices: formChoices(set.ruleSet, fixture.options),
    issue,
    wholeFile: result?.status === 'invalid',
  };
}

function allIssues(r: SimulationResult): Issue[] {
  return [...r.globalErrors, ...r.globalWarnings, ...r.requests.flatMap((q) => [...q.errors, ...q.warnings])];
}

/** The form choices a fixture makes beyond the defaults, as the form shows them. */
export function formChoices(ruleSet: RuleSet, options: Partial<SimulationOptions> | undefined): string[] {
  const out: string[] = [];
  if (!options) return out;
  if (options.vatRate !== undefined) out.push(fr`Taux de TVA : ${options.vatRate.replace('.', ',')} %`);
  if (options.profiles !== undefined && ruleSet.form.profiles) {
    out.push(
      fr`Profils référencés : ${options.profiles.length === 0 ? 'aucun' : options.profiles.map((p) => PROFILE_LABELS[p]).join(', ')}`,
    );
  }
  if (options.strict) out.push('Option stricte');
  if (options.firstErrorOnly) out.push('Première erreur seulement');
  return out;
}

let loading: Promise<FixtureSet[]> | undefined;

/** Every rule set's fixtures, loaded once on first use. */
export function examplesOnce(): Promise<FixtureSet[]> {
  loading ??= loadExamples().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

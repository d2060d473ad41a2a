// The whole simulation: bytes + form choices + rule set → verdict, findings, output file.
// Pure: no DOM, no Node API; the browser, the worker and the CLI all call this.

import { decodeSource, MAX_INPUT_BYTES, type EncodingFault } from './json/decode';
import type { SourceText } from './json/text';
import { parseJson, MAX_DEPTH, type SyntaxFault } from './json/parse';
import { LineIndex } from './json/position';
import { keySpan, memberOf, type JsonMember, type JsonNode, type JsonObject } from './json/ast';
import { FindingBudget, FindingTally, foundArgs, holders, knownTags, makeContext, tagLabel, Walker, type Overflow } from './validate';
import { annotateBytes, type Treatment } from './annotate';
import { CONTENT_LABELS, message, moreOfTheSame } from '../messages/fr';
import { CODES, NOT_ESCALATED } from '../messages/codes';
import { HEAD_BYTES, sniff } from '../attachments/magic';
import { fromC1 } from './invisible';
import { append } from './append';
import type { RuleFinding, RuleSet } from './model';
import { fileNameFinding } from './file-name';
import { PROFILES, type Finding, type Issue, type Path, type RequestResult, type SimulationOptions, type SimulationResult } from './types';

export { oversized } from './oversized';

export const ACCEPTED_CODE = '0000';
export const ACCEPTED_LABEL = 'Demande acceptée';

/** What a caller may follow of a long check (the worker's progress bar). */
export interface SimulationHooks {
  /**
   * Called after each request is checked: `done` requests of `total` (the size of lignesImport).
   * Not called for a file rejected before its requests are read (encoding, syntax, header).
   */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A message longer than this (a tag name of a million characters…) is cut in its middle. */
export const MAX_MESSAGE_CHARS = 1_000;
/** `libelleTraitement` holds the errors' messages up to about this many characters, then a count. */
export const MAX_LABEL_CHARS = 4_000;

/**
 * Checks a file: bytes (UTF-8, a BOM tolerated) + the form's choices + the rule set chosen →
 * verdict, findings (rendered in French), output file. `alternatives`: the other rule sets the
 * user could have chosen (the registry); when given, a file that fits one of them much better
 * than the chosen one gets the file-level note G021 naming it. `hooks.onProgress` follows the
 * requests checked (the worker's progress bar). Never throws on bad input.
 */
export function simulate(
  bytes: Uint8Array,
  options: SimulationOptions,
  ruleSet: RuleSet,
  alternatives: readonly RuleSet[] = [],
  hooks: SimulationHooks = {},
): SimulationResult {
  const notText = binaryContent(bytes);
  if (notText) return invalid([notText]);
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    // Control bytes at the start and not UTF-8: a binary file of a kind not recognised.
    if (decoded.fault.reason === 'invalid-utf8' && sniff(bytes.subarray(0, HEAD_BYTES)) === 'unknown')
      return invalid([binaryIssue(bytes, 'unknown')]);
    return invalid([encodingIssue(decoded.fault)]);
  }
  const text = decoded.text;
  // One "today" for the whole file, read from the clock once (not a Date per request: issue 12).
  if (options.today === undefined) options = { ...options, today: new Date().toISOString().slice(0, 10) };

  const parsed = parseJson(text, { bytes, knownKeys: knownTags(ruleSet) });
  if (!parsed.ok) return invalid([syntaxIssue(parsed.fault, new LineIndex(text))]);
  const lines = new LineIndex(text, parsed.lineStarts);

  const root = parsed.root;
  const render = (f: Finding): Issue => {
    const { line, column } = lines.position(f.offset);
    const code = f.code;
    const path = pointer(f.path);
    const text = bounded(message(code, f.args));
    // Two literals, not a spread of `{ fix }` or `{}`: a rejected file renders one per request (issue 12).
    return f.fix
      ? { code, path, message: text, line, column, offset: f.offset, fix: f.fix }
      : { code, path, message: text, line, column, offset: f.offset };
  };
  /** «… et N autres erreurs du même type», where the first one left out stands. */
  const renderOverflow = (o: Overflow, severity: 'error' | 'warning'): Issue => {
    const { line, column } = lines.position(o.offset);
    return { code: o.code, path: pointer(o.path), message: moreOfTheSame(o.code, o.count, severity), line, column, offset: o.offset };
  };
  /**
   * The issues of one severity: the findings kept (settled), then those left out of `tally`
   * (after `strict`). One loop each, no intermediate arrays (two calls per request).
   */
  const issuesOf = (findings: readonly Finding[], tally: FindingTally, severity: 'error' | 'warning'): Issue[] => {
    let out: Issue[] = [];
    for (const f of findings) if (f.severity === severity) out = append(out, render(f));
    if (tally.overflow.size === 0) return out;
    for (const o of tally.overflow.values()) {
      const s = options.strict === true && !NOT_ESCALATED.has(o.code) ? 'error' : CODES[o.code];
      if (s === severity) out.push(renderOverflow(o, s));
    }
    return out;
  };
  if (root.type !== 'object') {
    return invalid([
      render({
        code: 'E004',
        severity: 'error',
        path: [],
        offset: root.start,
        args: { tag: 'racine du fichier', expected: "un objet { … } (l'en-tête du fichier)", found: describe(root) },
      }),
    ]);
  }

  // Keyed by where the member's value starts: a value's node is made anew each time it is read
  // (see json/slots.ts), and no two nodes of a tree start at the same offset.
  const duplicated = new Map<number, JsonMember>();
  for (const d of parsed.duplicates) duplicated.set(d.member.start, d.first);
  const reported = new Set<number>();
  const budget = new FindingBudget();

  // 1. The file header: any error here rejects the whole file.
  const rootContext = makeContext(-1, root, options);
  const header = new Walker(text, lines, [], rootContext, duplicated, reported, new FindingTally(budget));
  header.object(root, ruleSet.header);
  for (const rule of ruleSet.headerRules ?? []) rule.check(rootContext, (f) => header.report(f));
  if (options.fileName !== undefined) {
    const named = fileNameFinding(options.fileName, rootContext.value('numeroAns'));
    // On the root's `{`, not on a byte order mark before it.
    if (named) header.tally.add({ ...named, offset: root.start });
  }
  const headerFindings = settle(header.findings, options.strict === true);
  const globalErrors = issuesOf(headerFindings, header.tally, 'error');
  const globalWarnings = issuesOf(headerFindings, header.tally, 'warning');
  if (globalErrors.length > 0) {
    return { status: 'invalid', globalErrors, globalWarnings, requests: [], output: null };
  }

  // 2. Each request, then the rules across requests.
  const list = memberOf(root, 'lignesImport')!;
  const items = list.type === 'array' ? (list.items as JsonObject[]) : [];
  const contexts = items.map((node, i) => makeContext(i, node, options));
  // C1 control characters (U+0080–U+009F) are rare: the parser says whether any string holds one,
  // and only then are the strings walked.
  const hasC1 = parsed.c1;
  const { onProgress } = hooks;
  const walkers = contexts.map((ctx) => {
    const walker = new Walker(text, lines, ['lignesImport', ctx.index], ctx, duplicated, reported, new FindingTally(budget));
    walker.object(ctx.node, ruleSet.request);
    for (const block of ruleSet.anywhere ?? []) {
      for (const { object, rel } of holders(ctx.node, block.holds)) walker.below(object, rel).object(object, block.shape);
    }
    const report = (f: RuleFinding) => walker.report(f);
    for (const rule of ruleSet.requestRules) rule.check(ctx, report);
    if (hasC1) c1Strings(ctx.node, [], (node, rel) => c1Finding(text, node, rel, walker));
    onProgress?.(ctx.index + 1, contexts.length);
    return walker;
  });
  for (const rule of ruleSet.fileRules) rule.check(contexts, (f) => walkers[f.index]!.report(f));
  placeLeftoverDuplicates(
    text,
    parsed.duplicates,
    reported,
    contexts.map((c) => c.node),
    walkers,
  );
  const firstErrors = walkers[0]?.findings.filter((f) => f.severity === 'error').length ?? 0;
  if (alternatives.length > 0 && firstErrors >= LOOKALIKE_MIN_ERRORS) {
    const note = lookalike(text, lines, contexts[0]!.node, options, ruleSet, alternatives, duplicated);
    if (note) globalWarnings.push(render(note));
  }

  // 3. Verdicts and the output file.
  const treatments: Treatment[] = [];
  const requests: RequestResult[] = walkers.map((walker, i) => {
    const findings = settle(walker.findings, options.strict === true);
    let errorIssues = issuesOf(findings, walker.tally, 'error');
    if (options.firstErrorOnly && errorIssues.length > 1) errorIssues = [errorIssues[0]!];
    const codeTraitement = errorIssues[0]?.code ?? ACCEPTED_CODE;
    const libelleTraitement = errorIssues.length > 0 ? treatmentLabel(errorIssues) : ACCEPTED_LABEL;
    treatments.push({ request: contexts[i]!.node, code: codeTraitement, label: libelleTraitement });
    const numLigne = contexts[i]!.value('numLigne');
    const numeroEditeur = contexts[i]!.value('numeroEditeur');
    return {
      index: i,
      numLigne: typeof numLigne === 'number' && Number.isInteger(numLigne) ? numLigne : null,
      numeroEditeur: typeof numeroEditeur === 'string' ? numeroEditeur : null,
      codeTraitement,
      libelleTraitement,
      errors: errorIssues,
      warnings: issuesOf(findings, walker.tally, 'warning'),
    };
  });
  const status = requests.some((r) => r.errors.length > 0) ? 'rejected' : 'accepted';
  const output = annotateBytes(bytes, text, parsed.bytes, treatments);
  return { status, globalErrors: [], globalWarnings, requests, output };
}

/** `text`, or its start and end around « […] » when longer than `MAX_MESSAGE_CHARS` (never cutting a surrogate pair). */
function bounded(text: string, max = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  const half = Math.floor((max - 5) / 2);
  let head = half;
  if (isHighSurrogate(text.charCodeAt(head - 1))) head--;
  let tail = text.length - half;
  if (isLowSurrogate(text.charCodeAt(tail))) tail++;
  return `${text.slice(0, head)} […] ${text.slice(tail)}`;
}
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * `libelleTraitement` of a rejected request: its errors' messages joined by « | », up to about
 * `MAX_LABEL_CHARS` characters, then «… et N autres erreurs» (issue 15: a label of a million
 * findings cannot be written).
 */
export function treatmentLabel(errors: readonly Issue[]): string {
  let out = errors[0]!.message;
  for (let i = 1; i < errors.length; i++) {
    const next = errors[i]!.message;
    if (out.length + 3 + next.length > MAX_LABEL_CHARS) return `${out} | ${moreOfTheSame(null, errors.length - i, 'error')}`;
    out += ' | ' + next;
  }
  return out;
}

const C1 = /[\u0080-\u009f]/;

/** Calls `found` for each string value of `node` (keys excepted) holding a C1 control character. */
function c1Strings(node: JsonNode, rel: (string | number)[], found: (node: JsonNode, rel: Path) => void): void {
  if (node.type === 'string') {
    if (C1.test(node.value)) found(node, [...rel]);
  } else if (node.type === 'object') {
    for (const m of node.members) c1Strings(m, [...rel, m.key], found);
  } else if (node.type === 'array') {
    node.items.forEach((item, i) => c1Strings(item, [...rel, i], found));
  }
}

/**
 * A011: a value holding a C1 control character, with the Windows-1252 reading as advice and
 * fix when every such character has one (`N\u0092GUYEN` → `N’GUYEN`).
 */
function c1Finding(text: SourceText, node: JsonNode, rel: Path, walker: Walker): void {
  if (node.type !== 'string') return;
  const restored = fromC1(node.value);
  const write = C1.test(restored) ? undefined : JSON.stringify(restored);
  const args = { ...foundArgs(text, node), ...(write ? { advice: 'windows-1252' as const, write } : {}) };
  walker.push('A011', rel, node.start, args, write ? { start: node.start, end: node.end, text: write } : undefined);
}

/** What a file's first bytes say it is, when that is not text (a PDF, an image, a zip renamed .json). */
const BINARY_KINDS = new Set(['pdf', 'png', 'jpeg', 'gif', 'zip', 'rar', '7z', 'gzip', 'ole', 'tiff', 'webp', 'heic']);

function binaryContent(bytes: Uint8Array): Issue | undefined {
  const kind = sniff(bytes.subarray(0, HEAD_BYTES));
  return BINARY_KINDS.has(kind) ? binaryIssue(bytes, kind) : undefined;
}

function binaryIssue(bytes: Uint8Array, kind: keyof typeof CONTENT_LABELS): Issue {
  const head = [...bytes.subarray(0, 4)].map((b) => '0x' + b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  const other = kind === 'unknown' ? 'un fichier binaire (des octets de contrôle dès le début)' : CONTENT_LABELS[kind];
  return { code: 'G004', path: '', line: 1, column: 1, message: message('G004', { other, found: head }) };
}

/**
 * Orders findings as they stand in the file, and applies `strict`: warnings become errors,
 * except those `strict` never escalates (NOT_ESCALATED: notes, rules the guides do not state).
 */
function settle(findings: readonly Finding[], strict: boolean): Finding[] {
  if (findings.length === 0) return [];
  // One finding (a rejected request's usual case): nothing to sort.
  const sorted = findings.length === 1 ? [findings[0]!] : [...findings].sort((a, b) => a.offset - b.offset);
  return strict
    ? sorted.map((f) => (f.severity === 'warning' && !NOT_ESCALATED.has(f.code) ? { ...f, severity: 'error' as const } : f))
    : sorted;
}

/** The first request must have at least this many errors before other rule sets are tried. */
const LOOKALIKE_MIN_ERRORS = 3;

/**
 * How badly the request `node` fits `ruleSet`: its errors under that rule set (tags, formats,
 * request rules; form choices neutral: every profile, no VAT rate) plus the tags it holds that
 * the rule set does not know (an open rule set, MS, tolerates them without an error).
 */
function misfit(
  text: SourceText,
  lines: LineIndex,
  node: JsonObject,
  options: SimulationOptions,
  ruleSet: RuleSet,
  duplicated: ReadonlyMap<number, JsonMember>,
): number {
  const neutral: SimulationOptions = {
    type: ruleSet.type,
    dsr: ruleSet.dsr,
    profiles: PROFILES,
    ...(options.today ? { today: options.today } : {}),
  };
  const ctx = makeContext(0, node, neutral);
  const walker = new Walker(text, lines, ['lignesImport', 0], ctx, duplicated, new Set());
  walker.object(node, ruleSet.request);
  for (const block of ruleSet.anywhere ?? []) {
    for (const { object, rel } of holders(node, block.holds)) walker.below(object, rel).object(object, block.shape);
  }
  for (const rule of ruleSet.requestRules) rule.check(ctx, (f) => walker.report(f));
  const known = new Set(knownTags(ruleSet));
  let unknown = 0;
  const visit = (n: JsonNode): void => {
    if (n.type === 'object') {
      for (const m of n.members) {
        if (!known.has(m.key)) unknown++;
        visit(m);
      }
    } else if (n.type === 'array') n.items.forEach(visit);
  };
  visit(node);
  return walker.findings.filter((f) => CODES[f.code] === 'error').length + unknown;
}

/**
 * G021: the first request fits another rule set (another type or couloir) much better than the
 * chosen one — at most a third of the misfit — so the note names it (an advance checked as a
 * balance, a BIO-SGL balance as an MDV-LGC advance, a HOP-DPI file as HOP-PFI).
 */
function lookalike(
  text: SourceText,
  lines: LineIndex,
  node: JsonObject,
  options: SimulationOptions,
  chosen: RuleSet,
  alternatives: readonly RuleSet[],
  duplicated: ReadonlyMap<number, JsonMember>,
): Finding | undefined {
  const own = misfit(text, lines, node, options, chosen, duplicated);
  let best: { ruleSet: RuleSet; score: number } | undefined;
  for (const other of alternatives) {
    if (other === chosen || (other.type === chosen.type && other.dsr === chosen.dsr)) continue;
    const score = misfit(text, lines, node, options, other, duplicated);
    if (!best || score < best.score) best = { ruleSet: other, score };
  }
  if (!best || best.score * 3 > own) return undefined;
  const typeLabel = best.ruleSet.type === 'avance' ? 'Avance' : 'Solde';
  return {
    code: 'G021',
    severity: 'warning',
    path: [],
    offset: node.start,
    args: { expected: best.ruleSet.title, other: chosen.title, hint: `type de demande « ${typeLabel} », couloir « ${best.ruleSet.dsr} »` },
  };
}

function invalid(globalErrors: Issue[]): SimulationResult {
  return { status: 'invalid', globalErrors, globalWarnings: [], requests: [], output: null };
}

/** RFC 6901: `/lignesImport/0/commande`, with `~` and `/` escaped. */
export function pointer(path: Path): string {
  let out = '';
  // indexOf rather than a regular expression: a rejected file renders a pointer per request (issue 12).
  for (const seg of path)
    out +=
      '/' + (typeof seg === 'number' || (!seg.includes('~') && !seg.includes('/')) ? seg : seg.replaceAll('~', '~0').replaceAll('/', '~1'));
  return out;
}

function describe(node: JsonNode): string {
  switch (node.type) {
    case 'array':
      return 'un tableau';
    case 'string':
      return 'une chaîne';
    case 'number':
      return 'un nombre';
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    default:
      return 'un objet';
  }
}

function encodingIssue(fault: EncodingFault): Issue {
  const { line, column } = fault;
  switch (fault.reason) {
    case 'too-large':
      return { code: 'G003', path: '', line, column, message: message('G003', { found: fault.found, count: MAX_INPUT_BYTES }) };
    case 'utf16':
    case 'utf32':
      return {
        code: 'G002',
        path: '',
        line,
        column,
        message: message('G002', { found: fault.found, hint: fault.reason === 'utf16' ? 'UTF-16' : 'UTF-32' }),
      };
    default:
      return {
        code: 'G001',
        path: '',
        line,
        column,
        message: message('G001', { found: fault.found, hint: fault.looksLatin1 ? 'ISO-8859-1 / Windows-1252' : undefined }),
      };
  }
}

function syntaxIssue(fault: SyntaxFault, lines: LineIndex): Issue {
  const { line, column } = lines.position(fault.offset);
  const { offset } = fault;
  if (fault.reason === 'empty') return { code: 'G012', path: '', line, column, offset, message: message('G012', {}) };
  if (fault.reason === 'too-deep') return { code: 'G011', path: '', line, column, offset, message: message('G011', { count: MAX_DEPTH }) };
  const found =
    fault.found === ''
      ? 'la fin du fichier'
      : fault.reason === 'expected-comma-or-close'
        ? `${fault.found} (après la valeur)`
        : fault.found;
  const advice = fault.fix ? { advice: 'decimal-comma' as const, write: fault.fix.text } : {};
  let text = message('G010', { reason: fault.reason, found, ...advice });
  if (fault.openedAt !== undefined) {
    const opened = lines.position(fault.openedAt);
    text = text.replace(/\.$/, ` (chaîne commencée ligne ${opened.line}, colonne ${opened.column}).`);
  }
  const issue: Issue = { code: 'G010', path: '', line, column, offset, message: text };
  return fault.fix ? { ...issue, fix: fault.fix } : issue;
}

/**
 * Duplicate keys the walk did not meet (inside an unknown tag's value, say): each is still
 * an error of the request that holds it. Requests, members and items are in file order: each
 * is found by binary search (issue 15: 80 000 duplicates in one array must not cost 80 000 scans).
 */
function placeLeftoverDuplicates(
  text: SourceText,
  duplicates: readonly { object: JsonObject; member: JsonMember }[],
  reported: ReadonlySet<number>,
  requests: readonly JsonObject[],
  walkers: readonly Walker[],
): void {
  for (const { object, member } of duplicates) {
    if (reported.has(member.start)) continue;
    // A member's key and value stand in the same request: its value's start finds the request.
    const i = containing(requests, member.start);
    if (i < 0) continue; // in the header: reported there as an unknown or duplicated tag
    const walker = walkers[i]!;
    const request = requests[i]!;
    const at = keySpan(text, member).start;
    if (!walker.tally.admit('E003')) {
      walker.tally.drop('E003', at, () => ['lignesImport', i, ...(pathTo(request, object) ?? []), member.key]);
      continue;
    }
    const rel = pathTo(request, object);
    if (!rel) continue;
    walker.tally.add({
      code: 'E003',
      severity: CODES.E003,
      path: ['lignesImport', i, ...rel, member.key],
      offset: at,
      args: { tag: tagLabel([...rel, member.key]) },
    });
  }
}

/** The index of the node of `nodes` (in file order, not overlapping) that spans `offset`, or -1. */
function containing(nodes: readonly { start: number; end: number }[], offset: number): number {
  return containingAt(nodes.length, (i) => nodes[i]!, offset);
}

/** `containing` over `count` nodes given by `at`. */
function containingAt(count: number, at: (i: number) => { start: number; end: number }, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const n = at(mid);
    if (offset < n.start) hi = mid - 1;
    else if (offset >= n.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function pathTo(from: JsonNode, target: JsonObject): Path | undefined {
  const path: (string | number)[] = [];
  let node = from;
  while (node !== target) {
    if (node.type === 'object') {
      const members = node.members;
      const i = containingAt(members.length, (k) => members[k]!, target.start);
      if (i < 0) return undefined;
      path.push(node.members[i]!.key);
      node = node.members[i]!;
    } else if (node.type === 'array') {
      const i = containing(node.items, target.start);
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i]!;
    } else return undefined;
  }
  return path;
}

// The whole simulation: bytes + form choices + rule set → verdict, findings, output file.
// Pure: no DOM, no Node API; the browser, the worker and the CLI all call this.

import { decodeUtf8, MAX_INPUT_BYTES, type EncodingFault } from './json/decode';
import { parseJson, MAX_DEPTH, type SyntaxFault } from './json/parse';
import { LineIndex } from './json/position';
import { memberOf, type JsonMember, type JsonNode, type JsonObject } from './json/ast';
import { foundArgs, holders, knownTags, makeContext, Walker } from './validate';
import { annotateBytes, type Treatment } from './annotate';
import { CONTENT_LABELS, message } from '../messages/fr';
import { CODES, NOT_ESCALATED } from '../messages/codes';
import { HEAD_BYTES, sniff } from '../attachments/magic';
import { fromC1 } from './invisible';
import type { RuleFinding, RuleSet } from './model';
import { fileNameFinding } from './file-name';
import { PROFILES, type Finding, type Issue, type Path, type RequestResult, type SimulationOptions, type SimulationResult } from './types';

export const ACCEPTED_CODE = '0000';
export const ACCEPTED_LABEL = 'Demande acceptée';

/**
 * Checks a file: bytes (UTF-8, a BOM tolerated) + the form's choices + the rule set chosen →
 * verdict, findings (rendered in French), output file. `alternatives`: the other rule sets the
 * user could have chosen (the registry); when given, a file that fits one of them much better
 * than the chosen one gets the file-level note G021 naming it. Never throws on bad input.
 */
export function simulate(bytes: Uint8Array, options: SimulationOptions, ruleSet: RuleSet, alternatives: readonly RuleSet[] = []): SimulationResult {
  const notText = binaryContent(bytes);
  if (notText) return invalid([notText]);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    // Control bytes at the start and not UTF-8: a binary file of a kind not recognised.
    if (decoded.fault.reason === 'invalid-utf8' && sniff(bytes.subarray(0, HEAD_BYTES)) === 'unknown') return invalid([binaryIssue(bytes, 'unknown')]);
    return invalid([encodingIssue(decoded.fault)]);
  }
  const text = decoded.text;
  const lines = new LineIndex(text);
  const parsed = parseJson(text, { bytes, knownKeys: knownTags(ruleSet) });
  if (!parsed.ok) return invalid([syntaxIssue(parsed.fault, lines)]);

  const root = parsed.root;
  const render = (f: Finding): Issue => {
    const { line, column } = lines.position(f.offset);
    const issue: Issue = { code: f.code, path: pointer(f.path), message: message(f.code, f.args), line, column };
    return f.fix ? { ...issue, fix: f.fix } : issue;
  };
  if (root.type !== 'object') {
    return invalid([render({ code: 'E004', severity: 'error', path: [], offset: root.start, args: { tag: 'racine du fichier', expected: "un objet { … } (l'en-tête du fichier)", found: describe(root) } })]);
  }

  const duplicated = new Set(parsed.duplicates.map((d) => d.member));
  const reported = new Set<JsonMember>();

  // 1. The file header: any error here rejects the whole file.
  const rootContext = makeContext(-1, root, options);
  const header = new Walker(text, lines, [], rootContext, duplicated, reported);
  header.object(root, ruleSet.header);
  for (const rule of ruleSet.headerRules ?? []) rule.check(rootContext, (f) => header.report(f));
  if (options.fileName !== undefined) {
    const named = fileNameFinding(options.fileName, rootContext.value('numeroAns'));
    if (named) header.findings.push(named);
  }
  const headerFindings = settle(header.findings, options.strict === true);
  const globalErrors = headerFindings.filter((f) => f.severity === 'error');
  const globalWarnings = headerFindings.filter((f) => f.severity === 'warning');
  if (globalErrors.length > 0) {
    return { status: 'invalid', globalErrors: globalErrors.map(render), globalWarnings: globalWarnings.map(render), requests: [], output: null };
  }

  // 2. Each request, then the rules across requests.
  const list = memberOf(root, 'lignesImport')!.value;
  const items = list.type === 'array' ? (list.items as JsonObject[]) : [];
  const contexts = items.map((node, i) => makeContext(i, node, options));
  // C1 control characters (U+0080–U+009F) are rare: one scan of the text, then a walk only if there is any.
  const hasC1 = C1_IN_TEXT.test(text);
  const walkers = contexts.map((ctx) => {
    const walker = new Walker(text, lines, ['lignesImport', ctx.index], ctx, duplicated, reported);
    walker.object(ctx.node, ruleSet.request);
    for (const block of ruleSet.anywhere ?? []) {
      for (const { object, rel } of holders(ctx.node, block.holds)) walker.below(object, rel).object(object, block.shape);
    }
    const report = (f: RuleFinding) => walker.report(f);
    for (const rule of ruleSet.requestRules) rule.check(ctx, report);
    if (hasC1) c1Strings(ctx.node, [], (node, rel) => c1Finding(text, node, rel, walker));
    return walker;
  });
  for (const rule of ruleSet.fileRules) rule.check(contexts, (f) => walkers[f.index]!.report(f));
  placeLeftoverDuplicates(parsed.duplicates, reported, contexts.map((c) => c.node), walkers);
  const firstErrors = walkers[0]?.findings.filter((f) => f.severity === 'error').length ?? 0;
  if (alternatives.length > 0 && firstErrors >= LOOKALIKE_MIN_ERRORS) {
    const note = lookalike(text, lines, contexts[0]!.node, options, ruleSet, alternatives, duplicated);
    if (note) globalWarnings.push(note);
  }

  // 3. Verdicts and the output file.
  const treatments: Treatment[] = [];
  const requests: RequestResult[] = walkers.map((walker, i) => {
    let findings = settle(walker.findings, options.strict === true);
    let errors = findings.filter((f) => f.severity === 'error');
    if (options.firstErrorOnly && errors.length > 1) {
      const first = errors[0]!;
      findings = findings.filter((f) => f.severity === 'warning' || f === first);
      errors = [first];
    }
    const errorIssues = errors.map(render);
    const codeTraitement = errorIssues[0]?.code ?? ACCEPTED_CODE;
    const libelleTraitement = errorIssues.length > 0 ? errorIssues.map((e) => e.message).join(' | ') : ACCEPTED_LABEL;
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
      warnings: findings.filter((f) => f.severity === 'warning').map(render),
    };
  });
  const status = requests.some((r) => r.errors.length > 0) ? 'rejected' : 'accepted';
  const output = annotateBytes(bytes, text, parsed.bytes, treatments);
  return { status, globalErrors: [], globalWarnings: globalWarnings.map(render), requests, output };
}

const C1 = /[\u0080-\u009f]/;
/** A C1 control character, written as such or as a `\u0080`–`\u009F` escape. */
const C1_IN_TEXT = /[\u0080-\u009f]|\\u00[89][0-9a-fA-F]/;

/** Calls `found` for each string value of `node` (keys excepted) holding a C1 control character. */
function c1Strings(node: JsonNode, rel: (string | number)[], found: (node: JsonNode, rel: Path) => void): void {
  if (node.type === 'string') {
    if (C1.test(node.value)) found(node, [...rel]);
  } else if (node.type === 'object') {
    for (const m of node.members) c1Strings(m.value, [...rel, m.key], found);
  } else if (node.type === 'array') {
    node.items.forEach((item, i) => c1Strings(item, [...rel, i], found));
  }
}

/**
 * A011: a value holding a C1 control character, with the Windows-1252 reading as advice and
 * fix when every such character has one (`N\u0092GUYEN` → `N’GUYEN`).
 */
function c1Finding(text: string, node: JsonNode, rel: Path, walker: Walker): void {
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
  const sorted = [...findings].sort((a, b) => a.offset - b.offset);
  return strict ? sorted.map((f) => (f.severity === 'warning' && !NOT_ESCALATED.has(f.code) ? { ...f, severity: 'error' as const } : f)) : sorted;
}

/** The first request must have at least this many errors before other rule sets are tried. */
const LOOKALIKE_MIN_ERRORS = 3;

/**
 * How badly the request `node` fits `ruleSet`: its errors under that rule set (tags, formats,
 * request rules; form choices neutral: every profile, no VAT rate) plus the tags it holds that
 * the rule set does not know (an open rule set, MS, tolerates them without an error).
 */
function misfit(text: string, lines: LineIndex, node: JsonObject, options: SimulationOptions, ruleSet: RuleSet, duplicated: ReadonlySet<JsonMember>): number {
  const neutral: SimulationOptions = { type: ruleSet.type, dsr: ruleSet.dsr, profiles: PROFILES, ...(options.today ? { today: options.today } : {}) };
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
        visit(m.value);
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
  text: string,
  lines: LineIndex,
  node: JsonObject,
  options: SimulationOptions,
  chosen: RuleSet,
  alternatives: readonly RuleSet[],
  duplicated: ReadonlySet<JsonMember>,
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
  for (const seg of path) out += '/' + (typeof seg === 'number' || !/[~/]/.test(seg) ? seg : seg.replaceAll('~', '~0').replaceAll('/', '~1'));
  return out;
}

function describe(node: JsonNode): string {
  switch (node.type) {
    case 'array': return 'un tableau';
    case 'string': return 'une chaîne';
    case 'number': return 'un nombre';
    case 'boolean': return String(node.value);
    case 'null': return 'null';
    default: return 'un objet';
  }
}

function encodingIssue(fault: EncodingFault): Issue {
  const { line, column } = fault;
  switch (fault.reason) {
    case 'too-large':
      return { code: 'G003', path: '', line, column, message: message('G003', { found: fault.found, count: MAX_INPUT_BYTES }) };
    case 'utf16':
    case 'utf32':
      return { code: 'G002', path: '', line, column, message: message('G002', { found: fault.found, hint: fault.reason === 'utf16' ? 'UTF-16' : 'UTF-32' }) };
    default:
      return { code: 'G001', path: '', line, column, message: message('G001', { found: fault.found, hint: fault.looksLatin1 ? 'ISO-8859-1 / Windows-1252' : undefined }) };
  }
}

function syntaxIssue(fault: SyntaxFault, lines: LineIndex): Issue {
  const { line, column } = lines.position(fault.offset);
  if (fault.reason === 'empty') return { code: 'G012', path: '', line, column, message: message('G012', {}) };
  if (fault.reason === 'too-deep') return { code: 'G011', path: '', line, column, message: message('G011', { count: MAX_DEPTH }) };
  const found = fault.found === '' ? 'la fin du fichier' : fault.reason === 'expected-comma-or-close' ? `${fault.found} (après la valeur)` : fault.found;
  const advice = fault.fix ? { advice: 'decimal-comma' as const, write: fault.fix.text } : {};
  let text = message('G010', { reason: fault.reason, found, ...advice });
  if (fault.openedAt !== undefined) {
    const opened = lines.position(fault.openedAt);
    text = text.replace(/\.$/, ` (chaîne commencée ligne ${opened.line}, colonne ${opened.column}).`);
  }
  const issue: Issue = { code: 'G010', path: '', line, column, message: text };
  return fault.fix ? { ...issue, fix: fault.fix } : issue;
}

/**
 * Duplicate keys the walk did not meet (inside an unknown tag's value, say): each is still
 * an error of the request that holds it.
 */
function placeLeftoverDuplicates(
  duplicates: readonly { object: JsonObject; member: JsonMember }[],
  reported: ReadonlySet<JsonMember>,
  requests: readonly JsonObject[],
  walkers: readonly Walker[],
): void {
  for (const { object, member } of duplicates) {
    if (reported.has(member)) continue;
    const i = requests.findIndex((r) => r.start <= member.keyStart && member.keyStart < r.end);
    if (i < 0) continue; // in the header: reported there as an unknown or duplicated tag
    const rel = pathTo(requests[i]!, object);
    if (!rel) continue;
    const path = [...rel, member.key];
    walkers[i]!.push('E003', path, member.keyStart);
  }
}

function pathTo(from: JsonNode, target: JsonObject): Path | undefined {
  if (from === target) return [];
  if (from.type === 'object') {
    for (const m of from.members) {
      if (m.value.start <= target.start && target.end <= m.value.end) {
        const rest = pathTo(m.value, target);
        if (rest) return [m.key, ...rest];
      }
    }
  } else if (from.type === 'array') {
    for (let i = 0; i < from.items.length; i++) {
      const item = from.items[i]!;
      if (item.start <= target.start && target.end <= item.end) {
        const rest = pathTo(item, target);
        if (rest) return [i, ...rest];
      }
    }
  }
  return undefined;
}

// The whole simulation: bytes + form choices + rule set → verdict, findings, output file.
// Pure: no DOM, no Node API; the browser, the worker and the CLI all call this.

import { decodeUtf8, MAX_INPUT_BYTES, type EncodingFault } from './json/decode';
import { parseJson, MAX_DEPTH, type SyntaxFault } from './json/parse';
import { LineIndex } from './json/position';
import { memberOf, type JsonMember, type JsonNode, type JsonObject } from './json/ast';
import { holders, knownTags, makeContext, Walker } from './validate';
import { annotateBytes, type Treatment } from './annotate';
import { message } from '../messages/fr';
import type { RuleFinding, RuleSet } from './model';
import type { Finding, Issue, Path, RequestResult, SimulationOptions, SimulationResult } from './types';

export const ACCEPTED_CODE = '0000';
export const ACCEPTED_LABEL = 'Demande acceptée';

export function simulate(bytes: Uint8Array, options: SimulationOptions, ruleSet: RuleSet): SimulationResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return invalid([encodingIssue(decoded.fault)]);
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
  const walkers = contexts.map((ctx) => {
    const walker = new Walker(text, lines, ['lignesImport', ctx.index], ctx, duplicated, reported);
    walker.object(ctx.node, ruleSet.request);
    for (const block of ruleSet.anywhere ?? []) {
      for (const { object, rel } of holders(ctx.node, block.holds)) walker.below(object, rel).object(object, block.shape);
    }
    const report = (f: RuleFinding) => walker.report(f);
    for (const rule of ruleSet.requestRules) rule.check(ctx, report);
    return walker;
  });
  for (const rule of ruleSet.fileRules) rule.check(contexts, (f) => walkers[f.index]!.report(f));
  placeLeftoverDuplicates(parsed.duplicates, reported, contexts.map((c) => c.node), walkers);

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

/** Orders findings as they stand in the file, and applies `strict` (warnings become errors). */
function settle(findings: readonly Finding[], strict: boolean): Finding[] {
  if (findings.length === 0) return [];
  const sorted = [...findings].sort((a, b) => a.offset - b.offset);
  return strict ? sorted.map((f) => (f.severity === 'warning' ? { ...f, severity: 'error' as const } : f)) : sorted;
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
  let text = message('G010', { reason: fault.reason, found: fault.found === '' ? 'la fin du fichier' : fault.found });
  if (fault.openedAt !== undefined) {
    const opened = lines.position(fault.openedAt);
    text = text.replace(/\.$/, ` (chaîne commencée ligne ${opened.line}, colonne ${opened.column}).`);
  }
  return { code: 'G010', path: '', line, column, message: text };
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

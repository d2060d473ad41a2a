// The findings of a result, grouped for the results list: the tag a finding is about (from its
// JSON Pointer), the summary by code and tag («E010 commande.dateCommande — 200 demandes»), and
// the filter (severity, code, tag) that the summary and the list share.

import type { Issue, RequestResult, Severity } from '../../core/types';
import { pointerTokens } from './pointer';

const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * The tag of a finding inside its request, in dotted form, array indices dropped:
 * `/lignesImport/3/beneficiaires/liberal/0/RPPS` → `beneficiaires.liberal.RPPS`;
 * the request itself (`/lignesImport/3`) or the file → ''.
 */
export function tagOf(path: string): string {
  const tokens = pointerTokens(path);
  const rest = tokens[0] === 'lignesImport' && tokens[1] !== undefined && INDEX.test(tokens[1]) ? tokens.slice(2) : tokens;
  return rest.filter((t) => !INDEX.test(t)).join('.');
}

/** What the list shows: every finding, or those of one severity, code and tag ('' = any). */
export interface FindingFilter {
  readonly severity: Severity | 'all';
  readonly code: string;
  readonly tag: string;
}

export const NO_FILTER: FindingFilter = { severity: 'all', code: '', tag: '' };

export const isFiltering = (f: FindingFilter): boolean => f.severity !== 'all' || f.code !== '' || f.tag !== '';

export function matches(filter: FindingFilter, issue: Issue, severity: Severity): boolean {
  return (
    (filter.severity === 'all' || filter.severity === severity) &&
    (filter.code === '' || filter.code === issue.code) &&
    (filter.tag === '' || filter.tag === tagOf(issue.path))
  );
}

/** One line of the summary: a code on a tag, in how many requests, how many times. */
export interface SummaryLine {
  readonly code: string;
  readonly tag: string;
  readonly severity: Severity;
  /** Requests holding at least one such finding. */
  readonly requests: number;
  readonly findings: number;
}

/**
 * The requests' findings by code and tag, most widespread first (then by code and tag). File-level
 * findings (the banner, the file warnings) are not in it: they are shown apart.
 */
export function summarize(requests: readonly RequestResult[]): SummaryLine[] {
  const lines = new Map<string, { code: string; tag: string; severity: Severity; requests: number; findings: number; last: number }>();
  const add = (issue: Issue, severity: Severity, index: number) => {
    const tag = tagOf(issue.path);
    const key = `${severity} ${issue.code} ${tag}`;
    let line = lines.get(key);
    if (!line) lines.set(key, (line = { code: issue.code, tag, severity, requests: 0, findings: 0, last: -1 }));
    line.findings++;
    if (line.last !== index) {
      line.last = index;
      line.requests++;
    }
  };
  for (const r of requests) {
    for (const issue of r.errors) add(issue, 'error', r.index);
    for (const issue of r.warnings) add(issue, 'warning', r.index);
  }
  return [...lines.values()]
    .map(({ code, tag, severity, requests, findings }) => ({ code, tag, severity, requests, findings }))
    .sort((a, b) => b.requests - a.requests || b.findings - a.findings || a.code.localeCompare(b.code) || a.tag.localeCompare(b.tag));
}

/**
 * The first requests to render whose shown findings add up to `budget` (at least one request):
 * a list of thousands of findings is rendered a page at a time, so the DOM stays small.
 */
export function firstRequests(requests: readonly RequestResult[], shown: (r: RequestResult) => number, budget: number): number {
  let total = 0;
  for (let i = 0; i < requests.length; i++) {
    total += Math.max(1, shown(requests[i]!));
    if (total >= budget) return i + 1;
  }
  return requests.length;
}

// Fixes as data (issue 10): every fixture base file of every rule set is mangled the ways
// scripts and spreadsheets mangle values (quotes, leading zeros, dates, decimals, misspelt
// tags); each finding that carries a fix must go away once the fix is applied to the text.

import { describe, expect, it } from 'vitest';
import { examples as mdv } from '../src/rules/mdv-lgc/examples';
import { examples as bio } from '../src/rules/bio-sgl/examples';
import { examples as hop } from '../src/rules/hop/examples';
import { examples as ms } from '../src/rules/ms/examples';
import { fixtureOptions, type FixtureSet } from '../src/rules/fixture';
import { simulate } from '../src/core/simulate';
import { parseJson } from '../src/core/json/parse';
import { keySpan, type JsonNode } from '../src/core/json/ast';
import type { Fix, Issue, SimulationResult } from '../src/core/types';

const SETS: readonly FixtureSet[] = [...mdv, ...bio, ...hop, ...ms];
const encoder = new TextEncoder();

/** A text edit: replace [start, end) by text. */
interface Mutation {
  readonly what: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const apply = (text: string, m: { start: number; end: number; text: string }) => text.slice(0, m.start) + m.text + text.slice(m.end);

/** Every way this test mangles the values and tags of a base file. */
function mutations(text: string): Mutation[] {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error('base file does not parse');
  const out: Mutation[] = [];
  const visit = (node: JsonNode) => {
    switch (node.type) {
      case 'object':
        for (const m of node.members) {
          const k = m.key;
          if (k.length >= 6) {
            // Two middle letters swapped: `numeroEdtieur`.
            const i = Math.floor(k.length / 2);
            const swapped = k.slice(0, i - 1) + k[i] + k[i - 1] + k.slice(i + 1);
            if (swapped !== k) out.push({ what: `tag ${k} → ${swapped}`, ...keySpan(text, m), text: JSON.stringify(swapped) });
          }
          visit(m);
        }
        return;
      case 'array':
        node.items.forEach(visit);
        return;
      case 'boolean':
        out.push({ what: `boolean quoted`, start: node.start, end: node.end, text: `"${node.value}"` });
        return;
      case 'number': {
        const raw = text.slice(node.start, node.end);
        out.push({ what: `number ${raw} quoted`, start: node.start, end: node.end, text: `"${raw}"` });
        const dec = /^(\d+)\.(\d\d)$/.exec(raw);
        if (dec) {
          out.push({ what: `amount ${raw} with a comma`, start: node.start, end: node.end, text: `"${dec[1]},${dec[2]}"` });
          if (dec[2] === '00') out.push({ what: `amount ${raw} without decimals`, start: node.start, end: node.end, text: dec[1]! });
          else out.push({ what: `amount ${raw} with one decimal`, start: node.start, end: node.end, text: raw.slice(0, -1) });
        }
        return;
      }
      case 'string': {
        const s = node.value;
        if (/^\d+$/.test(s)) {
          const stripped = s.replace(/^0+(?=\d)/, '');
          out.push({ what: `digits ${s} unquoted`, start: node.start, end: node.end, text: stripped });
          if (stripped !== s)
            out.push({ what: `digits ${s} without leading zeros`, start: node.start, end: node.end, text: JSON.stringify(stripped) });
        }
        const d = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(s);
        if (d) {
          out.push({ what: `date ${s} as ISO`, start: node.start, end: node.end, text: `"${d[3]}-${d[2]}-${d[1]}"` });
          const serial = Math.round((Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])) - Date.UTC(1899, 11, 30)) / 86_400_000);
          out.push({ what: `date ${s} as an Excel serial`, start: node.start, end: node.end, text: `"${serial}"` });
          out.push({ what: `date ${s} as an Excel serial number`, start: node.start, end: node.end, text: String(serial) });
        }
        return;
      }
      default:
        return;
    }
  };
  visit(parsed.root);
  return out;
}

function all(r: SimulationResult): Issue[] {
  return [...r.globalErrors, ...r.globalWarnings, ...r.requests.flatMap((q) => [...q.errors, ...q.warnings])];
}

describe('fixes carried by findings', () => {
  for (const set of SETS) {
    const { ruleSet } = set;
    const bases = [...new Set(set.fixtures.map((f) => f.base))];
    it(`${ruleSet.dsr} ${ruleSet.type}: applying each fix removes its finding`, () => {
      const options = fixtureOptions(ruleSet);
      const run = (text: string) => simulate(encoder.encode(text), options, ruleSet);
      const fixedCodes = new Set<string>();
      let fixes = 0;
      for (const base of bases) {
        const text = set.bases[base]!;
        for (const m of mutations(text)) {
          const mangled = apply(text, m);
          for (const issue of all(run(mangled))) {
            const fix: Fix | undefined = issue.fix;
            if (!fix) continue;
            expect(fix.start, `${base}: ${m.what}`).toBeLessThanOrEqual(fix.end);
            const again = all(run(apply(mangled, fix)));
            const still = again.filter((i) => i.code === issue.code && i.path === issue.path);
            expect(still, `${base}: ${m.what}: ${issue.code} ${issue.path} fixed by ${JSON.stringify(fix.text)}`).toEqual([]);
            fixes++;
            fixedCodes.add(issue.code);
          }
        }
      }
      // The mutations reach every kind of mechanical fix (a test that could pass on no fix at all would prove nothing).
      expect(fixes).toBeGreaterThan(20);
      for (const code of ['E002', 'E004']) expect([...fixedCodes]).toContain(code);
    });
  }

  it('the mutations yield every kind of fix across the rule sets', () => {
    const codes = new Set<string>();
    for (const set of SETS) {
      const options = fixtureOptions(set.ruleSet);
      for (const base of new Set(set.fixtures.map((f) => f.base))) {
        const text = set.bases[base]!;
        for (const m of mutations(text)) {
          for (const issue of all(simulate(encoder.encode(apply(text, m)), options, set.ruleSet))) if (issue.fix) codes.add(issue.code);
        }
      }
    }
    expect([...codes].sort()).toEqual(expect.arrayContaining(['E002', 'E004', 'E007', 'E010', 'E011']));
  });
});

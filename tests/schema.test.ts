// The JSON Schema of each rule set (src/core/schema.ts) against the checker, on every fixture:
// a file the checker accepts is valid for the schema (the schema never rejects more), and the
// structural faults a schema can see — a missing tag, an unknown tag, a wrong JSON type, a
// value off the list — are invalid for both.

import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { jsonSchemaOf } from '../src/core/schema';
import { simulate } from '../src/core/simulate';
import { loadExamples } from '../src/rules/examples';
import { fixtureOptions, fixtureText } from '../src/rules/fixture';
import { RULE_SETS } from '../src/rules';
import type { Code } from '../src/messages/codes';

const sets = await loadExamples();
const encoder = new TextEncoder();

/**
 * Codes whose fixtures the schema must reject too: what a schema sees of a file's structure
 * (tags missing, unknown, of the wrong type, null or filled against their fill rule, lengths,
 * lists, bounds, upper case, letters only, array sizes). Not here: duplicate keys (E003) and
 * numbers as written (E011, E013 `1.0`), which JSON.parse hides; calendar dates (E010: the
 * pattern checks days 01–31 and months 01–12 only); e-mail syntax (E015, which may become a
 * warning); rules across tags or requests (E020…).
 */
const STRUCTURAL: readonly Code[] = [
  'E001',
  'E002',
  'E004',
  'E005',
  'E006',
  'E007',
  'E008',
  'E009',
  'E012',
  'E014',
  'E016',
  'E017',
  'E018',
  'E019',
];

/** A fixture's text as JSON.parse reads it, or undefined when it is no JSON (G… codes). */
function parsed(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function compile(schema: object) {
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false }); // default strictness; a `then` names properties without `type`;
  return ajv.compile(schema);
}

test('there is one schema per rule set, and each compiles under ajv (unknown keywords refused)', () => {
  expect(RULE_SETS.length).toBeGreaterThanOrEqual(6);
  for (const ruleSet of RULE_SETS) {
    const schema = jsonSchemaOf(ruleSet);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => compile(schema), `${ruleSet.type} ${ruleSet.dsr}`).not.toThrow();
  }
});

describe.each(sets.map((set) => [`${set.ruleSet.type} ${set.ruleSet.dsr}`, set] as const))('%s', (_, set) => {
  const validate = compile(jsonSchemaOf(set.ruleSet));
  const verdict = (text: string, options = {}) =>
    simulate(encoder.encode(text), { ...fixtureOptions(set.ruleSet), ...options }, set.ruleSet).status;

  // A folder's base files serve its rule sets (the MDV-LGC folder holds advance and balance
  // files): those the checker accepts under this rule set are valid for its schema.
  test('every base file the checker accepts is valid for the schema', () => {
    const accepted = Object.keys(set.bases).filter(
      (name) => verdict(set.bases[name]!) === 'accepted' || verdict(set.bases[name]!, { vatRate: '0' }) === 'accepted',
    );
    expect(accepted.length).toBeGreaterThan(0);
    for (const name of accepted) {
      const json = parsed(set.bases[name]!);
      expect(json, name).toBeDefined();
      validate(json!.value);
      expect(validate.errors ?? [], name).toEqual([]);
    }
  });

  test.each(set.fixtures.map((f) => [`${f.code} ${f.title}`, f] as const))('%s', (_, fixture) => {
    const text = fixtureText(set, fixture);
    const json = parsed(text);
    const status = verdict(text, fixture.options);
    if (json === undefined) {
      // Not JSON at all: the checker rejects the whole file.
      expect(status).toBe('invalid');
      return;
    }
    const valid = validate(json.value);
    if (status === 'accepted') {
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    // A code a request rule reports (MS: the certificate block's tags present when
    // demandeCertificatServeur = true) comes from code, not from the tags' definitions.
    if (STRUCTURAL.includes(fixture.code) && !set.ruleSet.requestRules.some((r) => r.code === fixture.code)) {
      expect(status).not.toBe('accepted');
      expect(valid).toBe(false);
    }
  });
});

test('every tag of every schema has a French description, and the request rules read as if / then', () => {
  for (const ruleSet of RULE_SETS) {
    const schema = jsonSchemaOf(ruleSet);
    const walk = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      // `properties` of an `if` / `then` / empty block name tags already described elsewhere.
      if (properties && !/(if|then|not)\b|anyOf/.test(where)) {
        for (const [tag, value] of Object.entries(properties)) {
          const description = (value as { description?: unknown }).description;
          expect(typeof description === 'string' && description.length > 10, `${ruleSet.dsr} ${where}/${tag}`).toBe(true);
        }
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${where}/${key}`);
    };
    walk(schema, '#');
    expect(schema.description).toMatch(/portail de l’ASP/);
  }
  const mdv = jsonSchemaOf(RULE_SETS.find((r) => r.dsr === 'MDV-LGC' && r.type === 'avance')!);
  const conditions = JSON.stringify((mdv.$defs as { demande: { allOf: unknown[] } }).demande.allOf);
  expect(conditions).toContain('{"commandePour":{"const":"LIBERAL"}}');
  expect(conditions).toContain('{"commandePour":{"const":"STRUCTURE"}}');
});

test('the schema is the same on every call (deterministic, so that it can be published)', () => {
  for (const ruleSet of RULE_SETS) expect(JSON.stringify(jsonSchemaOf(ruleSet))).toBe(JSON.stringify(jsonSchemaOf(ruleSet)));
});

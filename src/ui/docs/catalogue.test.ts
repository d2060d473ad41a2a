import { describe, expect, test } from 'vitest';
import { RULE_SETS } from '../../rules/index';
import { codesOf } from '../../core/docs';
import { loadExamples } from '../../rules/examples';
import { CODES } from '../../messages/codes';
import { editViews, excerpt, exampleFor, GLOBAL_CODES, middleCut, shortNote } from './catalogue';

describe('excerpt', () => {
  test('a short edit is shown whole, with the changed part isolated', () => {
    const { before, after } = excerpt('"montant": 1075.00,', '"montant": 1075,');
    expect(before).toEqual({ cutStart: false, head: '"montant": 1075', changed: '.00', tail: ',', cutEnd: false });
    expect(after).toEqual({ cutStart: false, head: '"montant": 1075', changed: '', tail: ',', cutEnd: false });
  });

  test('a long edit keeps some context around the change and shortens the change', () => {
    const from = 'a'.repeat(500) + 'OLD' + 'b'.repeat(500);
    const to = 'a'.repeat(500) + 'NEW' + 'b'.repeat(500);
    const { before, after } = excerpt(from, to);
    expect(before.cutStart && before.cutEnd).toBe(true);
    expect(before.changed).toBe('OLD');
    expect(after.changed).toBe('NEW');
    expect(before.head.length).toBeLessThanOrEqual(40);
    expect(before.tail.length).toBeLessThanOrEqual(40);

    const removed = excerpt('x' + 'y'.repeat(3000) + 'z', 'xz');
    expect(removed.before.changed.length).toBeLessThanOrEqual(120);
    expect(removed.before.changed).toContain(' … ');
    expect(removed.after.changed).toBe('');
  });

  test('a long multi-line change is cut between whole lines', () => {
    const block = Array.from({ length: 30 }, (_, i) => `  "balise${i}": null,`).join('\n');
    const cut = middleCut(block, 120);
    expect(cut.split('\n')).toContain('…');
    for (const line of cut.split('\n')) expect(line === '…' || block.split('\n').includes(line)).toBe(true);
    expect(cut.startsWith('  "balise0": null,')).toBe(true);
    expect(cut.endsWith('  "balise29": null,')).toBe(true);
  });

  test('prefix and suffix never overlap (repeated characters)', () => {
    const { before, after } = excerpt('aaa', 'aaaa');
    expect(before.head + before.changed + before.tail).toBe('aaa');
    expect(after.head + after.changed + after.tail).toBe('aaaa');
  });
});

test('shortNote keeps the first sentence, cut at a word when long', () => {
  expect(shortNote('Une phrase. Une autre.')).toBe('Une phrase.');
  const long = shortNote('mot '.repeat(100) + 'fin.');
  expect(long.length).toBeLessThanOrEqual(181);
  expect(long.endsWith('…')).toBe(true);
});

test('every code of every rule set has an example whose simulation reports that code (G001–G004 excepted)', async () => {
  const sets = await loadExamples();
  for (const ruleSet of RULE_SETS) {
    for (const code of [...codesOf(ruleSet), ...GLOBAL_CODES]) {
      const example = exampleFor(code, ruleSet, sets);
      if (['G001', 'G002', 'G003', 'G004'].includes(code)) {
        expect(example, `${ruleSet.title} ${code}`).toBeUndefined();
        continue;
      }
      expect(example?.issue?.code, `${ruleSet.title} ${code}`).toBe(code);
      expect(example?.issue?.path, `${ruleSet.title} ${code}`).toBe(example?.fixture.path);
      expect(example?.borrowed, `${ruleSet.title} ${code}`).toBe(code.startsWith('G') && example?.set.ruleSet !== ruleSet);
      // A G error rejects the whole file; a G warning (file name, look-alike note) does not.
      if (code.startsWith('G')) expect(example?.wholeFile, `${ruleSet.title} ${code}`).toBe(CODES[code] === 'error');
    }
  }
  expect(GLOBAL_CODES).toEqual(Object.keys(CODES).filter((c) => c.startsWith('G')));
});

test('an edit view gives the line of the example file (the one offered for download) where the edit applies', async () => {
  const sets = await loadExamples();
  const set = sets.find((s) => s.ruleSet === RULE_SETS[0])!;
  const fixture = set.fixtures.find((f) => f.code === 'E011')!;
  const example = exampleFor('E011', RULE_SETS[0]!, sets)!;
  const [view] = example.edits;
  const [from, to] = fixture.edits[0]!;
  let prefix = 0;
  while (from[prefix] === to[prefix]) prefix++;
  const line = example.text.slice(0, example.text.indexOf(to) + prefix).split('\n').length;
  expect(view!.line).toBe(line);
  expect(example.text.split('\n')[line - 1]).toContain(to.slice(prefix).split('\n')[0]!.trim());
  expect(example.fileName).toBe(`exemple-${RULE_SETS[0]!.dsr}-${RULE_SETS[0]!.type}-E011.json`);
});

test('an edit above another moves its line in the example file', () => {
  const set = { ruleSet: RULE_SETS[0]!, bases: { 'b.json': 'a\nb\nc\n' }, fixtures: [] };
  const fixture = {
    code: 'E011',
    title: 't',
    base: 'b.json',
    path: '',
    edits: [
      ['c', 'C'],
      ['a', 'a\nx\ny'],
    ],
  } as const;
  const views = editViews(set, fixture);
  // c is on line 3 of the base, on line 5 once two lines were added above it.
  expect(views.map((v) => v.line)).toEqual([5, 1]);
});

import { describe, expect, test } from 'vitest';
import { RULE_SETS } from '../rules/index';
import { buildTemplate, templateRows } from './template';
import { buildFromTable } from './build';
import { simulate } from '../core/simulate';

describe('scratch', () => {
  test.each(RULE_SETS.map((r) => [`${r.dsr} ${r.type}`, r] as const))('%s template example builds', (_, ruleSet) => {
    const [header, example] = templateRows(buildTemplate(ruleSet));
    const result = buildFromTable({ rows: [header, example] }, ruleSet, { header: { numeroAns: 'MDVLGC0001', siret: '73282932000074' }, date: '20240115' });
    console.log(header.join(';'));
    console.log(JSON.stringify(result.errors, null, 1), result.conversions);
    if (result.files[0]) console.log(result.files[0].text);
    expect(result.status).toBe('built');
  });
});

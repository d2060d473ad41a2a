// `segur-sim schema`: its arguments as a unit, then the built bin end to end.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSchemaArgs, schemaText } from '../src/cli/schema';
import { jsonSchemaOf } from '../src/core/schema';
import { RULE_SETS } from '../src/rules';
import { builtCli } from './built-cli';

describe('parseSchemaArgs', () => {
  it('reads --type and --dsr in any order and case, with --opt=value too', () => {
    expect(parseSchemaArgs(['--type', 'avance', '--dsr', 'MDV-LGC'])).toEqual({ kind: 'run', type: 'avance', dsr: 'MDV-LGC' });
    expect(parseSchemaArgs(['--dsr=bio-sgl', '--type=Solde', '--out', 's.json'])).toEqual({
      kind: 'run',
      type: 'solde',
      dsr: 'BIO-SGL',
      out: 's.json',
    });
    expect(parseSchemaArgs(['--type', 'avance', '--dsr', 'MS', '--out', '-'])).toEqual({ kind: 'run', type: 'avance', dsr: 'MS' });
    expect(parseSchemaArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it('says in French what is wrong', () => {
    const message = (argv: string[]) => {
      const parsed = parseSchemaArgs(argv);
      return parsed.kind === 'usage-error' ? parsed.message : `not an error: ${parsed.kind}`;
    };
    expect(message([])).toBe('les options --type et --dsr sont obligatoires.');
    expect(message(['--type', 'avance'])).toBe('les options --type et --dsr sont obligatoires.');
    expect(message(['--type', 'acompte', '--dsr', 'MS'])).toBe('valeur invalide pour --type : « acompte » (attendu : avance, solde).');
    expect(message(['--type', 'avance', '--dsr', 'XYZ'])).toMatch(/^valeur invalide pour --dsr : « XYZ » \(attendu : MDV-LGC, /);
    expect(message(['f.json', '--type', 'avance'])).toBe('argument inattendu : « f.json » (segur-sim schema ne lit aucun fichier).');
    expect(message(['--type', 'avance', '--dsr', 'MS', '--strict'])).toBe(
      'option inconnue pour segur-sim schema : --strict (permises : --type, --dsr, --out).',
    );
    expect(message(['--type'])).toBe("l'option --type attend une valeur.");
    expect(message(['--type', 'avance', '--type', 'solde', '--dsr', 'MS'])).toBe("l'option --type est donnée plusieurs fois.");
  });

  it('has a schema text for every rule set, and none for a pair without rule set', () => {
    for (const r of RULE_SETS) expect(JSON.parse(schemaText(r.type, r.dsr)!)).toEqual(jsonSchemaOf(r));
    expect(schemaText('solde', 'MS')).toBeUndefined();
  });
});

describe('the built bin', () => {
  let bin = '';
  let work = '';
  beforeAll(() => {
    bin = builtCli();
    work = mkdtempSync(join(tmpdir(), 'segur-schema-'));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints each rule set’s schema, which ajv compiles', () => {
    for (const r of RULE_SETS) {
      const run = cli(['schema', '--type', r.type, '--dsr', r.dsr]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const schema = JSON.parse(run.stdout) as object;
      expect(schema).toEqual(jsonSchemaOf(r));
      expect(() => new Ajv2020({ strictTypes: false }).compile(schema)).not.toThrow();
    }
  }, 180_000); // six Node processes: generous for a loaded 2-core machine

  it('writes it to --out, and answers a bad call with 64 and the usage', () => {
    const written = cli(['schema', '--type', 'solde', '--dsr', 'BIO-SGL', '--out', 'bio.schema.json']);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(work, 'bio.schema.json'), 'utf8')).title).toMatch(/BIO-SGL/);
    const bad = cli(['schema', '--type', 'solde', '--dsr', 'MS']);
    expect(bad.status).toBe(64);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^segur-sim schema : aucun jeu de règles pour --type solde --dsr MS\. Combinaisons disponibles : /);
    expect(bad.stderr).toContain('Usage : segur-sim schema --type');
    const help = cli(['schema', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('"json.schemas"');
    expect(cli(['--help']).stdout).toContain('segur-sim schema --type T --dsr D');
  }, 120_000);
});

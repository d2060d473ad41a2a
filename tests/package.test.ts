// The installable command: `npm pack` makes a tarball that installs in an empty folder with no
// registry (the CLI bundles everything: the package has no runtime dependency) and runs with
// Node alone: `npx segur-sim --help`, a check, a schema.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, ROOT } from './built-cli';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  engines: { node: string };
  dependencies?: object;
  files: string[];
  license: string;
};

/** npm with no registry at hand: offline, its own cache, no audit or funding calls. */
function npmEnv(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_cache: cache,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // Set by the `npm test` that runs us: they would point the child npm at this project.
  for (const key of Object.keys(env)) if (/^npm_(package|lifecycle|config_(prefix|global|local_prefix))/i.test(key)) delete env[key];
  return env;
}

describe('npm pack', () => {
  let work = '';
  let tarball = '';
  let packed: string[] = [];
  let env: NodeJS.ProcessEnv = {};
  beforeAll(() => {
    builtCli();
    work = mkdtempSync(join(tmpdir(), 'segur-pack-'));
    env = npmEnv(join(work, 'cache'));
    // --ignore-scripts: the CLI is built already (prepack would rebuild it under the other tests' feet).
    const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, env, encoding: 'utf8' });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, info!.filename);
    packed = info!.files.map((f) => f.path).sort();
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("holds the built CLI, its licence and its bundled packages' licences, the README and package.json only, and needs nothing at run time", () => {
    expect(packed).toEqual(['LICENSE', 'README.md', 'dist/cli/THIRD-PARTY-LICENSES.txt', 'dist/cli/segur-sim.mjs', 'package.json']);
    expect(pkg.files).toEqual(['dist/cli/segur-sim.mjs', 'dist/cli/THIRD-PARTY-LICENSES.txt']);
    expect(pkg.license).toBe('MIT');
    // Every package bundled in the CLI has its notice (the MIT licences ask for it).
    const notices = readFileSync(join(ROOT, 'dist/cli/THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const bundled of ['fflate', 'papaparse', 'read-excel-file', 'valibot', 'write-excel-file'])
      expect(notices).toMatch(new RegExp(`^${bundled} \\d+\\.\\d+\\.\\d+ — MIT$`, 'm'));
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.engines.node).toBe('>=20');
    expect(tarball).toMatch(/segur-simulateur-\d+\.\d+\.\d+\.tgz$/);
  });

  it('installs in an empty folder without a registry and runs: --help, a check, a schema', () => {
    const app = join(work, 'app');
    mkdirSync(app);
    const install = spawnSync(npm, ['install', tarball], { cwd: app, env, encoding: 'utf8' });
    expect(install.stderr.replace(/npm warn.*\n/gi, '')).toBe('');
    expect(install.status).toBe(0);
    expect(existsSync(join(app, 'node_modules/.bin/segur-sim'))).toBe(true);

    const run = (args: string[]) => spawnSync(npx, ['--offline', 'segur-sim', ...args], { cwd: app, env, encoding: 'utf8' });
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^segur-sim — simulateur des fichiers JSON de financement Ségur numérique/);

    copyFileSync(join(ROOT, 'src/rules/mdv-lgc/fixtures/avance-liberal.json'), join(app, 'demandes.json'));
    const check = run(['demandes.json', '--type', 'avance', '--dsr', 'MDV-LGC', '--tva', '20', '--format', 'json']);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).status).toBe('accepted');
    expect(readFileSync(join(app, 'demandes_sortie.json'), 'utf8')).toContain('"codeTraitement": "0000"');

    const valid = readFileSync(join(app, 'demandes.json'), 'utf8');
    writeFileSync(join(app, 'rejete.json'), valid.replace('"montantSegurHT": 1075.00', '"montantSegurHT": 1075.5'));
    const rejected = run(['rejete.json', '--type', 'avance', '--dsr', 'MDV-LGC', '--tva', '20']);
    expect(rejected.status).toBe(1);
    expect(rejected.stdout).toContain('E011');

    const schema = run(['schema', '--type', 'avance', '--dsr', 'MDV-LGC']);
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  }, 300_000);
});

// The licences of the packages a bundle holds: the CLI bundles its dependencies (the package
// installs with none), and their MIT licences ask that their notices travel with the copies.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Plugin } from 'vite';

/** The root folder of the npm package that holds `file` (the last node_modules/<name> or node_modules/@scope/<name>), or undefined. */
function packageRoot(file: string): string | undefined {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const length = parts[at + 1]!.startsWith('@') ? at + 3 : at + 2;
  return parts.slice(0, length).join(sep);
}

/**
 * Emits `fileName` beside the bundle: for each package from node_modules bundled in it, its name,
 * version, licence id and the text of its LICENSE file (sorted by name). Throws at build time when
 * a bundled package has no licence file, so that no notice is silently missing.
 */
export const thirdPartyLicenses = (fileName = 'THIRD-PARTY-LICENSES.txt'): Plugin => ({
  name: 'segur-third-party-licenses',
  generateBundle(_options, bundle) {
    const roots = new Set<string>();
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      for (const id of chunk.moduleIds) {
        const root = packageRoot(id.replace(/^\0/, '').split('?')[0]!);
        if (root !== undefined && existsSync(join(root, 'package.json'))) roots.add(root);
      }
    }
    const entries = [...roots].map((root) => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
      const licenseFile = readdirSync(root).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
      if (licenseFile === undefined) throw new Error(`${pkg.name}@${pkg.version} (${root}) has no licence file`);
      return {
        name: pkg.name,
        header: `${pkg.name} ${pkg.version} — ${pkg.license ?? 'see below'}`,
        text: readFileSync(join(root, licenseFile), 'utf8').trim(),
      };
    });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    const source =
      'segur-sim bundles the following packages; their licences follow.\n\n' +
      entries.map((e) => `${e.header}\n${'-'.repeat(e.header.length)}\n${e.text}\n`).join('\n');
    this.emitFile({ type: 'asset', fileName, source });
  },
});

// Addresses inside the app (hash routes, so the app works from any folder and from file://):
//   #/documentation                         the index of rule sets
//   #/documentation/<dsr>/<type>            one rule set: tags, codes, example file
//   #/documentation/<dsr>/<type>/<code>     …scrolled to one code's entry
// Anything else is the simulator.

import type { Dsr, RequestType } from '../../core/types';

export interface DocRoute {
  readonly dsr?: Dsr;
  readonly type?: RequestType;
  readonly code?: string;
}

const PREFIX = '#/documentation';

export function docHref(route: DocRoute = {}): string {
  if (!route.dsr || !route.type) return PREFIX;
  const base = `${PREFIX}/${encodeURIComponent(route.dsr)}/${route.type}`;
  return route.code ? `${base}/${route.code}` : base;
}

/** The documentation route of a location hash, or undefined when the hash is not one. */
export function parseDocHash(hash: string): DocRoute | undefined {
  if (hash !== PREFIX && !hash.startsWith(PREFIX + '/')) return undefined;
  const [dsr, type, code] = hash
    .slice(PREFIX.length + 1)
    .split('/')
    .map((s) => decodeURIComponent(s));
  return {
    ...(dsr ? { dsr } : {}),
    ...(type === 'avance' || type === 'solde' ? { type } : {}),
    ...(code ? { code } : {}),
  };
}

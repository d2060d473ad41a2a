// A file's name split before its extension, so that a long name wraps before « .json » rather
// than inside it (FileName.svelte).

/**
 * `name` as its stem and its extension (from the last dot, included): `a.b.json` → `a.b` and
 * `.json`. No extension (no dot, or only a leading one, as in `.env`): the whole name is the
 * stem and the extension is ''.
 */
export function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension: name.slice(dot) };
}

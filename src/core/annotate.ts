// The output file: the input text exactly as it was, except the values of
// `codeTraitement` / `libelleTraitement` in each request, which are replaced — or,
// where a request lacks them, added at the end of its object in the file's own style
// (indentation, line ending, spacing around the colon).

import type { JsonObject } from './json/ast';

export interface Treatment {
  readonly request: JsonObject;
  readonly code: string;
  readonly label: string;
}

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

const TAGS = ['codeTraitement', 'libelleTraitement'] as const;

export function annotate(text: string, treatments: readonly Treatment[]): string {
  const edits: Edit[] = [];
  for (const { request, code, label } of treatments) {
    const values = { codeTraitement: JSON.stringify(code), libelleTraitement: JSON.stringify(label) };
    const missing: (typeof TAGS)[number][] = [];
    for (const tag of TAGS) {
      let found = false;
      for (const member of request.members) {
        if (member.key !== tag) continue;
        found = true;
        edits.push({ from: member.value.start, to: member.value.end, insert: values[tag] });
      }
      if (!found) missing.push(tag);
    }
    if (missing.length > 0) edits.push(insertion(text, request, missing.map((tag) => [tag, values[tag]] as const)));
  }
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    out += text.slice(cursor, edit.from) + edit.insert;
    cursor = edit.to;
  }
  return out + text.slice(cursor);
}

/** Members appended after the last one, separated and indented as that one is. */
function insertion(text: string, object: JsonObject, members: readonly (readonly [string, string])[]): Edit {
  const last = object.members.at(-1);
  if (!last) {
    const at = object.start + 1;
    return { from: at, to: at, insert: members.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ') };
  }
  let leadStart = last.keyStart;
  while (leadStart > object.start + 1 && isSpace(text.charCodeAt(leadStart - 1))) leadStart--;
  const lead = text.slice(leadStart, last.keyStart);
  const separator = text.slice(last.keyEnd, last.value.start);
  const at = last.value.end;
  const insert = members.map(([k, v]) => `,${lead}${JSON.stringify(k)}${separator}${v}`).join('');
  return { from: at, to: at, insert };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

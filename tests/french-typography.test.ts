// The build-time French typography of the templates (build/french-typography.ts): what it
// typesets, what it leaves alone, and that every component of the app goes through it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, preprocess } from 'svelte/compiler';
import { describe, expect, test } from 'vitest';
import { frenchTypography, typesetMarkup } from '../build/french-typography';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const ROOT = join(import.meta.dirname, '..');

/** The markup after the preprocessor (unchanged when it returns nothing). */
const typeset = (source: string) => {
  const out = typesetMarkup(source, 'Test.svelte');
  return typeof out?.code === 'string' ? out.code : source;
};

describe('the templates’ prose', () => {
  test('no-break space before : and », after «; narrow one before ; ? !', () => {
    expect(typeset('<p>Fichier : « a » ; ok ? oui !</p>')).toBe(
      `<p>Fichier${NBSP}: «${NBSP}a${NBSP}»${NNBSP}; ok${NNBSP}? oui${NNBSP}!</p>`,
    );
  });

  test('around expressions and elements, in blocks and snippets', () => {
    expect(typeset('{#if x}<li>Le fichier « {name} » : <strong>{n}</strong> ?</li>{:else}<p>Non !</p>{/if}')).toBe(
      `{#if x}<li>Le fichier «${NBSP}{name}${NBSP}»${NBSP}: <strong>{n}</strong>${NNBSP}?</li>{:else}<p>Non${NNBSP}!</p>{/if}`,
    );
    expect(typeset('{#snippet s()}<span>a : b</span>{/snippet}{#each xs as x}<i>c ; d</i>{/each}')).toBe(
      `{#snippet s()}<span>a${NBSP}: b</span>{/snippet}{#each xs as x}<i>c${NNBSP}; d</i>{/each}`,
    );
  });

  test('a line break before the punctuation or after « is one space once rendered', () => {
    expect(typeset('<p>\n  <a href="x">Lien</a>\n  : la suite, «\n  citée\n  »\n</p>')).toBe(
      `<p>\n  <a href="x">Lien</a>${NBSP}: la suite, «${NBSP}citée${NBSP}»\n</p>`,
    );
  });

  test('the attributes a person reads; not the others', () => {
    expect(typeset('<button title="Fermer : {x} ?" aria-label="a ; b" class="a : b" href="#/a ?b">x</button>')).toBe(
      `<button title="Fermer${NBSP}: {x}${NNBSP}?" aria-label="a${NNBSP}; b" class="a : b" href="#/a ?b">x</button>`,
    );
    expect(typeset('<input placeholder="Nom : " /><img alt="Logo : ASP" src="a : b.png" />')).toBe(
      `<input placeholder="Nom${NBSP}: " /><img alt="Logo${NBSP}: ASP" src="a : b.png" />`,
    );
  });

  test('the strings an expression shows, not those it compares or looks up', () => {
    expect(typeset("<p>{ok ? 'Oui : tout va bien' : `${n} erreurs ; voir « Résultats »`}</p>")).toBe(
      `<p>{ok ? 'Oui${NBSP}: tout va bien' : \`\${n} erreurs${NNBSP}; voir «${NBSP}Résultats${NBSP}»\`}</p>`,
    );
    expect(typeset("<p>{a === 'x : y' ? labels['a : b'] : list.join(' ; ')}</p>")).toBe(
      `<p>{a === 'x : y' ? labels['a : b'] : list.join('${NNBSP}; ')}</p>`,
    );
  });

  test('code, user text, scripts, styles, block tests and render arguments are left alone', () => {
    const untouched = [
      '<code>"numeroEditeur" : 12345</code>',
      '<pre>a : b ; c ? d !</pre>',
      '<p><code class="x"><span>a : b</span></code></p>',
      '<kbd>Ctrl + :</kbd>',
      '<textarea>a : b</textarea>',
      "<script>const s = 'a : b';</script>",
      '<style>a::before { content: " : "; }</style>',
      "{#if x === 'a : b'}<p>ok</p>{/if}",
      "{@render label('a : b')}",
      '<Child label="a : b" />',
      '<a href="https://exemple.fr/a?b=c">10:30, «x»</a>',
      '<!-- a : b -->',
    ];
    for (const source of untouched) expect(typeset(source)).toBe(source);
  });

  test('a source map back to the source', async () => {
    const source = '<script>\n  let a = 1;\n</script>\n\n<p>\n  Texte\n  : {a}\n</p>\n<p>{a} ?</p>\n';
    const out = typesetMarkup(source, 'Test.svelte')!;
    expect(out.map).toBeDefined();
    // The compiler takes it (vite-plugin-svelte chains it the same way).
    const pre = await preprocess(source, [frenchTypography()], { filename: 'Test.svelte' });
    const compiled = compile(pre.code, { filename: 'Test.svelte', sourcemap: pre.map });
    expect(compiled.js.map.sources).toEqual(['Test.svelte']);
    expect(compiled.js.code).toContain(`Texte${NBSP}:`);
  });
});

describe('the build', () => {
  test('every svelte() of vite.config.ts has the preprocessor: the app, the offline file, the embed element, vitest', () => {
    const text = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
    const calls = [...text.matchAll(/\bsvelte\(\s*(\{\s*preprocess\b)?/g)];
    expect(calls.length).toBe(3);
    for (const call of calls) expect(call[0], 'svelte() without { preprocess }').toMatch(/preprocess/);
  });
});

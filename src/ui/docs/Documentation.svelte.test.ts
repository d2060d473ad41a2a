// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import Documentation from './Documentation.svelte';
import { docHref } from './links';
import { shortNote } from './catalogue';
import { frenchSpaces } from '../lib/typography';
import { RULE_SETS } from '../../rules/index';
import { codesOf, exampleFile, tagRows } from '../../core/docs';
import { CODE_DOCS } from '../../messages/fr';
import { CODES } from '../../messages/codes';
import type { RuleSet } from '../../core/model';

const mdvAvance = RULE_SETS.find((r) => r.dsr === 'MDV-LGC' && r.type === 'avance')!;
const route = (r: RuleSet, code?: string) => ({ dsr: r.dsr, type: r.type, ...(code ? { code } : {}) });

/** The code entry `<article id=code>` of the page. */
const entry = (container: HTMLElement, code: string) => {
  const el = [...container.querySelectorAll<HTMLElement>('article[id]')].find((a) => a.id === code);
  if (!el) throw new Error(`no entry ${code}`);
  return el;
};

/** The tag table: the one whose caption names the tags. */
const tagTable = () => screen.getByRole('table', { name: /Balises d'un fichier/ });

// jsdom has no object URLs; the download test replaces them with spies.
beforeAll(() => {
  URL.createObjectURL ??= () => '';
  URL.revokeObjectURL ??= () => {};
});
afterEach(() => vi.restoreAllMocks());

describe('index', () => {
  test('lists every rule set, by request type, with the reconstructed badge and note', () => {
    render(Documentation, { route: {} });
    expect(screen.getByRole('heading', { level: 1, name: 'Documentation des fichiers JSON' })).toBeInTheDocument();
    const avance = screen.getByRole('heading', { level: 2, name: "Demande d'avance" }).closest('section')!;
    const solde = screen.getByRole('heading', { level: 2, name: 'Demande de solde' }).closest('section')!;
    for (const ruleSet of RULE_SETS) {
      const section = ruleSet.type === 'avance' ? avance : solde;
      const link = within(section).getByRole('link', { name: new RegExp(`^${ruleSet.title.replace(/[()]/g, '\\$&')}`) });
      expect(link).toHaveAttribute('href', docHref({ dsr: ruleSet.dsr, type: ruleSet.type }));
      const item = link.closest('li')!;
      if (ruleSet.reconstructed) {
        expect(within(link).getByText('reconstitué')).toBeInTheDocument();
        const note = item.querySelector('.note')!.textContent!;
        expect(note).toBe(frenchSpaces(shortNote(ruleSet.reconstructed)));
        expect(ruleSet.reconstructed.startsWith(shortNote(ruleSet.reconstructed).replace(/[.…]$/, ''))).toBe(true);
      } else {
        expect(within(item).queryByText('reconstitué')).not.toBeInTheDocument();
      }
    }
    expect(screen.getAllByRole('link')).toHaveLength(RULE_SETS.length);
  });
});

/** Tests that render whole rule set pages (hundreds of rows and entries) in jsdom, on a loaded machine. */
const PAGE_TIMEOUT = 60_000;

describe('rule set page', () => {
  test(
    'shows every tag row, with its path, format and aliases',
    () => {
      render(Documentation, { route: route(mdvAvance) });
      expect(screen.getByRole('heading', { level: 1, name: mdvAvance.title })).toBeInTheDocument();
      const table = tagTable();
      const headers = within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent);
      expect(headers).toEqual(['Bloc', 'Balise', 'Description', 'Format', 'Obligatoire\u202f?']);
      const rows = tagRows(mdvAvance);
      const rowHeaders = within(table).getAllByRole('rowheader');
      expect(rowHeaders).toHaveLength(rows.length);
      rows.forEach((row, i) => expect(rowHeaders[i]!.textContent).toContain(row.path));
      // A few rows read in full.
      for (const path of ['numeroAns', 'lignesImport[].commande.montantSegurHT', 'lignesImport[].beneficiaires.liberal[].RPPS']) {
        const row = rows.find((r) => r.path === path)!;
        const tr = rowHeaders.find((th) => th.querySelector('code')!.textContent === path)!.closest('tr')!;
        expect(within(tr).getByText(row.description)).toBeInTheDocument();
        expect(within(tr).getByText(row.format)).toBeInTheDocument();
        expect(within(tr).getByText(row.required)).toBeInTheDocument();
      }
      const aliased = rows.find((r) => r.aliases.length > 0)!;
      const aliasRow = rowHeaders.find((th) => th.querySelector('code')!.textContent === aliased.path)!;
      expect(aliasRow.textContent).toContain(aliased.aliases[0]);
      expect(aliasRow.textContent).toContain('Aussi acceptée');
      // The same rows as cards (shown instead of the table when narrow: a container query), named
      // by the same title: each tag's path, then its format, obligation, block and description.
      const cards = [...document.querySelectorAll<HTMLElement>('ul.tag-cards > li')];
      expect(document.querySelector('ul.tag-cards')!.getAttribute('aria-labelledby')).toBe(table.getAttribute('aria-labelledby'));
      expect(cards.map((li) => li.querySelector('h3 code')!.textContent)).toEqual(rows.map((r) => r.path));
      const card = cards[rows.findIndex((r) => r.path === 'lignesImport[].commande.montantSegurHT')]!;
      const row = rows.find((r) => r.path === 'lignesImport[].commande.montantSegurHT')!;
      expect([...card.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Format', 'Obligatoire\u202f?', 'Bloc', 'Description']);
      expect([...card.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual(
        [row.format, row.required, row.block, row.description].map(frenchSpaces),
      );
    },
    PAGE_TIMEOUT,
  );

  test(
    'has an entry for every code of the rule set, every file-level code and every attachments code, with its title and severity',
    () => {
      const { container } = render(Documentation, { route: route(mdvAvance) });
      const codes = [
        ...codesOf(mdvAvance),
        ...Object.keys(CODES).filter((c) => c.startsWith('G') || c.startsWith('P')),
      ] as (keyof typeof CODES)[];
      for (const code of codes) {
        const el = entry(container, code);
        expect(within(el).getByRole('heading', { level: 3 }).textContent).toBe(`${code} — ${frenchSpaces(CODE_DOCS[code].title)}`);
        expect(within(el).getByText(CODE_DOCS[code].explanation)).toBeInTheDocument();
        expect(within(el).getByText(CODES[code] === 'error' ? 'erreur' : 'avertissement')).toBeInTheDocument();
        if (CODES[code] === 'warning') expect(el.textContent).toContain('option stricte');
      }
      expect(container.querySelectorAll('article[id]')).toHaveLength(new Set(codes).size);
      const global = screen.getByRole('heading', { level: 2, name: 'Format global du fichier' }).closest('section')!;
      expect(
        within(global)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent!.slice(0, 4)),
      ).toEqual(Object.keys(CODES).filter((c) => c.startsWith('G')));
      const zips = screen.getByRole('heading', { level: 2, name: 'Pièces justificatives (zips)' }).closest('section')!;
      expect(zips.textContent).toContain('3 Mo par fichier, 200 Mo par zip');
      expect(
        within(zips)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent!.slice(0, 4)),
      ).toEqual(Object.keys(CODES).filter((c) => c.startsWith('P')));
      // A typical message, from the message table with this rule set's own file name.
      expect(entry(container, 'P008').textContent).toContain(
        frenchSpaces("« MDV-LGC-Va1-BDC-00001.pdf » du zip « pieces.zip » n'est pas ce qu'annonce son extension .pdf"),
      );
    },
    PAGE_TIMEOUT,
  );

  test(
    'an entry shows its fixture as before → after and the message the simulator gives',
    async () => {
      const { container } = render(Documentation, { route: route(mdvAvance) });
      const e011 = entry(container, 'E011');
      const message = await waitFor(() => {
        const samp = e011.querySelector('samp');
        expect(samp).not.toBeNull();
        return samp!.textContent!;
      });
      expect(message).toContain('deux chiffres après le point');
      expect(within(e011).getByRole('heading', { level: 4 }).textContent).toMatch(/^Exemple\u00a0: /);
      expect(within(e011).getByText('Avant')).toBeInTheDocument();
      expect(within(e011).getByText('Après')).toBeInTheDocument();
      expect(e011.querySelector('del')).not.toBeNull();
      // A form-only fixture and a byte-level code.
      expect(entry(container, 'G001').textContent).toContain("Pas d'exemple");
      expect(entry(container, 'G010').querySelector('samp')!.textContent).toMatch(/^JSON mal formé/);
    },
    PAGE_TIMEOUT,
  );

  test('the route’s code scrolls to its entry and focuses its heading', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    try {
      const { container, rerender } = render(Documentation, { route: route(mdvAvance, 'E011') });
      const heading = within(entry(container, 'E011')).getByRole('heading', { level: 3 });
      await waitFor(() => expect(heading).toHaveFocus());
      expect(scrolled).toHaveBeenCalled();
      await rerender({ route: route(mdvAvance, 'A003') });
      await waitFor(() => expect(within(entry(container, 'A003')).getByRole('heading', { level: 3 })).toHaveFocus());
      await rerender({ route: route(mdvAvance, 'G010') });
      await waitFor(() => expect(within(entry(container, 'G010')).getByRole('heading', { level: 3 })).toHaveFocus());
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  test('a code that the rule set cannot report is said so', () => {
    render(Documentation, { route: route(mdvAvance, 'E999') });
    expect(screen.getByText(/Le code « E999 » ne fait pas partie des codes de ce jeu de règles/)).toBeInTheDocument();
  });

  test(
    'the reconstructed notice appears on reconstructed rule sets only',
    () => {
      for (const ruleSet of RULE_SETS) {
        const { unmount } = render(Documentation, { route: route(ruleSet) });
        if (ruleSet.reconstructed) {
          const note = screen.getByRole('note', { name: 'Jeu de règles reconstitué' });
          expect(within(note).getByText(ruleSet.reconstructed)).toBeInTheDocument();
        } else {
          expect(screen.queryByText('Jeu de règles reconstitué')).not.toBeInTheDocument();
        }
        unmount();
      }
    },
    PAGE_TIMEOUT,
  );

  test('the download button saves the example file', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:exemple';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    let saved: { href: string; download: string } | undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved = { href: this.getAttribute('href')!, download: this.download };
    });
    render(Documentation, { route: route(mdvAvance) });
    await userEvent.click(screen.getByRole('button', { name: "Télécharger un fichier d'exemple" }));
    expect(create).toHaveBeenCalledTimes(1);
    expect(await blobs[0]!.text()).toBe(exampleFile(mdvAvance));
    expect(blobs[0]!.type).toMatch(/^application\/json/);
    expect(saved).toEqual({ href: 'blob:exemple', download: 'exemple-MDV-LGC-avance.json' });
  });

  test(
    'every rule set’s page: as many tag rows as tagRows, an entry per code, nothing hard-coded',
    () => {
      for (const ruleSet of RULE_SETS) {
        const { container, unmount } = render(Documentation, { route: route(ruleSet) });
        expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(ruleSet.title);
        expect(within(tagTable()).getAllByRole('rowheader')).toHaveLength(tagRows(ruleSet).length);
        for (const code of codesOf(ruleSet)) {
          expect(within(entry(container, code)).getByRole('heading', { level: 3 }).textContent).toContain(
            frenchSpaces(CODE_DOCS[code].title),
          );
        }
        unmount();
      }
    },
    PAGE_TIMEOUT,
  );

  test('headings go down one level at a time', () => {
    for (const r of [{}, route(mdvAvance)]) {
      const { container, unmount } = render(Documentation, { route: r });
      const levels = [...container.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
      expect(levels[0]).toBe(1);
      levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));
      unmount();
    }
  });
});

describe('unknown routes', () => {
  test('an unknown couloir or type says so and links to the index', () => {
    render(Documentation, { route: { dsr: 'XYZ', type: 'avance' } });
    expect(screen.getByRole('heading', { level: 1, name: 'Page de documentation introuvable' })).toBeInTheDocument();
    expect(screen.getByText(/Aucun jeu de règles n'existe pour le couloir « XYZ »/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Voir la liste des jeux de règles documentés' })).toHaveAttribute('href', docHref());
  });

  test('a couloir without that request type offers the rule sets it has', () => {
    render(Documentation, { route: { dsr: 'BIO-SGL', type: 'avance' } });
    expect(screen.getByText(/Aucun jeu de règles/)).toBeInTheDocument();
    const bio = RULE_SETS.filter((r) => r.dsr === 'BIO-SGL');
    for (const r of bio) expect(screen.getByRole('link', { name: r.title })).toHaveAttribute('href', docHref({ dsr: r.dsr, type: r.type }));
  });
});

test('moving from the index to a page focuses the new page’s title', async () => {
  const { rerender } = render(Documentation, { route: {} });
  await rerender({ route: route(mdvAvance) });
  await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: mdvAvance.title })).toHaveFocus());
});

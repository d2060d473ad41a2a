// The app's rough edges (issue 16), each tried as a new user would, on a desktop (1280 px) and a
// phone (390 px): the documentation examples' lines, the excerpts on a phone, the tag table on a
// phone, one's place kept between the results and the documentation, the history's « Effacer »,
// a file given to the wrong field, an empty « Simuler », long file names. Each state visited is
// checked with axe (no serious or critical violation), for sideways scrolling of the page, and for
// French typography (issue 10: no ordinary space before : ; ? ! » or after «), which the file
// editor and the spreadsheet page are checked for too.

import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { type AppSession, formatViolations, frenchSpacing, runAxe, watchedAppSession } from './browser';
import {
  chooseRuleSet,
  dialogClosed,
  download,
  fileInput,
  invalidAdvance,
  jsonFile,
  openSimulator,
  VALID_ADVANCE,
  verdictDialog,
  WORDS,
} from './simulator-page';

const ZIP_LABEL = 'Pièces justificatives (zip, facultatif)';
const SIMULER = 'Simuler';
const CLEAR_HISTORY = "Effacer l'historique";

/** A minimal zip (an empty archive: its end-of-central-directory record only). */
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

/**
 * The accessible description of a field (the texts of its aria-describedby), by its label; white
 * space flattened, as for a screen reader (the no-break spaces of French typography included).
 */
const description = (field: Locator) =>
  field.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .filter(Boolean)
      .join(' '),
  );

/** Whether `locator` is the focused element. */
const isFocused = (locator: Locator) => locator.evaluate((el) => el === (el.getRootNode() as Document).activeElement);

/** Where the text of each element of `locator` goes to a new line: the indexes (in its textContent) of each line's first character. One round trip for all of them. */
function lineStartsOfAll(locator: Locator): Promise<{ text: string; starts: number[] }[]> {
  return locator.evaluateAll((elements) =>
    elements.map((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const starts: number[] = [];
      let index = 0;
      let text = '';
      let lastTop: number | undefined;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i++, index++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0 || /\s/.test(value[i]!)) continue;
          if (lastTop !== undefined && rect.top > lastTop + 2) starts.push(index);
          lastTop = rect.top;
        }
        text += value;
      }
      return { text, starts };
    }),
  );
}

/** Where the text of `locator` goes to a new line (see lineStartsOfAll). */
async function lineStarts(locator: Locator): Promise<{ text: string; starts: number[] }> {
  const [only] = await lineStartsOfAll(locator);
  if (!only) throw new Error('lineStarts: no element');
  return only;
}

/** Whether the box of `inner` lies horizontally inside the visible part of `outer`. */
function visibleInside(inner: { x: number; width: number } | null, outer: { x: number; width: number } | null): boolean {
  if (!inner || !outer) return false;
  return inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5;
}

/**
 * The rough edges at `width` px (1280: a desktop, 390: a phone), one e2e file per width
 * (rough-edges-desktop / rough-edges-phone.e2e.test.ts), so that the two run side by side.
 */
export function describeRoughEdges(width: number): void {
  describe(`the rough edges at ${width} px`, () => {
    const app = watchedAppSession();
    afterAll(() => app.close());

    /**
     * Problems found by axe, a page wider than the viewport, or an ordinary space where French
     * typography wants a no-break one (before : ; ? ! », after «), by state; each test asserts none.
     */
    async function checkState(page: Page, state: string): Promise<Record<string, string>> {
      const problems: Record<string, string> = {};
      const violations = await runAxe(page);
      if (violations.length > 0) problems[`${state}: axe`] = formatViolations(violations);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) problems[`${state}: page width`] = `${scrollWidth} px > ${width} px`;
      const spacing = await frenchSpacing(page);
      if (spacing.length > 0) problems[`${state}: French typography`] = spacing.join('\n');
      return problems;
    }

    /** A fresh document on the simulator, at this width, set to an MDV-LGC advance. */
    async function fresh(): Promise<{ session: AppSession; page: Page }> {
      const session = await app.start();
      const { page } = session.browser;
      await page.setViewportSize({ width, height: 800 });
      await page.goto('about:blank');
      await openSimulator(page, session.server.url);
      await chooseRuleSet(page, 'avance', 'MDV-LGC');
      return { session, page };
    }

    async function simulateFiles(page: Page, files: Parameters<Locator['setInputFiles']>[0], verdict: string): Promise<void> {
      await fileInput(page).setInputFiles(files);
      await page.getByRole('button', { name: SIMULER, exact: true }).click();
      const dialog = await verdictDialog(page, verdict);
      await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
      await dialogClosed(page);
      await page.getByRole('heading', { name: 'Résultats', exact: true }).waitFor();
    }

    test('French typography in the file editor and on the spreadsheet page', async () => {
      const { session, page } = await fresh();
      await page.getByRole('button', { name: "Essayer avec un fichier d'exemple", exact: true }).click();
      const editor = page.getByRole('region', { name: /^Modifier « exemple-MDV-LGC-avance\.json »$/ });
      await editor.getByRole('heading', { name: /^Dans le texte\s:\s2 erreurs,/ }).waitFor();
      await editor.getByRole('list', { name: "Erreurs et avertissements dans l'ordre du fichier" }).getByRole('listitem').first().waitFor();
      const problems: Record<string, string> = {};
      const editorSpacing = await frenchSpacing(page);
      if (editorSpacing.length > 0) problems['file editor'] = editorSpacing.join('\n');

      await page.goto(`${session.server.url}#/tableur`);
      await page.getByRole('heading', { level: 1, name: 'Créer un fichier JSON depuis un tableur', exact: true }).waitFor();
      const sheetSpacing = await frenchSpacing(page);
      if (sheetSpacing.length > 0) problems['spreadsheet page'] = sheetSpacing.join('\n');
      expect(problems).toEqual({});
    });

    test("history: « Effacer l'historique » disabled when empty, asks before clearing", async () => {
      const { page } = await fresh();
      const history = page.getByRole('region', { name: 'Historique', exact: true });
      const clear = history.getByRole('button', { name: CLEAR_HISTORY, exact: true });
      await history.getByText('Aucune simulation enregistrée.', { exact: true }).waitFor();
      expect(await clear.isDisabled(), 'nothing to clear: the button is disabled').toBe(true);
      const problems = await checkState(page, 'empty history');

      await simulateFiles(page, jsonFile('JSON-historique.json', VALID_ADVANCE()), WORDS.accepted);
      const entries = history.getByRole('listitem');
      await entries.first().waitFor();
      expect(await clear.isEnabled()).toBe(true);

      // Cancelled: nothing is cleared.
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await clear.click();
      expect(asked).toEqual([expect.stringMatching(/^confirm: Effacer l'historique des simulations \(1 simulation\)\s\?/)]);
      expect(await entries.count()).toBe(1);

      // Confirmed: cleared, and the button is disabled again.
      page.once('dialog', (dialog) => void dialog.accept());
      await clear.click();
      await history.getByText('Aucune simulation enregistrée.', { exact: true }).waitFor();
      expect(await clear.isDisabled()).toBe(true);
      // Still cleared after a reload (the stored history went too).
      await page.reload();
      await history.getByText('Aucune simulation enregistrée.', { exact: true }).waitFor();
      expect(problems).toEqual({});
    });

    test('an empty « Simuler » moves the focus to its message', async () => {
      const { page } = await fresh();
      await page.getByRole('button', { name: SIMULER, exact: true }).click();
      const message = page.getByText('Choisissez au moins un fichier JSON.', { exact: true });
      await message.waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Choisissez au moins un fichier JSON.');
      expect(await isFocused(message)).toBe(true);
      // The message is in view, and the file field says it is invalid.
      expect(await message.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight)).toBe(
        true,
      );
      expect(await fileInput(page).getAttribute('aria-invalid')).toBe('true');
      expect(await checkState(page, 'empty Simuler')).toEqual({});
    });

    test('a file given to the wrong field is placed in its own, and it is said next to where it was given', async () => {
      const { page } = await fresh();
      const zipInput = page.getByLabel(ZIP_LABEL, { exact: true });
      const chosenJson = page.getByRole('list', { name: 'Fichiers choisis' });
      const chosenZips = page.getByRole('list', { name: 'Zips choisis' });

      // A JSON file chosen in the zip field.
      await zipInput.setInputFiles(jsonFile('demande.json', VALID_ADVANCE()));
      await chosenJson.getByText('demande.json', { exact: true }).waitFor();
      const jsonNote = 'Le fichier JSON « demande.json », déposé avec les zips, a été placé dans « Choisissez le fichier ».';
      await page.getByText(jsonNote, { exact: true }).waitFor();
      // Said next to the field it was given to, which it describes.
      expect(await description(zipInput)).toContain(jsonNote);
      expect(await description(fileInput(page))).not.toContain(jsonNote);
      expect(await chosenZips.count(), 'no zip was chosen').toBe(0);

      // A zip chosen in the JSON field: in the zip field, said next to the JSON field.
      await fileInput(page).setInputFiles({ name: 'pieces.zip', mimeType: 'application/zip', buffer: EMPTY_ZIP });
      await chosenZips.getByText('pieces.zip', { exact: true }).waitFor();
      const zipNote = 'Le zip « pieces.zip », déposé avec les fichiers JSON, a été placé dans les pièces justificatives.';
      await page.getByText(zipNote, { exact: true }).waitFor();
      expect(await description(fileInput(page))).toContain(zipNote);
      expect(await description(zipInput)).not.toContain(zipNote);
      // The JSON file chosen before stays.
      expect(await chosenJson.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('demande.json')]);
      expect(await checkState(page, 'files routed')).toEqual({});

      // Dropped: a JSON file alone on the zip field's zone.
      const transfer = await page.evaluateHandle(
        (bytes) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(bytes)], 'autre.json', { type: 'application/json' }));
          return data;
        },
        [...VALID_ADVANCE()],
      );
      const zone = page.locator('.dropzone').filter({ has: zipInput });
      await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
      await zone.dispatchEvent('drop', { dataTransfer: transfer });
      await chosenJson.getByText('autre.json', { exact: true }).waitFor();
      const droppedNote = 'Le fichier JSON « autre.json », déposé avec les zips, a été placé dans « Choisissez le fichier ».';
      await page.getByText(droppedNote, { exact: true }).waitFor();
      expect(await description(zipInput)).toContain(droppedNote);
      // The zip chosen before stays.
      expect(await chosenZips.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('pieces.zip')]);
    });

    test('long file names break before their extension, never inside it', async () => {
      const { page } = await fresh();
      // Names of every length over a line's width, with no break opportunity but the extension's dot.
      const lengths = Array.from({ length: width > 600 ? 110 : 45 }, (_, i) => (width > 600 ? 60 : 20) + i);
      // A stem with no repeated part, so that no name is a part of another.
      let seed = 7;
      const letters = Array.from(
        { length: 200 },
        () => 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'[(seed = (seed * 48271) % 2147483647) % 34],
      ).join('');
      const names = lengths.map((n) => `${letters.slice(0, n)}.json`);
      const brokenExtension = async (items: Locator, where: string) => {
        const out: string[] = [];
        for (const { text, starts } of await lineStartsOfAll(items)) {
          // The longest name the item shows (the others are its beginning, without its extension).
          const name = names.filter((n) => text.includes(n)).sort((a, b) => b.length - a.length)[0];
          if (name !== undefined) {
            const at = text.indexOf(name);
            const dot = at + name.lastIndexOf('.');
            const inside = starts.filter((s) => s > dot && s < at + name.length);
            if (inside.length > 0)
              out.push(`${where}: ${name.slice(0, 12)}… (${name.length}) breaks in « ${text.slice(inside[0]! - 3, inside[0]! + 3)} »`);
          }
        }
        return out;
      };
      await fileInput(page).setInputFiles(names.map((name) => jsonFile(name, VALID_ADVANCE())));
      const chosen = page.getByRole('list', { name: 'Fichiers choisis' }).getByRole('listitem');
      await chosen.nth(names.length - 1).waitFor();
      const broken = await brokenExtension(chosen, 'chosen files');
      // Each name is whole (no ellipsis), for the eye and for screen readers.
      expect(await chosen.allInnerTexts()).toEqual(names.map((name) => expect.stringContaining(name)));

      await page.getByRole('button', { name: SIMULER, exact: true }).click();
      const dialog = await verdictDialog(page, WORDS.accepted);
      await dialog.getByRole('button', { name: WORDS.close, exact: true }).click();
      await dialogClosed(page);
      const titles = page.locator('.results').getByRole('heading', { level: 3 });
      await titles.nth(names.length - 1).waitFor();
      broken.push(...(await brokenExtension(titles, 'results')));
      const history = page.getByRole('region', { name: 'Historique', exact: true }).getByRole('listitem');
      await history.first().waitFor();
      broken.push(...(await brokenExtension(history, 'history')));
      expect(broken).toEqual([]);
      expect(await checkState(page, 'long file names')).toEqual({});
    }, 240_000); // up to 110 files checked, on a loaded machine

    test('excerpts: indentation trimmed, the faulty value and its ^ in view without scrolling', async () => {
      const { page } = await fresh();
      // The amount (1075.5) and an e-mail address deep in the file.
      const text = invalidAdvance().toString('utf8');
      const email = text.match(/"emailMedecin": "([^"]+)"/);
      if (!email) throw new Error('fixture avance-liberal.json changed: no emailMedecin');
      const edited = text.replace(email[0], `"emailMedecin": "${email[1]!.replace('@', ' @ ')}"`);
      await simulateFiles(page, jsonFile('JSON-extraits.json', edited), WORDS.rejected);
      const excerpts = page.locator('.results').getByRole('group', { name: /^Extrait du fichier, ligne \d+$/ });
      await excerpts.first().waitFor();
      expect(await excerpts.count()).toBeGreaterThanOrEqual(2);
      const problems: string[] = [];
      for (const excerpt of await excerpts.all()) {
        const shown = await excerpt.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          const visible = { x: box.left + parseFloat(style.borderLeftWidth), width: el.clientWidth };
          const [line = '', caretLine = ''] = (el.textContent ?? '').split('\n');
          // The character the caret points at, and the caret, as laid out.
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          const rects: { x: number; width: number }[] = [];
          let index = 0;
          const caretAt = (el.textContent ?? '').lastIndexOf('^');
          const column = caretLine.indexOf('^');
          const targets = [column, caretAt];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const value = node.nodeValue ?? '';
            for (let i = 0; i < value.length; i++, index++) {
              if (!targets.includes(index)) continue;
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const r = range.getBoundingClientRect();
              rects.push({ x: r.left, width: r.width });
            }
          }
          return { line, visible, rects, value: line.slice(column, column + 12) };
        });
        const label = (await excerpt.getAttribute('aria-label')) ?? '';
        const code = shown.line.replace(/^\s*\d+ │ /, '');
        if (/^\s/.test(code)) problems.push(`${label}: the file's indentation is kept (« ${shown.line.slice(0, 20)} »)`);
        if (shown.rects.length !== 2 || !shown.rects.every((r) => visibleInside(r, shown.visible))) {
          problems.push(`${label}: the value « ${shown.value} » or its ^ is out of view`);
        }
      }
      expect(problems).toEqual([]);
      expect(await checkState(page, 'results with excerpts')).toEqual({});
    });

    test("losing one's place: a code opened by its address keeps « Retour au simulateur » in view; back from a code, the error read", async () => {
      const { session, page } = await fresh();
      const back = page.getByRole('link', { name: 'Retour au simulateur', exact: true });

      // Opened by its address (a new document): the entry, with the way back in view above it.
      await page.goto('about:blank');
      await page.goto(`${session.server.url}#/documentation/MDV-LGC/avance/E011`);
      const heading = page.getByRole('heading', { level: 3, name: /^E011 — / });
      await page.waitForFunction(() => document.activeElement?.matches('article[id="E011"] h3') === true);
      const inView = async (locator: Locator) => {
        const box = await locator.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 800;
      };
      expect(await inView(heading), 'the entry is in view').toBe(true);
      expect(await inView(back), '« Retour au simulateur » is in view').toBe(true);
      // Not hidden under one another.
      const [backBox, headingBox] = [await back.boundingBox(), await heading.boundingBox()];
      expect(headingBox!.y).toBeGreaterThanOrEqual(backBox!.y + backBox!.height);
      const problems = await checkState(page, 'code opened by its address');

      // From the results: follow the code of an error far down the page, come back.
      await page.goto('about:blank');
      await openSimulator(page, session.server.url);
      await chooseRuleSet(page, 'avance', 'MDV-LGC');
      const text = invalidAdvance().toString('utf8');
      // Several errors, the last one in the second request.
      const edited = text.replace(/"numLigne": 2\b/, '"numLigne": "2"').replace('"montantSegurHT": 1075.00', '"montantSegurHT": 1075.5');
      await simulateFiles(page, jsonFile('JSON-retour.json', edited), WORDS.rejected);
      const codes = page
        .locator('.results')
        .getByRole('listitem')
        .getByRole('link', { name: /^[A-Z]\d{3}$/ });
      await codes.first().waitFor();
      const last = codes.last();
      const code = (await last.innerText()).trim();
      const index = (await codes.count()) - 1;
      await last.scrollIntoViewIfNeeded();
      await last.click();
      await page.waitForURL(`**/#/documentation/MDV-LGC/avance/${code}`);
      await page.getByRole('heading', { level: 3, name: new RegExp(`^${code} — `) }).waitFor();

      await back.click();
      await page.waitForURL((url) => url.hash === '#/');
      await page.getByRole('heading', { name: 'Résultats', exact: true }).waitFor();
      const again = codes.nth(index);
      await page.waitForFunction((c) => (document.activeElement as HTMLElement | null)?.innerText?.trim() === c, code);
      expect(await isFocused(again), 'the code link followed has the focus again').toBe(true);
      expect(await inView(again), 'and is in view').toBe(true);

      // The browser's « Back » does the same.
      await again.click();
      await page.waitForURL(`**/#/documentation/MDV-LGC/avance/${code}`);
      await page.goBack();
      await page.waitForURL((url) => !url.hash.startsWith('#/documentation'));
      await page.waitForFunction((c) => (document.activeElement as HTMLElement | null)?.innerText?.trim() === c, code);
      expect(await isFocused(codes.nth(index))).toBe(true);
      expect(await inView(codes.nth(index))).toBe(true);
      problems['back to the results'] = formatViolations(await runAxe(page));
      if (problems['back to the results'] === '') delete problems['back to the results'];
      expect(problems).toEqual({});
    });

    test('documentation: tags as cards on a phone, paths broken only at dots', async () => {
      const { session, page } = await fresh();
      await page.goto(`${session.server.url}#/documentation/MDV-LGC/avance`);
      await page.getByRole('heading', { level: 1, name: "MDV-LGC — demande d'avance" }).waitFor();
      const caption = /^Balises d'un fichier « MDV-LGC — demande d'avance »/;
      const table = page.getByRole('table', { name: caption });
      const cards = page.getByRole('list', { name: caption });
      let paths: Locator;
      if (width <= 600) {
        await cards.waitFor();
        expect(await table.isVisible(), 'no table on a phone').toBe(false);
        const card = cards
          .getByRole('listitem')
          .filter({ has: page.getByRole('heading', { name: 'lignesImport[].commande.montantSegurHT' }) });
        expect(await card.count()).toBe(1);
        const words = await card.innerText();
        for (const term of ['Format', 'Obligatoire\u202f?', 'Description']) expect(words).toContain(term);
        expect(await card.getByRole('definition').count()).toBeGreaterThanOrEqual(3);
        paths = cards.getByRole('listitem').getByRole('heading');
      } else {
        await table.waitFor();
        expect(await cards.isVisible(), 'the table on a desktop').toBe(false);
        paths = table.getByRole('rowheader');
      }
      const badBreaks: string[] = [];
      for (const path of await paths.all()) {
        const { text, starts } = await lineStarts(path.locator('code').first());
        for (const s of starts) if (text[s - 1] !== '.') badBreaks.push(`${text.slice(0, s)} / ${text.slice(s)}`);
      }
      expect(badBreaks).toEqual([]);
      expect(await checkState(page, 'tag table')).toEqual({});
    });

    test('documentation examples cite a line of the file the entry offers, which holds the change', async () => {
      const { session, page } = await fresh();
      await page.goto(`${session.server.url}#/documentation/MDV-LGC/avance`);
      await page.getByRole('heading', { level: 1, name: "MDV-LGC — demande d'avance" }).waitFor();
      await page.getByText("Chargement de l'exemple…").first().waitFor({ state: 'detached' });
      // The entry citing the highest line.
      const captions = await page.locator('article figcaption').allInnerTexts();
      const lines = captions.map((c) => Number(/ligne (\d+)/.exec(c)?.[1] ?? 0));
      const highest = lines.indexOf(Math.max(...lines));
      expect(lines[highest]).toBeGreaterThan(0);
      const figure = page.locator('article figure').nth(highest);
      const entry = figure.locator('xpath=ancestor::article');
      const code = await entry.getAttribute('id');
      const line = lines[highest]!;
      const added = (await figure.locator('ins').first().innerText()).split('\n')[0]!.trim();
      const file = await download(page, () => entry.getByRole('button', { name: `Télécharger le fichier de l'exemple ${code}` }).click());
      const fileLines = file.bytes.toString('utf8').split('\n');
      expect(fileLines.length).toBeGreaterThanOrEqual(line);
      expect(fileLines[line - 1]).toContain(added);
      // The message's line is one of that file too.
      const message = await entry.getByText(/^Message du simulateur.*ligne \d+, colonne \d+\s:$/).innerText();
      expect(Number(/ligne (\d+)/.exec(message)![1])).toBeLessThanOrEqual(fileLines.length);
      expect(await checkState(page, 'code entry')).toEqual({});
    });
  });
}

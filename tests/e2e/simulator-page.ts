// What the end-to-end tests share about the simulator's page: the portal's words (written here
// again, not imported from the app, so that a changed word fails), the fixture files, the form
// and downloads. Waits are Playwright's own (locators, waitFor*): no fixed sleep.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { downloadedBytes, ROOT, type AppSession } from './browser';

/** The portal's exact words. */
export const WORDS = {
  accepted: "La simulation de l'import s'est déroulée correctement.",
  rejected:
    "Une ou plusieurs erreurs ont été retournées lors de la simulation de l'import. Veuillez corriger votre fichier en suivant les erreurs du fichier de retour.",
  invalid: 'Le JSON chargé ne respecte pas le format attendu',
  downloadOutput: 'Télécharger le fichier de sortie',
  close: 'Fermer',
} as const;

/** A file for setInputFiles. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A fixture of the rule sets (src/rules/<folder>/fixtures/<name>), as bytes. */
export function fixtureBytes(folder: string, name: string): Buffer {
  return readFileSync(join(ROOT, 'src', 'rules', folder, 'fixtures', name));
}

export function jsonFile(name: string, content: Uint8Array | string): FilePayload {
  return { name, mimeType: 'application/json', buffer: Buffer.from(content) };
}

/** The valid MDV-LGC advance with two requests. */
export const VALID_ADVANCE = (): Buffer => fixtureBytes('mdv-lgc', 'avance-liberal.json');

/** The same file with the first request's amount written with one decimal (an error). */
export function invalidAdvance(): Buffer {
  const text = VALID_ADVANCE().toString('utf8');
  const edited = text.replace('"montantSegurHT": 1075.00', '"montantSegurHT": 1075.5');
  if (edited === text) throw new Error('fixture avance-liberal.json changed: no "montantSegurHT": 1075.00');
  return Buffer.from(edited, 'utf8');
}

/** Opens the simulator (a new document) and waits for its form. */
export async function openSimulator(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Simuler', exact: true }).waitFor();
}

/** The form's file input, by its label. */
export const fileInput = (page: Page): Locator => page.getByLabel('Choisissez le fichier', { exact: true });

/** Sets the form's type and couloir (advance: VAT 20 %, no profile kept from a previous test). */
export async function chooseRuleSet(page: Page, type: 'avance' | 'solde', dsr: string): Promise<void> {
  await page.getByLabel('Type de demande', { exact: true }).selectOption(type);
  await page.getByLabel('Couloir / Logiciel (DSR)', { exact: true }).selectOption(dsr);
  const remove = page.getByRole('button', { name: /^Retirer le profil / });
  while ((await remove.count()) > 0) await remove.first().click();
}

/** Chooses the files and presses « Simuler ». */
export async function simulate(page: Page, ...files: FilePayload[]): Promise<void> {
  await fileInput(page).setInputFiles(files);
  await page.getByRole('button', { name: 'Simuler', exact: true }).click();
}

/** The open verdict dialog whose accessible name (its message) is exactly `message`. */
export async function verdictDialog(page: Page, message: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: message, exact: true });
  await dialog.waitFor();
  return dialog;
}

/** Waits until the verdict dialog is closed. */
export async function dialogClosed(page: Page): Promise<void> {
  await page.locator('dialog[open]').waitFor({ state: 'detached' });
}

export interface Downloaded {
  name: string;
  bytes: Buffer;
}

/** Runs `action` (a click) and returns the file it downloads. */
export async function download(page: Page, action: () => Promise<unknown>): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: file.suggestedFilename(), bytes: await downloadedBytes(file) };
}

/** The results section of one file (a region named by the file's name). */
export const fileReport = (page: Page, fileName: string): Locator =>
  page.locator('.results').getByRole('region', { name: fileName, exact: true });

/** A short description of the focused element, e.g. `SELECT#type-demande`, `A:E011`. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim().replace(/\s+/g, ' ');
    return `${el.tagName}${el.id ? `#${el.id}` : ''}${el.tagName === 'A' || el.tagName === 'BUTTON' || /^H\d$/.test(el.tagName) ? `:${text}` : ''}`;
  });
}

/** Waits until the focus is on something other than the page itself. */
export async function focusNotLost(page: Page): Promise<void> {
  await page.waitForFunction(() => document.activeElement !== null && document.activeElement !== document.body);
}

/** 1-based line and column of the first `needle` in `text` (as the app and the report count). */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** A session's page, freshly opened on the simulator and set to an MDV-LGC advance. */
export async function startOnMdvAdvance(app: { start(): Promise<AppSession> }): Promise<AppSession> {
  const session = await app.start();
  await openSimulator(session.browser.page, session.server.url);
  await chooseRuleSet(session.browser.page, 'avance', 'MDV-LGC');
  return session;
}

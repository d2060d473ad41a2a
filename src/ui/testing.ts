// Shared by the component tests: real fixture files, and capturing what the app downloads.
// (Not imported by the app.)

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

export const FIXTURE_NAME = 'avance-liberal.json';

/** The bytes of a real fixture file of src/rules. */
export function fixtureBytes(path = 'mdv-lgc/fixtures/avance-liberal.json'): Uint8Array {
  // (Not `new URL(…, import.meta.url)` with a variable: Vite would rewrite it as an asset glob.)
  return new Uint8Array(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../rules', path)));
}

export function fixtureText(path?: string): string {
  return new TextDecoder().decode(fixtureBytes(path));
}

/** A File of the fixture, its text edited by [from, to] replacements (each must apply). */
export function fixtureFile(name = FIXTURE_NAME, edits: readonly (readonly [string, string])[] = [], path?: string): File {
  let text = fixtureText(path);
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`edit not applicable: ${from}`);
    text = text.replace(from, to);
  }
  return new File([text], name, { type: 'application/json' });
}

export function textFile(name: string, text: string): File {
  return new File([text], name, { type: 'application/json' });
}

/** A rejected variant: the second doctor's RPPS has 10 digits (E007 at liberal n° 2). */
export const SHORT_RPPS: readonly (readonly [string, string])[] = [['"RPPS": "10000000017"', '"RPPS": "1000000001"']];

export interface Download {
  readonly name: string;
  readonly blob: Blob;
}

/** Records every download (Blob + object URL + <a download>) instead of letting jsdom navigate. */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ name: this.download, blob });
  });
  return downloads;
}

export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

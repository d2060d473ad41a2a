// The files a check was made on, kept for their excerpts: the bytes, then the lines once an
// excerpt is first asked for (decoded and split once). In the worker (its own copy of each file:
// the page never decodes a big file), or on the page when no worker could start.

import { decodeForDisplay } from '../io/files';
import { excerptAt, splitLines, type Excerpt } from '../ui/lib/excerpt';
import type { At } from './protocol';

export class Files {
  readonly #files = new Map<number, { bytes: Uint8Array; lines?: string[] }>();
  /** The pieces of the texts being received (simulate-text), by request id. */
  readonly #pieces = new Map<number, string[]>();

  /** One more piece of the text of request `id`. */
  addPiece(id: number, text: string): void {
    const pieces = this.#pieces.get(id);
    if (pieces) pieces.push(text);
    else this.#pieces.set(id, [text]);
  }

  /** The text of request `id`, its pieces joined (and forgotten). */
  takePieces(id: number): string {
    const text = (this.#pieces.get(id) ?? []).join('');
    this.#pieces.delete(id);
    return text;
  }

  /** Keeps `bytes` under `id` (the id of the check). */
  keep(id: number, bytes: Uint8Array): void {
    this.#files.set(id, { bytes });
  }

  release(ids: readonly number[]): void {
    for (const id of ids) this.#files.delete(id);
  }

  /** How many files are kept. */
  get size(): number {
    return this.#files.size;
  }

  /** The excerpt at each place (null where the file was released or the line does not exist). */
  excerpts(id: number, at: readonly At[]): (Excerpt | null)[] {
    const file = this.#files.get(id);
    if (!file) return at.map(() => null);
    file.lines ??= splitLines(decodeForDisplay(file.bytes));
    return at.map(({ line, column }) => excerptAt(file.lines!, line, column) ?? null);
  }
}

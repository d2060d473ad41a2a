// Messages between the page and the simulation worker.
//
// page → worker:
//   simulate  check `bytes` with `options`; the worker keeps the bytes under `id` (for excerpts)
//             until `release`, answers `progress` messages while it checks, then `result`;
//   excerpts  the lines at some (line, column) of the file checked under `file`, built from the
//             worker's own copy of the text (decoded and split there, once, on first need);
//   simulate-file  the same for the bytes of `file` (a File or Blob, passed by reference: the
//             worker reads it itself, so a large file is never read on the page's thread); its
//             result carries a copy of the bytes read, transferred to the page;
//   release   forget the files checked under these ids.
//   text-piece, then simulate-text  a simulate of a text sent in pieces (the editor's document,
//             sliced a piece at a time on the page): the worker joins and encodes it (UTF-8),
//             then checks it as a simulate; its result carries a copy of the bytes, transferred.
// worker → page: progress, result (of a simulate), excerpts (of an excerpts request).

import type { SimulationOptions, SimulationResult } from '../core/types';
import type { Excerpt } from '../ui/lib/excerpt';

export interface SimulateRequest {
  readonly kind: 'simulate';
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly options: SimulationOptions;
}

/** A simulate request whose bytes are a Blob's: the worker reads them, then does a simulate. */
export interface SimulateFileRequest {
  readonly kind: 'simulate-file';
  readonly id: number;
  readonly file: Blob;
  readonly options: SimulationOptions;
}

/** One piece of the text of simulate-text request `id` (the pieces come in order, before it). */
export interface TextPieceRequest {
  readonly kind: 'text-piece';
  readonly id: number;
  readonly text: string;
}

/** Checks the text sent in pieces under `id`. */
export interface SimulateTextRequest {
  readonly kind: 'simulate-text';
  readonly id: number;
  readonly options: SimulationOptions;
}

/** A place in a file: 1-based line and column, as in an Issue. */
export interface At {
  readonly line: number;
  readonly column: number;
}

export interface ExcerptsRequest {
  readonly kind: 'excerpts';
  readonly id: number;
  /** The id of the simulate request whose file is meant. */
  readonly file: number;
  readonly at: readonly At[];
}

export interface ReleaseRequest {
  readonly kind: 'release';
  readonly files: readonly number[];
}

export type WorkerRequest = SimulateRequest | ExcerptsRequest | ReleaseRequest;

/** What the page posts: a request, or a simulate of a Blob's bytes (read in the worker). */
export type PostedRequest = WorkerRequest | SimulateFileRequest | TextPieceRequest | SimulateTextRequest;

export type WorkerResponse =
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | {
      readonly kind: 'result';
      readonly id: number;
      readonly ok: true;
      readonly result: SimulationResult;
      /** simulate-file and simulate-text: the bytes read (or encoded) and checked (a copy: the worker keeps its own for excerpts). */
      readonly bytes?: Uint8Array;
    }
  /** `unreadable`: a simulate-file whose file could not be read (changed on the disk since it was chosen). */
  | { readonly kind: 'result'; readonly id: number; readonly ok: false; readonly message: string; readonly unreadable?: true }
  /** One excerpt per place asked (null: no such line, or the file was released). */
  | { readonly kind: 'excerpts'; readonly id: number; readonly excerpts: readonly (Excerpt | null)[] };

// The CLI's file I/O, bounded and atomic (issue 15):
//   - reading: stat first; a regular file larger than the limit is not read at all; standard
//     input, devices and pipes are read up to the limit + 1 byte, never further (`/dev/zero`,
//     3 GB piped in);
//   - writing: to a temporary file beside the target, renamed into place once complete, so that
//     a full disk or a crash leaves either the previous file or the new one, never a truncated
//     one. A target that exists and is not a regular file (`/dev/null`, a pipe) is written to
//     directly: renaming over a device would replace it.

import { createReadStream } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { outputBytes } from '../core/annotate';

/** What reading an input gave: its bytes, or the fact that it exceeds the limit (its size when known). */
export type InputRead =
  { readonly kind: 'bytes'; readonly bytes: Uint8Array } | { readonly kind: 'too-large'; readonly size: number | null };

/** Why an input cannot be read, for the usage message (`fichier introuvable`…). */
export class InputError extends Error {
  constructor(
    readonly reason: 'missing' | 'directory' | 'denied' | 'other',
    readonly code: string | undefined,
  ) {
    super(`${reason}${code ? ` (${code})` : ''}`);
  }
}

/**
 * Reads at most `limit` bytes of a stream: stops (and destroys the stream) as soon as one more
 * byte arrives, so that memory stays bounded by `limit` whatever the source holds.
 */
export async function readStreamBounded(stream: NodeJS.ReadableStream & { destroy?(): void }, limit: number): Promise<InputRead> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
    total += bytes.length;
    if (total > limit) {
      stream.destroy?.();
      return { kind: 'too-large', size: null };
    }
    chunks.push(bytes);
  }
  return { kind: 'bytes', bytes: new Uint8Array(Buffer.concat(chunks, total)) };
}

/**
 * Reads the input file (`-`: standard input) within `limit` bytes. A regular file is stat'ed
 * first: larger than the limit, it is not read (its size is reported); anything else (a device,
 * a pipe) is read as a stream up to `limit` + 1 bytes. Throws an `InputError` when it cannot
 * be read at all.
 */
export async function readInputBounded(file: string, limit: number, stdin: NodeJS.ReadableStream = process.stdin): Promise<InputRead> {
  if (file === '-') return readStreamBounded(stdin, limit);
  let info;
  try {
    info = await stat(file);
  } catch (e) {
    throw inputError(e);
  }
  if (info.isDirectory()) throw new InputError('directory', 'EISDIR');
  if (info.isFile() && info.size > limit) return { kind: 'too-large', size: info.size };
  try {
    if (info.isFile()) return await readRegularFile(file, info.size, limit);
    return await readStreamBounded(createReadStream(file), limit);
  } catch (e) {
    throw inputError(e);
  }
}

/**
 * A regular file of `size` bytes (its stat) read straight into one buffer of that size: no
 * chunks to join, so the peak memory is the file once, not twice (issue 12: a 31 MB file). A
 * file that grew since its stat is read on as a stream from where it stood, still bounded.
 */
async function readRegularFile(file: string, size: number, limit: number): Promise<InputRead> {
  const handle = await open(file, 'r');
  try {
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) return { kind: 'bytes', bytes: bytes.subarray(0, read) }; // it shrank
      read += bytesRead;
    }
    const more = await readStreamBounded(handle.createReadStream({ start: size, autoClose: false }), limit - size);
    if (more.kind === 'too-large') return { kind: 'too-large', size: null };
    if (more.bytes.length === 0) return { kind: 'bytes', bytes };
    const all = new Uint8Array(size + more.bytes.length);
    all.set(bytes);
    all.set(more.bytes, size);
    return { kind: 'bytes', bytes: all };
  } finally {
    await handle.close();
  }
}

function inputError(e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError('missing', code);
  if (code === 'EISDIR') return new InputError('directory', code);
  if (code === 'EACCES' || code === 'EPERM') return new InputError('denied', code);
  return new InputError('other', code);
}

/** The file-system calls `writeAtomically` makes (replaced in tests to simulate a full disk). */
export interface WriteFs {
  stat(path: string): Promise<{ isFile(): boolean }>;
  open(
    path: string,
    flags: string,
  ): Promise<{
    write(bytes: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

const NODE_FS: WriteFs = { stat, open, rename, unlink };

/**
 * Writes `bytes` to `target` atomically: into `.<name>.<pid>.<n>.tmp` in the same folder, flushed,
 * then renamed over `target`. On any failure the temporary file is removed and `target` is left
 * as it was; the error (a Node error with its `code`: ENOSPC, EACCES…) propagates. A `target`
 * that exists and is not a regular file is written to directly. `bytes` may be a list of byte
 * slices (an OutputFile's parts): the file is their concatenation, written in batches (`batched`).
 */
export async function writeAtomically(target: string, bytes: Uint8Array | readonly Uint8Array[], fs: WriteFs = NODE_FS): Promise<void> {
  let direct: boolean;
  try {
    direct = !(await fs.stat(target)).isFile();
  } catch {
    direct = false; // absent: created by the rename
  }
  if (direct) {
    const handle = await fs.open(target, 'w');
    try {
      await writeAll(handle, bytes);
    } finally {
      await handle.close();
    }
    return;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${++temporaries}.tmp`);
  const handle = await fs.open(temporary, 'wx');
  try {
    try {
      await writeAll(handle, bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (e) {
    await fs.unlink(temporary).catch(() => undefined);
    throw e;
  }
}
let temporaries = 0;

async function writeAll(handle: Awaited<ReturnType<WriteFs['open']>>, bytes: Uint8Array | readonly Uint8Array[]): Promise<void> {
  for (const batch of batched(bytes instanceof Uint8Array ? [bytes] : bytes)) {
    for (let at = 0; at < batch.length;) {
      const { bytesWritten } = await handle.write(batch, at, batch.length - at);
      at += bytesWritten;
    }
  }
}

/**
 * `parts` regrouped for writing, in order: consecutive small parts copied together into batches
 * of at least `batchBytes` (the last may be shorter), a part of `batchBytes` or more passed as it
 * is. An output file is two small edits per request between slices of the input (801 parts for
 * 200 requests): one write each would be one system call each. Each batch is a new buffer.
 */
export function* batched(parts: readonly Uint8Array[], batchBytes = 64 * 1024): Generator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for (const part of parts) {
    if (part.length >= batchBytes) {
      if (pendingBytes > 0) yield concatenated(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      yield part;
      continue;
    }
    pending.push(part);
    pendingBytes += part.length;
    if (pendingBytes >= batchBytes) {
      yield concatenated(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pendingBytes > 0) yield concatenated(pending, pendingBytes);
}

function concatenated(parts: readonly Uint8Array[], size: number): Uint8Array {
  return parts.length === 1 ? parts[0]! : outputBytes({ parts, size });
}

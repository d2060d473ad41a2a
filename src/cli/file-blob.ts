// A file on disk behind the BlobLike interface of src/attachments: positional reads of one
// open file descriptor. Node's own file-backed Blob (fs.openAsBlob) opens, reads and closes the
// file for every slice, which costs more than the whole check of a 600-entry zip.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { BlobLike } from '../attachments/zip';

export interface FileBlob extends BlobLike {
  close(): void;
}

export function openFileBlob(path: string): FileBlob {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    slice: (start, end) => ({
      arrayBuffer: async () => {
        const buf = new Uint8Array(Math.max(0, Math.min(end, size) - start));
        const n = buf.length === 0 ? 0 : readSync(fd, buf, 0, buf.length, start);
        return buf.buffer.slice(0, n);
      },
    }),
    close: () => closeSync(fd),
  };
}

// The verdict on an input too large to read (issue 15), without its bytes: the CLI stats the
// file or stops reading a stream one byte past the limit, the app looks at the File's size. Its
// own module, so that the app loads it (and only it) when a file is too large.

import { MAX_INPUT_BYTES } from './json/decode';
import { message } from '../messages/fr';
import type { SimulationResult } from './types';

/**
 * G003, the file rejected as a whole, for an input larger than `MAX_INPUT_BYTES` (64 Mio).
 * `size`: its size in bytes, or null when it is only known to exceed the limit (a stream).
 */
export function oversized(size: number | null): SimulationResult {
  const found = size === null ? `plus de ${MAX_INPUT_BYTES}` : String(size);
  const issue = { code: 'G003' as const, path: '', line: 1, column: 1, message: message('G003', { found, count: MAX_INPUT_BYTES }) };
  return { status: 'invalid', globalErrors: [issue], globalWarnings: [], requests: [], output: null };
}

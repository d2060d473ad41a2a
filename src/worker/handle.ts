// The worker's work, kept apart from the worker's global scope so that it can be tested in Node:
// one request in, one response out, plus what to transfer (the output file's buffer, not copied).

import { simulateFile } from '../simulator';
import type { WorkerRequest, WorkerResponse } from './protocol';

export function handleRequest(request: WorkerRequest): { response: WorkerResponse; transfer: ArrayBuffer[] } {
  try {
    const result = simulateFile(request.bytes, request.options);
    const buffer = result.output?.buffer;
    // A SharedArrayBuffer cannot be transferred (never the case here, but the type allows it).
    const transfer = buffer instanceof ArrayBuffer ? [buffer] : [];
    return { response: { id: request.id, ok: true, result }, transfer };
  } catch (e) {
    return { response: { id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}

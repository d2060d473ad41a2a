// Messages between the page and the simulation worker.

import type { SimulationOptions, SimulationResult } from '../core/types';

export interface WorkerRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly options: SimulationOptions;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: SimulationResult }
  | { readonly id: number; readonly ok: false; readonly message: string };

// What the results offer about the editor (issue 11), given to the result components through a
// Svelte context by the simulator page: open a file in the editor (at a finding), apply a
// finding's fix, and whether the results still match the form's settings. Absent (a component
// rendered alone, in a test) → no editor button.

import { getContext, setContext } from 'svelte';
import type { Issue } from '../../core/types';
import type { FileRun } from './file-run.svelte';

export interface EditingActions {
  /** Opens the file of `run` in the editor; at a finding's place when given (its offset, else its line and column). */
  open(run: FileRun, at?: { readonly line: number; readonly column: number; readonly offset?: number }): void;
  /** Applies the fix of `issue` (a finding of `run`) in the editor, then re-checks. */
  applyFix(run: FileRun, issue: Issue): void;
  /** The form's settings are no longer those `run` was checked with. */
  isStale(run: FileRun): boolean;
  /** Checks every file again, on the same bytes, with the form's settings (« Relancer »). */
  rerun(): void;
}

const KEY = Symbol('editing');

export function setEditing(actions: EditingActions): void {
  setContext(KEY, actions);
}

export function getEditing(): EditingActions | undefined {
  return getContext<EditingActions | undefined>(KEY);
}

// What the two file pickers (the JSON files, the zips) do alike with their <input type=file>.

/** Emptied on click, so that choosing the same (corrected) file again is a change. */
export function clearOnClick(event: MouseEvent & { currentTarget: HTMLInputElement }): void {
  event.currentTarget.value = '';
}

/** Shows `list` as the input's own choice (after a drop, or when its dialog was dismissed). */
export function showInInput(input: HTMLInputElement | undefined, list: readonly File[]): void {
  if (!input || typeof DataTransfer === 'undefined') return;
  try {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(file);
    input.files = transfer.files;
  } catch {
    // Not supported here: the list under the input still says what is chosen.
  }
}

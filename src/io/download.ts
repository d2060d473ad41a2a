// Saves bytes or text as a file from the browser: a Blob, an object URL and a temporary
// <a download>. No network request: the object URL points at memory.

/** The input's name without its `.json` extension (`JSON-001.json` → `JSON-001`). */
export function baseName(fileName: string): string {
  return fileName.replace(/\.json$/i, '');
}

/** The portal's name for the output file: `<base>_sortie.json`. */
export function outputFileName(fileName: string): string {
  return `${baseName(fileName)}_sortie.json`;
}

/** The JSON report's name: `<base>_rapport.json`. */
export function reportFileName(fileName: string): string {
  return `${baseName(fileName)}_rapport.json`;
}

/**
 * Offers `bytes` for download under `fileName`, byte for byte (no re-encoding); a list of byte
 * slices (an OutputFile's parts) is saved as their concatenation, which the Blob makes.
 */
export function downloadBytes(fileName: string, bytes: Uint8Array | readonly Uint8Array[], type = 'application/json'): void {
  // Copies typed on a plain ArrayBuffer (BlobPart refuses a view that could be shared memory).
  const parts = bytes instanceof Uint8Array ? [bytes] : bytes;
  const blob = new Blob(
    parts.map((part) => new Uint8Array(part)),
    { type },
  );
  saveBlob(fileName, blob);
}

/** Offers `text` for download under `fileName`, encoded in UTF-8. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  saveBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns: release it a moment later.
  setTimeout(() => URL.revokeObjectURL?.(url), 1000);
}

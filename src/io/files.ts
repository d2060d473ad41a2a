// Reading a chosen or dropped file into bytes (the core works on bytes, not on text).

export async function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  // Older engines: FileReader.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('lecture impossible'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The file's text for display only (excerpts under an error): UTF-8, invalid sequences replaced,
 * a leading byte-order mark dropped — as the core counts lines and columns.
 */
export function decodeForDisplay(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

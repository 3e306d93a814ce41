/** `downloads://name.keras`, `downloads://name.h5`: a whole-model file the page offers as a download. */
export const DOWNLOADS_FILE = /^downloads:\/\/(.+\.(?:keras|h5|hdf5))$/i;

interface DocumentLike {
  createElement(tag: 'a'): { href: string; download: string; click(): void };
}

/**
 * Offers bytes as a file download in the page, as tfjs's `downloads://` does for `model.json`:
 * an object URL clicked through a hidden link, revoked once the browser has taken it.
 *
 * @param fileName the name the browser saves it under (`my-model.keras`)
 * @throws Error outside a browser page (no `document`)
 */
export async function downloadFile(bytes: Uint8Array, fileName: string): Promise<void> {
  const page = globalThis as { document?: DocumentLike; URL: typeof URL };
  if (page.document == null) {
    throw new Error(`Expected a browser page to download "${fileName}", received a runtime without a document: in Node, save to a file path`);
  }
  const url = page.URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const link = page.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download asynchronously; revoking at once can cancel it in some browsers.
  setTimeout(() => page.URL.revokeObjectURL(url), 60_000);
}

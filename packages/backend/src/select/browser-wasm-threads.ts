/**
 * The most threads tfjs-backend-wasm's threaded build runs in a page: asked for more (12 in
 * Chromium), it starts 8 — the pthread workers its Emscripten runtime keeps ready.
 */
export const MAX_BROWSER_WASM_THREADS = 8;

/** The threads a page can start, and why fewer than asked when so. */
export function browserWasmThreads(wanted: number): { threads: number; capped?: string } {
  if (wanted <= MAX_BROWSER_WASM_THREADS) return { threads: wanted };
  return {
    threads: MAX_BROWSER_WASM_THREADS,
    capped: `${wanted} asked, but the threaded build keeps ${MAX_BROWSER_WASM_THREADS} pthread workers ready in a page`,
  };
}

/**
 * Prepares a cross-origin-isolated page for tfjs-backend-wasm's threaded SIMD build with `threads`
 * threads. Its binary is found like the other two (`setWasmPaths`, see wasm-binaries); its pthread
 * workers start from Blob URLs, which a page allows. But the build sizes XNNPACK's thread pool from
 * `navigator.hardwareConcurrency / 2` when it starts, whatever `setThreadsCount` says: until
 * `restore` runs, `navigator.hardwareConcurrency` reports `2 · threads` (an own property shadowing
 * Navigator's getter, removed again by `restore`).
 *
 * @param nav the page's `navigator` (tests pass a stand-in)
 * @returns `restore`, to call once the backend has started
 * @example
 * ```ts
 * const restore = prepareBrowserWasmThreads(4, navigator);
 * try { await tf.setBackend('wasm'); } finally { restore(); }
 * ```
 */
export function prepareBrowserWasmThreads(threads: number, nav: object): () => void {
  const own = Object.getOwnPropertyDescriptor(nav, 'hardwareConcurrency');
  Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => 2 * threads });
  return () => {
    if (own) Object.defineProperty(nav, 'hardwareConcurrency', own);
    else delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  };
}

/** The three binaries tfjs-backend-wasm loads, by the names its `setWasmPaths` expects. */
export type WasmBinaryName = 'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

/**
 * The `.wasm` files @dendrite/backend ships beside its `dist/index.js`, as URLs relative to this
 * module. Each is written as a literal `new URL('./file.wasm', import.meta.url)`: Vite and webpack
 * see that pattern, copy the file into the build and rewrite the URL; esbuild leaves it relative to
 * the bundle, so the files go beside the bundle. In source (tests) the URLs point at files that do
 * not exist, which is harmless: Node reads the binaries from tfjs-backend-wasm itself.
 *
 * @returns the file map for `setWasmPaths`, or undefined where `import.meta.url` is not a URL
 *   (a classic-script bundle), in which case tfjs-backend-wasm's own lookup applies
 */
export function bundledWasmPaths(): Record<WasmBinaryName, string> | undefined {
  try {
    return {
      'tfjs-backend-wasm.wasm': new URL('./tfjs-backend-wasm.wasm', import.meta.url).href,
      'tfjs-backend-wasm-simd.wasm': new URL('./tfjs-backend-wasm-simd.wasm', import.meta.url).href,
      'tfjs-backend-wasm-threaded-simd.wasm': new URL('./tfjs-backend-wasm-threaded-simd.wasm', import.meta.url).href,
    };
  } catch {
    return undefined;
  }
}

/** The binary tfjs-backend-wasm picks for these capabilities (its `getPathToWasmBinary`). */
export function wasmBinaryFor(simd: boolean, threads: boolean): WasmBinaryName {
  if (simd && threads) return 'tfjs-backend-wasm-threaded-simd.wasm';
  return simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm';
}

/** Where a binary is looked up: the `wasmPaths` option (prefix or map), else the page's folder. */
export function wasmBinaryUrl(name: WasmBinaryName, wasmPaths: string | Record<string, string> | undefined, base: string): string {
  const location = typeof wasmPaths === 'string' ? `${wasmPaths}${name}` : (wasmPaths?.[name] ?? name);
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/**
 * Fetches a `.wasm` URL the way tfjs-backend-wasm would and says what came back, for the reason
 * selection reports when the wasm backend fails to start in a browser: the URL, the HTTP status,
 * the content type and the first bytes (an HTML page where a binary was expected is the usual
 * case: a dev server's fallback to `index.html`).
 *
 * @param fetchImpl `fetch` (tests pass a fake)
 * @returns one sentence, e.g. `fetched http://localhost:5173/tfjs-backend-wasm-simd.wasm: HTTP 200, text/html, starting "<!doctype" (not WebAssembly)`
 */
export async function describeWasmFetch(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    return `fetched ${url}: the request failed (${(error as Error).message})`;
  }
  const type = response.headers.get('content-type') ?? 'no content type';
  const head = new Uint8Array(await response.arrayBuffer()).subarray(0, 8);
  const isWasm = head[0] === 0x00 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d;
  const text = new TextDecoder('latin1').decode(head).replace(/[^\x20-\x7e]/g, '.');
  const verdict = !response.ok ? 'not found' : isWasm ? 'a WebAssembly binary, which the browser refused' : 'not WebAssembly';
  return `fetched ${url}: HTTP ${response.status}, ${type}, starting "${text}" (${verdict})`;
}

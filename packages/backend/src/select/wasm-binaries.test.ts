import { describe, expect, it } from 'vitest';
import { bundledWasmPaths, describeWasmFetch, wasmBinaryFor, wasmBinaryUrl } from './wasm-binaries';

function fakeFetch(status: number, type: string | undefined, body: Uint8Array<ArrayBuffer> | string): typeof fetch {
  return (async () => new Response(body, { status, headers: type === undefined ? {} : { 'content-type': type } })) as typeof fetch;
}

describe('wasm binaries', () => {
  it('points each binary beside this module, by the names setWasmPaths expects', () => {
    const paths = bundledWasmPaths();
    expect(Object.keys(paths ?? {}).sort()).toEqual(['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm', 'tfjs-backend-wasm.wasm']);
    const here = new URL('.', import.meta.url).href;
    expect(paths?.['tfjs-backend-wasm-simd.wasm']).toBe(`${here}tfjs-backend-wasm-simd.wasm`);
  });

  it('picks the binary tfjs-backend-wasm picks', () => {
    expect(wasmBinaryFor(true, true)).toBe('tfjs-backend-wasm-threaded-simd.wasm');
    expect(wasmBinaryFor(true, false)).toBe('tfjs-backend-wasm-simd.wasm');
    expect(wasmBinaryFor(false, false)).toBe('tfjs-backend-wasm.wasm');
  });

  it('resolves the URL from a prefix, a map, or the page', () => {
    const page = 'http://localhost:5173/app/index.html';
    expect(wasmBinaryUrl('tfjs-backend-wasm-simd.wasm', '/static/', page)).toBe('http://localhost:5173/static/tfjs-backend-wasm-simd.wasm');
    expect(wasmBinaryUrl('tfjs-backend-wasm-simd.wasm', { 'tfjs-backend-wasm-simd.wasm': 'https://cdn.example/x.wasm' }, page)).toBe('https://cdn.example/x.wasm');
    expect(wasmBinaryUrl('tfjs-backend-wasm-simd.wasm', undefined, page)).toBe('http://localhost:5173/app/tfjs-backend-wasm-simd.wasm');
  });

  it('says an HTML page came back where a binary was expected', async () => {
    const said = await describeWasmFetch('http://localhost:5173/tfjs-backend-wasm-simd.wasm', fakeFetch(200, 'text/html', '<!doctype html><html>'));
    expect(said).toBe('fetched http://localhost:5173/tfjs-backend-wasm-simd.wasm: HTTP 200, text/html, starting "<!doctyp" (not WebAssembly)');
  });

  it('says a 404, a real binary and a failed request apart', async () => {
    expect(await describeWasmFetch('http://h/a.wasm', fakeFetch(404, undefined, 'nope'))).toBe('fetched http://h/a.wasm: HTTP 404, text/plain;charset=UTF-8, starting "nope" (not found)');
    const binary = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect(await describeWasmFetch('http://h/a.wasm', fakeFetch(200, 'application/octet-stream', binary))).toMatch(/starting "\.asm\.\.\.\." \(a WebAssembly binary, which the browser refused\)$/);
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await describeWasmFetch('http://h/a.wasm', failing)).toBe('fetched http://h/a.wasm: the request failed (Failed to fetch)');
  });
});

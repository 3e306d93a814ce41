import { describe, expect, it } from 'vitest';
import { browserWasmThreads, MAX_BROWSER_WASM_THREADS, prepareBrowserWasmThreads } from './browser-wasm-threads';

/** A stand-in for Navigator: the count comes from a getter on the prototype, as in a page. */
class FakeNavigator {
  get hardwareConcurrency(): number {
    return 6;
  }
}

describe('prepareBrowserWasmThreads', () => {
  it('reports 2 · threads cores until restored, then the prototype getter again', () => {
    const nav = new FakeNavigator();
    const restore = prepareBrowserWasmThreads(5, nav);
    expect(nav.hardwareConcurrency).toBe(10);
    restore();
    expect(nav.hardwareConcurrency).toBe(6);
    expect(Object.getOwnPropertyDescriptor(nav, 'hardwareConcurrency')).toBeUndefined();
  });

  it('puts back an own property that was there before', () => {
    const nav = { hardwareConcurrency: 5 };
    const restore = prepareBrowserWasmThreads(4, nav);
    expect(nav.hardwareConcurrency).toBe(8);
    restore();
    expect(nav).toEqual({ hardwareConcurrency: 5 });
  });
});

describe('browserWasmThreads', () => {
  it('keeps up to the pooled workers and caps beyond, saying why', () => {
    expect(browserWasmThreads(MAX_BROWSER_WASM_THREADS)).toEqual({ threads: MAX_BROWSER_WASM_THREADS });
    expect(browserWasmThreads(32)).toEqual({ threads: 8, capped: '32 asked, but the threaded build keeps 8 pthread workers ready in a page' });
  });
});

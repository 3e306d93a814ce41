import { describe, expect, it } from 'vitest';
import { resolveThreads, type ThreadProbes } from './default-threads';

const node = (env: Record<string, string | undefined> = {}): ThreadProbes => ({ isNode: true, cores: 6, crossOriginIsolated: true, env });
const page = (crossOriginIsolated: boolean): ThreadProbes => ({ isNode: false, cores: 12, crossOriginIsolated, env: {} });

describe('resolveThreads', () => {
  it('defaults to every core in Node', () => {
    expect(resolveThreads(undefined, node())).toEqual({ threads: 6, why: 'every core (6)' });
  });

  it('defaults to navigator.hardwareConcurrency in a cross-origin isolated page', () => {
    expect(resolveThreads(undefined, page(true))).toEqual({ threads: 12, why: 'every core (12)' });
  });

  it('takes one thread in a page that is not cross-origin isolated, saying why and how to fix it', () => {
    const { threads, why } = resolveThreads(undefined, page(false));
    expect(threads).toBe(1);
    expect(why).toMatch(/not cross-origin isolated.*Cross-Origin-Opener-Policy: same-origin.*Cross-Origin-Embedder-Policy: require-corp/);
  });

  it('takes DENDRITE_THREADS over the cores, and options.threads over both', () => {
    expect(resolveThreads(undefined, node({ DENDRITE_THREADS: ' 3 ' }))).toEqual({ threads: 3, why: 'requested by DENDRITE_THREADS' });
    expect(resolveThreads(2, node({ DENDRITE_THREADS: '3' }))).toEqual({ threads: 2, why: 'requested by options.threads' });
    expect(resolveThreads(undefined, node({ DENDRITE_THREADS: '' }))).toEqual({ threads: 6, why: 'every core (6)' });
  });

  it('counts one core when the runtime reports none', () => {
    expect(resolveThreads(undefined, { ...node(), cores: 0 }).threads).toBe(1);
  });

  it('refuses a thread count that is not a positive integer, naming where it came from', () => {
    expect(() => resolveThreads(undefined, node({ DENDRITE_THREADS: 'all' }))).toThrow(new RangeError('Expected DENDRITE_THREADS to be a positive integer, received "all"'));
    expect(() => resolveThreads(undefined, node({ DENDRITE_THREADS: '0' }))).toThrow(RangeError);
    expect(() => resolveThreads(1.5, node())).toThrow(new RangeError('Expected threads in selectBackend to be a positive integer, received 1.5'));
    expect(() => resolveThreads('4' as never, node())).toThrow(new TypeError('Expected threads in selectBackend to be a positive integer, received 4'));
  });
});

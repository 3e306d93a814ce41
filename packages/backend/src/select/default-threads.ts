/** The environment variable that sets the wasm threads when `selectBackend` is given none. */
export const THREADS_VARIABLE = 'DENDRITE_THREADS';

/** What the thread count is resolved from (a subset of the runtime probes). */
export interface ThreadProbes {
  /** True in Node, false in a browser. */
  isNode: boolean;
  /** Logical cores: `os.availableParallelism()` in Node, `navigator.hardwareConcurrency` in a page. */
  cores: number;
  /** Whether the page is cross-origin isolated (`globalThis.crossOriginIsolated`); true in Node. */
  crossOriginIsolated: boolean;
  /** Environment variables (`DENDRITE_THREADS`). */
  env: Record<string, string | undefined>;
}

/** The wasm threads to start, and where the number came from. */
export interface ResolvedThreads {
  /** Threads, at least 1. */
  threads: number;
  /** Why this many, e.g. `every core (4)` or `1: the page is not cross-origin isolated (…)`. */
  why: string;
}

function checkCount(value: number, name: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`Expected ${name} to be a positive integer, received ${String(value)}`);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`Expected ${name} to be a positive integer, received ${value}`);
  return value;
}

/**
 * The threads the wasm backend starts with: `requested` (selectBackend's `threads`) when given,
 * else the `DENDRITE_THREADS` environment variable (Node), else every core — in Node
 * `os.availableParallelism()`, in a page `navigator.hardwareConcurrency` when it is cross-origin
 * isolated (threads need `SharedArrayBuffer`), else 1, saying why.
 *
 * @throws TypeError when `requested` is not a number; RangeError when it or the variable is not a
 *   positive integer
 * @example
 * ```ts
 * resolveThreads(undefined, { isNode: true, cores: 8, crossOriginIsolated: true, env: {} });
 * // { threads: 8, why: 'every core (8)' }
 * ```
 */
export function resolveThreads(requested: number | undefined, probes: ThreadProbes): ResolvedThreads {
  if (requested !== undefined) return { threads: checkCount(requested, 'threads in selectBackend'), why: 'requested by options.threads' };
  const fromEnvironment = probes.env[THREADS_VARIABLE]?.trim();
  if (fromEnvironment) {
    const threads = Number(fromEnvironment);
    if (!/^\d+$/.test(fromEnvironment) || threads < 1) throw new RangeError(`Expected ${THREADS_VARIABLE} to be a positive integer, received ${JSON.stringify(fromEnvironment)}`);
    return { threads, why: `requested by ${THREADS_VARIABLE}` };
  }
  const cores = Math.max(1, Math.floor(probes.cores) || 1);
  if (!probes.isNode && !probes.crossOriginIsolated) {
    return {
      threads: 1,
      why: 'the page is not cross-origin isolated, so it has no SharedArrayBuffer for threads (serve it with "Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp")',
    };
  }
  return { threads: cores, why: `every core (${cores})` };
}

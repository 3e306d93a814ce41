import { describe, beforeAll } from 'vitest';
// The main entry, not its modules: its side effects (kernel registration) come with it.
import { selectBackend, tf, type BackendName } from '../index';

/** The backends every layer, loss and optimizer suite runs on. */
export const BACKENDS_UNDER_TEST = ['wasm', 'cpu'] as const satisfies readonly BackendName[];

/**
 * The backends {@link describeEachBackend} runs its suites on: {@link BACKENDS_UNDER_TEST}, or the
 * comma-separated subset named by the environment variable `DENDRITE_TEST_BACKENDS` (mutation runs
 * of backend-independent code set it to `cpu`: a mutant of TypeScript glue fails the same way on
 * either backend, so the second run only doubles the cost). The normal test run leaves it unset.
 *
 * @returns the backends to run each suite on
 * @throws {RangeError} when the variable names a backend outside {@link BACKENDS_UNDER_TEST}
 */
export function backendsUnderTest(): readonly (typeof BACKENDS_UNDER_TEST)[number][] {
  const chosen = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.DENDRITE_TEST_BACKENDS;
  if (!chosen) return BACKENDS_UNDER_TEST;
  const names = chosen.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(BACKENDS_UNDER_TEST as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new RangeError(`Expected DENDRITE_TEST_BACKENDS to list backends among ${BACKENDS_UNDER_TEST.join(', ')}, received "${chosen}"`);
  }
  return names as (typeof BACKENDS_UNDER_TEST)[number][];
}

/**
 * Makes `name` the current backend (through Dendrite's selection, so wasm gets its kernels).
 *
 * @param name the backend to select
 * @example
 * ```ts
 * beforeAll(() => useBackend('cpu'));
 * ```
 */
export async function useBackend(name: BackendName): Promise<void> {
  if (tf.getBackend() === name) return;
  await selectBackend({ prefer: name });
}

/**
 * Runs one vitest suite per backend under test ({@link backendsUnderTest}), titled
 * `"<title> [<backend>]"`; the backend is selected before the suite's tests.
 *
 * @param title the suite's title
 * @param body declares the tests; receives the backend's name
 * @example
 * ```ts
 * describeEachBackend('dense', (backend) => {
 *   it('applies', () => { ... });
 * });
 * ```
 */
export function describeEachBackend(title: string, body: (backend: BackendName) => void): void {
  for (const backend of backendsUnderTest()) {
    describe(`${title} [${backend}]`, () => {
      beforeAll(() => useBackend(backend));
      body(backend);
    });
  }
}

/**
 * Runs `compute` with `backend` current and returns its values as plain arrays, then puts the
 * previous backend back: the way tests get a cpu reference for a wasm result.
 *
 * @param backend the backend to compute on
 * @param compute makes the tensor(s), inside `tf.tidy`
 * @returns the values of each tensor, as `Float32Array`s
 * @example
 * ```ts
 * const [reference] = await computeOn('cpu', () => layer.apply(x) as tf.Tensor);
 * ```
 */
export async function computeOn<T extends tf.Tensor | tf.Tensor[]>(
  backend: BackendName,
  compute: () => T,
): Promise<Float32Array[]> {
  const previous = tf.getBackend() as BackendName;
  await useBackend(backend);
  try {
    const result = tf.tidy(compute);
    const tensors = Array.isArray(result) ? result : [result];
    const values = tensors.map((tensor) => Float32Array.from(tensor.dataSync() as ArrayLike<number>));
    tf.dispose(tensors);
    return values;
  } finally {
    await useBackend(previous);
  }
}

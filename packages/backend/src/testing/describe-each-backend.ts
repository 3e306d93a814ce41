import { describe, beforeAll } from 'vitest';
// The main entry, not its modules: its side effects (kernel registration) come with it.
import { selectBackend, tf, type BackendName } from '../index';

/** The backends every layer, loss and optimizer suite runs on. */
export const BACKENDS_UNDER_TEST = ['wasm', 'cpu'] as const satisfies readonly BackendName[];

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
 * Runs one vitest suite per backend under test ({@link BACKENDS_UNDER_TEST}), titled
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
  for (const backend of BACKENDS_UNDER_TEST) {
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

/**
 * tfjs-core's exports, plus `version` as the `@tensorflow/tfjs` package spells it (a record of the
 * tfjs packages' versions), which tfjs-core alone lacks.
 */
import { version_core } from '@tensorflow/tfjs-core';
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';

export * from '@tensorflow/tfjs-core';

/**
 * The versions of the tfjs packages Dendrite runs on, as `tf.version` of `@tensorflow/tfjs` (Python's
 * `tf.__version__` is `tf.version['tfjs-core']`).
 *
 * @example
 * ```ts
 * tf.version['tfjs-core']; // '4.22.0'
 * ```
 */
export const version: Readonly<Record<'tfjs-core' | 'tfjs-backend-cpu', string>> = Object.freeze({
  'tfjs-core': version_core,
  'tfjs-backend-cpu': version_cpu,
});

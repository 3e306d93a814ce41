import { nextSeed, setSeed } from '@dendrite/backend';
import { resetUniqueNames } from './unique-names';

/**
 * Keras's `keras.backend.clear_session()` (also `keras.utils.clear_session()`): resets the state
 * Dendrite keeps between models, so a notebook or a loop that builds model after model starts
 * afresh.
 *
 * - Default layer names start again: the next `dense()` is `dense`, not `dense_10`.
 * - The random stream gets a new generator. As in Keras, whose new generator is seeded from the
 *   seeded Python stream, a seed set with `setSeed` stays in force: the new generator is seeded by
 *   a draw from the old one, so a run stays reproducible and each session's draws differ (models
 *   built in a loop around `clearSession()` do not all start from the same weights). Without a seed,
 *   draws stay unseeded.
 *
 * Live models, layers and their weights are untouched (dispose them to free memory), and so are
 * registered custom classes and compiled wasm modules.
 *
 * @example
 * ```ts
 * for (let fold = 0; fold < 4; fold++) {
 *   clearSession();
 *   const model = buildModel(); // layers named dense, dense_1, … in every fold
 * }
 * ```
 */
export function clearSession(): void {
  resetUniqueNames();
  const seed = nextSeed();
  if (seed !== undefined) setSeed(seed);
}

/**
 * `@dendrite/backend/testing`: the vitest helpers Dendrite's own suites use, for testing your own
 * layers, losses and optimizers the same way — run a suite on wasm and cpu, compare with the cpu
 * backend, prove that no tensor leaks, make the same pseudo-random data every run.
 *
 * Needs `vitest` (an optional peer dependency of this package): import it from test files only.
 *
 * @example
 * ```ts
 * import { describeEachBackend, expectArraysClose, valuesWithoutLeak } from '@dendrite/backend/testing';
 * import { tf } from '../index';
 * import { it } from 'vitest';
 *
 * describeEachBackend('square', () => {
 *   it('squares', async () => expectArraysClose(await valuesWithoutLeak(() => tf.square([2, -3])), [4, 9]));
 * });
 * ```
 *
 * @packageDocumentation
 */
export { BACKENDS_UNDER_TEST, describeEachBackend, useBackend, computeOn } from './describe-each-backend';
export { expectNoLeakedTensors, expectArraysClose, maxRelativeError, valuesWithoutLeak } from './expectations';
export { seededArray, seededIntArray } from './random-data';

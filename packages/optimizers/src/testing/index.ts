/**
 * `@dendrite/optimizers/testing`: the vitest helpers Dendrite's own optimizer suites use, for
 * testing your own optimizer step by step against the same update computed by hand in plain
 * numbers, on wasm and cpu.
 *
 * Needs `vitest` (an optional peer dependency of this package): import it from test files only.
 *
 * @example
 * ```ts
 * import { describeEachBackend, expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';
 * import { it } from 'vitest';
 *
 * describeEachBackend('SignSGD', () => {
 *   it('steps by −lr·sign(g)', () => {
 *     expectWeights(weightsAfterSteps(new SignSGD({ learningRate: 0.1 })), stepsByHand((w, g) => w - 0.1 * Math.sign(g)));
 *   });
 * });
 * ```
 *
 * @packageDocumentation
 */
export { START, GRADIENTS, makeVariable, stepWith, weightsAfterSteps, stepsByHand, expectWeights, type HandState } from './optimizer-steps';
export {
  BACKENDS_UNDER_TEST, describeEachBackend, useBackend, computeOn, expectNoLeakedTensors, expectArraysClose, maxRelativeError, valuesWithoutLeak, seededArray, seededIntArray,
} from '@dendrite/backend/testing';

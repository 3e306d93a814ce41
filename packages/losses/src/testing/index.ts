/**
 * `@dendrite/losses/testing`: the vitest helpers Dendrite's own loss and metric suites use, for
 * testing your own losses and metrics against values computed by hand — every reduction, sample
 * weights, streaming batches, the config round trip, no leaked tensors — on wasm and cpu.
 *
 * Needs `vitest` (an optional peer dependency of this package): import it from test files only.
 *
 * @example
 * ```ts
 * import { describeEachBackend, runLossTest } from '@dendrite/losses/testing';
 * import { MeanAbsoluteError } from '@dendrite/losses';
 * import { it } from 'vitest';
 *
 * describeEachBackend('MeanAbsoluteError', () => {
 *   it('matches the hand computation', () => runLossTest({
 *     makeLoss: (args) => new MeanAbsoluteError(args),
 *     yTrue: [[0, 1], [1, 1]],
 *     yPred: [[1, 1], [1, 0]],
 *     expected: [0.5, 0.5],
 *   }));
 * });
 * ```
 *
 * @packageDocumentation
 */
export { runLossTest, type LossTestCase } from './run-loss-test';
export { runMetricTest, type MetricTestCase } from './run-metric-test';
export {
  BACKENDS_UNDER_TEST, describeEachBackend, useBackend, computeOn, expectNoLeakedTensors, expectArraysClose, maxRelativeError, valuesWithoutLeak, seededArray, seededIntArray,
} from '@dendrite/backend/testing';

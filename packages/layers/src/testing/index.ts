/**
 * `@dendrite/layers/testing`: the vitest helpers Dendrite's own layer suites use, for testing your
 * own layers the way Keras's `run_layer_test` does — shapes, weights, a training step, the config
 * round trip, gradients against finite differences, no leaked tensors — on wasm and cpu.
 *
 * Needs `vitest` (an optional peer dependency of this package): import it from test files only.
 *
 * @example
 * ```ts
 * import { describeEachBackend, runLayerTest } from '@dendrite/layers/testing';
 * import { layers } from 'dendrite';
 * import { it } from 'vitest';
 *
 * describeEachBackend('Dense', () => {
 *   it('passes the layer test', () => runLayerTest({
 *     makeLayer: () => layers.dense({ units: 4 }),
 *     inputShape: [2, 3],
 *     expectedOutputShape: [2, 4],
 *     expectedWeightShapes: [[3, 4], [4]],
 *   }));
 * });
 * ```
 *
 * @packageDocumentation
 */
export { runLayerTest, type LayerTestCase } from './run-layer-test';
export { expectLayerGradientsMatchFiniteDifferences, type GradientCheck } from './expect-layer-gradients';
export { expectLossGradientsMatchFiniteDifferences, type FiniteDifferenceOptions } from './expect-loss-gradients';
export { expectActivation, CHECK_POINTS, type ActivationCheck } from './expect-activation';
export { ScaleLayer, scaleLayerClass } from './scale-layer';
export {
  BACKENDS_UNDER_TEST, describeEachBackend, useBackend, computeOn, expectNoLeakedTensors, expectArraysClose, maxRelativeError, valuesWithoutLeak, seededArray, seededIntArray,
} from '@dendrite/backend/testing';

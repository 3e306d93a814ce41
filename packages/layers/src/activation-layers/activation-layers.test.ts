import { afterEach, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { activation, elu, leakyReLU, pReLU, reLU, softmax } from './activation-layers';

afterEach(() => resetUniqueNames());

describeEachBackend('activation layers', () => {
  it.each([
    ['activation', () => activation({ activation: 'tanh' }), []],
    ['reLU', () => reLU({ maxValue: 1 }), []],
    ['leakyReLU', () => leakyReLU(), []],
    ['elu', () => elu({ alpha: 0.5 }), []],
    ['softmax', () => softmax(), []],
    ['pReLU', () => pReLU({ alphaInitializer: { class_name: 'Constant', config: { value: 0.25 } } }), [[6]]],
  ] as const)('%s passes runLayerTest', async (_name, make, weights) => {
    await runLayerTest({ makeLayer: make, inputShape: [3, 6], expectedOutputShape: [3, 6], expectedWeightShapes: weights.map((w) => [...w]), expectTrainingChangesWeights: weights.length > 0 });
  });

  it('computes as hand computed', () => {
    const x = tf.tensor1d([-2, -0.5, 0.5, 3]);
    const cases: Array<[tf.Tensor, number[]]> = [
      [reLU({ maxValue: 1 }).apply(x), [0, 0, 0.5, 1]],
      [reLU({ negativeSlope: 0.1, threshold: 1 }).apply(x), [-0.3, -0.15, -0.05, 3]],
      [leakyReLU().apply(x), [-0.6, -0.15, 0.5, 3]],
      [leakyReLU({ alpha: 0.1 }).apply(x), [-0.2, -0.05, 0.5, 3]],
      [elu({ alpha: 2 }).apply(x), [2 * (Math.exp(-2) - 1), 2 * (Math.exp(-0.5) - 1), 0.5, 3]],
    ];
    for (const [result, expected] of cases) expectArraysClose(result, expected, 1e-5);
    tf.dispose([x, ...cases.map(([r]) => r)]);
  });
});

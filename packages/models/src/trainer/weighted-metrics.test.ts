import { afterEach, expect, it } from 'vitest';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { compileArgsFromKeras, compileConfigToKeras3 } from '../saving/keras-v3-config';
import { sequential } from '../sequential';

afterEach(() => resetUniqueNames());

/** y = x, frozen: the errors against the targets below are 1, 2, 3, 4. */
function frozenIdentity() {
  const m = sequential([dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })]);
  m.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mae', metrics: ['mae'], weightedMetrics: ['mae'] });
  return m;
}
const x = [[0], [0], [0], [0]];
const y = [[1], [2], [3], [4]];
const weights = [1, 0, 0, 0.5];

describeEachBackend('metrics and weightedMetrics, as Keras', () => {
  it('metrics count every sample alike; weightedMetrics weigh them by sampleWeight', async () => {
    const m = frozenIdentity();
    await m.evaluate(x, y, { verbose: 0 });
    const logs = (await expectNoLeakedTensors(() => m.evaluate(x, y, { sampleWeight: weights, batchSize: 3, verbose: 0, returnDict: true }))) as Record<string, number>;
    expect(Object.keys(logs)).toEqual(['loss', 'mae', 'weighted_mae']);
    // loss: Σ w·|e| / samples = 3 / 4; mae: 10 / 4; weighted_mae: Σ w·|e| / Σ w = 3 / 1.5.
    expectArraysClose([logs.loss, logs.mae, logs.weighted_mae], [0.75, 2.5, 2]);
    m.dispose();
  });

  it('classWeight weighs the loss and weightedMetrics, not metrics', async () => {
    const m = sequential([dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros', biasInitializer: 'zeros' })]);
    m.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', metrics: ['mae'], weightedMetrics: ['mse'] });
    // Predictions 0 against classes 0, 1, 1, 1; class 1 weighs 3.
    const history = await m.fit(x, [[0], [1], [1], [1]], { classWeight: { 0: 1, 1: 3 }, verbose: 0, shuffle: false });
    expectArraysClose([history.history.loss[0], history.history.mae[0], history.history.mse[0]], [9 / 4, 3 / 4, 9 / 10]);
    m.dispose();
  });
});

it('keeps weightedMetrics through the Keras compile config', () => {
  const m = frozenIdentity();
  const keras = compileConfigToKeras3(m.compiled!.compileConfig as never)!;
  expect(keras.weighted_metrics).toEqual(['mae']);
  expect(compileArgsFromKeras(keras)).toMatchObject({ metrics: ['mae'], weightedMetrics: ['mae'] });
  m.dispose();
});

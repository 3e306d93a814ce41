import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { pReLU } from './prelu';

afterEach(() => resetUniqueNames());

const quarter = { class_name: 'Constant', config: { value: 0.25 } };

describeEachBackend('PReLU', () => {
  it.each([
    ['one slope per entry', () => pReLU({ alphaInitializer: quarter }), [3, 6], [[6]]],
    ['shared over space', () => pReLU({ alphaInitializer: quarter, sharedAxes: [1, 2] }), [2, 3, 3, 4], [[1, 1, 4]]],
    ['regularized, constrained', () => pReLU({ alphaInitializer: quarter, alphaRegularizer: 'l2', alphaConstraint: 'non_neg', sharedAxes: 1 }), [2, 3, 4], [[1, 4]]],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, shape, weights) => {
    await runLayerTest({ makeLayer, inputShape: [...shape], expectedOutputShape: [...shape], expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it('computes relu(x) − alpha·relu(−x) with learned slopes, and their gradient', async () => {
    const layer = pReLU({ sharedAxes: [1] });
    layer.build([2, 2, 3]);
    layer.setWeights([tf.tensor2d([[0.1, 0.2, 0.3]])]);
    const values = [-1, 2, -3, 4, -5, 6, -7, 8, -9, 10, -11, 12];
    const x = tf.tensor3d(values, [2, 2, 3]);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x);
      expectArraysClose(y, values.map((v, i) => (v > 0 ? v : [0.1, 0.2, 0.3][i % 3] * v)), 1e-6);
      y.dispose();
      const alpha = layer.alpha!.read();
      const { value, grads } = tf.variableGrads(() => tf.sum(layer.apply(x)) as tf.Scalar, [alpha]);
      // d/dalpha_c = Σ over the entries of channel c of min(x, 0).
      const expected = [0, 1, 2].map((c) => values.filter((v, i) => i % 3 === c && v < 0).reduce((a, b) => a + b, 0));
      expectArraysClose(grads[alpha.name], expected, 1e-6);
      tf.dispose([value, ...Object.values(grads)]);
    });
    x.dispose();
    layer.dispose();
  });

  it('rejects bad sharedAxes and inputs, naming the layer', () => {
    expect(() => pReLU({ sharedAxes: [0] })).toThrow('Expected sharedAxes to be an axis ≥ 1 or a list of them, received [0] in layer "p_re_lu"');
    const layer = pReLU({ sharedAxes: [3], name: 'slopes' });
    expect(() => layer.build([2, 3])).toThrow('Expected sharedAxes [3] to be axes of the input in layer "slopes", received shape [2, 3]');
  });
});

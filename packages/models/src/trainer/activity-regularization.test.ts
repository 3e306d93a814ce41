import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, input, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { model } from '../functional';
import { sequential } from '../sequential';

afterEach(() => resetUniqueNames());

// y = x·ones(2, 2) gives [[3, 3], [7, 7]]: the targets, so the mse is 0 and the loss is the
// penalty alone, l2 · Σy² / batch = 0.01 · (9 + 9 + 49 + 49) / 2 = 0.58 (Keras 3 divides by the
// batch size). Its gradient is l2 · xᵀy = 0.01 · [[24, 24], [34, 34]] for the kernel and
// l2 · Σ_batch y = [0.1, 0.1] for the bias.
const x = [[1, 2], [3, 4]];
const y = [[3, 3], [7, 7]];
const penalty = 0.58;

const regularized = (inputShape?: number[]) =>
  dense({ units: 2, activityRegularizer: 'l2', kernelInitializer: 'ones', biasInitializer: 'zeros', inputShape });

const builders = {
  Sequential: () => sequential({ layers: [regularized([2])] }),
  functional: () => {
    const inputs = input({ shape: [2] });
    return model({ inputs, outputs: regularized().apply(inputs) as never });
  },
};

describeEachBackend('activityRegularizer', () => {
  for (const [kind, build] of Object.entries(builders)) {
    it(`adds l2 · Σoutput² / batch to the loss of fit and evaluate (${kind})`, async () => {
      const m = build();
      m.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse' });
      await m.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 });
      const history = await expectNoLeakedTensors(() => m.fit(x, y, { epochs: 2, batchSize: 2, verbose: 0 }));
      expectArraysClose(history.history.loss, [penalty, penalty]);
      const evaluated = await expectNoLeakedTensors(() => m.evaluate(x, y, { batchSize: 2 }));
      expectArraysClose([evaluated as number], [penalty]);
      await expectNoLeakedTensors(() => tf.dispose(m.predict(x)));
      m.dispose();
    });

    it(`trains on the penalty's gradient (${kind})`, async () => {
      const m = build();
      m.compile({ optimizer: sgd({ learningRate: 1 }), loss: 'mse' });
      await expectNoLeakedTensors(() => m.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 }));
      const [kernel, bias] = m.getWeights().map((weight) => weight.arraySync());
      expectArraysClose((kernel as number[][]).flat(), [0.76, 0.76, 0.66, 0.66]);
      expectArraysClose(bias as number[], [-0.1, -0.1]);
      m.dispose();
    });
  }

  it('keeps the losses of the last call on the layer, as Keras', () => {
    const layer = regularized();
    const output = layer.apply(tf.tensor2d(x)) as tf.Tensor;
    const [loss] = layer.losses;
    expectArraysClose([loss.dataSync()[0]], [penalty]);
    tf.dispose(output);
    layer.clearLosses();
    expect(layer.losses).toEqual([]);
  });
});

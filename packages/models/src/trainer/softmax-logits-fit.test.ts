import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { SOFTMAX_CROSSENTROPY } from '@dendrite/backend/internal';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { sequential } from '../sequential';

afterEach(() => resetUniqueNames());

// One sample whose logits are [0, 30, 0] (a kernel picking x₀ for the middle class), labelled class 0:
// confidently wrong. From the logits the loss is logSumExp − 0 ≈ 30; clipped probabilities would
// cap it at −log(1e-7) ≈ 16.12.
const x = [[1, 0]];
const y = [[1, 0, 0]];
const WRONG_LOSS = 30 + Math.log(1 + 2 * Math.exp(-30));

function confidentlyWrong() {
  const model = sequential({ layers: [dense({ units: 3, inputShape: [2], activation: 'softmax' })] });
  model.layers[0].setWeights([tf.tensor2d([[0, 30, 0], [0, 0, 0]]), tf.zeros([3])]);
  model.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'categorical_crossentropy' });
  return model;
}

describeEachBackend('a Dense softmax layer trains from its logits (the nested scope keeps them)', (backend) => {
  it('evaluate and fit: a confidently wrong example costs its logits\' loss, unclipped, and nothing leaks', async () => {
    const model = confidentlyWrong();
    const evaluated = await expectNoLeakedTensors(() => model.evaluate(x, y, { verbose: 0 }));
    expect(evaluated as number).toBeCloseTo(WRONG_LOSS, 3);
    const history = await expectNoLeakedTensors(() => model.fit(x, y, { epochs: 1, verbose: 0 }));
    expect(history.history.loss[0]).toBeCloseTo(WRONG_LOSS, 3);
    model.dispose();
  });

  it(`fit ${backend === 'wasm' ? 'runs' : 'does without'} the fused ${SOFTMAX_CROSSENTROPY} kernel`, async () => {
    const model = confidentlyWrong();
    const info = await tf.profile(async () => {
      await model.fit(x, y, { epochs: 1, verbose: 0 });
    });
    const names = info.kernels.map((kernel) => kernel.name);
    if (backend === 'wasm') expect(names).toContain(SOFTMAX_CROSSENTROPY);
    else expect(names).not.toContain(SOFTMAX_CROSSENTROPY);
    model.dispose();
  });

  it('a top-level apply frees the logits with the layer\'s scope: its output is all that stays', () => {
    const model = confidentlyWrong();
    const input = tf.tensor2d(x);
    const before = tf.memory().numTensors;
    const output = model.apply(input) as tf.Tensor;
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([output, input]);
    model.dispose();
  });
});

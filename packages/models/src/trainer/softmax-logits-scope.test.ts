import { afterEach, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { sequential } from '../sequential';

// tfjs's engine probe (insideTidy) answering "no scope" everywhere, as it would if a tfjs-core
// upgrade changed the engine state it reads: the trainer's steps keep the logits by saying so.
vi.mock('../../../backend/src/ops/inside-tidy', () => ({ insideTidy: () => false }));

afterEach(() => resetUniqueNames());

// One sample whose logits are [0, 30, 0], labelled class 0: from the logits the loss is ≈ 30;
// clipped probabilities would cap it at −log(1e-7) ≈ 16.12.
const WRONG_LOSS = 30 + Math.log(1 + 2 * Math.exp(-30));

describeEachBackend('the trainer\'s steps keep a softmax output\'s logits explicitly (withSoftmaxLogits)', () => {
  it('fit, evaluate, trainOnBatch and testOnBatch train from the logits without the engine probe, and nothing leaks', async () => {
    const model = sequential({ layers: [dense({ units: 3, inputShape: [2], activation: 'softmax' })] });
    model.layers[0].setWeights([tf.tensor2d([[0, 30, 0], [0, 0, 0]]), tf.zeros([3])]);
    model.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'categorical_crossentropy' });
    const x = [[1, 0]];
    const y = [[1, 0, 0]];
    const history = await expectNoLeakedTensors(() => model.fit(x, y, { epochs: 1, verbose: 0 }));
    expect(history.history.loss[0]).toBeCloseTo(WRONG_LOSS, 3);
    expect((await expectNoLeakedTensors(() => model.evaluate(x, y, { verbose: 0 }))) as number).toBeCloseTo(WRONG_LOSS, 3);
    expect((await expectNoLeakedTensors(() => model.trainOnBatch(x, y))) as number).toBeCloseTo(WRONG_LOSS, 3);
    expect((await expectNoLeakedTensors(() => model.testOnBatch(x, y))) as number).toBeCloseTo(WRONG_LOSS, 3);
    model.dispose();
  });
});

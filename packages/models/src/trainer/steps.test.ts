import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type TensorOrList, dense, input, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { model } from '../functional';
import { sequential } from '../sequential';

afterEach(() => resetUniqueNames());

/** Passes its input through, writing down the `training` flag of each call. */
class TrainingFlags extends Layer {
  static override className = 'TrainingFlags';
  readonly seen: Array<boolean | undefined> = [];
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    this.seen.push(args.training);
    return tf.mul(inputs as tf.Tensor, 1);
  }
}

/** The weights' values; the copies getWeights makes are disposed. */
const weightsOf = (m: ReturnType<typeof sequential>) => {
  const weights = m.getWeights();
  const values = weights.map((weight) => Array.from(weight.dataSync()));
  tf.dispose(weights);
  return values;
};

// Every test leaves as many tensors alive as it found: its models, weights and batches disposed.
let tensorsBefore = 0;
beforeEach(() => {
  tensorsBefore = tf.memory().numTensors;
});
afterEach(() => {
  expect(tf.memory().numTensors, 'tensors alive after the test').toBe(tensorsBefore);
});

describe("the trainer's steps, as Keras's train_step and test_step", () => {
  it('one SGD step on the mse gradient; loss and metrics from the predictions before the update', async () => {
    // w = 1, b = 0 on x = [1, 2], y = [3, 5]: predictions 1, 2, errors −2, −3. mse = 13 / 2, mae = 5 / 2;
    // ∂/∂w = (2 / 2)·(−2·1 − 3·2) = −8, ∂/∂b = −2 − 3 = −5; at rate 0.1: w = 1.8, b = 0.5.
    const m = sequential({ layers: [dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
    m.compile({ optimizer: sgd({ learningRate: 0.1 }), loss: 'mse', metrics: ['mae'] });
    const history = await m.fit([[1], [2]], [[3], [5]], { batchSize: 2, verbose: 0 });
    expectArraysClose([history.history.loss[0], history.history.mae[0]], [6.5, 2.5]);
    expectArraysClose(weightsOf(m).flat(), [1.8, 0.5]);
    m.dispose();
  });

  it('applies the constraints after each update', async () => {
    // x = 1, y = −10: error 11, ∂/∂w = ∂/∂b = 22; at rate 1, w = −21 → nonNeg → 0, b = −22 (unconstrained).
    const m = sequential({ layers: [dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros', kernelConstraint: 'nonNeg' })] });
    m.compile({ optimizer: sgd({ learningRate: 1 }), loss: 'mse' });
    await m.fit([[1]], [[-10]], { verbose: 0 });
    expectArraysClose(weightsOf(m).flat(), [0, -22]);
    m.dispose();
  });

  it('calls the model with training true in fit, false in evaluate and predict', async () => {
    const flags = new TrainingFlags({ inputShape: [1] });
    const m = sequential({ layers: [flags, dense({ units: 1 })] });
    m.compile({ optimizer: sgd({ learningRate: 0.1 }), loss: 'mse' });
    await m.fit([[1]], [[1]], { verbose: 0 });
    expect(flags.seen.splice(0)).toContain(true);
    expect(flags.seen).toEqual([]);
    await m.evaluate([[1]], [[1]], { verbose: 0 });
    tf.dispose(m.predict([[1]], { verbose: 0 }) as tf.Tensor);
    expect(flags.seen.length).toBeGreaterThan(0);
    expect(flags.seen.every((training) => training !== true)).toBe(true);
    m.dispose();
  });

  it('refuses to fit a model with every layer frozen, naming it', async () => {
    const m = sequential({ layers: [dense({ units: 1, inputShape: [1], trainable: false })], name: 'frozen' });
    m.compile({ optimizer: 'sgd', loss: 'mse' });
    await expect(m.fit([[1]], [[1]], { verbose: 0 })).rejects.toThrow(new Error('Expected model "frozen" to have trainable weights to fit, received none (is every layer frozen?)'));
    // evaluate needs no trainable weight.
    expect(await m.evaluate([[1]], [[1]], { verbose: 0 })).toBeTypeOf('number');
    m.dispose();
  });

  it("logs each output's loss of a training step, from the same forward pass", async () => {
    // Two frozen outputs y = x of one input x = 0, targets 1 and 2: mse 1 and 4, total 1 + 0.5 · 4.
    const source = input({ shape: [1] });
    const frozen = () => dense({ units: 1, kernelInitializer: 'ones', biasInitializer: 'zeros' });
    const m = model({ inputs: source, outputs: [frozen().apply(source) as never, frozen().apply(source) as never] });
    m.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', lossWeights: [1, 0.5] });
    const history = await m.fit([[0], [0]], [[[1], [1]], [[2], [2]]], { verbose: 0 });
    const names = Object.keys(history.history);
    expect(names).toHaveLength(3);
    expectArraysClose(names.map((name) => history.history[name][0]), [3, 1, 4]);
    m.dispose();
  });

  it('leaks no tensor through a train or a test step', async () => {
    const m = sequential({ layers: [dense({ units: 2, inputShape: [1], activityRegularizer: 'l2' }), dense({ units: 1 })] });
    m.compile({ optimizer: sgd({ learningRate: 0.01 }), loss: 'mse', metrics: ['mae'] });
    await m.fit([[1], [2]], [[1], [2]], { verbose: 0 });
    await m.evaluate([[1], [2]], [[1], [2]], { verbose: 0 });
    await expectNoLeakedTensors(() => m.trainOnBatch([[1], [2]], [[1], [2]]));
    await expectNoLeakedTensors(() => m.testOnBatch([[1], [2]], [[1], [2]]));
    m.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend } from '@dendrite/backend/testing';
import { SOFTMAX_CROSSENTROPY, markSoftmaxOutput } from '@dendrite/backend/internal';
import { computeOn, expectArraysClose, seededArray, seededIntArray } from '@dendrite/test-utils';
import { categoricalCrossentropy } from './categorical-crossentropy';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

const [BATCH, CLASSES] = [6, 5];
// Ordinary logits, and rows so peaked that Keras's clip to [ε, 1 − ε] bites (both ends).
const logitValues = seededArray(BATCH * CLASSES, 1, -3, 3);
logitValues.set([40, 0, 0, 0, 0, 0, 40, 0, 0, 0], 0);
const oneHot = new Float32Array(BATCH * CLASSES);
const labels = seededIntArray(BATCH, 2, 0, CLASSES);
labels[0] = 0;
labels[1] = 3;
labels.forEach((label, row) => (oneHot[row * CLASSES + label] = 1));

type Loss = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
const losses: Array<[string, () => tf.Tensor, Loss]> = [
  ['categorical', () => tf.tensor2d(oneHot, [BATCH, CLASSES]), (t, p) => categoricalCrossentropy(t, p)],
  ['categorical with label smoothing', () => tf.tensor2d(oneHot, [BATCH, CLASSES]), (t, p) => categoricalCrossentropy(t, p, { labelSmoothing: 0.1 })],
  ['sparse', () => tf.tensor1d(labels, 'int32'), (t, p) => sparseCategoricalCrossentropy(t, p)],
];

/** Mean loss and its gradient with respect to the logits, with or without the softmax mark. */
function lossAndGradient(targets: () => tf.Tensor, loss: Loss, marked: boolean): tf.Tensor[] {
  const logits = tf.tensor2d(logitValues, [BATCH, CLASSES]);
  const y = targets();
  const { value, grads } = tf.valueAndGrads((z: tf.Tensor) => {
    const probabilities = tf.softmax(z);
    if (marked) markSoftmaxOutput(probabilities);
    return tf.mean(loss(y, probabilities));
  })([logits]);
  return [value, grads[0]];
}

describe('crossentropies of a softmax output marked as softmax outputs', () => {
  it.each(losses)('%s: the op-by-op loss and gradient, on cpu and wasm', async (_name, targets, loss) => {
    for (const backend of ['cpu', 'wasm'] as const) {
      const [expectedLoss, expectedGradient] = await computeOn(backend, () => lossAndGradient(targets, loss, false));
      const [actualLoss, actualGradient] = await computeOn(backend, () => lossAndGradient(targets, loss, true));
      expectArraysClose(actualLoss, expectedLoss, 1e-5);
      expectArraysClose(actualGradient, expectedGradient, 1e-5);
    }
  });

  it('leaves no tensor behind (the tensors kept for the gradient included)', () => {
    const before = tf.memory().numTensors;
    tf.dispose(tf.tidy(() => lossAndGradient(losses[0][1], losses[0][2], true)));
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** Mean loss and its gradient with respect to the logits: from the softmax output marked with its logits, or from the logits. */
function fromRecordedLogits(targets: () => tf.Tensor, loss: Loss, fromLogits: boolean): tf.Tensor[] {
  const logits = tf.tensor2d(logitValues, [BATCH, CLASSES]);
  const y = targets();
  const { value, grads } = tf.valueAndGrads((z: tf.Tensor) => {
    if (fromLogits) return tf.mean(loss === losses[2][2] ? sparseCategoricalCrossentropy(y, z, { fromLogits }) : categoricalCrossentropy(y, z, { fromLogits, labelSmoothing: loss === losses[1][2] ? 0.1 : 0 }));
    return tf.mean(loss(y, markSoftmaxOutput(tf.softmax(z), z)));
  })([logits]);
  return [value, grads[0]];
}

describe('crossentropies of a softmax output marked with its logits', () => {
  it.each(losses)('%s: the fromLogits loss and gradient (unclipped, as Keras with _keras_logits), on cpu and wasm', async (_name, targets, loss) => {
    for (const backend of ['cpu', 'wasm'] as const) {
      const [expectedLoss, expectedGradient] = await computeOn(backend, () => fromRecordedLogits(targets, loss, true));
      const [actualLoss, actualGradient] = await computeOn(backend, () => fromRecordedLogits(targets, loss, false));
      expectArraysClose(actualLoss, expectedLoss, 1e-5);
      expectArraysClose(actualGradient, expectedGradient, 1e-5);
    }
  });

  it('runs the fused kernel on wasm, and leaves no tensor behind', async () => {
    const previous = tf.getBackend() as 'cpu' | 'wasm';
    await useBackend('wasm');
    try {
      const before = tf.memory().numTensors;
      const info = await tf.profile(() => tf.dispose(tf.tidy(() => fromRecordedLogits(losses[0][1], losses[0][2], false))));
      expect(info.kernels.map((kernel) => kernel.name)).toContain(SOFTMAX_CROSSENTROPY);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      await useBackend(previous);
    }
  });
});

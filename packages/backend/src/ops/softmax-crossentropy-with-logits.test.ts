import { expect, it } from 'vitest';
import { tf } from '../index';
import { describeEachBackend } from '../testing/index';
import { expectGradientMatchesDifferences } from '../gradients/finite-differences';
import { expectArraysClose, seededArray } from '@dendrite/test-utils';
import { SOFTMAX_CROSSENTROPY, softmaxCrossentropyWithLogits } from './softmax-crossentropy-with-logits';

const [ROWS, CLASSES] = [4, 5];
// Ordinary logits, one row peaked far past float32's exp range (1000: exp overflows unshifted), soft targets summing to 0.7.
const logits = seededArray(ROWS * CLASSES, 3, -3, 3);
logits.set([1000, 0, -2, 1, 0], 5);
const targets = new Float32Array(ROWS * CLASSES);
[1, 3, 0, 4].forEach((label, row) => (targets[row * CLASSES + label] = 1));
targets.set([0.2, 0, 0.5, 0, 0], 15);

/** The loss by the definition, in float64: `Σ t·logSumExp(z) − Σ t·z` per row. */
function lossByHand(): number[] {
  return Array.from({ length: ROWS }, (_, row) => {
    const z = Array.from(logits.subarray(row * CLASSES, (row + 1) * CLASSES));
    const t = targets.subarray(row * CLASSES, (row + 1) * CLASSES);
    const max = Math.max(...z);
    const logSumExp = max + Math.log(z.reduce((sum, value) => sum + Math.exp(value - max), 0));
    return z.reduce((sum, value, j) => sum + t[j] * (logSumExp - value), 0);
  });
}

describeEachBackend('softmaxCrossentropyWithLogits', (backend) => {
  it('computes Σ t·logSumExp(z) − Σ t·z per row, finite for a logit of 1000', () => {
    const loss = tf.tidy(() => softmaxCrossentropyWithLogits(tf.tensor2d(targets, [ROWS, CLASSES]), tf.tensor2d(logits, [ROWS, CLASSES])).dataSync());
    expect(loss.length).toBe(ROWS);
    expectArraysClose(loss, lossByHand(), 1e-5);
    expect(loss[1]).toBeCloseTo(1000 - 1, 2); // label 3: logSumExp ≈ 1000, minus its logit 1
  });

  it('equals the log-softmax crossentropy and its gradient, and its finite differences', () => {
    const t = tf.tensor2d(targets, [ROWS, CLASSES]);
    const z = tf.tensor2d(logits, [ROWS, CLASSES]);
    const [fused, fusedGradient] = tf.tidy(() => {
      const { value, grads } = tf.valueAndGrads((x: tf.Tensor) => tf.sum(tf.mul(softmaxCrossentropyWithLogits(t, x), tf.tensor1d([1, 2, 3, 4]))))([z]);
      return [value.dataSync(), grads[0].dataSync()];
    });
    const [plain, plainGradient] = tf.tidy(() => {
      const { value, grads } = tf.valueAndGrads((x: tf.Tensor) => tf.sum(tf.mul(tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(x)), -1)), tf.tensor1d([1, 2, 3, 4]))))([z]);
      return [value.dataSync(), grads[0].dataSync()];
    });
    expectArraysClose(fused, plain, 1e-5);
    expectArraysClose(fusedGradient, plainGradient, 1e-5);
    const moderate = logits.map((value) => Math.max(-3, Math.min(3, value)));
    tf.tidy(() => expectGradientMatchesDifferences((x) => softmaxCrossentropyWithLogits(t, x), moderate, [ROWS, CLASSES]));
    tf.dispose([t, z]);
  });

  it('takes logits of rank 3 (rows on every axis but the last)', () => {
    const loss = tf.tidy(() => softmaxCrossentropyWithLogits(tf.tensor3d(targets, [2, 2, CLASSES]), tf.tensor3d(logits, [2, 2, CLASSES])).arraySync());
    expectArraysClose((loss as number[][]).flat(), lossByHand(), 1e-5);
  });

  it(`runs ${backend === 'wasm' ? 'one fused kernel' : 'op by op'} forward, and leaves no tensor behind`, async () => {
    const before = tf.memory().numTensors;
    const t = tf.tensor2d(targets, [ROWS, CLASSES]);
    const z = tf.tensor2d(logits, [ROWS, CLASSES]);
    const profile = await tf.profile(() => tf.tidy(() => softmaxCrossentropyWithLogits(t, z)).dispose());
    const names = profile.kernels.map((kernel) => kernel.name);
    if (backend === 'wasm') expect(names).toContain(SOFTMAX_CROSSENTROPY);
    else expect(names).not.toContain(SOFTMAX_CROSSENTROPY);
    tf.tidy(() => {
      tf.grad((x: tf.Tensor) => tf.sum(softmaxCrossentropyWithLogits(t, x)))(z);
    });
    tf.dispose([t, z]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses targets of another shape or dtype and non-float32 logits, naming them', () => {
    const z = tf.tensor2d(logits, [ROWS, CLASSES]);
    const [labels, scalar] = [tf.tensor1d([1, 3, 0, 4]), tf.scalar(1)];
    const intTargets = tf.tensor2d(targets, [ROWS, CLASSES], 'int32');
    const refusal = (t: tf.Tensor, x: tf.Tensor) => {
      try {
        softmaxCrossentropyWithLogits(t, x);
      } catch (error) {
        return [(error as Error).constructor.name, (error as Error).message];
      }
      return undefined;
    };
    const expected = 'a float32 tensor of shape [4,5] (the shape of logits)';
    expect(refusal(labels, z)).toEqual(['RangeError', `Expected targets to be ${expected}, received a float32 tensor of shape [4] in softmaxCrossentropyWithLogits`]);
    expect(refusal(intTargets, z)).toEqual(['TypeError', `Expected targets to be ${expected}, received an int32 tensor of shape [4,5] in softmaxCrossentropyWithLogits`]);
    expect(refusal(z, intTargets)).toEqual(['TypeError', 'Expected logits to be a float32 tensor, received an int32 tensor of shape [4,5] in softmaxCrossentropyWithLogits']);
    expect(refusal(scalar, scalar)?.[0]).toBe('RangeError');
    tf.dispose([z, labels, scalar, intTargets]);
  });
});

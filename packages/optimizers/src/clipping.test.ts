import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { clipGradients } from './clipping';
import { adam } from './adam';
import { type SGDArgs, sgd } from './sgd';
import { makeVariable } from '@dendrite/optimizers/testing';

/** One SGD step with learning rate 1 on zero weights: the weights become −(clipped gradients). */
function clippedBySgd(options: SGDArgs, gradients: number[][]): number[][] {
  const optimizer = sgd({ learningRate: 1, ...options });
  const variables = gradients.map((gradient) => makeVariable(gradient.map(() => 0)));
  const tensors = gradients.map((gradient) => tf.tensor1d(gradient));
  optimizer.applyGradients(tensors.map((tensor, index) => [tensor, variables[index]] as const));
  const weights = variables.map((variable) => Array.from(variable.dataSync(), (w) => -w));
  tf.dispose([...variables, ...tensors]);
  optimizer.dispose();
  return weights;
}

describeEachBackend('gradient clipping', () => {
  it('clipValue clips every element to [−c, c]', async () => {
    const [clipped] = await expectNoLeakedTensors(() => clippedBySgd({ clipValue: 0.3 }, [[0.5, -1, 0.1]]));
    expectArraysClose(clipped, [0.3, -0.3, 0.1], 1e-6);
  });

  it('clipNorm scales each gradient by c / max(‖g‖, c), separately', async () => {
    // ‖[3, 4]‖ = 5 is scaled to 1; ‖[0.3, 0.4]‖ = 0.5 is under the threshold and stays.
    const [big, small] = await expectNoLeakedTensors(() => clippedBySgd({ clipNorm: 1 }, [[3, 4], [0.3, 0.4]]));
    expectArraysClose(big, [3 / 5, 4 / 5], 1e-6);
    expectArraysClose(small, [0.3, 0.4], 1e-6);
  });

  it('globalClipNorm scales all gradients by c / max(√Σ‖gᵢ‖², c), together', async () => {
    // The joint norm of [3] and [4] is 5: both are scaled by 1/5.
    const [a, b] = await expectNoLeakedTensors(() => clippedBySgd({ globalClipNorm: 1 }, [[3], [4]]));
    expectArraysClose(a, [0.6], 1e-6);
    expectArraysClose(b, [0.8], 1e-6);
    // Each of [0.6] and [0.8] alone is under 1; with [1.2] the joint norm is √(0.36 + 0.64 + 1.44).
    const scale = 1 / Math.sqrt(0.36 + 0.64 + 1.44);
    const clipped = clippedBySgd({ globalClipNorm: 1 }, [[0.6], [0.8], [1.2]]);
    expectArraysClose(clipped.flat(), [0.6 * scale, 0.8 * scale, 1.2 * scale], 1e-6);
  });

  it('leaves gradients under the threshold unchanged', () => {
    expectArraysClose(clippedBySgd({ clipNorm: 10 }, [[3, 4]])[0], [3, 4], 1e-6);
    expectArraysClose(clippedBySgd({ globalClipNorm: 10 }, [[3], [4]]).flat(), [3, 4], 1e-6);
    expectArraysClose(clippedBySgd({ clipValue: 10 }, [[3, -4]])[0], [3, -4], 1e-6);
  });

  it('clips before the optimizer’s own math (Adam sees the clipped gradient)', () => {
    const clippedAdam = adam({ learningRate: 0.1, beta2: 0.5, clipValue: 0.5 });
    const plainAdam = adam({ learningRate: 0.1, beta2: 0.5 });
    const results = [clippedAdam, plainAdam].map((optimizer, index) => {
      const w = makeVariable([0, 0]);
      // Two steps, so Adam's scale invariance on step 1 does not hide the clipping.
      for (const gradient of index === 0 ? [[2, -2], [0.1, 0.1]] : [[0.5, -0.5], [0.1, 0.1]]) {
        const g = tf.tensor1d(gradient);
        optimizer.applyGradients([[g, w]]);
        g.dispose();
      }
      const values = Array.from(w.dataSync());
      w.dispose();
      optimizer.dispose();
      return values;
    });
    expectArraysClose(results[0], results[1], 1e-6);
  });

  it('clipGradients makes nothing it does not return', async () => {
    const gradients: tf.Tensor[] = [tf.tensor1d([3, 4]), tf.tensor1d([1])];
    for (const options of [{ clipValue: 1 }, { clipNorm: 1 }, { globalClipNorm: 1 }, {}]) {
      await expectNoLeakedTensors(() => tf.dispose(tf.tidy(() => clipGradients(gradients, options)).filter((t) => !gradients.includes(t))));
    }
    tf.dispose(gradients);
  });

  it('clips no gradients to no gradients, whatever the option', () => {
    for (const options of [{ clipValue: 1 }, { clipNorm: 1 }, { globalClipNorm: 1 }, {}]) expect(clipGradients([], options)).toEqual([]);
  });

  it('allows one option at most, each > 0, as Keras', () => {
    expect(() => sgd({ clipNorm: 1, clipValue: 1 })).toThrow('Expected at most one of clipValue, clipNorm, globalClipNorm in optimizer "SGD", received clipValue and clipNorm');
    expect(() => adam({ clipNorm: 1, globalClipNorm: 1 })).toThrow('Expected at most one of clipValue, clipNorm, globalClipNorm in optimizer "adam", received clipNorm and globalClipNorm');
    expect(() => adam({ clipValue: 1, globalClipNorm: 1 })).toThrow('received clipValue and globalClipNorm');
    expect(() => adam({ clipNorm: 0 })).toThrow('Expected clipNorm to be a finite number > 0, received 0 in optimizer "adam"');
    expect(() => adam({ clipValue: -1 })).toThrow('Expected clipValue to be a finite number > 0, received -1 in optimizer "adam"');
    expect(() => adam({ globalClipNorm: Number.NaN })).toThrow('Expected globalClipNorm to be a finite number > 0, received NaN in optimizer "adam"');
    expect(adam({ clipNorm: null, clipValue: 0.5 }).clipValue).toBe(0.5);
  });
});

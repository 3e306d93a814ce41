import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { dropout } from './dropout';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

function trainingValues(layer: ReturnType<typeof dropout>, x: tf.Tensor): number[] {
  const y = layer.apply(x, { training: true });
  const values = Array.from(y.dataSync());
  y.dispose();
  return values;
}

describeEachBackend('Dropout', () => {
  it.each([
    ['rate 0.3', () => dropout({ rate: 0.3 }), [4, 5]],
    ['rate 0', () => dropout({ rate: 0 }), [4, 5]],
    ['noiseShape and seed', () => dropout({ rate: 0.5, noiseShape: [null, 1, null], seed: 3 }), [2, 3, 4]],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, shape) => {
    await runLayerTest({ makeLayer, inputShape: [...shape], expectedOutputShape: [...shape], expectedWeightShapes: [], expectTrainingChangesWeights: false });
  });

  it('zeros about rate of the entries in training and scales the rest by 1/(1 − rate)', async () => {
    const layer = dropout({ rate: 0.25 });
    const x = tf.ones([200, 100]);
    await expectNoLeakedTensors(() => {
      const values = trainingValues(layer, x);
      const zeros = values.filter((v) => v === 0).length / values.length;
      expect(zeros).toBeGreaterThan(0.23);
      expect(zeros).toBeLessThan(0.27);
      expect(values.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
    });
    x.dispose();
  });

  it('is the identity outside training', async () => {
    const layer = dropout({ rate: 0.5 });
    const x = tf.tensor2d([[1, -2], [3, 4]]);
    await expectNoLeakedTensors(() => {
      for (const training of [false, undefined]) {
        const y = layer.apply(x, { training });
        expectArraysClose(y, x);
        y.dispose();
      }
    });
    x.dispose();
  });

  it('draws the same masks for the same seed, and a new mask at each call', () => {
    const x = tf.ones([8, 16]);
    const first = dropout({ rate: 0.5, seed: 11 });
    const second = dropout({ rate: 0.5, seed: 11 });
    const a1 = trainingValues(first, x);
    expect(trainingValues(second, x)).toEqual(a1);
    expect(trainingValues(first, x)).not.toEqual(a1);
    setSeed(5);
    const global1 = trainingValues(dropout({ rate: 0.5 }), x);
    setSeed(5);
    expect(trainingValues(dropout({ rate: 0.5 }), x)).toEqual(global1);
    x.dispose();
  });

  it('shares one draw along the axes where noiseShape is 1', () => {
    const x = tf.ones([6, 5, 4]);
    const y = dropout({ rate: 0.5, noiseShape: [null, 1, null], seed: 2 }).apply(x, { training: true });
    const values = y.arraySync() as number[][][];
    for (const sample of values) for (let feature = 0; feature < 4; feature++) expect(new Set(sample.map((step) => step[feature])).size).toBe(1);
    tf.dispose([x, y]);
  });

  it('rejects bad arguments, naming the layer', () => {
    expect(() => dropout({ rate: 1 })).toThrow('Expected rate to be a number in [0, 1), received 1 in layer "dropout"');
    expect(() => dropout({ rate: -0.1 })).toThrow('Expected rate to be a number in [0, 1), received -0.1 in layer "dropout_1"');
    expect(() => dropout({ rate: Number.NaN, name: 'dropout_nan' })).toThrow('Expected rate to be a number in [0, 1), received NaN in layer "dropout_nan"');
    // The class says the cause: a value out of range, or one of the wrong type.
    expect(() => dropout({ rate: 1, name: 'dropout_range' })).toThrow(RangeError);
    expect(() => dropout({ rate: '0.5' as never, name: 'dropout_type' })).toThrow(TypeError);
    expect(() => dropout({ rate: 0.1, noiseShape: [0, 2] })).toThrow('Expected noiseShape to be a list of integers ≥ 1 or nulls, received [0,2] in layer "dropout_2"');
    expect(() => dropout({ rate: 0.1, seed: 1.5 })).toThrow('Expected seed to be an integer in [0, 4294967295], received 1.5 in layer "dropout_3"');
    const x = tf.ones([2, 3]);
    expect(() => dropout({ rate: 0.1, noiseShape: [2] }).apply(x, { training: true })).toThrow('Expected noiseShape of rank 2 (the input\'s), received [2] in layer "dropout_4"');
    x.dispose();
  });

  it('writes Keras\'s config', () => {
    expect(dropout({ rate: 0.2, noiseShape: [null, 1], name: 'drop' }).getConfig()).toEqual({ name: 'drop', trainable: true, dtype: 'float32', rate: 0.2, seed: null, noise_shape: [null, 1] });
  });
});

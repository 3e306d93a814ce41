import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { reLU } from './relu';

afterEach(() => resetUniqueNames());

/** Keras's ReLU formula, written out. */
function keras(x: number, maxValue: number | null, negativeSlope: number, threshold: number): number {
  if (x >= (maxValue ?? Infinity)) return maxValue!;
  if (x > threshold || (threshold === 0 && x >= 0)) return x;
  return negativeSlope * (x - threshold);
}

describeEachBackend('ReLU', () => {
  it.each([{}, { maxValue: 1 }, { negativeSlope: 0.1, threshold: 0.5 }])('passes runLayerTest with %j', async (args) => {
    await runLayerTest({ makeLayer: () => reLU(args), inputShape: [3, 6], expectedOutputShape: [3, 6], expectedWeightShapes: [] });
  });

  it.each([
    [null, 0, 0],
    [1, 0, 0],
    [6, 0, 0],
    [null, 0.1, 1],
    [10, 0.5, 0],
    [2, 0.2, 1],
  ] as const)('follows Keras\'s formula (maxValue %s, negativeSlope %s, threshold %s)', (maxValue, negativeSlope, threshold) => {
    const values = [-10, -2, -0.5, 0, 0.5, 1, 1.5, 3, 7, 12];
    const x = tf.tensor1d(values);
    const y = reLU({ maxValue, negativeSlope, threshold }).apply(x);
    expectArraysClose(y, values.map((v) => keras(v, maxValue, negativeSlope, threshold)), 1e-6);
    tf.dispose([x, y]);
  });

  it('rejects negative options, naming the layer', () => {
    expect(() => reLU({ maxValue: -1 })).toThrow('Expected maxValue to be a finite number ≥ 0, received -1 in layer "re_lu"');
    expect(() => reLU({ negativeSlope: -0.1 })).toThrow('Expected negativeSlope to be a finite number ≥ 0, received -0.1 in layer "re_lu_1"');
    expect(() => reLU({ threshold: -1 })).toThrow('Expected threshold to be a finite number ≥ 0, received -1 in layer "re_lu_2"');
  });
});

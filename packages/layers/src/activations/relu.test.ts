import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { relu, reluWith, type ReluOptions } from './relu';

/** Keras 3's `ReLU.static_call` in float64. */
function kerasRelu(x: number, { negativeSlope = 0, maxValue = null, threshold = 0 }: ReluOptions): number {
  let y = threshold !== 0 ? (x > threshold ? x : 0) : Math.max(x, 0);
  if (maxValue != null) y = Math.min(Math.max(y, 0), maxValue);
  return y - negativeSlope * Math.max(threshold - x, 0);
}

const points = [-1000, -10, -5, -1, -0.5, 0.5, 0.9, 1.5, 3, 5.5, 7, 10, 1000];

describeEachBackend('relu', () => {
  it('is max(x, 0) by default, and matches Keras’s docstring examples', () => {
    const x = [-10, -5, 0, 5, 10];
    const run = (options?: ReluOptions) => tf.tidy(() => Array.from(relu(tf.tensor1d(x), options).dataSync()));
    expectArraysClose(run(), [0, 0, 0, 5, 10], 0);
    expectArraysClose(run({ negativeSlope: 0.5 }), [-5, -2.5, 0, 5, 10], 0);
    expectArraysClose(run({ maxValue: 5 }), [0, 0, 0, 5, 5], 0);
    expectArraysClose(run({ threshold: 5 }), [0, 0, 0, 0, 10], 0);
  });

  it.each<ReluOptions>([
    {},
    { negativeSlope: 0.1 },
    { maxValue: 6 },
    { maxValue: 2.5 },
    { threshold: 1 },
    { threshold: -1 },
    { negativeSlope: 0.1, maxValue: 2, threshold: 1 },
    { negativeSlope: 0.3, maxValue: 6 },
  ])('equals Keras’s formula and finite differences with %j', (options) =>
    expectActivation({
      activation: (x) => relu(x, options),
      reference: (x) => kerasRelu(x, options),
      points,
      kinks: [0, options.threshold ?? 0, options.maxValue ?? 0],
    }));

  it('reluWith fixes the options into one activation', () => {
    const y = tf.tidy(() => reluWith({ negativeSlope: 0.1, maxValue: 2, threshold: 1 })(tf.tensor1d([-1, 0.5, 1.5, 3])).dataSync());
    expectArraysClose(y, [-0.2, -0.05, 1.5, 2]);
  });

  it('names a bad option, what it expected and what it received', () => {
    const x = tf.tensor1d([1]);
    expect(() => relu(x, { negativeSlope: -1 })).toThrow('Expected negativeSlope to be a finite number ≥ 0, received -1 in activation relu');
    expect(() => relu(x, { threshold: Number.NaN })).toThrow('Expected threshold to be a finite number, received NaN in activation relu');
    expect(() => reluWith({ maxValue: -6 })).toThrow('Expected maxValue to be a finite number ≥ 0, received -6 in activation relu');
    x.dispose();
  });
});

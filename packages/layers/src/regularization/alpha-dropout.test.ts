import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { alphaDropout } from './alpha-dropout';

afterEach(() => resetUniqueNames());

const alphaP = -1.6732632423543772 * 1.0507009873554805;

describeEachBackend('AlphaDropout', () => {
  it.each([
    ['rate 0.2', () => alphaDropout({ rate: 0.2 })],
    ['noiseShape', () => alphaDropout({ rate: 0.2, noiseShape: [null, 1], seed: 1 })],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer) => {
    await runLayerTest({ makeLayer, inputShape: [3, 4], expectedOutputShape: [3, 4], expectedWeightShapes: [], expectTrainingChangesWeights: false });
  });

  it('applies Keras\'s affine map to kept and saturated entries', () => {
    const rate = 0.3;
    const a = ((1 - rate) * (1 + rate * alphaP ** 2)) ** -0.5;
    const b = -a * alphaP * rate;
    const x = tf.ones([100, 100]);
    const layer = alphaDropout({ rate, seed: 5 });
    const y = layer.apply(x, { training: true });
    const values = Array.from(y.dataSync());
    const dropped = values.filter((v) => Math.abs(v - (a * alphaP + b)) < 1e-5).length;
    const kept = values.filter((v) => Math.abs(v - (a + b)) < 1e-5).length;
    expect(dropped + kept).toBe(values.length);
    expect(dropped / values.length).toBeGreaterThan(0.28);
    expect(dropped / values.length).toBeLessThan(0.32);
    const same = layer.apply(x, { training: false });
    expectArraysClose(same, x, 0);
    tf.dispose([x, y, same]);
  });

  it('keeps a standard normal input at mean 0 and variance 1', () => {
    // Box–Muller from seeded uniforms, so the input is the same on every backend.
    const u = seededArray(2 * 20000, 9, 1e-7, 1);
    const normal = Float32Array.from({ length: 20000 }, (_, i) => Math.sqrt(-2 * Math.log(u[2 * i])) * Math.cos(2 * Math.PI * u[2 * i + 1]));
    const x = tf.tensor1d(normal);
    const output = alphaDropout({ rate: 0.2, seed: 6 }).apply(x, { training: true });
    const y = Array.from(output.dataSync());
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    const variance = y.reduce((s, v) => s + (v - mean) ** 2, 0) / y.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.06);
    tf.dispose([x, output]);
  });

  it('rejects a rate outside [0, 1), naming the layer', () => {
    expect(() => alphaDropout({ rate: 1.5 })).toThrow('Expected rate to be a number in [0, 1), received 1.5 in layer "alpha_dropout"');
  });
});

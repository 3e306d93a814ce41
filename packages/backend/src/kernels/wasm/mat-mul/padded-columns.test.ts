import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';

const cases = [
  { rows: 128, depth: 128, columns: 10, transposeA: false, activation: 'linear' },
  { rows: 128, depth: 128, columns: 10, transposeA: false, activation: 'relu' },
  { rows: 6, depth: 33, columns: 20, transposeA: true, activation: 'relu' },
] as const;

describe('wasm _FusedMatMul with a column count short of a multiple of 16', () => {
  it.each(cases)('%j: the SIMD kernel’s sums (bit for bit those of b zero-padded to 16 columns), within rounding of cpu', async ({ rows, depth, columns, transposeA, activation }) => {
    const a = seededArray(rows * depth, 1);
    const b = seededArray(depth * columns, 2);
    const bias = seededArray(columns, 3);
    const aTensor = () => tf.tensor2d(a, transposeA ? [depth, rows] : [rows, depth]);
    const fused = () => tf.fused.matMul({ a: aTensor(), b: tf.tensor2d(b, [depth, columns]), bias: tf.tensor1d(bias), activation, transposeA });
    const width = Math.ceil(columns / 16) * 16;
    const padded = () => {
      const wide = tf.fused.matMul({ a: aTensor(), b: tf.pad(tf.tensor2d(b, [depth, columns]), [[0, 0], [0, width - columns]]), bias: tf.pad(tf.tensor1d(bias), [[0, width - columns]]), activation, transposeA });
      return tf.slice(wide, [0, 0], [rows, columns]);
    };
    const [actual] = await computeOn('wasm', fused);
    const [expected] = await computeOn('wasm', padded);
    expect(actual).toEqual(expected);
    const [cpu] = await computeOn('cpu', fused);
    expectArraysClose(actual, cpu, 1e-5);
  });

  it('leaves no tensor behind', async () => {
    await useBackend('wasm');
    const [a, b, bias] = [tf.ones([128, 64]), tf.ones([64, 10]), tf.zeros([10])];
    const values = await expectNoLeakedTensors(() => tf.tidy(() => tf.fused.matMul({ a, b, bias, activation: 'relu' }).dataSync().slice()));
    expect(Array.from(values.slice(0, 10))).toEqual(Array(10).fill(64));
    tf.dispose([a, b, bias]);
  });
});

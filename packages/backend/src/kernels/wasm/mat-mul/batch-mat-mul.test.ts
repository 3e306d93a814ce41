import { describe, expect, it } from 'vitest';
import { tf, uninstallWasmKernels, installWasmKernels } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';

type Case = { aShape: number[]; bShape: number[]; transposeA: boolean; transposeB: boolean };

const cases: Case[] = [];
for (const [m, k, n] of [[7, 5, 3], [128, 784, 16], [1, 9, 4], [33, 1, 17]] as const) {
  for (const transposeA of [false, true]) {
    for (const transposeB of [false, true]) {
      cases.push({ aShape: transposeA ? [k, m] : [m, k], bShape: transposeB ? [n, k] : [k, n], transposeA, transposeB });
    }
  }
}
// Batched, and batched against a broadcast operand.
cases.push({ aShape: [3, 6, 4], bShape: [3, 5, 4], transposeA: false, transposeB: true });
cases.push({ aShape: [2, 4, 6], bShape: [1, 4, 5], transposeA: true, transposeB: false });
cases.push({ aShape: [2, 3, 4, 6], bShape: [4, 5], transposeA: true, transposeB: false });

describe('wasm BatchMatMul and _FusedMatMul with transposed operands', () => {
  it.each(cases)('matMul %j equals the cpu backend', async ({ aShape, bShape, transposeA, transposeB }) => {
    const a = seededArray(tf.util.sizeFromShape(aShape), 1);
    const b = seededArray(tf.util.sizeFromShape(bShape), 2);
    const compute = () => tf.matMul(tf.tensor(a, aShape), tf.tensor(b, bShape), transposeA, transposeB);
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
  });

  it.each(cases.filter((c) => c.aShape.length === 2))(
    'fused matMul + bias + relu %j equals the cpu backend',
    async ({ aShape, bShape, transposeA, transposeB }) => {
      const n = transposeB ? bShape[0] : bShape[1];
      const a = seededArray(tf.util.sizeFromShape(aShape), 3);
      const b = seededArray(tf.util.sizeFromShape(bShape), 4);
      const bias = seededArray(n, 5);
      const compute = () =>
        tf.fused.matMul({
          a: tf.tensor2d(a, aShape as [number, number]),
          b: tf.tensor2d(b, bShape as [number, number]),
          transposeA,
          transposeB,
          bias: tf.tensor1d(bias),
          activation: 'relu',
        });
      const [expected] = await computeOn('cpu', compute);
      const [actual] = await computeOn('wasm', compute);
      expectArraysClose(actual, expected);
    },
  );

  it('gives the stock kernel’s results and gradients, and frees its scratch tensors', async () => {
    await useBackend('wasm');
    const a = tf.tensor(seededArray(20 * 30, 6), [20, 30]);
    const b = tf.tensor(seededArray(30 * 10, 7), [30, 10]);
    const gradients = () => tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, y))))([a, b]);
    const ours = await expectNoLeakedTensors(() => {
      const result = gradients();
      const values = result.map((t) => t.dataSync().slice());
      tf.dispose(result);
      return values;
    });
    uninstallWasmKernels();
    try {
      const stock = gradients();
      expectArraysClose(ours[0], stock[0].dataSync(), 1e-5);
      expectArraysClose(ours[1], stock[1].dataSync(), 1e-5);
      tf.dispose(stock);
    } finally {
      installWasmKernels();
      tf.dispose([a, b]);
    }
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBeDefined();
  });
});

describe('wasm _FusedMatMul with a bias that is a view of larger data', () => {
  it('accepts a rank-1 bias squeezed from a rank-2 slice, as cpu does', async () => {
    const compute = () => {
      const biases = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
      const bias = tf.squeeze(tf.slice(biases, [1, 0], [1, -1]), [0]);
      return tf.fused.matMul({ a: tf.ones([2, 4]) as tf.Tensor2D, b: tf.ones([4, 3]) as tf.Tensor2D, bias });
    };
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
    expectArraysClose(actual, [8, 9, 10, 8, 9, 10]);
  });
});

describe('wasm _FusedMatMul on rank-2 operands (as fusedDense passes them)', () => {
  it.each([
    [[6, 5], [5, 4], false, false],
    [[5, 6], [5, 10], true, false],
    [[6, 5], [10, 5], false, true],
  ] as const)('a %j, b %j (transposeA %s, transposeB %s): the rank-2 product of the cpu backend, with no leak', async (aShape, bShape, transposeA, transposeB) => {
    const units = transposeB ? bShape[0] : bShape[1];
    const compute = () =>
      tf.engine().runKernel(
        '_FusedMatMul',
        { a: tf.tensor(seededArray(30, 8), [...aShape]), b: tf.tensor(seededArray(5 * units, 9), [...bShape]), bias: tf.tensor1d(seededArray(units, 10)) },
        { transposeA, transposeB, activation: 'relu', leakyreluAlpha: 0.2 } as unknown as tf.NamedAttrMap,
      ) as tf.Tensor;
    const [expected] = await computeOn('cpu', compute);
    await useBackend('wasm');
    const shape = await expectNoLeakedTensors(() => tf.tidy(() => compute().shape));
    expect(shape).toEqual([6, units]);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
  });
});

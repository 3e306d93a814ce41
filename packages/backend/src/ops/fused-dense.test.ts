import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { fusedDense } from '@dendrite/backend/internal';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';

const [ROWS, INPUTS, UNITS] = [6, 5, 4];

/** Output and gradients of a weighted sum of the output with respect to x, kernel and bias. */
function outputAndGradients(layer: (x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor) => tf.Tensor): tf.Tensor[] {
  const x = tf.tensor2d(seededArray(ROWS * INPUTS, 1), [ROWS, INPUTS]);
  const kernel = tf.tensor2d(seededArray(INPUTS * UNITS, 2), [INPUTS, UNITS]);
  const bias = tf.tensor1d(seededArray(UNITS, 3, -0.3, 0.3));
  const weights = tf.tensor2d(seededArray(ROWS * UNITS, 4), [ROWS, UNITS]);
  const output = layer(x, kernel, bias);
  const grads = tf.grads((a, b, c) => tf.sum(tf.mul(layer(a as tf.Tensor2D, b as tf.Tensor2D, c), weights)))([x, kernel, bias]);
  return [output, ...grads];
}

const unfused = (activation: 'linear' | 'relu') => (x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor) => {
  const linear = tf.add(tf.matMul(x, kernel), bias);
  return activation === 'relu' ? tf.relu(linear) : linear;
};

describe('fusedDense and the _FusedMatMul gradient', () => {
  it.each(['wasm', 'cpu'] as const)('on %s: output and every gradient equal the unfused ops on cpu, relu and linear', async (backend) => {
    for (const activation of ['relu', 'linear'] as const) {
      const expected = await computeOn('cpu', () => outputAndGradients(unfused(activation)));
      const actual = await computeOn(backend, () => outputAndGradients((x, kernel, bias) => fusedDense({ x, kernel, bias, activation })));
      actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-5));
    }
  });

  it.each([
    [false, true],
    [true, false],
    [true, true],
  ])('differentiates the kernel with transposeA %s, transposeB %s as the cpu ops do', async (transposeA, transposeB) => {
    const shapes = { a: transposeA ? [1, INPUTS, ROWS] : [1, ROWS, INPUTS], b: transposeB ? [1, UNITS, INPUTS] : [1, INPUTS, UNITS] };
    const run = (fused: boolean) => {
      const a = tf.tensor(seededArray(ROWS * INPUTS, 5), shapes.a);
      const b = tf.tensor(seededArray(INPUTS * UNITS, 6), shapes.b);
      const bias = tf.tensor1d(seededArray(UNITS, 7));
      const f = (x: tf.Tensor, y: tf.Tensor, c: tf.Tensor) =>
        fused
          ? (tf.engine().runKernel('_FusedMatMul', { a: x, b: y, bias: c }, { transposeA, transposeB, activation: 'relu', leakyreluAlpha: 0.2, biasShape: c.shape } as unknown as tf.NamedAttrMap) as tf.Tensor)
          : tf.relu(tf.add(tf.matMul(x, y, transposeA, transposeB), c));
      return tf.grads((x, y, c) => tf.sum(tf.mul(f(x, y, c), tf.range(1, ROWS * UNITS + 1).reshape([1, ROWS, UNITS]))))([a, b, bias]);
    };
    const expected = await computeOn('cpu', () => run(false));
    const actual = await computeOn('wasm', () => run(true));
    actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-5));
  });

  it.each(['wasm', 'cpu'] as const)('on %s: one _FusedMatMul on the rank-2 operands while recording, no reshape to rank 3 and back', async (backend) => {
    await useBackend(backend);
    const [x, kernel, bias] = [tf.ones([2, 3]) as tf.Tensor2D, tf.variable(tf.ones([3, 16])), tf.zeros([16])];
    const info = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(() => tf.sum(fusedDense({ x, kernel: kernel as unknown as tf.Tensor2D, bias, activation: 'relu' })), [kernel]);
      tf.dispose([value, ...Object.values(grads)]);
    });
    expect(info.kernels.filter((kernelInfo) => kernelInfo.name === '_FusedMatMul').map((kernelInfo) => kernelInfo.inputShapes)).toEqual([[[2, 3], [3, 16], [16]]]);
    expect(info.kernels.filter((kernelInfo) => [...kernelInfo.inputShapes, ...kernelInfo.outputShapes].some((shape) => shape?.length === 3))).toEqual([]);
    // Saved for the gradient (each a copy kernel): x, the kernel and the output; not the bias, whose gradient needs only its shape.
    const copied = info.kernels.filter((kernelInfo) => kernelInfo.name === 'Identity').map((kernelInfo) => kernelInfo.inputShapes[0]);
    expect(copied).toEqual(expect.arrayContaining([[2, 3], [3, 16], [2, 16]]));
    expect(copied).not.toContainEqual([16]);
    tf.dispose([x, kernel, bias]);
  });

  it('refuses the bias gradient of a recorded _FusedMatMul without the bias shape, not the others', () => {
    const [a, b, bias] = [tf.ones([2, 3]), tf.ones([3, 2]), tf.zeros([2])];
    const attributes = { transposeA: false, transposeB: false, activation: 'linear', leakyreluAlpha: 0.2 } as unknown as tf.NamedAttrMap;
    // Asked only when the bias's gradient is: the gradient with respect to a alone needs no shape.
    const gradient = tf.grad((x: tf.Tensor) => tf.sum(tf.engine().runKernel('_FusedMatMul', { a: x, b, bias }, attributes) as tf.Tensor))(a);
    expectArraysClose(gradient, [2, 2, 2, 2, 2, 2], 1e-6);
    expect(() => tf.grads((x: tf.Tensor, c: tf.Tensor) => tf.sum(tf.engine().runKernel('_FusedMatMul', { a: x, b, bias: c }, attributes) as tf.Tensor))([a, bias])).toThrow('Expected the recorded _FusedMatMul to have the attribute biasShape');
    gradient.dispose();
    tf.dispose([a, b, bias]);
  });

  it('differentiates a recorded _FusedMatMul without a bias, which needs no bias shape', async () => {
    await useBackend('cpu');
    const [a, b] = [tf.tensor2d([[1, 2, 3], [4, 5, 6]]), tf.tensor2d([[1, 0], [0, 1], [1, 1]])];
    const attributes = { transposeA: false, transposeB: false, activation: 'linear', leakyreluAlpha: 0.2 } as unknown as tf.NamedAttrMap;
    const [gradA, gradB] = tf.grads((x, y) => tf.sum(tf.engine().runKernel('_FusedMatMul', { a: x, b: y }, attributes) as tf.Tensor))([a, b]);
    // d sum(a·b)/da = ones · bᵀ (row sums of b), d/db = aᵀ · ones (column sums of a).
    expectArraysClose(gradA, [1, 1, 2, 1, 1, 2], 1e-6);
    expectArraysClose(gradB, [5, 5, 7, 7, 9, 9], 1e-6);
    tf.dispose([a, b, gradA, gradB]);
  });

  it('leaks nothing and refuses a mismatched kernel', async () => {
    await useBackend('wasm');
    const x = tf.ones([2, 3]) as tf.Tensor2D;
    const kernel = tf.ones([3, 2]) as tf.Tensor2D;
    const bias = tf.zeros([2]);
    const weights = tf.variable(kernel);
    await expectNoLeakedTensors(() => {
      const { value, grads } = tf.variableGrads(() => tf.sum(fusedDense({ x, kernel: weights as unknown as tf.Tensor2D, bias, activation: 'relu' })), [weights]);
      expect(value.dataSync()[0]).toBe(12);
      expect(Object.keys(grads)).toEqual([weights.name]);
      tf.dispose([value, ...Object.values(grads)]);
    });
    weights.dispose();
    expect(() => fusedDense({ x, kernel: tf.ones([2, 2]) as tf.Tensor2D, activation: 'linear' })).toThrow('Expected a kernel of shape [3, units] for an input of shape [2,3], received [2,2]');
    tf.dispose([x, kernel, bias]);
  });
});

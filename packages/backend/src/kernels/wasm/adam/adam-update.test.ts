import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { fusedAdamUpdate } from '@dendrite/backend/internal';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';

const attributes = { alpha: 0.01 * Math.sqrt(1 - 0.999 ** 3) / (1 - 0.9 ** 3), beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** The op-by-op Adam step of the optimizer, the reference the fused kernel must match. */
function adamByOps(w: tf.Tensor, g: tf.Tensor, m: tf.Tensor, v: tf.Tensor): tf.Tensor[] {
  const { alpha, beta1, beta2, epsilon } = attributes;
  const momentum = tf.add(m, tf.mul(tf.sub(g, m), tf.scalar(1 - beta1)));
  const velocity = tf.add(v, tf.mul(tf.sub(tf.square(g), v), tf.scalar(1 - beta2)));
  const variable = tf.sub(w, tf.div(tf.mul(momentum, tf.scalar(alpha)), tf.add(tf.sqrt(velocity), tf.scalar(epsilon))));
  return [variable, momentum, velocity];
}

function inputs(shape: number[]) {
  const size = tf.util.sizeFromShape(shape);
  return {
    variable: tf.tensor(seededArray(size, 1), shape),
    gradient: tf.tensor(seededArray(size, 2, -3, 3), shape),
    momentum: tf.tensor(seededArray(size, 3, -0.5, 0.5), shape),
    // The velocity is ≥ 0; some zeros check that ε keeps the division finite.
    velocity: tf.tensor(seededArray(size, 4, -0.2, 1).map((value) => Math.max(value, 0)), shape),
  };
}

describe('wasm DendriteAdamUpdate', () => {
  it.each([[[784, 128]], [[128]], [[3, 5, 7]], [[1]]])('equals the op-by-op update on cpu for shape %j', async (shape) => {
    const expected = await computeOn('cpu', () => {
      const { variable, gradient, momentum, velocity } = inputs(shape);
      return adamByOps(variable, gradient, momentum, velocity);
    });
    const actual = await computeOn('wasm', () => {
      const next = fusedAdamUpdate(inputs(shape), attributes);
      if (next === undefined) throw new Error('Expected the fused Adam kernel on wasm');
      expect(next.variable.shape).toEqual(shape);
      return [next.variable, next.momentum, next.velocity];
    });
    actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-5));
  });

  it('leaks nothing, leaves its inputs unchanged, and is absent on cpu', async () => {
    await useBackend('wasm');
    const given = inputs([4, 6]);
    const before = given.variable.dataSync().slice();
    await expectNoLeakedTensors(() => {
      const next = fusedAdamUpdate(given, attributes)!;
      tf.dispose([next.variable, next.momentum, next.velocity]);
    });
    expect(given.variable.dataSync()).toEqual(before);
    tf.dispose(Object.values(given));
    await useBackend('cpu');
    expect(fusedAdamUpdate(inputs([2]), attributes)).toBeUndefined();
  });

  it('refuses slots of another shape, naming them', async () => {
    await useBackend('wasm');
    const given = inputs([4]);
    const momentum = tf.zeros([5]);
    expect(() => fusedAdamUpdate({ ...given, momentum }, attributes)).toThrow("Expected momentum to be float32 of the variable's shape [4] in an Adam update, received float32 [5]");
    tf.dispose([...Object.values(given), momentum]);
  });
});

import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { drawStatistics } from './draw-statistics';
import { Orthogonal } from './orthogonal';

/** WᵀW for tall W, WWᵀ for wide W, in float64, from W's values as a rows × columns matrix. */
function gram(values: ArrayLike<number>, rows: number, columns: number): number[] {
  const tall = rows >= columns;
  const n = Math.min(rows, columns);
  const at = (i: number, j: number) => values[i * columns + j];
  const result: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < (tall ? rows : columns); k++) sum += tall ? at(k, i) * at(k, j) : at(i, k) * at(j, k);
      result.push(sum);
    }
  }
  return result;
}

const scaledIdentity = (n: number, factor: number) => Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? factor : 0));

describeEachBackend('Orthogonal', () => {
  it.each([
    [[30, 20], 1],
    [[20, 30], 2],
    [[3, 3, 4, 8], 1.5],
    [[64, 256], 1],
  ] as const)('%j with gain %d gives gain² · I', (shape, gain) => {
    const { values } = drawStatistics(new Orthogonal({ gain, seed: 1 }), [...shape]);
    const columns = shape[shape.length - 1];
    const rows = values.length / columns;
    expectArraysClose(gram(values, rows, columns), scaledIdentity(Math.min(rows, columns), gain * gain), 1e-5);
  });

  it('is Keras’s construction: Q of the QR of the seeded normal draw, signed by R’s diagonal', async () => {
    const seed = 42;
    const ours = new Orthogonal({ seed }).call([6, 4]);
    await expectNoLeakedTensors(() => {
      const reference = tf.tidy(() => {
        const [q, r] = tf.linalg.qr(tf.randomNormal([6, 4], 0, 1, 'float32', seed) as tf.Tensor2D);
        const signs = tf.sign(tf.sum(tf.mul(r, tf.eye(4)), 0));
        return tf.mul(q, signs);
      });
      expectArraysClose(ours, reference, 1e-5);
      reference.dispose();
    });
    ours.dispose();
  });

  it('refuses shapes below rank 2, and round-trips its config', () => {
    expect(() => new Orthogonal().call([5])).toThrow('Expected a shape of rank ≥ 2 in initializer Orthogonal, received [5] of rank 1');
    const config = new Orthogonal({ gain: 2, seed: 3 }).getConfig();
    expect(config).toEqual({ seed: 3, gain: 2 });
    expect(Orthogonal.fromConfig(config).getConfig()).toEqual(config);
  });
});

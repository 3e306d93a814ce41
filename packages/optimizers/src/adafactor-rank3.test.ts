import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { adafactor } from './adafactor';

const [BLOCKS, ROWS, COLUMNS] = [2, 3, 4];
const SIZE = BLOCKS * ROWS * COLUMNS;
const START = Array.from({ length: SIZE }, (_, i) => Math.cos(i + 0.5));
const GRADIENTS = [0, 1].map((step) => Array.from({ length: SIZE }, (_, i) => Math.sin(1 + i * (step + 2))));

const at = (b: number, i: number, j: number) => (b * ROWS + i) * COLUMNS + j;
const rms = (values: number[]) => Math.sqrt(values.reduce((sum, x) => sum + x * x, 0) / values.length);
const mean = (values: number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Keras 3's `Adafactor.update_step` for a variable of shape [2, 3, 4], in Float64: r and c are
 * factored over the last two axes of each leading block (`mean(axis=-1)`, `mean(axis=-2)`), while
 * the step size and the update's clipping take the RMS of the whole variable.
 */
function byHand(learningRate: number): number[][] {
  let w = [...START];
  let r = range(BLOCKS).map(() => range(ROWS).map(() => 0));
  let c = range(BLOCKS).map(() => range(COLUMNS).map(() => 0));
  return GRADIENTS.map((g, index) => {
    const t = index + 1;
    const alpha = Math.max(1e-3, rms(w)) * Math.min(learningRate, 1 / Math.sqrt(t));
    const regulated = g.map((x) => x * x + 1e-30);
    const beta2t = 1 - t ** -0.8;
    r = r.map((rows, b) => rows.map((ri, i) => beta2t * ri + (1 - beta2t) * mean(range(COLUMNS).map((j) => regulated[at(b, i, j)]))));
    c = c.map((columns, b) => columns.map((cj, j) => beta2t * cj + (1 - beta2t) * mean(range(ROWS).map((i) => regulated[at(b, i, j)]))));
    const v = range(SIZE).map((k) => {
      const [b, i, j] = [Math.floor(k / (ROWS * COLUMNS)), Math.floor(k / COLUMNS) % ROWS, k % COLUMNS];
      return (r[b][i] / mean(r[b])) * c[b][j];
    });
    const u = g.map((x, k) => x / Math.sqrt(v[k]));
    const scale = Math.max(1, rms(u));
    w = w.map((x, k) => x - (alpha * u[k]) / scale);
    return [...w];
  });
}

describeEachBackend('Adafactor on a rank-3 variable', () => {
  it('factors each leading block over its last two axes, as Keras', async () => {
    const expected = byHand(0.5);
    const actual = await expectNoLeakedTensors(() => {
      const optimizer = adafactor({ learningRate: 0.5 });
      const initial = tf.tensor3d(START, [BLOCKS, ROWS, COLUMNS]);
      const w = tf.variable(initial);
      initial.dispose();
      const after = GRADIENTS.map((values) => {
        const gradient = tf.tensor3d(values, [BLOCKS, ROWS, COLUMNS]);
        optimizer.applyGradients([[gradient, w]]);
        gradient.dispose();
        return Array.from(w.dataSync());
      });
      expect(optimizer.variables.map((slot) => slot.shape)).toEqual([[BLOCKS, ROWS], [BLOCKS, COLUMNS], [BLOCKS, ROWS, COLUMNS]]);
      w.dispose();
      optimizer.dispose();
      return after;
    });
    actual.forEach((weights, step) => expectArraysClose(weights, expected[step], 1e-5));
  });

  it('takes a decay exponent of 0 (β₂ₜ = 0: the second moment of the last step alone), and names ε₁ and ε₂', () => {
    expect(adafactor({ beta2Decay: 0 }).beta2Decay).toBe(0);
    expect(() => adafactor({ epsilon1: -1 })).toThrow('Expected epsilon1 to be a finite number ≥ 0, received -1 in optimizer "adafactor"');
    expect(() => adafactor({ epsilon2: -1 })).toThrow('Expected epsilon2 to be a finite number ≥ 0, received -1 in optimizer "adafactor"');
  });
});

import { describe, expect, it } from 'vitest';
import { cholesky, GaussianProcess, maternKernel } from './gaussian-process';

describe('GaussianProcess', () => {
  it('the Matérn 5/2 kernel: 1 at distance 0, (1 + √5 + 5/3)·e^−√5 at distance 1', () => {
    expect(maternKernel([0.2, 0.3], [0.2, 0.3])).toBe(1);
    expect(maternKernel([0], [1])).toBeCloseTo((1 + Math.sqrt(5) + 5 / 3) * Math.exp(-Math.sqrt(5)), 14);
  });

  it('cholesky of [[4, 2], [2, 3]] is [[2, 0], [1, √2]]', () => {
    const lower = cholesky(Float64Array.from([4, 2, 2, 3]), 2);
    expect([...lower].map((v) => Number(v.toFixed(12)))).toEqual([2, 0, 1, Number(Math.sqrt(2).toFixed(12))]);
  });

  it('posterior of the 2-point case matches the closed form', () => {
    // Points 0 and 1 with targets 0 and 2: standardized to −1 and +1 (mean 1, std 1).
    const alpha = 1e-4;
    const gp = new GaussianProcess(alpha).fit([[0], [1]], [0, 2]);
    const k = maternKernel([0], [1]);
    const point = [0.25];
    const k0 = maternKernel(point, [0]);
    const k1 = maternKernel(point, [1]);
    // K = [[1+α, k], [k, 1+α]]; K⁻¹ = [[a, −k], [−k, a]] / (a² − k²) with a = 1 + α
    const a = 1 + alpha;
    const det = a * a - k * k;
    const weights = [(a * -1 - k * 1) / det, (-k * -1 + a * 1) / det];
    const mean = 1 + (k0 * weights[0] + k1 * weights[1]);
    const variance = 1 - (a * k0 * k0 - 2 * k * k0 * k1 + a * k1 * k1) / det;
    const posterior = gp.predict(point);
    expect(posterior.mean).toBeCloseTo(mean, 10);
    expect(posterior.std).toBeCloseTo(Math.sqrt(variance), 10);
    // At a training point the posterior is (almost) the observation, with almost no spread.
    expect(gp.predict([1]).mean).toBeCloseTo(2, 3);
    expect(gp.predict([1]).std).toBeLessThan(0.02);
  });

  it('refuses mismatched data', () => {
    expect(() => new GaussianProcess().fit([[0]], [1, 2])).toThrow(RangeError);
  });
});

import { expect, it } from 'vitest';
import { seededArray } from '@dendrite/test-utils';
import { householderQr } from './householder-qr';

function columnsDot(a: ArrayLike<number>, b: ArrayLike<number>, rows: number, columns: number, i: number, j: number): number {
  let sum = 0;
  for (let r = 0; r < rows; r++) sum += a[r * columns + i] * b[r * columns + j];
  return sum;
}

it('factors a tall matrix into orthonormal Q and upper-triangular R with the returned diagonal', () => {
  const [rows, columns] = [7, 4];
  const a = Array.from(seededArray(rows * columns, 3));
  const { q, rDiagonal } = householderQr(a, rows, columns);
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < columns; j++) {
      expect(columnsDot(q, q, rows, columns, i, j)).toBeCloseTo(i === j ? 1 : 0, 12);
      // R = QᵀA: zero below the diagonal, rDiagonal on it.
      const rij = columnsDot(q, a, rows, columns, i, j);
      if (i > j) expect(rij).toBeCloseTo(0, 12);
      if (i === j) expect(rij).toBeCloseTo(rDiagonal[i], 12);
    }
  }
});

it('gives the textbook answer for a 2 × 1 matrix, and survives a zero column', () => {
  const { q, rDiagonal } = householderQr([3, 4], 2, 1);
  expect(Math.abs(rDiagonal[0])).toBeCloseTo(5, 12);
  expect(q[0] * Math.sign(rDiagonal[0])).toBeCloseTo(0.6, 12);
  const zero = householderQr([0, 1, 0, 2, 0, 3], 3, 2);
  expect(zero.rDiagonal[0]).toBe(0);
  expect(Number.isFinite(zero.q[0])).toBe(true);
  expect(() => householderQr([1, 2], 1, 2)).toThrow('Expected a tall matrix of 1 × 2 values with rows ≥ columns in householderQr, received 2 values');
});

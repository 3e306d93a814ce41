import { describe, expect, it } from 'vitest';
import { fitsSimdTile, matMulLayout } from './mat-mul-layout';

describe('matMulLayout', () => {
  it('runs a plain product as written, transposing nothing', () => {
    expect(matMulLayout({ rows: 128, columns: 128, depth: 784, transposeA: false, transposeB: false, swappable: true })).toEqual({ swapped: false, transposeRight: false });
  });

  it('reads a transposed a through strides and transposes a transposed b when that moves fewer floats', () => {
    expect(matMulLayout({ rows: 784, columns: 128, depth: 128, transposeA: true, transposeB: false, swappable: true })).toEqual({ swapped: false, transposeRight: false });
    expect(matMulLayout({ rows: 128, columns: 784, depth: 128, transposeA: false, transposeB: true, swappable: true })).toEqual({ swapped: false, transposeRight: true });
  });

  it('runs both transposed as (b·a)ᵀ: only the small product is transposed', () => {
    expect(matMulLayout({ rows: 128, columns: 128, depth: 784, transposeA: true, transposeB: true, swappable: true })).toEqual({ swapped: true, transposeRight: false });
    // With a bias the product cannot be swapped: b is transposed.
    expect(matMulLayout({ rows: 128, columns: 128, depth: 784, transposeA: true, transposeB: true, swappable: false })).toEqual({ swapped: false, transposeRight: true });
  });

  it('swaps a narrow product that only fits the kernel transposed, and refuses one that fits neither way', () => {
    // A last layer's weight gradient `xᵀ·dy`, [128, 10]: swapped, x is right and row-major as it lies.
    expect(matMulLayout({ rows: 128, columns: 10, depth: 64, transposeA: true, transposeB: false, swappable: true })).toEqual({ swapped: true, transposeRight: false });
    expect(matMulLayout({ rows: 7, columns: 10, depth: 64, transposeA: true, transposeB: false, swappable: true })).toBeUndefined();
    expect(matMulLayout({ rows: 16, columns: 10, depth: 64, transposeA: false, transposeB: false, swappable: false })).toBeUndefined();
    expect(fitsSimdTile(2, 16)).toBe(true);
    expect(fitsSimdTile(3, 16)).toBe(false);
    expect(fitsSimdTile(2, 8)).toBe(false);
  });
});

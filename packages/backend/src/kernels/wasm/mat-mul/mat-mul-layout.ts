/** How {@link simdMatMul} lays out one product for the SIMD kernel, whose right operand must be row-major. */
export interface MatMulLayout {
  /** Whether the product runs as `cᵀ = bᵀ·aᵀ`, its result transposed back. */
  swapped: boolean;
  /** Whether the right operand must be transposed into row-major first. */
  transposeRight: boolean;
}

/** The shapes the SIMD kernel takes: an even number of rows, a multiple of 16 columns. */
export const fitsSimdTile = (rows: number, columns: number): boolean => rows % 2 === 0 && rows >= 2 && columns % 16 === 0 && columns >= 16;

/**
 * The layout of `c = op(a)·op(b)` (`[rows, depth]·[depth, columns]`) that moves the fewest floats
 * before and after the kernel: as written, `b` is transposed when `transposeB` (`columns·depth`
 * floats); swapped, `a` is transposed unless `transposeA` (`rows·depth`) and the product is
 * transposed back (`rows·columns`). Both transposed (`aᵀ·bᵀ = (b·a)ᵀ`) thus costs only the small
 * product's transpose. The left operand is read through strides either way, at no cost. A bias
 * or an activation only runs unswapped (they apply to the columns of `c`).
 *
 * @returns the layout, or undefined when neither way fits the kernel
 * @example
 * ```ts
 * matMulLayout({ rows: 128, columns: 128, depth: 784, transposeA: true, transposeB: true, swappable: true }); // { swapped: true, transposeRight: false }
 * ```
 */
export function matMulLayout(product: {
  rows: number;
  columns: number;
  depth: number;
  transposeA: boolean;
  transposeB: boolean;
  /** Whether the product may run swapped (no bias, no activation). */
  swappable: boolean;
}): MatMulLayout | undefined {
  const { rows, columns, depth, transposeA, transposeB, swappable } = product;
  const direct = fitsSimdTile(rows, columns) ? { swapped: false, transposeRight: transposeB, moved: transposeB ? columns * depth : 0 } : undefined;
  const swapped = swappable && fitsSimdTile(columns, rows)
    ? { swapped: true, transposeRight: !transposeA, moved: (transposeA ? 0 : rows * depth) + rows * columns }
    : undefined;
  const best = direct === undefined || (swapped !== undefined && swapped.moved < direct.moved) ? swapped : direct;
  return best && { swapped: best.swapped, transposeRight: best.transposeRight };
}

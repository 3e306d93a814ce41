import type { Code } from '../simd/simd-loops';
import { simdFunction } from '../simd/simd-function';
import { I32, encodeSimdModule, op } from '../simd/simd-module';

/**
 * `columnSum(x, out, rows, rowBytes, strideBytes)`: `out[j] = Σᵣ x[r][j]` over the first
 * `rowBytes` of each of `rows` (at least one) rows `strideBytes` apart, four columns at a time, the
 * rows added in order (as the stock kernel sums its transposed copy, so the results are the same
 * floats). A band of columns (`x` and `out` moved to its first column, `rowBytes` its width) sums
 * to the same floats as within the whole call: threads split calls so.
 */
export const COLUMN_SUM_MODULE = encodeSimdModule([
  simdFunction('columnSum', {
    // The input's and the output's addresses, the rows, the bytes summed of a row (a multiple of
    // 16), the bytes from one row to the next.
    params: { x: I32, out: I32, rows: I32, rowBytes: I32, strideBytes: I32 },
    // The byte offset in a row, the current row's address, and where the rows end.
    locals: { offset: I32, row: I32, end: I32 },
  }, ({ x, out, rows, rowBytes, strideBytes, offset, row, end }) => {
    const overRow = (body: Code) => [
      op.i32Const(0), op.set(offset),
      op.block, op.loop,
      op.get(offset), op.get(rowBytes), op.i32GeU, op.brIf(1),
      ...body,
      op.get(offset), op.i32Const(16), op.i32Add, op.set(offset),
      op.br(0),
      op.end, op.end,
    ];
    return [
      ...overRow([op.get(out), op.get(offset), op.i32Add, op.get(x), op.get(offset), op.i32Add, op.v128Load, op.v128Store]),
      op.get(x), op.get(rows), op.get(strideBytes), op.i32Mul, op.i32Add, op.set(end),
      op.get(x), op.get(strideBytes), op.i32Add, op.set(row),
      op.block, op.loop,
      op.get(row), op.get(end), op.i32GeU, op.brIf(1),
      ...overRow([
        op.get(out), op.get(offset), op.i32Add,
        op.get(out), op.get(offset), op.i32Add, op.v128Load,
        op.get(row), op.get(offset), op.i32Add, op.v128Load,
        op.f32x4Add, op.v128Store,
      ]),
      op.get(row), op.get(strideBytes), op.i32Add, op.set(row),
      op.br(0),
      op.end, op.end,
    ];
  }),
]);

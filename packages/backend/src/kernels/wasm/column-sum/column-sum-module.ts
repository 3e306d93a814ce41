import { I32, encodeSimdModule, op } from './simd-module';

// Parameters: the input's and the output's addresses, the rows, the row length in bytes (a multiple of 16).
const [X, OUT, ROWS, ROW_BYTES] = [0, 1, 2, 3];
// Locals: the byte offset in a row, the current row's address, and where the rows end.
const [J, ROW, END] = [4, 5, 6];

const overRow = (body: ReadonlyArray<number | readonly number[]>) => [
  op.i32Const(0), op.set(J),
  op.block, op.loop,
  op.get(J), op.get(ROW_BYTES), op.i32GeU, op.brIf(1),
  ...body,
  op.get(J), op.i32Const(16), op.i32Add, op.set(J),
  op.br(0),
  op.end, op.end,
];

/**
 * `columnSum(x, out, rows, rowBytes)`: `out[j] = Σᵣ x[r][j]` over a row-major `x` of at least one
 * row, four columns at a time, the rows added in order (as the stock kernel sums its transposed
 * copy, so the results are the same floats).
 */
export const COLUMN_SUM_SIMD_MODULE = encodeSimdModule([
  {
    name: 'columnSum',
    params: [I32, I32, I32, I32],
    locals: [I32, I32, I32],
    body: [
      ...overRow([op.get(OUT), op.get(J), op.i32Add, op.get(X), op.get(J), op.i32Add, op.v128Load, op.v128Store]),
      op.get(X), op.get(ROWS), op.get(ROW_BYTES), op.i32Mul, op.i32Add, op.set(END),
      op.get(X), op.get(ROW_BYTES), op.i32Add, op.set(ROW),
      op.block, op.loop,
      op.get(ROW), op.get(END), op.i32GeU, op.brIf(1),
      ...overRow([
        op.get(OUT), op.get(J), op.i32Add,
        op.get(OUT), op.get(J), op.i32Add, op.v128Load,
        op.get(ROW), op.get(J), op.i32Add, op.v128Load,
        op.f32x4Add, op.v128Store,
      ]),
      op.get(ROW), op.get(ROW_BYTES), op.i32Add, op.set(ROW),
      op.br(0),
      op.end, op.end,
    ],
  },
]);

import { I32, V128, encodeSimdModule, op } from './simd-module';

// Parameters: addresses of a, b, the output and the bias; rows; the output's row length in bytes
// (a multiple of 64); the shared dimension; a's byte strides between rows and between columns;
// whether to add the bias and whether to apply relu.
const [A, B, C, BIAS, ROWS, ROW_BYTES, DEPTH, A_ROW, A_COLUMN, HAS_BIAS, RELU] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
// Locals: the column panel's byte offset, the row, the pointers into a (two rows), b and the output,
// where the a pointer stops; then the eight accumulators, four b vectors and two splatted a values.
const [J, ROW, PA0, PA1, PB, A_END, PC] = [11, 12, 13, 14, 15, 16, 17];
const ACC = [18, 19, 20, 21, 22, 23, 24, 25];
const BV = [26, 27, 28, 29];
const [AV0, AV1, ZERO] = [30, 31, 32];

const multiplyAdd = (row: number, column: number) => [
  op.get(ACC[row * 4 + column]), op.get(row === 0 ? AV0 : AV1), op.get(BV[column]), op.f32x4Mul, op.f32x4Add, op.set(ACC[row * 4 + column]),
];
const forEachAccumulator = (body: (accumulator: number, column: number) => ReadonlyArray<number | readonly number[]>) =>
  ACC.flatMap((accumulator, index) => body(accumulator, index % 4));

/**
 * `matmul(a, b, c, bias, rows, rowBytes, depth, aRow, aColumn, hasBias, relu)`: `c = a·b (+ bias)
 * (then relu)` for a row-major `b` of `depth` rows whose row length is a multiple of 16 floats, and
 * an even number of rows. `a` is read through byte strides, so a transposed `a` costs nothing.
 *
 * Two output rows by sixteen columns at a time, the shared dimension innermost and summed in order
 * (no packing of `b`: its sixteen-column panel stays in cache across all rows). Bias and relu are
 * applied to the finished sums, in the order the stock kernel applies them.
 */
export const MAT_MUL_SIMD_MODULE = encodeSimdModule([
  {
    name: 'matmul',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, I32, I32, ...ACC.map(() => V128), ...BV.map(() => V128), V128, V128, V128],
    body: [
      op.block, op.loop,
      op.get(J), op.get(ROW_BYTES), op.i32GeU, op.brIf(1),
      op.i32Const(0), op.set(ROW),
      op.block, op.loop,
      op.get(ROW), op.get(ROWS), op.i32GeU, op.brIf(1),
      op.get(A), op.get(ROW), op.get(A_ROW), op.i32Mul, op.i32Add, op.tee(PA0),
      op.get(A_ROW), op.i32Add, op.set(PA1),
      op.get(PA0), op.get(DEPTH), op.get(A_COLUMN), op.i32Mul, op.i32Add, op.set(A_END),
      op.get(B), op.get(J), op.i32Add, op.set(PB),
      ...ACC.flatMap((accumulator) => [op.v128Const0, op.set(accumulator)]),
      op.loop,
      ...BV.flatMap((vector, column) => [op.get(PB), op.v128LoadAt(column * 16), op.set(vector)]),
      op.get(PA0), op.v128Load32Splat, op.set(AV0),
      op.get(PA1), op.v128Load32Splat, op.set(AV1),
      ...[0, 1].flatMap((row) => [0, 1, 2, 3].flatMap((column) => multiplyAdd(row, column))),
      op.get(PB), op.get(ROW_BYTES), op.i32Add, op.set(PB),
      op.get(PA1), op.get(A_COLUMN), op.i32Add, op.set(PA1),
      op.get(PA0), op.get(A_COLUMN), op.i32Add, op.tee(PA0),
      op.get(A_END), op.i32Ne, op.brIf(0),
      op.end,
      op.get(HAS_BIAS), op.if,
      ...BV.flatMap((vector, column) => [op.get(BIAS), op.get(J), op.i32Add, op.v128LoadAt(column * 16), op.set(vector)]),
      ...forEachAccumulator((accumulator, column) => [op.get(accumulator), op.get(BV[column]), op.f32x4Add, op.set(accumulator)]),
      op.end,
      op.get(RELU), op.if,
      ...forEachAccumulator((accumulator) => [op.get(accumulator), op.get(ZERO), op.f32x4Max, op.set(accumulator)]),
      op.end,
      op.get(C), op.get(ROW), op.get(ROW_BYTES), op.i32Mul, op.i32Add, op.get(J), op.i32Add, op.set(PC),
      ...ACC.flatMap((accumulator, index) => [
        op.get(PC), ...(index >= 4 ? [op.get(ROW_BYTES), op.i32Add] : []), op.get(accumulator), op.v128StoreAt((index % 4) * 16),
      ]),
      op.get(ROW), op.i32Const(2), op.i32Add, op.set(ROW),
      op.br(0),
      op.end, op.end,
      op.get(J), op.i32Const(64), op.i32Add, op.set(J),
      op.br(0),
      op.end, op.end,
    ],
  },
]);

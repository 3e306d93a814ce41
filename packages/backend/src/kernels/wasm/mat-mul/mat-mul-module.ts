import { countUp } from './simd-loops';
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

// Locals of `matmulSparse` beyond its parameters: the panel, the pair, its entries' pointer and
// end, the b panel's address, the b pointer and the output pointer (accumulators as above).
const [S_ENTRIES, S_ENDS, S_B, S_C, S_BIAS, S_PAIRS, S_ROW_BYTES, S_DEPTH, S_HAS_BIAS, S_RELU] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
// (An unused local at 17 puts the tile's vectors at the indices the dense kernel gives them.)
const [S_J, S_P, S_PE, S_END, S_BJ, S_PB, S_PC] = [10, 11, 12, 13, 14, 15, 16];
// Parameters and locals of `compactPairs`.
const [K_A, K_A_ROW, K_A_COLUMN, K_PAIRS, K_DEPTH, K_B_ROW, K_ENTRIES, K_ENDS] = [0, 1, 2, 3, 4, 5, 6, 7];
const [K_P, K_PA0, K_PA1, K_OUT, K_K, K_V0, K_V1, K_OFFSET] = [8, 9, 10, 11, 12, 13, 14, 15];
// Parameters and locals of `nonFinite`.
const [N_X, N_BYTES, N_OUT, N_I, N_ANY, N_EXPONENT] = [0, 1, 2, 3, 4, 5];

const multiplyAdd = (row: number, column: number) => [
  op.get(ACC[row * 4 + column]), op.get(row === 0 ? AV0 : AV1), op.get(BV[column]), op.f32x4Mul, op.f32x4Add, op.set(ACC[row * 4 + column]),
];
const forEachAccumulator = (body: (accumulator: number, column: number) => ReadonlyArray<number | readonly number[]>) =>
  ACC.flatMap((accumulator, index) => body(accumulator, index % 4));

/**
 * The end of a two-row, sixteen-column tile: add the bias (when `hasBias`), apply relu (when
 * `relu`), store the eight accumulators at `pc` (the tile's first output) and the next row.
 */
const finishTile = (hasBias: number, bias: number, panel: number, relu: number, pc: number, rowBytes: number) => [
  op.get(hasBias), op.if,
  ...BV.flatMap((vector, column) => [op.get(bias), op.get(panel), op.i32Add, op.v128LoadAt(column * 16), op.set(vector)]),
  ...forEachAccumulator((accumulator, column) => [op.get(accumulator), op.get(BV[column]), op.f32x4Add, op.set(accumulator)]),
  op.end,
  op.get(relu), op.if,
  ...forEachAccumulator((accumulator) => [op.get(accumulator), op.get(ZERO), op.f32x4Max, op.set(accumulator)]),
  op.end,
  ...ACC.flatMap((accumulator, index) => [
    op.get(pc), ...(index >= 4 ? [op.get(rowBytes), op.i32Add] : []), op.get(accumulator), op.v128StoreAt((index % 4) * 16),
  ]),
];

/** The eight multiply-adds of one shared index: four b vectors at `pb`, two splatted a values. */
const tileStep = (pb: number, loadA: ReadonlyArray<number | readonly number[]>) => [
  ...BV.flatMap((vector, column) => [op.get(pb), op.v128LoadAt(column * 16), op.set(vector)]),
  ...loadA,
  ...[0, 1].flatMap((row) => [0, 1, 2, 3].flatMap((column) => multiplyAdd(row, column))),
];

const tileLocals = [...ACC.map(() => V128), ...BV.map(() => V128), V128, V128, V128];

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
    locals: [I32, I32, I32, I32, I32, I32, I32, ...tileLocals],
    body: countUp(J, ROW_BYTES, countUp(ROW, ROWS, [
      op.get(A), op.get(ROW), op.get(A_ROW), op.i32Mul, op.i32Add, op.tee(PA0),
      op.get(A_ROW), op.i32Add, op.set(PA1),
      op.get(PA0), op.get(DEPTH), op.get(A_COLUMN), op.i32Mul, op.i32Add, op.set(A_END),
      op.get(B), op.get(J), op.i32Add, op.set(PB),
      ...ACC.flatMap((accumulator) => [op.v128Const0, op.set(accumulator)]),
      op.loop,
      ...tileStep(PB, [op.get(PA0), op.v128Load32Splat, op.set(AV0), op.get(PA1), op.v128Load32Splat, op.set(AV1)]),
      op.get(PB), op.get(ROW_BYTES), op.i32Add, op.set(PB),
      op.get(PA1), op.get(A_COLUMN), op.i32Add, op.set(PA1),
      op.get(PA0), op.get(A_COLUMN), op.i32Add, op.tee(PA0),
      op.get(A_END), op.i32Ne, op.brIf(0),
      op.end,
      op.get(C), op.get(ROW), op.get(ROW_BYTES), op.i32Mul, op.i32Add, op.get(J), op.i32Add, op.set(PC),
      ...finishTile(HAS_BIAS, BIAS, J, RELU, PC, ROW_BYTES),
    ], 2), 64),
  },
  {
    // compactPairs(a, aRow, aColumn, pairs, depth, bRowBytes, entries, ends): for each pair of a's
    // rows, the shared indices where either row is not ±0, as entries of twelve bytes — b's byte
    // offset of that index, then the two a values — from `entries + pair·depth·12`; the address
    // after each pair's last entry goes to `ends`. Branch-free: every index is written, and the
    // pointer only moves on for a nonzero one.
    name: 'compactPairs',
    params: [I32, I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, I32, I32, I32],
    body: countUp(K_P, K_PAIRS, [
      op.get(K_A), op.get(K_P), op.i32Const(1), op.i32Shl, op.get(K_A_ROW), op.i32Mul, op.i32Add, op.tee(K_PA0),
      op.get(K_A_ROW), op.i32Add, op.set(K_PA1),
      op.get(K_ENTRIES), op.get(K_P), op.get(K_DEPTH), op.i32Mul, op.i32Const(12), op.i32Mul, op.i32Add, op.set(K_OUT),
      op.i32Const(0), op.set(K_OFFSET),
      ...countUp(K_K, K_DEPTH, [
        op.get(K_PA0), op.i32LoadAt(0), op.set(K_V0),
        op.get(K_PA1), op.i32LoadAt(0), op.set(K_V1),
        op.get(K_OUT), op.get(K_OFFSET), op.i32StoreAt(0),
        op.get(K_OUT), op.get(K_V0), op.i32StoreAt(4),
        op.get(K_OUT), op.get(K_V1), op.i32StoreAt(8),
        // out += 12 when either value has a bit set besides the sign.
        op.get(K_OUT),
        op.get(K_V0), op.get(K_V1), op.i32Or, op.i32Const(0x7fffffff), op.i32And, op.i32Const(0), op.i32Ne, op.i32Const(12), op.i32Mul,
        op.i32Add, op.set(K_OUT),
        op.get(K_OFFSET), op.get(K_B_ROW), op.i32Add, op.set(K_OFFSET),
        op.get(K_PA0), op.get(K_A_COLUMN), op.i32Add, op.set(K_PA0),
        op.get(K_PA1), op.get(K_A_COLUMN), op.i32Add, op.set(K_PA1),
      ]),
      op.get(K_ENDS), op.get(K_P), op.i32Const(2), op.i32Shl, op.i32Add, op.get(K_OUT), op.i32StoreAt(0),
    ]),
  },
  {
    // matmulSparse(entries, ends, b, c, bias, pairs, rowBytes, depth, hasBias, relu): `matmul`
    // over compactPairs' entries: each tile sums only the shared indices where its a rows are not
    // both zero, in order — the same float32 sums, since adding ±0 leaves a sum as it is.
    name: 'matmulSparse',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, I32, I32, I32, ...tileLocals],
    body: countUp(S_J, S_ROW_BYTES, [
      op.get(S_B), op.get(S_J), op.i32Add, op.set(S_BJ),
      ...countUp(S_P, S_PAIRS, [
        op.get(S_ENTRIES), op.get(S_P), op.get(S_DEPTH), op.i32Mul, op.i32Const(12), op.i32Mul, op.i32Add, op.set(S_PE),
        op.get(S_ENDS), op.get(S_P), op.i32Const(2), op.i32Shl, op.i32Add, op.i32LoadAt(0), op.set(S_END),
        ...ACC.flatMap((accumulator) => [op.v128Const0, op.set(accumulator)]),
        op.block,
        op.get(S_PE), op.get(S_END), op.i32GeU, op.brIf(0),
        op.loop,
        op.get(S_BJ), op.get(S_PE), op.i32LoadAt(0), op.i32Add, op.set(S_PB),
        ...tileStep(S_PB, [op.get(S_PE), op.v128Load32SplatAt(4), op.set(AV0), op.get(S_PE), op.v128Load32SplatAt(8), op.set(AV1)]),
        op.get(S_PE), op.i32Const(12), op.i32Add, op.tee(S_PE),
        op.get(S_END), op.i32Ne, op.brIf(0),
        op.end,
        op.end,
        op.get(S_C), op.get(S_P), op.i32Const(1), op.i32Shl, op.get(S_ROW_BYTES), op.i32Mul, op.i32Add, op.get(S_J), op.i32Add, op.set(S_PC),
        ...finishTile(S_HAS_BIAS, S_BIAS, S_J, S_RELU, S_PC, S_ROW_BYTES),
      ]),
    ], 64),
  },
  {
    // nonFinite(x, bytes, out): writes at `out` a vector whose lanes are nonzero when some float of
    // the first `bytes` bytes (a multiple of 16) of x is infinite or NaN.
    name: 'nonFinite',
    params: [I32, I32, I32],
    locals: [I32, V128, V128],
    body: [
      op.i32Const(0x7f800000), op.i32x4Splat, op.set(N_EXPONENT),
      ...countUp(N_I, N_BYTES, [
        op.get(N_X), op.get(N_I), op.i32Add, op.v128Load, op.get(N_EXPONENT), op.v128And, op.get(N_EXPONENT), op.i32x4Eq,
        op.get(N_ANY), op.v128Or, op.set(N_ANY),
      ], 16),
      op.get(N_OUT), op.get(N_ANY), op.v128Store,
    ],
  },
]);

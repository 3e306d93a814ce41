import { type Code, countUp } from '../simd/simd-loops';
import { type Slots, simdFunction } from '../simd/simd-function';
import { I32, V128, encodeSimdModule, op } from '../simd/simd-module';
import { relaxedSimdEnabled } from '../simd/simd-features';

/** The vector locals of a two-row, sixteen-column tile: eight accumulators, four b vectors, two splatted a values and a zero. */
const tileLocals = {
  accumulators: Array<number>(8).fill(V128),
  bVectors: Array<number>(4).fill(V128),
  aRow0: V128,
  aRow1: V128,
  zero: V128,
};
type Tile = Slots<typeof tileLocals>;

/** Which multiply-add the tiles use: `f32x4.mul` then `f32x4.add` (two roundings), or relaxed SIMD's fused one. */
interface Arithmetic {
  fusedMultiplyAdd: boolean;
}

const multiplyAdd = (tile: Tile, arithmetic: Arithmetic, row: number, column: number): Code => {
  const [accumulator, a, b] = [tile.accumulators[row * 4 + column], row === 0 ? tile.aRow0 : tile.aRow1, tile.bVectors[column]];
  return arithmetic.fusedMultiplyAdd
    ? [op.get(a), op.get(b), op.get(accumulator), op.f32x4RelaxedMadd, op.set(accumulator)]
    : [op.get(accumulator), op.get(a), op.get(b), op.f32x4Mul, op.f32x4Add, op.set(accumulator)];
};
const forEachAccumulator = (tile: Tile, body: (accumulator: number, column: number) => Code): Code =>
  tile.accumulators.flatMap((accumulator, index) => body(accumulator, index % 4));
const clearAccumulators = (tile: Tile): Code => tile.accumulators.flatMap((accumulator) => [op.v128Const0, op.set(accumulator)]);

/**
 * The end of a two-row, sixteen-column tile: add the bias (when `hasBias`), apply relu (when
 * `relu`), store the eight accumulators at `pc` (the tile's first output) and the next row.
 */
const finishTile = (tile: Tile, hasBias: number, bias: number, panel: number, relu: number, pc: number, rowBytes: number): Code => [
  op.get(hasBias), op.if,
  ...tile.bVectors.flatMap((vector, column) => [op.get(bias), op.get(panel), op.i32Add, op.v128LoadAt(column * 16), op.set(vector)]),
  ...forEachAccumulator(tile, (accumulator, column) => [op.get(accumulator), op.get(tile.bVectors[column]), op.f32x4Add, op.set(accumulator)]),
  op.end,
  op.get(relu), op.if,
  ...forEachAccumulator(tile, (accumulator) => [op.get(accumulator), op.get(tile.zero), op.f32x4Max, op.set(accumulator)]),
  op.end,
  ...tile.accumulators.flatMap((accumulator, index) => [
    op.get(pc), ...(index >= 4 ? [op.get(rowBytes), op.i32Add] : []), op.get(accumulator), op.v128StoreAt((index % 4) * 16),
  ]),
];

/** The eight multiply-adds of one shared index: four b vectors at `pb`, two splatted a values. */
const tileStep = (tile: Tile, arithmetic: Arithmetic, pb: number, loadA: Code): Code => [
  ...tile.bVectors.flatMap((vector, column) => [op.get(pb), op.v128LoadAt(column * 16), op.set(vector)]),
  ...loadA,
  ...[0, 1].flatMap((row) => [0, 1, 2, 3].flatMap((column) => multiplyAdd(tile, arithmetic, row, column))),
];

/**
 * `matmul(a, b, c, bias, rows, rowBytes, depth, aRow, aColumn, hasBias, relu)`: `c = a·b (+ bias)
 * (then relu)` for a row-major `b` of `depth` rows whose row length is a multiple of 16 floats, and
 * an even number of rows. `a` is read through byte strides, so a transposed `a` costs nothing.
 *
 * Two output rows by sixteen columns at a time, the shared dimension innermost and summed in order
 * (no packing of `b`: its sixteen-column panel stays in cache across all rows). Bias and relu are
 * applied to the finished sums, in the order the stock kernel applies them.
 */
const matmul = (arithmetic: Arithmetic) => simdFunction('matmul', {
  // Addresses of a, b, the output and the bias; rows; the output's row length in bytes (a multiple
  // of 64); the shared dimension; a's byte strides between rows and between columns; whether to
  // add the bias and whether to apply relu.
  params: { a: I32, b: I32, c: I32, bias: I32, rows: I32, rowBytes: I32, depth: I32, aRow: I32, aColumn: I32, hasBias: I32, relu: I32 },
  // The column panel's byte offset, the row, the pointers into a (two rows), b and the output,
  // where the a pointer stops; then the tile's vectors.
  locals: { panel: I32, row: I32, pa0: I32, pa1: I32, pb: I32, aEnd: I32, pc: I32, ...tileLocals },
}, ({ a, b, c, bias, rows, rowBytes, depth, aRow, aColumn, hasBias, relu, panel, row, pa0, pa1, pb, aEnd, pc, ...tile }) =>
  countUp(panel, rowBytes, countUp(row, rows, [
    op.get(a), op.get(row), op.get(aRow), op.i32Mul, op.i32Add, op.tee(pa0),
    op.get(aRow), op.i32Add, op.set(pa1),
    op.get(pa0), op.get(depth), op.get(aColumn), op.i32Mul, op.i32Add, op.set(aEnd),
    op.get(b), op.get(panel), op.i32Add, op.set(pb),
    ...clearAccumulators(tile),
    op.loop,
    ...tileStep(tile, arithmetic, pb, [op.get(pa0), op.v128Load32Splat, op.set(tile.aRow0), op.get(pa1), op.v128Load32Splat, op.set(tile.aRow1)]),
    op.get(pb), op.get(rowBytes), op.i32Add, op.set(pb),
    op.get(pa1), op.get(aColumn), op.i32Add, op.set(pa1),
    op.get(pa0), op.get(aColumn), op.i32Add, op.tee(pa0),
    op.get(aEnd), op.i32Ne, op.brIf(0),
    op.end,
    op.get(c), op.get(row), op.get(rowBytes), op.i32Mul, op.i32Add, op.get(panel), op.i32Add, op.set(pc),
    ...finishTile(tile, hasBias, bias, panel, relu, pc, rowBytes),
  ], 2), 64),
);

/** One shared index of {@link compactPairs}: write its entry, keep it (out += 12) when either value is not ±0, step on. */
const compactIndex = (slots: { pa0: number; pa1: number; out: number; value0: number; value1: number; bOffset: number; bRowBytes: number; aColumn: number }): Code => {
  const { pa0, pa1, out, value0, value1, bOffset, bRowBytes, aColumn } = slots;
  return [
    op.get(pa0), op.i32LoadAt(0), op.set(value0),
    op.get(pa1), op.i32LoadAt(0), op.set(value1),
    op.get(out), op.get(bOffset), op.i32StoreAt(0),
    op.get(out), op.get(value0), op.i32StoreAt(4),
    op.get(out), op.get(value1), op.i32StoreAt(8),
    // out += 12 when either value has a bit set besides the sign.
    op.get(out),
    op.get(value0), op.get(value1), op.i32Or, op.i32Const(0x7fffffff), op.i32And, op.i32Const(0), op.i32Ne, op.i32Const(12), op.i32Mul,
    op.i32Add, op.set(out),
    op.get(bOffset), op.get(bRowBytes), op.i32Add, op.set(bOffset),
    op.get(pa0), op.get(aColumn), op.i32Add, op.set(pa0),
    op.get(pa1), op.get(aColumn), op.i32Add, op.set(pa1),
  ];
};

/**
 * `compactPairs(a, aRow, aColumn, pairs, depth, bRowBytes, entries, ends)`: for each pair of a's
 * rows, the shared indices where either row is not ±0, as entries of twelve bytes — b's byte
 * offset of that index, then the two a values — from `entries + pair·depth·12`; the address after
 * each pair's last entry goes to `ends`. Branch-free per index: every index is written, and the
 * pointer only moves on for a nonzero one. Where a's rows are contiguous (`aColumn` 4, a not
 * transposed) four indices of both rows are tested at once first, and skipped together when all
 * eight values are ±0 (most of an MNIST image's border).
 */
const compactPairs = simdFunction('compactPairs', {
  params: { a: I32, aRow: I32, aColumn: I32, pairs: I32, depth: I32, bRowBytes: I32, entries: I32, ends: I32 },
  locals: { pair: I32, pa0: I32, pa1: I32, out: I32, index: I32, value0: I32, value1: I32, bOffset: I32, quadLimit: I32, quadBRowBytes: I32, magnitude: V128 },
}, ({ a, aRow, aColumn, pairs, depth, bRowBytes, entries, ends, pair, pa0, pa1, out, index, value0, value1, bOffset, quadLimit, quadBRowBytes, magnitude }) => {
  const step = compactIndex({ pa0, pa1, out, value0, value1, bOffset, bRowBytes, aColumn });
  return [
    op.i32Const(0x7fffffff), op.i32x4Splat, op.set(magnitude),
    op.get(bRowBytes), op.i32Const(2), op.i32Shl, op.set(quadBRowBytes),
    // Quads run while index + 4 <= depth, only for contiguous rows (else the limit is 0: none).
    op.get(aColumn), op.i32Const(4), op.i32Eq, op.get(depth), op.get(depth), op.i32Const(3), op.i32And, op.i32Sub, op.i32Mul, op.set(quadLimit),
    ...countUp(pair, pairs, [
      op.get(a), op.get(pair), op.i32Const(1), op.i32Shl, op.get(aRow), op.i32Mul, op.i32Add, op.tee(pa0),
      op.get(aRow), op.i32Add, op.set(pa1),
      op.get(entries), op.get(pair), op.get(depth), op.i32Mul, op.i32Const(12), op.i32Mul, op.i32Add, op.set(out),
      op.i32Const(0), op.set(bOffset),
      op.i32Const(0), op.set(index),
      op.block, op.loop,
      op.get(index), op.get(quadLimit), op.i32GeU, op.brIf(1),
      op.get(pa0), op.v128Load, op.get(pa1), op.v128Load, op.v128Or, op.get(magnitude), op.v128And, op.v128AnyTrue,
      op.if,
      ...step, ...step, ...step, ...step,
      op.else,
      op.get(pa0), op.i32Const(16), op.i32Add, op.set(pa0),
      op.get(pa1), op.i32Const(16), op.i32Add, op.set(pa1),
      op.get(bOffset), op.get(quadBRowBytes), op.i32Add, op.set(bOffset),
      op.end,
      op.get(index), op.i32Const(4), op.i32Add, op.set(index),
      op.br(0),
      op.end, op.end,
      // The rest one index at a time.
      op.block, op.loop,
      op.get(index), op.get(depth), op.i32GeU, op.brIf(1),
      ...step,
      op.get(index), op.i32Const(1), op.i32Add, op.set(index),
      op.br(0),
      op.end, op.end,
      op.get(ends), op.get(pair), op.i32Const(2), op.i32Shl, op.i32Add, op.get(out), op.i32StoreAt(0),
    ]),
  ];
});

/**
 * `compactAdjacentPairs(a, aRow, aColumn, pairs, depth, bRowBytes, entries, ends)`: compactPairs'
 * entries, the same bytes, for a left operand whose paired values lie side by side (`aRow` 4: a
 * transposed `a`, the batch of a first layer's `xᵀ·dy`). The shared indices run outermost, and at
 * each one four pairs' eight values are tested at once and skipped together when all are ±0;
 * each pair's write pointer lives in `ends` meanwhile.
 */
const compactAdjacentPairs = simdFunction('compactAdjacentPairs', {
  params: { a: I32, aRow: I32, aColumn: I32, pairs: I32, depth: I32, bRowBytes: I32, entries: I32, ends: I32 },
  locals: { pair: I32, index: I32, rowStart: I32, pa: I32, pEnd: I32, out: I32, value0: I32, value1: I32, bOffset: I32, quads: I32, magnitude: V128 },
}, ({ a, aColumn, pairs, depth, bRowBytes, entries, ends, pair, index, rowStart, pa, pEnd, out, value0, value1, bOffset, quads, magnitude }) => {
  // One pair (pair + k) at the current index: its entry at its pointer, kept when either value is not ±0.
  const pairStep = (k: number): Code => [
    op.get(ends), op.get(pair), op.i32Const(2), op.i32Shl, op.i32Add, op.tee(pEnd), op.i32LoadAt(k * 4), op.set(out),
    op.get(pa), op.i32LoadAt(k * 8), op.set(value0),
    op.get(pa), op.i32LoadAt(k * 8 + 4), op.set(value1),
    op.get(out), op.get(bOffset), op.i32StoreAt(0),
    op.get(out), op.get(value0), op.i32StoreAt(4),
    op.get(out), op.get(value1), op.i32StoreAt(8),
    op.get(pEnd),
    op.get(out), op.get(value0), op.get(value1), op.i32Or, op.i32Const(0x7fffffff), op.i32And, op.i32Const(0), op.i32Ne, op.i32Const(12), op.i32Mul, op.i32Add,
    op.i32StoreAt(k * 4),
  ];
  return [
    op.i32Const(0x7fffffff), op.i32x4Splat, op.set(magnitude),
    op.get(pairs), op.i32Const(-4), op.i32And, op.set(quads),
    ...countUp(pair, pairs, [
      op.get(ends), op.get(pair), op.i32Const(2), op.i32Shl, op.i32Add,
      op.get(entries), op.get(pair), op.get(depth), op.i32Mul, op.i32Const(12), op.i32Mul, op.i32Add,
      op.i32StoreAt(0),
    ]),
    op.i32Const(0), op.set(bOffset),
    ...countUp(index, depth, [
      op.get(a), op.get(index), op.get(aColumn), op.i32Mul, op.i32Add, op.set(rowStart),
      op.i32Const(0), op.set(pair),
      op.block, op.loop,
      op.get(pair), op.get(quads), op.i32GeU, op.brIf(1),
      op.get(rowStart), op.get(pair), op.i32Const(3), op.i32Shl, op.i32Add, op.tee(pa),
      op.v128Load, op.get(pa), op.v128LoadAt(16), op.v128Or, op.get(magnitude), op.v128And, op.v128AnyTrue,
      op.if, ...pairStep(0), ...pairStep(1), ...pairStep(2), ...pairStep(3), op.end,
      op.get(pair), op.i32Const(4), op.i32Add, op.set(pair),
      op.br(0),
      op.end, op.end,
      op.block, op.loop,
      op.get(pair), op.get(pairs), op.i32GeU, op.brIf(1),
      op.get(rowStart), op.get(pair), op.i32Const(3), op.i32Shl, op.i32Add, op.set(pa),
      ...pairStep(0),
      op.get(pair), op.i32Const(1), op.i32Add, op.set(pair),
      op.br(0),
      op.end, op.end,
      op.get(bOffset), op.get(bRowBytes), op.i32Add, op.set(bOffset),
    ]),
  ];
});

/**
 * `matmulSparse(entries, ends, b, c, bias, pairs, rowBytes, depth, hasBias, relu)`: `matmul` over
 * compactPairs' entries: each tile sums only the shared indices where its a rows are not both
 * zero, in order — the same float32 sums, since adding ±0 leaves a sum as it is.
 */
const matmulSparse = (arithmetic: Arithmetic) => simdFunction('matmulSparse', {
  params: { entries: I32, ends: I32, b: I32, c: I32, bias: I32, pairs: I32, rowBytes: I32, depth: I32, hasBias: I32, relu: I32 },
  // The panel, the pair, its entries' pointer and end, the b panel's address, the b pointer and
  // the output pointer; then the tile's vectors.
  locals: { panel: I32, pair: I32, pe: I32, end: I32, bPanel: I32, pb: I32, pc: I32, ...tileLocals },
}, ({ entries, ends, b, c, bias, pairs, rowBytes, depth, hasBias, relu, panel, pair, pe, end, bPanel, pb, pc, ...tile }) =>
  countUp(panel, rowBytes, [
    op.get(b), op.get(panel), op.i32Add, op.set(bPanel),
    ...countUp(pair, pairs, [
      op.get(entries), op.get(pair), op.get(depth), op.i32Mul, op.i32Const(12), op.i32Mul, op.i32Add, op.set(pe),
      op.get(ends), op.get(pair), op.i32Const(2), op.i32Shl, op.i32Add, op.i32LoadAt(0), op.set(end),
      ...clearAccumulators(tile),
      op.block,
      op.get(pe), op.get(end), op.i32GeU, op.brIf(0),
      op.loop,
      op.get(bPanel), op.get(pe), op.i32LoadAt(0), op.i32Add, op.set(pb),
      ...tileStep(tile, arithmetic, pb, [op.get(pe), op.v128Load32SplatAt(4), op.set(tile.aRow0), op.get(pe), op.v128Load32SplatAt(8), op.set(tile.aRow1)]),
      op.get(pe), op.i32Const(12), op.i32Add, op.tee(pe),
      op.get(end), op.i32Ne, op.brIf(0),
      op.end,
      op.end,
      op.get(c), op.get(pair), op.i32Const(1), op.i32Shl, op.get(rowBytes), op.i32Mul, op.i32Add, op.get(panel), op.i32Add, op.set(pc),
      ...finishTile(tile, hasBias, bias, panel, relu, pc, rowBytes),
    ]),
  ], 64),
);

/**
 * `nonFinite(x, bytes, out)`: writes at `out` a vector whose lanes are nonzero when some float of
 * the first `bytes` bytes (a multiple of 16) of x is infinite or NaN.
 */
const nonFinite = simdFunction('nonFinite', {
  params: { x: I32, bytes: I32, out: I32 },
  locals: { offset: I32, any: V128, exponent: V128 },
}, ({ x, bytes, out, offset, any, exponent }) => [
  op.i32Const(0x7f800000), op.i32x4Splat, op.set(exponent),
  ...countUp(offset, bytes, [
    op.get(x), op.get(offset), op.i32Add, op.v128Load, op.get(exponent), op.v128And, op.get(exponent), op.i32x4Eq,
    op.get(any), op.v128Or, op.set(any),
  ], 16),
  op.get(out), op.get(any), op.v128Store,
]);

/**
 * The matmul module: `matmul`, the zero-skipping `compactPairs` (and `compactAdjacentPairs`) and
 * `matmulSparse`, and `nonFinite`, with `f32x4.mul` then `f32x4.add`: every product and sum rounded to float32 in order.
 */
export const MAT_MUL_MODULE = encodeSimdModule([matmul({ fusedMultiplyAdd: false }), compactPairs, matmulSparse({ fusedMultiplyAdd: false }), nonFinite, compactAdjacentPairs]);

/**
 * {@link MAT_MUL_MODULE} with relaxed SIMD's `f32x4.relaxed_madd` in the tiles: one rounding per
 * multiply-add where the hardware fuses it (so sums differ from the plain module's by rounding
 * only), the same sums in the same order otherwise. Invalid on runtimes without relaxed SIMD.
 */
export const MAT_MUL_RELAXED_MODULE = encodeSimdModule([matmul({ fusedMultiplyAdd: true }), compactPairs, matmulSparse({ fusedMultiplyAdd: true }), nonFinite, compactAdjacentPairs]);

/** The matmul module the kernels run now: relaxed where enabled (see {@link relaxedSimdEnabled}). */
export const matMulModule = (): Uint8Array<ArrayBuffer> => (relaxedSimdEnabled() ? MAT_MUL_RELAXED_MODULE : MAT_MUL_MODULE);

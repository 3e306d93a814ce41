import { FLOAT32_MIN_NORMAL } from '../shared/adam-step';
import { F32, I32, V128, encodeSimdModule, op } from './simd-module';

// Parameters: addresses of w, g, m, v and of their outputs, the byte length, then the constants.
const [W, G, M, V, W_OUT, M_OUT, V_OUT, BYTES, KEEP_GRADIENT, KEEP_SQUARE, ALPHA, EPSILON] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// Locals: the offset, the splatted constants, one gradient, momentum and velocity vector, the
// smallest normal float splatted, and a scratch vector.
const [I, KG, KS, A, E, GV, MV, VV, TINY, T] = [12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
const at = (base: number) => [op.get(base), op.get(I), op.i32Add];
/** The vector on the stack with its subnormal lanes set to +0 (NaN lanes kept). */
const flush = [op.set(T), op.get(T), op.get(T), op.f32x4Abs, op.get(TINY), op.f32x4Lt, op.v128AndNot];

/**
 * `adam(w, g, m, v, wOut, mOut, vOut, bytes, 1 − β₁, 1 − β₂, α, ε)`: {@link adamStep}'s update, four
 * floats at a time, over the first `bytes` bytes (a multiple of 16) of each array. Each operation
 * rounds to float32 in the op-by-op order, and the new slots and the step `α·m` are flushed to
 * zero where subnormal, as {@link adamStep} does: results equal it bit for bit.
 */
export const ADAM_SIMD_MODULE = encodeSimdModule([
  {
    name: 'adam',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, F32, F32, F32, F32],
    locals: [I32, V128, V128, V128, V128, V128, V128, V128, V128, V128],
    body: [
      op.f32Const(FLOAT32_MIN_NORMAL), op.f32x4Splat, op.set(TINY),
      op.get(KEEP_GRADIENT), op.f32x4Splat, op.set(KG),
      op.get(KEEP_SQUARE), op.f32x4Splat, op.set(KS),
      op.get(ALPHA), op.f32x4Splat, op.set(A),
      op.get(EPSILON), op.f32x4Splat, op.set(E),
      op.block, op.loop,
      op.get(I), op.get(BYTES), op.i32GeU, op.brIf(1),
      ...at(G), op.v128Load, op.set(GV),
      // m ← m + (g − m)(1 − β₁)
      ...at(M_OUT),
      ...at(M), op.v128Load, op.tee(MV),
      op.get(GV), op.get(MV), op.f32x4Sub, op.get(KG), op.f32x4Mul, op.f32x4Add, ...flush, op.tee(MV),
      op.v128Store,
      // v ← v + (g² − v)(1 − β₂)
      ...at(V_OUT),
      ...at(V), op.v128Load, op.tee(VV),
      op.get(GV), op.get(GV), op.f32x4Mul, op.get(VV), op.f32x4Sub, op.get(KS), op.f32x4Mul, op.f32x4Add, ...flush, op.tee(VV),
      op.v128Store,
      // w ← w − α·m / (√v + ε)
      ...at(W_OUT),
      ...at(W), op.v128Load,
      op.get(MV), op.get(A), op.f32x4Mul, ...flush,
      op.get(VV), op.f32x4Sqrt, op.get(E), op.f32x4Add,
      op.f32x4Div, op.f32x4Sub,
      op.v128Store,
      op.get(I), op.i32Const(16), op.i32Add, op.set(I),
      op.br(0),
      op.end, op.end,
    ],
  },
]);

import { FLOAT32_MIN_NORMAL } from './adam-step';
import { simdFunction } from '../simd/simd-function';
import { F32, I32, V128, encodeSimdModule, op } from '../simd/simd-module';

/**
 * `adam(w, g, m, v, wOut, mOut, vOut, bytes, 1 − β₁, 1 − β₂, α, ε)`: {@link adamStep}'s update, four
 * floats at a time, over the first `bytes` bytes (a multiple of 16) of each array. Each operation
 * rounds to float32 in the op-by-op order, and the new slots and the step `α·m` are flushed to
 * zero where subnormal, as {@link adamStep} does: results equal it bit for bit.
 */
export const ADAM_MODULE = encodeSimdModule([
  simdFunction('adam', {
    // Addresses of w, g, m, v and of their outputs, the byte length, then the constants.
    params: { w: I32, g: I32, m: I32, v: I32, wOut: I32, mOut: I32, vOut: I32, bytes: I32, keepGradient: F32, keepSquare: F32, alpha: F32, epsilon: F32 },
    // The offset, the splatted constants, one gradient, momentum and velocity vector, the smallest
    // normal float splatted, and a scratch vector.
    locals: { i: I32, keepGradientV: V128, keepSquareV: V128, alphaV: V128, epsilonV: V128, gradientV: V128, momentumV: V128, velocityV: V128, tiny: V128, scratch: V128 },
  }, ({ w, g, m, v, wOut, mOut, vOut, bytes, keepGradient, keepSquare, alpha, epsilon, i, keepGradientV, keepSquareV, alphaV, epsilonV, gradientV, momentumV, velocityV, tiny, scratch }) => {
    const at = (base: number) => [op.get(base), op.get(i), op.i32Add];
    /** The vector on the stack with its subnormal lanes set to +0 (NaN lanes kept). */
    const flush = [op.set(scratch), op.get(scratch), op.get(scratch), op.f32x4Abs, op.get(tiny), op.f32x4Lt, op.v128AndNot];
    return [
      op.f32Const(FLOAT32_MIN_NORMAL), op.f32x4Splat, op.set(tiny),
      op.get(keepGradient), op.f32x4Splat, op.set(keepGradientV),
      op.get(keepSquare), op.f32x4Splat, op.set(keepSquareV),
      op.get(alpha), op.f32x4Splat, op.set(alphaV),
      op.get(epsilon), op.f32x4Splat, op.set(epsilonV),
      op.block, op.loop,
      op.get(i), op.get(bytes), op.i32GeU, op.brIf(1),
      ...at(g), op.v128Load, op.set(gradientV),
      // m ← m + (g − m)(1 − β₁)
      ...at(mOut),
      ...at(m), op.v128Load, op.tee(momentumV),
      op.get(gradientV), op.get(momentumV), op.f32x4Sub, op.get(keepGradientV), op.f32x4Mul, op.f32x4Add, ...flush, op.tee(momentumV),
      op.v128Store,
      // v ← v + (g² − v)(1 − β₂)
      ...at(vOut),
      ...at(v), op.v128Load, op.tee(velocityV),
      op.get(gradientV), op.get(gradientV), op.f32x4Mul, op.get(velocityV), op.f32x4Sub, op.get(keepSquareV), op.f32x4Mul, op.f32x4Add, ...flush, op.tee(velocityV),
      op.v128Store,
      // w ← w − α·m / (√v + ε)
      ...at(wOut),
      ...at(w), op.v128Load,
      op.get(momentumV), op.get(alphaV), op.f32x4Mul, ...flush,
      op.get(velocityV), op.f32x4Sqrt, op.get(epsilonV), op.f32x4Add,
      op.f32x4Div, op.f32x4Sub,
      op.v128Store,
      op.get(i), op.i32Const(16), op.i32Add, op.set(i),
      op.br(0),
      op.end, op.end,
    ];
  }),
]);

import { simdFunction } from '../simd/simd-function';
import { F32, I32, V128, encodeSimdModule, op } from '../simd/simd-module';

/**
 * `mask(out, bytes, s0, s1, s2, s3, threshold, kept)`: the bulk of {@link fillDropoutMask}, four
 * xorshift32 lanes at a time, each element `kept` where its draw ≥ `threshold` (unsigned), else 0.
 */
export const DROPOUT_MASK_MODULE = encodeSimdModule([
  simdFunction('mask', {
    // The output's address, its byte length (a multiple of 16), the four lane states, the keep
    // threshold (unsigned, as i32 bits) and the kept value.
    params: { out: I32, bytes: I32, lane0: I32, lane1: I32, lane2: I32, lane3: I32, threshold: I32, kept: F32 },
    locals: { offset: I32, state: V128, limit: V128, value: V128 },
  }, ({ out, bytes, lane0, lane1, lane2, lane3, threshold, kept, offset, state, limit, value }) => [
    // state = [s0, s1, s2, s3]: splat s0, then replace lanes 1–3.
    op.get(lane0), op.i32x4Splat,
    op.get(lane1), op.i32x4ReplaceLane(1),
    op.get(lane2), op.i32x4ReplaceLane(2),
    op.get(lane3), op.i32x4ReplaceLane(3),
    op.set(state),
    op.get(threshold), op.i32x4Splat, op.set(limit),
    op.get(kept), op.f32x4Splat, op.set(value),
    op.block, op.loop,
    op.get(offset), op.get(bytes), op.i32GeU, op.brIf(1),
    op.get(state), op.get(state), op.i32Const(13), op.i32x4Shl, op.v128Xor, op.tee(state),
    op.get(state), op.i32Const(17), op.i32x4ShrU, op.v128Xor, op.tee(state),
    op.get(state), op.i32Const(5), op.i32x4Shl, op.v128Xor, op.set(state),
    op.get(out), op.get(offset), op.i32Add,
    op.get(state), op.get(limit), op.i32x4GeU, op.get(value), op.v128And,
    op.v128Store,
    op.get(offset), op.i32Const(16), op.i32Add, op.set(offset),
    op.br(0),
    op.end, op.end,
  ]),
]);

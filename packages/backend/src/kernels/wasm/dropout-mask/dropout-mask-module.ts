import { F32, I32, V128, encodeSimdModule, op } from './simd-module';

// Parameters: the output's address, its byte length (a multiple of 16), the four lane states, the
// keep threshold (unsigned, as i32 bits) and the kept value.
const [OUT, BYTES, LANE0, LANE1, LANE2, LANE3, THRESHOLD, KEPT] = [0, 1, 2, 3, 4, 5, 6, 7];
const [I, STATE, LIMIT, VALUE] = [8, 9, 10, 11];

/**
 * `mask(out, bytes, s0, s1, s2, s3, threshold, kept)`: the bulk of {@link fillDropoutMask}, four
 * xorshift32 lanes at a time, each element `kept` where its draw ≥ `threshold` (unsigned), else 0.
 */
export const DROPOUT_MASK_SIMD_MODULE = encodeSimdModule([
  {
    name: 'mask',
    params: [I32, I32, I32, I32, I32, I32, I32, F32],
    locals: [I32, V128, V128, V128],
    body: [
      // state = [s0, s1, s2, s3]: splat s0, then replace lanes 1–3.
      op.get(LANE0), op.i32x4Splat,
      op.get(LANE1), op.i32x4ReplaceLane(1),
      op.get(LANE2), op.i32x4ReplaceLane(2),
      op.get(LANE3), op.i32x4ReplaceLane(3),
      op.set(STATE),
      op.get(THRESHOLD), op.i32x4Splat, op.set(LIMIT),
      op.get(KEPT), op.f32x4Splat, op.set(VALUE),
      op.block, op.loop,
      op.get(I), op.get(BYTES), op.i32GeU, op.brIf(1),
      op.get(STATE), op.get(STATE), op.i32Const(13), op.i32x4Shl, op.v128Xor, op.tee(STATE),
      op.get(STATE), op.i32Const(17), op.i32x4ShrU, op.v128Xor, op.tee(STATE),
      op.get(STATE), op.i32Const(5), op.i32x4Shl, op.v128Xor, op.set(STATE),
      op.get(OUT), op.get(I), op.i32Add,
      op.get(STATE), op.get(LIMIT), op.i32x4GeU, op.get(VALUE), op.v128And,
      op.v128Store,
      op.get(I), op.i32Const(16), op.i32Add, op.set(I),
      op.br(0),
      op.end, op.end,
    ],
  },
]);

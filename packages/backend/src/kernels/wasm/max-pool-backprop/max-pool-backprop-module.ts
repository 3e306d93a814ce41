import { type Code, countUp } from '../simd/simd-loops';
import { simdFunction } from '../simd/simd-function';
import { I32, V128, encodeSimdModule, op } from '../simd/simd-module';

/**
 * `windows(x, dy, dx, count, tapRows, tapColumns, rowBytes, pixelBytes, windowBytes, groupBytes)`:
 * for `count` pooling windows of the same shape, `windowBytes` apart in x and dx and one pixel
 * apart in dy, adds each window's gradient to `dx` at its first maximum in row-major order, four
 * channels at a time. A tap wins only when strictly greater than the best so far (from −∞), as
 * the cpu backend's `>`: ties go to the first, NaN never wins, and a window of −∞ and NaN routes
 * nothing. One pass finds each lane's winning tap; a second adds the gradient, masked to the
 * lanes that tap won, to every tap — so overlapping windows accumulate, with no scatter.
 */
export const MAX_POOL_BACKPROP_MODULE = encodeSimdModule([
  simdFunction('windows', {
    // The addresses of the first window's first tap in x and in dx, of its gradient in dy; the
    // windows; the taps per window down and across; the byte strides of an input row, of a pixel
    // and between windows; the bytes of channels to cover (a multiple of 16).
    params: { x: I32, dy: I32, dx: I32, count: I32, tapRows: I32, tapColumns: I32, rowBytes: I32, pixelBytes: I32, windowBytes: I32, groupBytes: I32 },
    // The window, the channel offset, the tap row and column, the tap's number, the row's and the
    // tap's address; then the best values, their taps' numbers, a value, a mask and a gradient.
    locals: {
      window: I32, channel: I32, tapRow: I32, tapColumn: I32, tap: I32, rowAddress: I32, tapAddress: I32,
      best: V128, index: V128, value: V128, mask: V128, gradient: V128,
    },
  }, ({ x, dy, dx, count, tapRows, tapColumns, rowBytes, pixelBytes, windowBytes, groupBytes, window, channel, tapRow, tapColumn, tap, rowAddress, tapAddress, best, index, value, mask, gradient }) => {
    /** Runs `body` at every tap of the window whose first tap is at `base + channel`, with its address and number. */
    const overTaps = (base: number, body: Code) => [
      op.i32Const(0), op.set(tap),
      op.get(base), op.get(channel), op.i32Add, op.set(rowAddress),
      ...countUp(tapRow, tapRows, [
        op.get(rowAddress), op.set(tapAddress),
        ...countUp(tapColumn, tapColumns, [
          ...body,
          op.get(tap), op.i32Const(1), op.i32Add, op.set(tap),
          op.get(tapAddress), op.get(pixelBytes), op.i32Add, op.set(tapAddress),
        ]),
        op.get(rowAddress), op.get(rowBytes), op.i32Add, op.set(rowAddress),
      ]),
    ];
    return [
      ...countUp(window, count, [
        ...countUp(channel, groupBytes, [
          op.f32Const(Number.NEGATIVE_INFINITY), op.f32x4Splat, op.set(best),
          op.i32Const(-1), op.i32x4Splat, op.set(index),
          ...overTaps(x, [
            op.get(tapAddress), op.v128Load, op.tee(value), op.get(best), op.f32x4Gt, op.set(mask),
            op.get(value), op.get(best), op.get(mask), op.v128Bitselect, op.set(best),
            op.get(tap), op.i32x4Splat, op.get(index), op.get(mask), op.v128Bitselect, op.set(index),
          ]),
          op.get(dy), op.get(channel), op.i32Add, op.v128Load, op.set(gradient),
          ...overTaps(dx, [
            op.get(tapAddress),
            op.get(tapAddress), op.v128Load,
            op.get(gradient), op.get(index), op.get(tap), op.i32x4Splat, op.i32x4Eq, op.v128And,
            op.f32x4Add, op.v128Store,
          ]),
        ], 16),
        op.get(x), op.get(windowBytes), op.i32Add, op.set(x),
        op.get(dx), op.get(windowBytes), op.i32Add, op.set(dx),
        op.get(dy), op.get(pixelBytes), op.i32Add, op.set(dy),
      ]),
    ];
  }),
]);

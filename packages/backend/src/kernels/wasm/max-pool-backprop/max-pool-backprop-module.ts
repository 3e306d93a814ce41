import { type Code, countUp } from '../simd/simd-loops';
import { simdFunction } from '../simd/simd-function';
import { I32, V128, encodeSimdModule, op } from '../simd/simd-module';

/** The locals of a run of windows: counters and addresses, then the lanes' best values and taps. */
const windowLocals = {
  window: I32, channel: I32, tapRow: I32, tapColumn: I32, tap: I32, rowAddress: I32, tapAddress: I32,
  best: V128, index: V128, value: V128, mask: V128, gradient: V128,
};

/** The slots {@link windowRun} reads: its operands (x, dy and dx move on as it goes) and {@link windowLocals}. */
type WindowSlots = Record<'x' | 'dy' | 'dx' | 'count' | 'tapRows' | 'tapColumns' | 'rowBytes' | 'pixelBytes' | 'windowBytes' | 'groupBytes' | keyof typeof windowLocals, number>;

/** `count` windows from `x`/`dx` (then `windowBytes` apart) and `dy` (then a pixel apart), as `windows` describes; leaves x, dx and dy past the run. */
const windowRun = (slots: WindowSlots): Code => {
  const { x, dy, dx, count, tapRows, tapColumns, rowBytes, pixelBytes, windowBytes, groupBytes, window, channel, tapRow, tapColumn, tap, rowAddress, tapAddress, best, index, value, mask, gradient } = slots;
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
  return countUp(window, count, [
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
  ]);
};

/**
 * `windows(x, dy, dx, count, tapRows, tapColumns, rowBytes, pixelBytes, windowBytes, groupBytes)`:
 * for `count` pooling windows of the same shape, `windowBytes` apart in x and dx and one pixel
 * apart in dy, adds each window's gradient to `dx` at its first maximum in row-major order, four
 * channels at a time. A tap wins only when strictly greater than the best so far (from −∞), as
 * the cpu backend's `>`: ties go to the first, NaN never wins, and a window of −∞ and NaN routes
 * nothing. One pass finds each lane's winning tap; a second adds the gradient, masked to the
 * lanes that tap won, to every tap — so overlapping windows accumulate, with no scatter.
 *
 * `imageWindows(x, dy, dx, images, outRows, outColumns, tapRows, tapColumns, rowBytes, pixelBytes,
 * windowBytes, groupBytes, rowStep, imageBytes)`: `windows` over every output row of `images`
 * images whose windows all lie inside the input (no padding), rows `rowStep` bytes apart in x and
 * dx, images `imageBytes` apart, dy's rows one after another. Images are disjoint in dx, so
 * threads split a call by images, each window's sums unchanged.
 */
export const MAX_POOL_BACKPROP_MODULE = encodeSimdModule([
  simdFunction('windows', {
    // The addresses of the first window's first tap in x and in dx, of its gradient in dy; the
    // windows; the taps per window down and across; the byte strides of an input row, of a pixel
    // and between windows; the bytes of channels to cover (a multiple of 16).
    params: { x: I32, dy: I32, dx: I32, count: I32, tapRows: I32, tapColumns: I32, rowBytes: I32, pixelBytes: I32, windowBytes: I32, groupBytes: I32 },
    locals: windowLocals,
  }, (slots) => windowRun(slots)),
  simdFunction('imageWindows', {
    params: {
      xImage: I32, dy: I32, dxImage: I32, images: I32, outRows: I32, count: I32, tapRows: I32, tapColumns: I32, rowBytes: I32, pixelBytes: I32,
      windowBytes: I32, groupBytes: I32, rowStep: I32, imageBytes: I32,
    },
    // The image and output row; x and dx at the row's first window (moved on by each run).
    locals: { image: I32, outRow: I32, x: I32, dx: I32, ...windowLocals },
  }, (slots) => {
    const { xImage, dxImage, images, outRows, rowStep, imageBytes, image, outRow, x, dx } = slots;
    return countUp(image, images, [
      ...countUp(outRow, outRows, [
        op.get(xImage), op.get(outRow), op.get(rowStep), op.i32Mul, op.i32Add, op.set(x),
        op.get(dxImage), op.get(outRow), op.get(rowStep), op.i32Mul, op.i32Add, op.set(dx),
        ...windowRun(slots),
      ]),
      op.get(xImage), op.get(imageBytes), op.i32Add, op.set(xImage),
      op.get(dxImage), op.get(imageBytes), op.i32Add, op.set(dxImage),
    ]);
  }),
]);

import { type Code, countUp } from './simd-loops';
import { I32, V128, encodeSimdModule, op } from './simd-module';

// Parameters: the addresses of the first window's first tap in x and in dx, of its gradient in dy;
// the windows; the taps per window down and across; the byte strides of an input row, of a pixel
// and between windows; the bytes of channels to cover (a multiple of 16).
const [X, DY, DX, COUNT, TAP_ROWS, TAP_COLUMNS, ROW_BYTES, PIXEL_BYTES, WINDOW_BYTES, GROUP_BYTES] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
// Locals: the window, the channel offset, the tap row and column, the tap's number, the row's and
// the tap's address; then the best values, their taps' numbers, a value, a mask and a gradient.
const [W, G, R, C, T, PX, P] = [10, 11, 12, 13, 14, 15, 16];
const [BEST, INDEX, VALUE, MASK, GRADIENT] = [17, 18, 19, 20, 21];

/** Runs `body` at every tap of the window whose first tap is at `base + G`, with P its address and T its number. */
const overTaps = (base: number, body: Code) => [
  op.i32Const(0), op.set(T),
  op.get(base), op.get(G), op.i32Add, op.set(PX),
  ...countUp(R, TAP_ROWS, [
    op.get(PX), op.set(P),
    ...countUp(C, TAP_COLUMNS, [
      ...body,
      op.get(T), op.i32Const(1), op.i32Add, op.set(T),
      op.get(P), op.get(PIXEL_BYTES), op.i32Add, op.set(P),
    ]),
    op.get(PX), op.get(ROW_BYTES), op.i32Add, op.set(PX),
  ]),
];

/**
 * `windows(x, dy, dx, count, tapRows, tapColumns, rowBytes, pixelBytes, windowBytes, groupBytes)`:
 * for `count` pooling windows of the same shape, `windowBytes` apart in x and dx and one pixel
 * apart in dy, adds each window's gradient to `dx` at its first maximum in row-major order, four
 * channels at a time. A tap wins only when strictly greater than the best so far (from −∞), as
 * the cpu backend's `>`: ties go to the first, NaN never wins, and a window of −∞ and NaN routes
 * nothing. One pass finds each lane's winning tap; a second adds the gradient, masked to the
 * lanes that tap won, to every tap — so overlapping windows accumulate, with no scatter.
 */
export const MAX_POOL_GRAD_SIMD_MODULE = encodeSimdModule([
  {
    name: 'windows',
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32],
    locals: [I32, I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128],
    body: [
      ...countUp(W, COUNT, [
        ...countUp(G, GROUP_BYTES, [
          op.f32Const(Number.NEGATIVE_INFINITY), op.f32x4Splat, op.set(BEST),
          op.i32Const(-1), op.i32x4Splat, op.set(INDEX),
          ...overTaps(X, [
            op.get(P), op.v128Load, op.tee(VALUE), op.get(BEST), op.f32x4Gt, op.set(MASK),
            op.get(VALUE), op.get(BEST), op.get(MASK), op.v128Bitselect, op.set(BEST),
            op.get(T), op.i32x4Splat, op.get(INDEX), op.get(MASK), op.v128Bitselect, op.set(INDEX),
          ]),
          op.get(DY), op.get(G), op.i32Add, op.v128Load, op.set(GRADIENT),
          ...overTaps(DX, [
            op.get(P),
            op.get(P), op.v128Load,
            op.get(GRADIENT), op.get(INDEX), op.get(T), op.i32x4Splat, op.i32x4Eq, op.v128And,
            op.f32x4Add, op.v128Store,
          ]),
        ], 16),
        op.get(X), op.get(WINDOW_BYTES), op.i32Add, op.set(X),
        op.get(DX), op.get(WINDOW_BYTES), op.i32Add, op.set(DX),
        op.get(DY), op.get(PIXEL_BYTES), op.i32Add, op.set(DY),
      ]),
    ],
  },
]);

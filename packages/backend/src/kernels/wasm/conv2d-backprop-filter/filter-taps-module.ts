import { countUp } from './simd-loops';
import { I32, V128, encodeSimdModule, op } from './simd-module';

// Parameters: the addresses of x, dy and the sums; the images, output rows and columns; the bytes
// of an input image, between output rows in x, between output columns in x, of a dy pixel.
const [X, DY, SUMS, IMAGES, ROWS, COLUMNS, IMAGE_BYTES, ROW_STEP, COLUMN_STEP, PIXEL_BYTES] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
// Locals: the image, the channel offset, the output row and column, the x pointers of the row and
// of the position, the dy pointer; then the gradient vector and one accumulator per tap.
const [N, G, OH, OW, PX_ROW, PX, PD] = [10, 11, 12, 13, 14, 15, 16];
const GRADIENT = 17;
const FIRST_ACCUMULATOR = 18;

/** Largest tap count a module is made for (one accumulator each, besides the gradient). */
export const MAX_FILTER_TAPS = 16;

const modules = new Map<string, Uint8Array<ArrayBuffer>>();

/**
 * The module of `filterTaps(x, dy, sums, images, rows, columns, imageBytes, rowStep, columnStep,
 * pixelBytes)` for taps at the byte offsets `tapBytes` from a window's first input value: adds to
 * `sums` (`[taps, cout]`, the filter's layout) `Σ x[window + tap] · dy[position]` over every
 * output position of `images` images, four output channels at a time. dy is read once per image
 * for all its channels while the image is in cache; each channel's sum runs over positions in
 * order. Made once per tap layout (the offsets are constants of the code) and kept.
 *
 * @param tapBytes the taps' byte offsets, at most {@link MAX_FILTER_TAPS}
 */
export function filterTapsModule(tapBytes: readonly number[]): Uint8Array<ArrayBuffer> {
  const key = tapBytes.join(',');
  let bytes = modules.get(key);
  if (bytes !== undefined) return bytes;
  const accumulators = tapBytes.map((_, tap) => FIRST_ACCUMULATOR + tap);
  const sumAddress = (tap: number) => [op.get(SUMS), op.get(G), op.i32Add, op.i32Const(tap), op.get(PIXEL_BYTES), op.i32Mul, op.i32Add];
  bytes = encodeSimdModule([
    {
      name: 'filterTaps',
      params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32],
      locals: [I32, I32, I32, I32, I32, I32, I32, V128, ...accumulators.map(() => V128)],
      body: [
        ...countUp(N, IMAGES, [
          op.i32Const(0), op.set(G),
          op.block, op.loop,
          op.get(G), op.get(PIXEL_BYTES), op.i32GeU, op.brIf(1),
          ...accumulators.flatMap((accumulator, tap) => [...sumAddress(tap), op.v128Load, op.set(accumulator)]),
          op.get(DY), op.get(G), op.i32Add, op.set(PD),
          op.get(X), op.set(PX_ROW),
          ...countUp(OH, ROWS, [
            op.get(PX_ROW), op.set(PX),
            ...countUp(OW, COLUMNS, [
              op.get(PD), op.v128Load, op.set(GRADIENT),
              ...accumulators.flatMap((accumulator, tap) => [
                op.get(accumulator), op.get(PX), op.v128Load32SplatAt(tapBytes[tap]), op.get(GRADIENT), op.f32x4Mul, op.f32x4Add, op.set(accumulator),
              ]),
              op.get(PX), op.get(COLUMN_STEP), op.i32Add, op.set(PX),
              op.get(PD), op.get(PIXEL_BYTES), op.i32Add, op.set(PD),
            ]),
            op.get(PX_ROW), op.get(ROW_STEP), op.i32Add, op.set(PX_ROW),
          ]),
          ...accumulators.flatMap((accumulator, tap) => [...sumAddress(tap), op.get(accumulator), op.v128Store]),
          op.get(G), op.i32Const(16), op.i32Add, op.set(G),
          op.br(0),
          op.end, op.end,
          op.get(X), op.get(IMAGE_BYTES), op.i32Add, op.set(X),
          op.get(DY), op.get(ROWS), op.get(COLUMNS), op.i32Mul, op.get(PIXEL_BYTES), op.i32Mul, op.i32Add, op.set(DY),
        ]),
      ],
    },
  ]);
  modules.set(key, bytes);
  return bytes;
}

import { countUp } from '../simd/simd-loops';
import { simdFunction } from '../simd/simd-function';
import { I32, V128, encodeSimdModule, op } from '../simd/simd-module';

/** Largest tap count a module is made for (one accumulator each, besides the gradient). */
export const MAX_FILTER_TAPS = 16;

const modules = new Map<string, Uint8Array<ArrayBuffer>>();

/**
 * The module of `filterTaps(x, dy, sums, images, rows, columns, imageBytes, rowStep, columnStep,
 * pixelBytes, channelBytes)` for taps at the byte offsets `tapBytes` from a window's first input
 * value: adds to `sums` (`[taps, cout]`, the filter's layout) `Σ x[window + tap] · dy[position]`
 * over every output position of `images` images, four output channels at a time, for the first
 * `channelBytes / 4` channels from `dy` and `sums` (a band of channels when both are moved to its
 * first: threads split calls so, each channel's sums unchanged). dy is read once per image
 * for all its channels while the image is in cache; each channel's sum runs over positions in
 * order. Made once per tap layout (the offsets are constants of the code) and kept.
 *
 * @param tapBytes the taps' byte offsets, at most {@link MAX_FILTER_TAPS}
 */
export function filterTapsModule(tapBytes: readonly number[]): Uint8Array<ArrayBuffer> {
  const key = tapBytes.join(',');
  let bytes = modules.get(key);
  if (bytes !== undefined) return bytes;
  bytes = encodeSimdModule([
    simdFunction('filterTaps', {
      // The addresses of x, dy and the sums; the images, output rows and columns; the bytes of an
      // input image, between output rows in x, between output columns in x, of a dy pixel; the
      // bytes of the channels summed.
      params: { x: I32, dy: I32, sums: I32, images: I32, rows: I32, columns: I32, imageBytes: I32, rowStep: I32, columnStep: I32, pixelBytes: I32, channelBytes: I32 },
      // The image, the channel offset, the output row and column, the x pointers of the row and of
      // the position, the dy pointer; then the gradient vector and one accumulator per tap.
      locals: {
        image: I32, channel: I32, outRow: I32, outColumn: I32, rowPointer: I32, positionPointer: I32, dyPointer: I32,
        gradient: V128, accumulators: tapBytes.map(() => V128),
      },
    }, ({ x, dy, sums, images, rows, columns, imageBytes, rowStep, columnStep, pixelBytes, channelBytes, image, channel, outRow, outColumn, rowPointer, positionPointer, dyPointer, gradient, accumulators }) => {
      const sumAddress = (tap: number) => [op.get(sums), op.get(channel), op.i32Add, op.i32Const(tap), op.get(pixelBytes), op.i32Mul, op.i32Add];
      return [
        ...countUp(image, images, [
          op.i32Const(0), op.set(channel),
          op.block, op.loop,
          op.get(channel), op.get(channelBytes), op.i32GeU, op.brIf(1),
          ...accumulators.flatMap((accumulator, tap) => [...sumAddress(tap), op.v128Load, op.set(accumulator)]),
          op.get(dy), op.get(channel), op.i32Add, op.set(dyPointer),
          op.get(x), op.set(rowPointer),
          ...countUp(outRow, rows, [
            op.get(rowPointer), op.set(positionPointer),
            ...countUp(outColumn, columns, [
              op.get(dyPointer), op.v128Load, op.set(gradient),
              ...accumulators.flatMap((accumulator, tap) => [
                op.get(accumulator), op.get(positionPointer), op.v128Load32SplatAt(tapBytes[tap]), op.get(gradient), op.f32x4Mul, op.f32x4Add, op.set(accumulator),
              ]),
              op.get(positionPointer), op.get(columnStep), op.i32Add, op.set(positionPointer),
              op.get(dyPointer), op.get(pixelBytes), op.i32Add, op.set(dyPointer),
            ]),
            op.get(rowPointer), op.get(rowStep), op.i32Add, op.set(rowPointer),
          ]),
          ...accumulators.flatMap((accumulator, tap) => [...sumAddress(tap), op.get(accumulator), op.v128Store]),
          op.get(channel), op.i32Const(16), op.i32Add, op.set(channel),
          op.br(0),
          op.end, op.end,
          op.get(x), op.get(imageBytes), op.i32Add, op.set(x),
          op.get(dy), op.get(rows), op.get(columns), op.i32Mul, op.get(pixelBytes), op.i32Mul, op.i32Add, op.set(dy),
        ]),
      ];
    }),
  ]);
  modules.set(key, bytes);
  return bytes;
}

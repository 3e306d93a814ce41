import { countUp } from '../simd/simd-loops';
import { simdFunction } from '../simd/simd-function';
import { I32, encodeSimdModule, op } from '../simd/simd-module';

/**
 * A patch copier named `name` that moves `step` bytes at a time: 16 (one vector; runs a multiple
 * of 4 floats) or 4 (one float; any run).
 */
const copyImages = (name: string, step: 4 | 16) => simdFunction(name, {
  // x and the patches at the first image; the images, output rows and columns; the bytes of a
  // run (kw·cin floats); the filter rows; the byte steps in x from one image, output row
  // (strideHeight input rows), filter row (one input row) and output column (strideWidth
  // pixels) to the next; the bytes of a patch row.
  params: {
    x: I32, patches: I32, images: I32, outRows: I32, outColumns: I32, runBytes: I32, kernelRows: I32,
    xImageBytes: I32, xRowStep: I32, xKernelRowStep: I32, xRunStep: I32, patchRowBytes: I32,
  },
  // Loop counters; x at the output row, at the position, at the filter row; the row written.
  locals: { image: I32, outRow: I32, column: I32, kernelRow: I32, offset: I32, rowX: I32, positionX: I32, source: I32, row: I32, tapBytes: I32 },
}, ({ x, patches, images, outRows, outColumns, runBytes, kernelRows, xImageBytes, xRowStep, xKernelRowStep, xRunStep, patchRowBytes, image, outRow, column, kernelRow, offset, rowX, positionX, source, row, tapBytes }) => {
  const [load, store, zero] = step === 16 ? [op.v128Load, op.v128Store, op.v128Const0] : [op.i32LoadAt(0), op.i32StoreAt(0), op.i32Const(0)];
  return [
    op.get(runBytes), op.get(kernelRows), op.i32Mul, op.set(tapBytes),
    op.get(patches), op.set(row),
    ...countUp(image, images, [
      op.get(x), op.set(rowX),
      ...countUp(outRow, outRows, [
        op.get(rowX), op.set(positionX),
        ...countUp(column, outColumns, [
          op.get(positionX), op.set(source),
          ...countUp(kernelRow, kernelRows, [
            ...countUp(offset, runBytes, [
              op.get(row), op.get(offset), op.i32Add,
              op.get(source), op.get(offset), op.i32Add, load,
              store,
            ], step),
            op.get(row), op.get(runBytes), op.i32Add, op.set(row),
            op.get(source), op.get(xKernelRowStep), op.i32Add, op.set(source),
          ]),
          // Zeros from the last tap to the row's end (taps padded to the matmul's multiple).
          op.get(tapBytes), op.set(offset),
          op.block, op.loop,
          op.get(offset), op.get(patchRowBytes), op.i32GeU, op.brIf(1),
          op.get(row), zero, store,
          op.get(row), op.i32Const(step), op.i32Add, op.set(row),
          op.get(offset), op.i32Const(step), op.i32Add, op.set(offset),
          op.br(0),
          op.end, op.end,
          op.get(positionX), op.get(xRunStep), op.i32Add, op.set(positionX),
        ]),
        op.get(rowX), op.get(xRowStep), op.i32Add, op.set(rowX),
      ]),
      op.get(x), op.get(xImageBytes), op.i32Add, op.set(x),
    ]),
  ];
});

/**
 * `copyImageRuns(x, patches, images, outRows, outColumns, runBytes, kernelRows, xImageBytes,
 * xRowStep, xKernelRowStep, xRunStep, patchRowBytes)`: the im2col rows of `images` NHWC images
 * whose every filter tap falls inside the input (no padding, the last window within it), as
 * `fillPatchRows` writes them: for each output position `(oy, ox)` one row of `patchRowBytes`,
 * its `kernelRows` filter rows each one run of `runBytes` (`kw·cin` floats, a multiple of 4)
 * copied from `x`, then zeros to the row's end (a multiple of 16 bytes past the taps). Copies, so
 * the rows equal `fillPatchRows`'s bit for bit; images are disjoint in the patches, so threads
 * split a call by images. `copyImageFloats`, with the same arguments, copies one float at a time:
 * any `kw·cin` (MNIST's first layer: 3), zeros to a multiple of 4 bytes past the taps.
 */
export const PATCH_ROWS_MODULE = encodeSimdModule([copyImages('copyImageRuns', 16), copyImages('copyImageFloats', 4)]);

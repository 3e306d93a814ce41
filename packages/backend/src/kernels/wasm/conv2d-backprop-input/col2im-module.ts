import { countUp } from '../simd/simd-loops';
import { simdFunction } from '../simd/simd-function';
import { I32, encodeSimdModule, op } from '../simd/simd-module';

/** The inner loop both functions share: adds `runBytes` bytes of floats at `source` to `destination`. */
const addRun = (destination: number, source: number, runBytes: number, offset: number) =>
  countUp(offset, runBytes, [
    op.get(destination), op.get(offset), op.i32Add,
    op.get(destination), op.get(offset), op.i32Add, op.v128Load,
    op.get(source), op.get(offset), op.i32Add, op.v128Load,
    op.f32x4Add, op.v128Store,
  ], 16);

/**
 * `addRuns(destination, source, runs, runBytes, destinationStep, sourceStep)`: adds `runs` runs of
 * `runBytes` bytes of floats from `source` to `destination`, four floats at a time, the runs
 * `sourceStep` and `destinationStep` bytes apart. Runs are added one after the other, so
 * destination runs may overlap (a col2im scatter-add at stride 1: neighbouring output pixels add
 * their filter rows to overlapping spans of the input gradient).
 *
 * `addImageRuns(dx, product, images, outRows, outColumns, runBytes, kernelRows, dxImageBytes,
 * dxRowStep, dxKernelRowStep, dxRunStep, productRowBytes)`: the whole col2im scatter of `images`
 * images whose every filter tap falls inside the input (no padding, the last window within it):
 * for each output row, each filter row `ky`, each output column, the product row's `ky`-th run of
 * `runBytes` (one filter row: `kw·cin` floats) added to `dx`, in the order `addRuns` called one
 * output row at a time adds them — the same sums, bit for bit. Images are disjoint in `dx`, so
 * threads split a call by images.
 */
export const COL2IM_MODULE = encodeSimdModule([
  simdFunction('addRuns', {
    // The first run's addresses in the destination and the source; the runs; the bytes of a run (a
    // multiple of 16); the byte steps from one run to the next in the destination and source.
    params: { destination: I32, source: I32, runs: I32, runBytes: I32, destinationStep: I32, sourceStep: I32 },
    // The run and the byte offset within it.
    locals: { run: I32, offset: I32 },
  }, ({ destination, source, runs, runBytes, destinationStep, sourceStep, run, offset }) => [
    ...countUp(run, runs, [
      ...addRun(destination, source, runBytes, offset),
      op.get(destination), op.get(destinationStep), op.i32Add, op.set(destination),
      op.get(source), op.get(sourceStep), op.i32Add, op.set(source),
    ]),
  ]),
  simdFunction('addImageRuns', {
    // dx and the product at the first image; the images, output rows and columns; the bytes of a
    // run (kw·cin floats); the filter rows; the byte steps in dx from one image, output row
    // (strideHeight input rows), filter row (one input row) and output column (strideWidth
    // pixels) to the next; the bytes of a product row (kh·kw·cin floats).
    params: {
      dx: I32, product: I32, images: I32, outRows: I32, outColumns: I32, runBytes: I32, kernelRows: I32,
      dxImageBytes: I32, dxRowStep: I32, dxKernelRowStep: I32, dxRunStep: I32, productRowBytes: I32,
    },
    // Loop counters; dx and the product at the output row, at the filter row, at the run.
    locals: { image: I32, outRow: I32, kernelRow: I32, column: I32, offset: I32, rowDx: I32, rowProduct: I32, destination: I32, source: I32 },
  }, ({ dx, product, images, outRows, outColumns, runBytes, kernelRows, dxImageBytes, dxRowStep, dxKernelRowStep, dxRunStep, productRowBytes, image, outRow, kernelRow, column, offset, rowDx, rowProduct, destination, source }) => [
    ...countUp(image, images, [
      op.get(dx), op.set(rowDx),
      op.get(product), op.set(rowProduct),
      ...countUp(outRow, outRows, [
        ...countUp(kernelRow, kernelRows, [
          op.get(rowDx), op.get(kernelRow), op.get(dxKernelRowStep), op.i32Mul, op.i32Add, op.set(destination),
          op.get(rowProduct), op.get(kernelRow), op.get(runBytes), op.i32Mul, op.i32Add, op.set(source),
          ...countUp(column, outColumns, [
            ...addRun(destination, source, runBytes, offset),
            op.get(destination), op.get(dxRunStep), op.i32Add, op.set(destination),
            op.get(source), op.get(productRowBytes), op.i32Add, op.set(source),
          ]),
        ]),
        op.get(rowDx), op.get(dxRowStep), op.i32Add, op.set(rowDx),
        op.get(rowProduct), op.get(outColumns), op.get(productRowBytes), op.i32Mul, op.i32Add, op.set(rowProduct),
      ]),
      op.get(dx), op.get(dxImageBytes), op.i32Add, op.set(dx),
      // The next image's product rows follow this image's.
      op.get(rowProduct), op.set(product),
    ]),
  ]),
]);

import { countUp } from '../simd/simd-loops';
import { simdFunction } from '../simd/simd-function';
import { I32, encodeSimdModule, op } from '../simd/simd-module';

/**
 * `addRuns(destination, source, runs, runBytes, destinationStep, sourceStep)`: adds `runs` runs of
 * `runBytes` bytes of floats from `source` to `destination`, four floats at a time, the runs
 * `sourceStep` and `destinationStep` bytes apart. Runs are added one after the other, so
 * destination runs may overlap (a col2im scatter-add at stride 1: neighbouring output pixels add
 * their filter rows to overlapping spans of the input gradient).
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
      ...countUp(offset, runBytes, [
        op.get(destination), op.get(offset), op.i32Add,
        op.get(destination), op.get(offset), op.i32Add, op.v128Load,
        op.get(source), op.get(offset), op.i32Add, op.v128Load,
        op.f32x4Add, op.v128Store,
      ], 16),
      op.get(destination), op.get(destinationStep), op.i32Add, op.set(destination),
      op.get(source), op.get(sourceStep), op.i32Add, op.set(source),
    ]),
  ]),
]);

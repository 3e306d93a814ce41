import { countUp } from './simd-loops';
import { I32, encodeSimdModule, op } from './simd-module';

// Parameters: the first run's addresses in the destination and the source; the runs; the bytes of
// a run (a multiple of 16); the byte steps from one run to the next in the destination and source.
const [DESTINATION, SOURCE, RUNS, RUN_BYTES, DESTINATION_STEP, SOURCE_STEP] = [0, 1, 2, 3, 4, 5];
// Locals: the run and the byte offset within it.
const [RUN, OFFSET] = [6, 7];

/**
 * `addRuns(destination, source, runs, runBytes, destinationStep, sourceStep)`: adds `runs` runs of
 * `runBytes` bytes of floats from `source` to `destination`, four floats at a time, the runs
 * `sourceStep` and `destinationStep` bytes apart. Runs are added one after the other, so
 * destination runs may overlap (a col2im scatter-add at stride 1: neighbouring output pixels add
 * their filter rows to overlapping spans of the input gradient).
 */
export const COL2IM_SIMD_MODULE = encodeSimdModule([
  {
    name: 'addRuns',
    params: [I32, I32, I32, I32, I32, I32],
    locals: [I32, I32],
    body: [
      ...countUp(RUN, RUNS, [
        ...countUp(OFFSET, RUN_BYTES, [
          op.get(DESTINATION), op.get(OFFSET), op.i32Add,
          op.get(DESTINATION), op.get(OFFSET), op.i32Add, op.v128Load,
          op.get(SOURCE), op.get(OFFSET), op.i32Add, op.v128Load,
          op.f32x4Add, op.v128Store,
        ], 16),
        op.get(DESTINATION), op.get(DESTINATION_STEP), op.i32Add, op.set(DESTINATION),
        op.get(SOURCE), op.get(SOURCE_STEP), op.i32Add, op.set(SOURCE),
      ]),
    ],
  },
]);

import { random } from '@dendrite/backend';
import { checkBoolean, checkInteger, checkOptionKeys, describeValue, optionKeys } from '@dendrite/backend/internal';
import { Dataset } from '../pipeline/dataset';
import { NumpyRandomState } from '../utils/numpy-random-state';

/** Rows of numbers: `{values, shape}` with the time axis first, or nested lists. */
export type TimeseriesArray = { values: ArrayLike<number>; shape: number[] } | number[] | number[][];

/** Options of {@link timeseriesDatasetFromArray}. */
export interface TimeseriesOptions {
  /** Targets, one per time step (the target of a window is the one at its first step); none by default. */
  targets?: TimeseriesArray | null;
  /** Steps per window. */
  sequenceLength: number;
  /** Steps between window starts (1). */
  sequenceStride?: number;
  /** Steps between samples within a window (1). */
  samplingRate?: number;
  /** Windows per batch (128); null for single windows. */
  batchSize?: number | null;
  /** Shuffle the window starts once, with NumPy's `RandomState(seed)` as Keras (false). */
  shuffle?: boolean;
  /** The shuffling seed. */
  seed?: number | null;
  /** First step used (0). */
  startIndex?: number | null;
  /** Step after the last one used (all). */
  endIndex?: number | null;
}

const TIMESERIES_KEYS = optionKeys<TimeseriesOptions>({ targets: true, sequenceLength: true, sequenceStride: true, samplingRate: true, batchSize: true, shuffle: true, seed: true, startIndex: true, endIndex: true });

type Windows = { values: Float32Array; shape: number[] };

function asRows(array: TimeseriesArray, name: string): { values: ArrayLike<number>; shape: number[] } {
  if (Array.isArray(array)) {
    if (array.length > 0 && Array.isArray(array[0])) return { values: (array as number[][]).flat(), shape: [array.length, (array[0] as number[]).length] };
    return { values: array as number[], shape: [array.length] };
  }
  if (typeof array === 'object' && array !== null && 'values' in array && 'shape' in array) return array;
  throw new TypeError(`Expected ${name} to be {values, shape} or a list of rows in timeseriesDatasetFromArray, received ${describeValue(array)}`);
}

/**
 * Keras's `timeseries_dataset_from_array`: sliding windows over rows, as a `Dataset` of
 * `[windows, targets]` batches (windows `[batch, sequenceLength, …features]`, targets the value at
 * each window's start), or windows alone without targets. Window `i` starts at
 * `startIndex + i·sequenceStride` and takes every `samplingRate`-th step.
 *
 * @throws TypeError for an unknown option or data that is not rows; RangeError for bad sizes
 * @example
 * ```ts
 * // Predict x[t + 10] from x[t … t + 9]:
 * const dataset = timeseriesDatasetFromArray(x.slice(0, -10), { targets: x.slice(10), sequenceLength: 10 });
 * ```
 */
export function timeseriesDatasetFromArray(data: TimeseriesArray, options: TimeseriesOptions): Dataset<[Windows, Windows] | Windows> {
  const owner = 'timeseriesDatasetFromArray';
  checkOptionKeys(options, TIMESERIES_KEYS, owner);
  const rows = asRows(data, 'data');
  const targets = options.targets == null ? null : asRows(options.targets, 'targets');
  const sequenceLength = checkInteger(options.sequenceLength, 'sequenceLength', owner, 1);
  const stride = checkInteger(options.sequenceStride ?? 1, 'sequenceStride', owner, 1);
  const rate = checkInteger(options.samplingRate ?? 1, 'samplingRate', owner, 1);
  const batchSize = options.batchSize === null ? null : checkInteger(options.batchSize ?? 128, 'batchSize', owner, 1);
  const shuffle = checkBoolean(options.shuffle ?? false, 'shuffle', owner);
  const length = rows.shape[0];
  const start = options.startIndex == null ? 0 : checkInteger(options.startIndex, 'startIndex', owner, 0);
  const end = options.endIndex == null ? length : checkInteger(options.endIndex, 'endIndex', owner, 0);
  if (start >= length || end > length || end <= start) throw new RangeError(`Expected 0 ≤ startIndex < endIndex ≤ ${length} in ${owner}, received startIndex ${start} and endIndex ${end}`);
  let count = end - start - (sequenceLength - 1) * rate;
  // As Keras: at most one window per target row, the targets sliced from startIndex.
  if (targets !== null) count = Math.min(count, targets.shape[0], targets.shape[0] - start);
  const starts: number[] = [];
  for (let position = 0; position < count; position += stride) starts.push(position);
  if (shuffle) new NumpyRandomState(options.seed == null ? Math.floor(random() * 1e6) : checkInteger(options.seed, 'seed', owner, 0)).shuffle(starts);
  const rowSize = rows.shape.slice(1).reduce((product, size) => product * size, 1);
  const targetSize = targets === null ? 0 : targets.shape.slice(1).reduce((product, size) => product * size, 1);
  return Dataset.fromGenerator(function* () {
    const size = batchSize ?? 1;
    for (let first = 0; first < starts.length; first += size) {
      const batch = starts.slice(first, first + size);
      const windows = new Float32Array(batch.length * sequenceLength * rowSize);
      batch.forEach((position, sample) => {
        for (let step = 0; step < sequenceLength; step++) {
          const row = start + position + step * rate;
          for (let k = 0; k < rowSize; k++) windows[(sample * sequenceLength + step) * rowSize + k] = rows.values[row * rowSize + k];
        }
      });
      const windowShape = [...(batchSize === null ? [] : [batch.length]), sequenceLength, ...rows.shape.slice(1)];
      const x = { values: windows, shape: windowShape };
      if (targets === null) {
        yield x;
        continue;
      }
      const targetValues = new Float32Array(batch.length * targetSize);
      batch.forEach((position, sample) => {
        for (let k = 0; k < targetSize; k++) targetValues[sample * targetSize + k] = targets.values[(start + position) * targetSize + k];
      });
      yield [x, { values: targetValues, shape: [...(batchSize === null ? [] : [batch.length]), ...targets.shape.slice(1)] }] as [Windows, Windows];
    }
  });
}

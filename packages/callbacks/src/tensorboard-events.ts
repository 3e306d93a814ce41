import { ProtoWriter } from './proto-writer';
import { argumentError } from '@dendrite/backend/internal';

/**
 * TensorBoard's protobuf messages, encoded in plain JS:
 *
 * - `Event { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5 }`
 * - `Summary { repeated Value value = 1 }`, `Summary.Value { string tag = 1; float simple_value = 2; HistogramProto histo = 5 }`
 * - `HistogramProto { double min = 1, max = 2, num = 3, sum = 4, sum_squares = 5; repeated double bucket_limit = 6 [packed]; repeated double bucket = 7 [packed] }`
 */

/** The first Event of every file: its wall time and `file_version: "brain.Event:2"`. */
export function fileVersionEvent(wallTime: number): Uint8Array {
  return new ProtoWriter().double(1, wallTime).bytes(3, 'brain.Event:2').finish();
}

function summaryEvent(step: number, wallTime: number, value: Uint8Array): Uint8Array {
  const summary = new ProtoWriter().bytes(1, value).finish();
  return new ProtoWriter().double(1, wallTime).int(2, step).bytes(5, summary).finish();
}

/** An Event with one scalar: `tag` (`epoch_loss`) = `value` at `step`. */
export function scalarEvent(step: number, wallTime: number, tag: string, value: number): Uint8Array {
  return summaryEvent(step, wallTime, new ProtoWriter().bytes(1, tag).float(2, value).finish());
}

/** An Event with one histogram (a {@link histogramProto}) under `tag` at `step`. */
export function histogramEvent(step: number, wallTime: number, tag: string, histogram: Uint8Array): Uint8Array {
  return summaryEvent(step, wallTime, new ProtoWriter().bytes(1, tag).bytes(5, histogram).finish());
}

/**
 * A HistogramProto of `values` with `buckets` equal-width buckets from the smallest value to the
 * largest (30, as `tf.summary.histogram`). Bucket i counts the values in
 * (bucket_limit[i−1], bucket_limit[i]], the first also its lower end; the last limit is the
 * maximum. Constant values make one bucket; NaN and infinities are left out.
 */
export function histogramProto(values: ArrayLike<number>, buckets = 30): Uint8Array {
  if (!Number.isInteger(buckets) || buckets < 1) throw argumentError(buckets, 'number', `Expected buckets to be an integer ≥ 1, received ${buckets}`);
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
    count += 1;
    sum += value;
    squares += value * value;
  }
  let limits: number[] = [];
  let counts: number[] = [];
  if (count === 0) {
    min = max = 0;
  } else if (max === min) {
    limits = [max];
    counts = [count];
  } else {
    const width = (max - min) / buckets;
    limits = Array.from({ length: buckets }, (_, i) => (i === buckets - 1 ? max : min + width * (i + 1)));
    counts = new Array<number>(buckets).fill(0);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (!Number.isFinite(value)) continue;
      let bucket = Math.min(buckets - 1, Math.max(0, Math.ceil((value - min) / width) - 1));
      // Floating point can put a value one bucket off its limits; the limits decide.
      while (bucket > 0 && value <= limits[bucket - 1]) bucket--;
      while (bucket < buckets - 1 && value > limits[bucket]) bucket++;
      counts[bucket] += 1;
    }
  }
  return new ProtoWriter()
    .double(1, min)
    .double(2, max)
    .double(3, count)
    .double(4, sum)
    .double(5, squares)
    .packedDoubles(6, limits)
    .packedDoubles(7, counts)
    .finish();
}

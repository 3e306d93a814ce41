import { describeValue } from '@dendrite/backend';

/** Options of {@link padSequences}, as `keras.utils.pad_sequences`. */
export interface PadSequencesOptions {
  /** Length of every row (the longest sequence by default). */
  maxlen?: number;
  /** Pad before ('pre', Keras's default) or after ('post'). */
  padding?: 'pre' | 'post';
  /** Cut long sequences at the start ('pre') or end ('post'). */
  truncating?: 'pre' | 'post';
  /** The padding value (0). */
  value?: number;
  dtype?: 'int32' | 'float32';
}

/**
 * Sequences of different lengths as one `[n, maxlen]` array, as `keras.utils.pad_sequences`.
 *
 * @throws Error for an unknown padding or truncating mode
 */
export function padSequences(sequences: ArrayLike<number>[], options: PadSequencesOptions = {}): { values: Int32Array | Float32Array; shape: [number, number] } {
  const padding = options.padding ?? 'pre';
  const truncating = options.truncating ?? 'pre';
  for (const [name, mode] of [['padding', padding], ['truncating', truncating]] as const) {
    if (mode !== 'pre' && mode !== 'post') throw new Error(`Expected ${name} to be "pre" or "post", received ${describeValue(mode)}`);
  }
  const maxlen = options.maxlen ?? Math.max(0, ...sequences.map((s) => s.length));
  const values = options.dtype === 'float32' ? new Float32Array(sequences.length * maxlen) : new Int32Array(sequences.length * maxlen);
  values.fill(options.value ?? 0);
  sequences.forEach((sequence, row) => {
    const items = Array.from(sequence);
    const kept = items.length <= maxlen ? items : truncating === 'pre' ? items.slice(items.length - maxlen) : items.slice(0, maxlen);
    const offset = padding === 'pre' ? maxlen - kept.length : 0;
    values.set(kept, row * maxlen + offset);
  });
  return { values, shape: [sequences.length, maxlen] };
}

/**
 * Multi-hot rows: row i has 1 at every index in sequence i (seed 004's `vectorize_sequences`).
 *
 * @throws Error for an index outside [0, dimension)
 */
export function vectorizeSequences(sequences: ArrayLike<number>[], dimension = 10000): { values: Float32Array; shape: [number, number] } {
  const values = new Float32Array(sequences.length * dimension);
  sequences.forEach((sequence, row) => {
    for (let i = 0; i < sequence.length; i++) {
      const index = sequence[i];
      if (!(index >= 0 && index < dimension) || !Number.isInteger(index)) {
        throw new Error(`Expected word indices in [0, ${dimension}), received ${index} in sequence ${row}`);
      }
      values[row * dimension + index] = 1;
    }
  });
  return { values, shape: [sequences.length, dimension] };
}

import { checkOptionKeys, describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';

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
  /** The values' type: `'int32'` (default) or `'float32'`. */
  dtype?: 'int32' | 'float32';
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const PAD_SEQUENCES_KEYS = optionKeys<PadSequencesOptions>({ maxlen: true, padding: true, truncating: true, value: true, dtype: true });

/**
 * Sequences of different lengths as one `[n, maxlen]` array, as `keras.utils.pad_sequences`.
 *
 * @param sequences - the sequences
 * @param options - the options, or `maxlen` alone (Keras's second argument)
 * @throws TypeError for an unknown option (`max_len` → `maxlen`)
 * @throws Error for an unknown padding, truncating mode or dtype, or a maxlen that is not an integer ≥ 0
 * @example `padSequences(train.x, { maxlen: 200 })` or `padSequences(train.x, 200)`
 */
export function padSequences(sequences: ArrayLike<number>[], options: PadSequencesOptions | number = {}): { values: Int32Array | Float32Array; shape: [number, number] } {
  if (typeof options === 'number') options = { maxlen: options };
  checkOptionKeys(options, PAD_SEQUENCES_KEYS, 'padSequences');
  if (options.maxlen !== undefined && options.maxlen !== null && !(Number.isInteger(options.maxlen) && options.maxlen >= 0)) {
    throw argumentError(options.maxlen, 'number', `Expected maxlen to be an integer ≥ 0 in padSequences, received ${describeValue(options.maxlen)}`);
  }
  if (options.dtype !== undefined && options.dtype !== 'int32' && options.dtype !== 'float32') {
    throw new Error(`Expected dtype to be "int32" or "float32" in padSequences, received ${describeValue(options.dtype)}`);
  }
  // Stryker disable next-line StringLiteral: argumentError(value, '') is a TypeError as argumentError(value, 'number') for the non-numbers that reach it (the message is checked by sequences.test.ts)
  if (options.value !== undefined && typeof options.value !== 'number') throw argumentError(options.value, 'number', `Expected value to be a number in padSequences, received ${describeValue(options.value)}`);
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
    // Stryker disable next-line EqualityOperator: at items.length === maxlen, `<` truncates to slice(0) or slice(0, maxlen), every item either way
    const fits = items.length <= maxlen;
    const kept = fits ? items : truncating === 'pre' ? items.slice(items.length - maxlen) : items.slice(0, maxlen);
    const offset = padding === 'pre' ? maxlen - kept.length : 0;
    values.set(kept, row * maxlen + offset);
  });
  return { values, shape: [sequences.length, maxlen] };
}

/**
 * Multi-hot rows: row i has 1 at every index in sequence i (the `vectorize_sequences` of Keras's IMDB and Reuters examples).
 *
 * @throws Error for an index outside [0, dimension), or a dimension that is not an integer ≥ 1
 */
export function vectorizeSequences(sequences: ArrayLike<number>[], dimension = 10000): { values: Float32Array; shape: [number, number] } {
  if (!(Number.isInteger(dimension) && dimension >= 1)) throw argumentError(dimension, 'number', `Expected dimension to be an integer ≥ 1 in vectorizeSequences, received ${describeValue(dimension)}`);
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

import { tf } from '@dendrite/backend';
import { checkOneOf, checkPositiveInteger, describeValue, layerOwner, optionKeys } from '@dendrite/backend/internal';
import type { CallArgs, LayerArgs, TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { fingerprint64 } from './farmhash-fingerprint64';
import { sipHash24 } from './siphash24';
import { encodeCategorical, encodedShape } from './encode-categorical';
import { ListInputLayer } from './list-input-layer';

/** Arguments of {@link Hashing}. */
export interface HashingArgs extends LayerArgs {
  /** How many bins, the mask's bin included. */
  numBins: number;
  /** The value sent to bin 0; the others hash into `[1, numBins)` (none). */
  maskValue?: string | number | null;
  /** A key for SipHash instead of FarmHash: one integer (used twice) or two. */
  salt?: number | readonly [number, number] | null;
  /** `int` (bins), `one_hot`, `multi_hot` or `count`. */
  outputMode?: 'int' | 'one_hot' | 'multi_hot' | 'count';
  /** Sparse outputs (not supported: false only). */
  sparse?: boolean;
}

/**
 * Keras's `Hashing`: strings or integers (hashed as their decimal text, floats truncated first)
 * into `numBins` bins with FarmHash `Fingerprint64`, or SipHash-2-4 keyed by `salt`, so bins
 * equal Keras's (TensorFlow's `to_hash_bucket_fast` / `_strong`).
 *
 * @example
 * ```ts
 * layers.hashing({ numBins: 3 }).apply([['A'], ['B'], ['C'], ['D'], ['E']]); // [[1], [0], [1], [1], [2]]
 * ```
 */
export class Hashing extends ListInputLayer {
  static override className = 'Hashing';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<HashingArgs, LayerArgs>({ numBins: true, maskValue: true, salt: true, outputMode: true, sparse: true });
  readonly numBins: number;
  readonly maskValue: string | number | null;
  readonly salt: [number, number] | null;
  readonly outputMode: 'int' | 'one_hot' | 'multi_hot' | 'count';

  /** @throws TypeError / RangeError naming the layer for a bad numBins, salt, outputMode or sparse */
  constructor(args: HashingArgs) {
    super({ ...args, dtype: args.dtype ?? ((args.outputMode ?? 'int') === 'int' ? 'int32' : 'float32') });
    this.autoCastInputs = false;
    const owner = layerOwner(this.name);
    this.numBins = checkPositiveInteger(args.numBins, 'numBins', owner);
    this.maskValue = args.maskValue ?? null;
    this.outputMode = checkOneOf(args.outputMode ?? 'int', ['int', 'one_hot', 'multi_hot', 'count'], 'outputMode', owner);
    if (args.sparse === true) throw new RangeError(`Expected sparse to be false in ${owner}: Dendrite has no sparse tensors, received true`);
    const salt = args.salt ?? null;
    if (salt === null) this.salt = null;
    else if (typeof salt === 'number' && Number.isInteger(salt) && salt >= 0) this.salt = [salt, salt];
    else if (Array.isArray(salt) && salt.length === 2 && salt.every((part) => Number.isInteger(part) && part >= 0)) this.salt = [salt[0], salt[1]];
    else throw new TypeError(`Expected salt to be an integer ≥ 0 or a list of two in ${owner}, received ${describeValue(salt)}`);
  }

  /** The bin of each value, as Keras's `_hash_values_to_bins`. */
  hashValues(values: ReadonlyArray<string | number>): Int32Array {
    const masked = this.maskValue !== null && this.numBins > 1;
    const bins = BigInt(masked ? this.numBins - 1 : this.numBins);
    const key = this.salt === null ? null : ([BigInt(this.salt[0]), BigInt(this.salt[1])] as const);
    return Int32Array.from(values, (value) => {
      if (masked && value === this.maskValue) return 0;
      const text = typeof value === 'number' ? String(Math.trunc(value)) : value;
      const hash = key === null ? fingerprint64(text) : sipHash24(key, text);
      return Number(hash % bins) + (masked ? 1 : 0);
    });
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const { values, shape } = this.hostInputs(inputs);
    const bins = this.hashValues(values);
    if (this.outputMode === 'int') return tf.tensor(bins, shape, 'int32');
    return encodeCategorical(bins, shape, this.outputMode, this.numBins, layerOwner(this.name));
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return encodedShape(inputShape, this.outputMode, this.numBins);
  }

  override computeOutputDtype(): tf.DataType {
    return this.outputMode === 'int' ? 'int32' : 'float32';
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), num_bins: this.numBins, salt: this.salt, mask_value: this.maskValue, output_mode: this.outputMode, sparse: false };
  }
}

registerLayer(Hashing);

/**
 * Makes a {@link Hashing} layer.
 *
 * @throws TypeError for an unknown option
 */
export function hashing(args: HashingArgs): Hashing {
  return new Hashing(args);
}

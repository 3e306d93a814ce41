import { checkOneOf, describeValue, layerOwner, optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { hashBucketFast } from './farmhash-fingerprint64';
import { IndexLookup, type IndexLookupArgs } from './index-lookup';

/** Arguments of {@link IntegerLookup}. */
export interface IntegerLookupArgs extends IndexLookupArgs<number> {
  /** The dtype of the vocabulary (`int64`, as Keras; `int32` accepted). */
  vocabularyDtype?: 'int64' | 'int32';
  /** How OOV integers pick one of several OOV indices: `floormod` (Keras's default) or `farmhash`. */
  oovMethod?: 'floormod' | 'farmhash';
}

/**
 * Keras's `IntegerLookup`: maps integers to indices through a vocabulary given or learned by
 * `adapt` (most frequent first, ties by the larger integer); OOV integers go to index 0 (whose
 * token is −1), or to `value mod numOovIndices`; `outputMode` and `invert` as {@link StringLookup}.
 *
 * @example
 * ```ts
 * const lookup = layers.integerLookup({ vocabulary: [12, 36, 1138, 42] });
 * lookup.apply(tf.tensor2d([[12, 1138, 42], [42, 1000, 36]], undefined, 'int32')); // [[1, 3, 4], [4, 0, 2]]
 * ```
 */
export class IntegerLookup extends IndexLookup<number> {
  static override className = 'IntegerLookup';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<IntegerLookupArgs, IndexLookupArgs<number>>({ vocabularyDtype: true, oovMethod: true });
  readonly vocabularyDtype: 'int64' | 'int32';
  readonly oovMethod: 'floormod' | 'farmhash';

  /** @throws TypeError / RangeError naming the layer for a bad option */
  constructor(args: IntegerLookupArgs = {}) {
    super(args, -1);
    this.vocabularyDtype = checkOneOf(args.vocabularyDtype ?? 'int64', ['int64', 'int32'], 'vocabularyDtype', layerOwner(this.name));
    this.oovMethod = checkOneOf(args.oovMethod ?? 'floormod', ['floormod', 'farmhash'], 'oovMethod', layerOwner(this.name));
  }

  protected checkToken(token: unknown, argumentName: string): asserts token is number {
    if (typeof token !== 'number') throw new TypeError(`Expected ${argumentName} to be an integer in ${layerOwner(this.name)}, received ${describeValue(token)}`);
    if (!Number.isInteger(token)) throw new RangeError(`Expected ${argumentName} to be an integer in ${layerOwner(this.name)}, received ${describeValue(token)}`);
  }

  protected get tokenDtype(): 'int32' {
    return 'int32';
  }

  protected override oovBucket(token: number): number {
    // Keras: tf.math.floormod by default, FarmHash of the decimal text with oov_method="farmhash".
    if (this.oovMethod === 'farmhash') return hashBucketFast(String(token), this.numOovIndices);
    return ((token % this.numOovIndices) + this.numOovIndices) % this.numOovIndices;
  }

  protected parseToken(line: string): number {
    return Number.parseInt(line, 10);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), vocabulary_dtype: this.vocabularyDtype, oov_method: this.oovMethod };
  }
}

registerLayer(IntegerLookup);

/**
 * Makes an {@link IntegerLookup} layer.
 *
 * @throws TypeError for an unknown option
 */
export function integerLookup(args: IntegerLookupArgs = {}): IntegerLookup {
  return new IntegerLookup(args);
}

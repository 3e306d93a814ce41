import { describeValue, layerOwner, optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { IndexLookup, type IndexLookupArgs } from './index-lookup';

/** Arguments of {@link StringLookup}. */
export interface StringLookupArgs extends IndexLookupArgs<string> {
  /** Text encoding of the inputs (`utf-8` only). */
  encoding?: 'utf-8';
}

/**
 * Keras's `StringLookup`: maps strings to indices through a vocabulary given or learned by
 * `adapt` (most frequent first); OOV strings go to index 0 (`[UNK]`), or hash into
 * `numOovIndices` buckets with FarmHash as Keras; `outputMode` encodes the indices
 * (`one_hot`, `multi_hot`, `count`, `tf_idf`); `invert` maps indices back.
 *
 * @example
 * ```ts
 * const lookup = layers.stringLookup({ vocabulary: ['a', 'b', 'c'] });
 * lookup.apply(['a', 'c', 'z']); // [1, 3, 0]
 * ```
 */
export class StringLookup extends IndexLookup<string> {
  static override className = 'StringLookup';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<StringLookupArgs, IndexLookupArgs<string>>({ encoding: true });

  /** @throws TypeError / RangeError naming the layer for a bad option */
  constructor(args: StringLookupArgs = {}) {
    super(args, '[UNK]');
    if (args.encoding !== undefined && String(args.encoding).toLowerCase().replace('_', '-') !== 'utf-8') {
      throw new RangeError(`Expected encoding to be "utf-8" in ${layerOwner(this.name)}, received ${describeValue(args.encoding)}`);
    }
  }

  protected checkToken(token: unknown, argumentName: string): asserts token is string {
    if (typeof token !== 'string') throw new TypeError(`Expected ${argumentName} to be a string in ${layerOwner(this.name)}, received ${describeValue(token)}`);
  }

  protected get tokenDtype(): 'string' {
    return 'string';
  }

  protected parseToken(line: string): string {
    return line;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), encoding: 'utf-8', vocabulary_dtype: 'string' };
  }
}

registerLayer(StringLookup);

/**
 * Makes a {@link StringLookup} layer.
 *
 * @throws TypeError for an unknown option
 */
export function stringLookup(args: StringLookupArgs = {}): StringLookup {
  return new StringLookup(args);
}

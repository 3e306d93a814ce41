import { tf } from '@dendrite/backend';
import { checkInteger, checkOneOf, describeValue, layerOwner, optionKeys } from '@dendrite/backend/internal';
import type { CallArgs, LayerArgs, TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { type AdaptData, adaptBatches } from './preprocessing-input';
import { ListInputLayer } from './list-input-layer';
import { StringLookup } from './string-lookup';
import { ngramsOf, type SplitMode, splitText, type StandardizeMode, standardizeText } from './text-tokenize';

/** Arguments of {@link TextVectorization}. */
export interface TextVectorizationArgs extends LayerArgs {
  /** Largest vocabulary, `''` and `[UNK]` included (unlimited). */
  maxTokens?: number | null;
  /** `lower_and_strip_punctuation` (default), `lower`, `strip_punctuation`, null, or a function (not savable). */
  standardize?: StandardizeMode;
  /** `whitespace` (default), `character`, null, or a function (not savable). */
  split?: SplitMode;
  /** n-grams to add: up to n (an integer) or the listed widths. */
  ngrams?: number | readonly number[] | null;
  /** `int` (default), `multi_hot`, `count` or `tf_idf`. */
  outputMode?: 'int' | 'multi_hot' | 'count' | 'tf_idf';
  /** `int` mode: pad with 0 or cut to this length (the longest text of the batch otherwise). */
  outputSequenceLength?: number | null;
  /** Whether bag outputs have `maxTokens` entries. */
  padToMaxTokens?: boolean;
  /** A vocabulary instead of `adapt`. */
  vocabulary?: readonly string[] | null;
  /** Inverse document frequencies with a given vocabulary in `tf_idf` mode. */
  idfWeights?: readonly number[] | null;
  /** Sparse outputs (not supported: false only). */
  sparse?: boolean;
  /** Ragged outputs (not supported: false only). */
  ragged?: boolean;
  /** Text encoding (`utf-8` only). */
  encoding?: 'utf-8';
  /** The vocabulary size a saved config records, for output shapes before the assets load. */
  vocabularySize?: number | null;
}

/**
 * Keras's `TextVectorization`: texts standardized, split, optionally n-grammed, then looked up in
 * a vocabulary given or learned by `adapt` (index 0 for padding, 1 for `[UNK]` in `int` mode).
 *
 * @example
 * ```ts
 * const vectorize = layers.textVectorization({ maxTokens: 10000, outputSequenceLength: 200 });
 * await vectorize.adapt(texts); // a string[] or a dataset of text batches
 * vectorize.apply(['The movie was great!']); // int32 [1, 200]
 * ```
 */
export class TextVectorization extends ListInputLayer {
  static override className = 'TextVectorization';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<TextVectorizationArgs, LayerArgs>({
    maxTokens: true, standardize: true, split: true, ngrams: true, outputMode: true, outputSequenceLength: true, padToMaxTokens: true, vocabulary: true, idfWeights: true, sparse: true, ragged: true, encoding: true, vocabularySize: true,
  });
  readonly standardize: StandardizeMode;
  readonly split: SplitMode;
  readonly ngrams: number[] | null;
  readonly outputMode: 'int' | 'multi_hot' | 'count' | 'tf_idf';
  readonly outputSequenceLength: number | null;
  private readonly ngramsArgument: number | number[] | null;
  /** The StringLookup inside (mask `''`, OOV `[UNK]`); Keras saves it as `_lookup_layer`. */
  private readonly _lookupLayer: StringLookup;

  /** @throws TypeError / RangeError naming the layer for a bad option */
  constructor(args: TextVectorizationArgs = {}) {
    super(args);
    this.autoCastInputs = false;
    const owner = layerOwner(this.name);
    const standardize = args.standardize === undefined ? 'lower_and_strip_punctuation' : args.standardize;
    if (standardize !== null && typeof standardize !== 'function') checkOneOf(standardize, ['lower_and_strip_punctuation', 'lower', 'strip_punctuation'], 'standardize', owner);
    this.standardize = standardize;
    const split = args.split === undefined ? 'whitespace' : args.split;
    if (split !== null && typeof split !== 'function') checkOneOf(split, ['whitespace', 'character'], 'split', owner);
    this.split = split;
    const ngrams = args.ngrams ?? null;
    if (ngrams !== null && !(Number.isInteger(ngrams) && (ngrams as number) >= 1) && !(Array.isArray(ngrams) && ngrams.every((width) => Number.isInteger(width) && width >= 1))) {
      throw new TypeError(`Expected ngrams to be an integer ≥ 1, a list of them or null in ${owner}, received ${describeValue(ngrams)}`);
    }
    this.ngramsArgument = ngrams === null ? null : typeof ngrams === 'number' ? ngrams : [...ngrams];
    this.ngrams = ngrams === null ? null : typeof ngrams === 'number' ? Array.from({ length: ngrams }, (_, index) => index + 1) : [...ngrams];
    if (this.ngrams !== null && this.split === null) throw new RangeError(`Expected split with ngrams in ${owner}, received split null`);
    this.outputMode = checkOneOf(args.outputMode ?? 'int', ['int', 'multi_hot', 'count', 'tf_idf'], 'outputMode', owner);
    this.outputSequenceLength = args.outputSequenceLength == null ? null : checkInteger(args.outputSequenceLength, 'outputSequenceLength', owner, 1);
    if (this.outputSequenceLength !== null && this.outputMode !== 'int') throw new RangeError(`Expected outputSequenceLength only with outputMode "int" in ${owner}, received outputMode "${this.outputMode}"`);
    if (args.ragged === true) throw new RangeError(`Expected ragged to be false in ${owner}: Dendrite has no ragged tensors, received true`);
    this._lookupLayer = new StringLookup({
      name: `${this.name}_lookup`,
      maxTokens: args.maxTokens ?? null,
      vocabulary: args.vocabulary ?? null,
      idfWeights: args.idfWeights ?? null,
      padToMaxTokens: args.padToMaxTokens ?? false,
      maskToken: '',
      outputMode: this.outputMode,
      sparse: args.sparse,
      encoding: args.encoding,
      vocabularySize: args.vocabularySize,
    });
  }

  /** The tokens of one text: standardized, split, n-grammed. */
  tokenize(text: string): string[] {
    const tokens = splitText(standardizeText(text, this.standardize), this.split);
    return this.ngrams === null ? tokens : ngramsOf(tokens, this.ngrams);
  }

  private texts(values: ReadonlyArray<string | number>, shape: number[]): string[] {
    if (shape.length > 2 || (shape.length === 2 && shape[1] !== 1)) {
      throw new RangeError(`Expected texts of shape [batch] or [batch, 1] in ${layerOwner(this.name)}, received [${shape.join(', ')}]`);
    }
    return values.map((value) => {
      if (typeof value !== 'string') throw new TypeError(`Expected strings in ${layerOwner(this.name)}, received ${describeValue(value)}`);
      return value;
    });
  }

  /**
   * Learns the vocabulary (and document frequencies in `tf_idf` mode) from texts: a `string[]`,
   * a string tensor, or a dataset of text batches; every text counts as a document.
   *
   * @throws Error when the layer was given a vocabulary
   */
  async adapt(data: AdaptData, steps?: number): Promise<void> {
    const owner = layerOwner(this.name);
    const self = this;
    async function* documents(): AsyncGenerator<string[][]> {
      for await (const batch of adaptBatches(data, owner, steps)) yield self.texts(batch.values, batch.shape.length === 0 ? [1] : batch.shape).map((text) => self.tokenize(text));
    }
    await this._lookupLayer.learn(documents());
  }

  /** The vocabulary (`''` and `[UNK]` first in `int` mode). */
  getVocabulary(includeSpecialTokens = true): string[] {
    return this._lookupLayer.getVocabulary(includeSpecialTokens);
  }

  /** The vocabulary size, special tokens included. */
  vocabularySize(): number {
    return this._lookupLayer.vocabularySize();
  }

  /** Sets the vocabulary (and idf weights in `tf_idf` mode), as {@link StringLookup.setVocabulary}. */
  setVocabulary(vocabulary: readonly string[], idfWeights?: readonly number[]): void {
    this._lookupLayer.setVocabulary(vocabulary, idfWeights);
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const batch = this.hostInputs(inputs);
    const scalar = batch.shape.length === 0;
    const documents = this.texts(batch.values, scalar ? [1] : batch.shape).map((text) => this.tokenize(text));
    const length = this.outputMode === 'int' ? (this.outputSequenceLength ?? Math.max(0, ...documents.map((tokens) => tokens.length))) : Math.max(1, ...documents.map((tokens) => tokens.length));
    // Rows padded with the mask token: index 0 in int mode, counted nowhere in the bag modes.
    const padded = documents.flatMap((tokens) => [...tokens.slice(0, length), ...new Array<string>(Math.max(0, length - tokens.length)).fill('')]);
    const output = this._lookupLayer.encodeIndices(this._lookupLayer.lookupIndices(padded), [documents.length, length]);
    if (!scalar) return output;
    const squeezed = tf.squeeze(output, [0]);
    output.dispose();
    return squeezed;
  }

  override computeOutputShape(inputShape: Shape): Shape {
    if (this.outputMode === 'int') return [inputShape[0] ?? null, this.outputSequenceLength];
    return this._lookupLayer.computeOutputShape([inputShape[0] ?? null, null]);
  }

  override computeOutputDtype(): tf.DataType {
    return this.outputMode === 'int' ? 'int32' : 'float32';
  }

  /** The learned vocabulary as Keras's assets (`vocabulary.txt`), none when given. */
  saveAssets(): Record<string, string> | null {
    return this._lookupLayer.saveAssets();
  }

  /** The asset files {@link loadAssets} reads. */
  assetNames(): string[] {
    return this._lookupLayer.assetNames();
  }

  /** Reads {@link saveAssets}'s files back. */
  loadAssets(files: Record<string, string>): void {
    this._lookupLayer.loadAssets(files);
  }

  /** @throws Error when standardize or split is a function (a function cannot be saved) */
  override getConfig(): Record<string, unknown> {
    for (const [name, value] of [['standardize', this.standardize], ['split', this.split]] as const) {
      if (typeof value === 'function') throw new Error(`Expected standardize and split to be names to save ${layerOwner(this.name)}, received a function as ${name}`);
    }
    const lookup = this._lookupLayer.getConfig();
    return {
      ...super.getConfig(),
      max_tokens: lookup.max_tokens,
      standardize: this.standardize,
      split: this.split,
      ngrams: this.ngramsArgument,
      output_mode: this.outputMode,
      output_sequence_length: this.outputSequenceLength,
      pad_to_max_tokens: lookup.pad_to_max_tokens,
      sparse: false,
      ragged: false,
      vocabulary: lookup.vocabulary,
      idf_weights: lookup.idf_weights,
      encoding: 'utf-8',
      vocabulary_size: lookup.vocabulary_size,
    };
  }
}

registerLayer(TextVectorization);

/**
 * Makes a {@link TextVectorization} layer.
 *
 * @throws TypeError for an unknown option
 */
export function textVectorization(args: TextVectorizationArgs = {}): TextVectorization {
  return new TextVectorization(args);
}

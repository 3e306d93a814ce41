import { tf } from '@dendrite/backend';
import { checkBoolean, checkInteger, checkOneOf, describeValue, layerOwner, optionKeys } from '@dendrite/backend/internal';
import type { CallArgs, LayerArgs, TensorOrList } from '../engine/layer';
import type { Shape } from '../engine/shape';
import { hashBucketFast } from './farmhash-fingerprint64';
import { type CategoricalOutputMode, encodeCategorical, encodedShape } from './encode-categorical';
import { type AdaptData, adaptBatches, isBatchStream } from './preprocessing-input';
import { ListInputLayer } from './list-input-layer';
import { countTokens, learnedVocabulary, type TokenCounts } from './vocabulary-counts';

/** A vocabulary entry: a string (StringLookup) or an integer (IntegerLookup). */
export type Token = string | number;

/** Arguments shared by {@link StringLookup} and {@link IntegerLookup} (Keras's `IndexLookup`). */
export interface IndexLookupArgs<T extends Token> extends LayerArgs {
  /** Largest vocabulary size, special tokens included (unlimited). */
  maxTokens?: number | null;
  /** How many indices out-of-vocabulary values hash into (1). */
  numOovIndices?: number;
  /** The token read as padding, index 0 in `int` mode (none). */
  maskToken?: T | null;
  /** The token `invert` returns for out-of-vocabulary indices. */
  oovToken?: T;
  /** A vocabulary instead of `adapt`: tokens, optionally led by the mask and OOV tokens. */
  vocabulary?: readonly T[] | null;
  /** Inverse document frequencies of the vocabulary, for `tf_idf` with a given vocabulary. */
  idfWeights?: readonly number[] | null;
  /** Maps indices back to tokens (`int` mode only). */
  invert?: boolean;
  /** `int` (indices), `one_hot`, `multi_hot`, `count` or `tf_idf`. */
  outputMode?: CategoricalOutputMode;
  /** Whether bag outputs have `maxTokens` entries whatever the vocabulary size (false). */
  padToMaxTokens?: boolean;
  /** Sparse outputs (not supported: false only). */
  sparse?: boolean;
  /** The vocabulary size a saved config records, for output shapes before the assets load (Keras's `vocabulary_size`). */
  vocabularySize?: number | null;
}

const OUTPUT_MODES: CategoricalOutputMode[] = ['int', 'one_hot', 'multi_hot', 'count', 'tf_idf'];

/**
 * Keras's `IndexLookup`, the base of {@link StringLookup} and {@link IntegerLookup}: maps tokens
 * to indices through a vocabulary given or learned by `adapt` (most frequent first, ties by the
 * token in descending order as Keras's `np.lexsort(...)[::-1]`). In `int` mode the layout is
 * `[mask]? [oov]×numOovIndices tokens…`; in the bag modes the mask takes no index.
 */
export abstract class IndexLookup<T extends Token> extends ListInputLayer {
  static override readonly optionKeys = optionKeys<IndexLookupArgs<Token>, LayerArgs>({
    maxTokens: true, numOovIndices: true, maskToken: true, oovToken: true, vocabulary: true, idfWeights: true, invert: true, outputMode: true, padToMaxTokens: true, sparse: true, vocabularySize: true,
  });
  readonly maxTokens: number | null;
  readonly numOovIndices: number;
  readonly maskToken: T | null;
  readonly oovToken: T;
  readonly invert: boolean;
  readonly outputMode: CategoricalOutputMode;
  readonly padToMaxTokens: boolean;
  /** The vocabulary passed to the constructor (kept in the config), or null when adapted. */
  readonly inputVocabulary: readonly T[] | null;
  private readonly inputIdfWeights: readonly number[] | null;
  private tokens: T[] = [];
  private indexOf = new Map<T, number>();
  private idf: Float32Array | null = null;
  private vocabularyKnown = false;
  private readonly savedVocabularySize: number | null;

  protected constructor(args: IndexLookupArgs<T>, defaultOovToken: T) {
    super(args);
    this.autoCastInputs = false;
    const owner = layerOwner(this.name);
    this.maxTokens = args.maxTokens == null ? null : checkInteger(args.maxTokens, 'maxTokens', owner, 1);
    this.numOovIndices = checkInteger(args.numOovIndices ?? 1, 'numOovIndices', owner, 0);
    this.maskToken = args.maskToken ?? null;
    this.oovToken = args.oovToken ?? defaultOovToken;
    this.invert = checkBoolean(args.invert ?? false, 'invert', owner);
    this.outputMode = checkOneOf(args.outputMode ?? 'int', OUTPUT_MODES, 'outputMode', owner);
    this.padToMaxTokens = checkBoolean(args.padToMaxTokens ?? false, 'padToMaxTokens', owner);
    if (args.sparse === true) throw new RangeError(`Expected sparse to be false in ${owner}: Dendrite has no sparse tensors, received true`);
    if (this.invert && this.outputMode !== 'int') throw new RangeError(`Expected outputMode "int" with invert in ${owner}, received "${this.outputMode}"`);
    if (this.padToMaxTokens && this.maxTokens === null) throw new RangeError(`Expected maxTokens with padToMaxTokens in ${owner}, received none`);
    for (const [name, token] of [['maskToken', this.maskToken], ['oovToken', this.oovToken]] as const) {
      if (token !== null) this.checkToken(token, name);
    }
    this.savedVocabularySize = args.vocabularySize == null ? null : checkInteger(args.vocabularySize, 'vocabularySize', owner, 0);
    this.inputVocabulary = args.vocabulary == null ? null : [...args.vocabulary];
    this.inputIdfWeights = args.idfWeights == null ? null : [...args.idfWeights];
    if (this.inputVocabulary !== null) this.setVocabulary(this.inputVocabulary, this.inputIdfWeights ?? undefined);
    else if (this.inputIdfWeights !== null) throw new RangeError(`Expected idfWeights only with a vocabulary in ${owner}`);
  }

  /** Throws unless `token` has the vocabulary's type. */
  protected abstract checkToken(token: unknown, argumentName: string): asserts token is T;

  /** The dtype of tokens as tensors (`string` or `int32`). */
  protected abstract get tokenDtype(): 'string' | 'int32';

  /** The index of an out-of-vocabulary token among the OOV indices. */
  protected oovBucket(token: T): number {
    return hashBucketFast(String(token), this.numOovIndices);
  }

  private get oovStartIndex(): number {
    return this.maskToken !== null && this.outputMode === 'int' ? 1 : 0;
  }

  private get tokenStartIndex(): number {
    return this.oovStartIndex + this.numOovIndices;
  }

  /** The vocabulary, special tokens first unless `includeSpecialTokens` is false. */
  getVocabulary(includeSpecialTokens = true): T[] {
    if (!includeSpecialTokens) return [...this.tokens];
    const specials: T[] = [...(this.oovStartIndex === 1 ? [this.maskToken as T] : []), ...new Array<T>(this.numOovIndices).fill(this.oovToken)];
    return [...specials, ...this.tokens];
  }

  /** The vocabulary size, special tokens included. */
  vocabularySize(): number {
    return this.tokenStartIndex + this.tokens.length;
  }

  /**
   * Sets the vocabulary (and, in `tf_idf` mode, its inverse document frequencies), as Keras's
   * `set_vocabulary`: leading special tokens are recognised, repeats refused.
   *
   * @throws RangeError for an empty or repeated vocabulary, a special token inside it, too many
   *   tokens for `maxTokens`, or idf weights missing / given in another mode / of another length
   */
  setVocabulary(vocabulary: readonly T[], idfWeights?: readonly number[]): void {
    const owner = layerOwner(this.name);
    if (!Array.isArray(vocabulary) || vocabulary.length === 0) throw new RangeError(`Expected vocabulary to be a non-empty list in ${owner}, received ${describeValue(vocabulary)}`);
    vocabulary.forEach((token, index) => this.checkToken(token, `vocabulary[${index}]`));
    if (this.outputMode === 'tf_idf' && idfWeights === undefined) throw new RangeError(`Expected idfWeights with outputMode "tf_idf" in ${owner}, received none`);
    if (this.outputMode !== 'tf_idf' && idfWeights !== undefined) throw new RangeError(`Expected idfWeights only with outputMode "tf_idf" in ${owner}, received outputMode "${this.outputMode}"`);
    const specials = this.getVocabulary(true).slice(0, this.tokenStartIndex);
    const foundSpecials = specials.every((token, index) => vocabulary[index] === token);
    const tokens = foundSpecials ? vocabulary.slice(specials.length) : [...vocabulary];
    const repeated = [...new Set(tokens.filter((token, index) => tokens.indexOf(token) !== index))];
    if (repeated.length > 0) throw new RangeError(`Expected a vocabulary without repeated terms in ${owner}, received repeats of ${repeated.map((token) => JSON.stringify(token)).join(', ')}`);
    if (this.maskToken !== null && tokens.includes(this.maskToken)) throw new RangeError(`Expected the mask token ${JSON.stringify(this.maskToken)} only at the start of the vocabulary in ${owner}`);
    if (this.invert && tokens.includes(this.oovToken)) throw new RangeError(`Expected the OOV token ${JSON.stringify(this.oovToken)} only at the start of the vocabulary in ${owner}`);
    if (this.maxTokens !== null && this.tokenStartIndex + tokens.length > this.maxTokens) {
      throw new RangeError(`Expected at most maxTokens = ${this.maxTokens} vocabulary entries in ${owner}, received ${this.tokenStartIndex + tokens.length}`);
    }
    if (idfWeights !== undefined) {
      if (idfWeights.length !== vocabulary.length) throw new RangeError(`Expected ${vocabulary.length} idfWeights (one per vocabulary entry) in ${owner}, received ${idfWeights.length}`);
      const mean = idfWeights.reduce((sum, weight) => sum + weight, 0) / idfWeights.length;
      this.setIdf(foundSpecials ? [...idfWeights] : [...new Array<number>(this.tokenStartIndex).fill(mean), ...idfWeights]);
    }
    this.setTokens(tokens);
  }

  private setTokens(tokens: T[]): void {
    this.tokens = tokens;
    this.indexOf = new Map(tokens.map((token, index) => [token, this.tokenStartIndex + index]));
    this.vocabularyKnown = true;
  }

  private setIdf(weights: number[]): void {
    const size = this.padToMaxTokens && this.maxTokens !== null ? Math.max(this.maxTokens, weights.length) : weights.length;
    this.idf = new Float32Array(size);
    this.idf.set(weights);
  }

  /**
   * Learns the vocabulary from data (and document frequencies in `tf_idf` mode), as Keras's
   * `adapt`: a list or tensor of rank 1 counts each entry as a document; each batch of a stream
   * counts its rows (a rank-1 batch is one document).
   *
   * @param data a tensor, a list or a dataset of batches
   * @param steps how many batches of a stream to read (all)
   * @throws Error when the layer was given a vocabulary
   */
  async adapt(data: AdaptData, steps?: number): Promise<void> {
    const owner = layerOwner(this.name);
    const isStream = isBatchStream(data);
    const check = (token: unknown, index: number) => this.checkToken(token, `adapt data[${index}]`);
    async function* documents(): AsyncGenerator<Token[][]> {
      for await (const batch of adaptBatches(data, owner, steps)) {
        batch.values.forEach(check);
        const rows = batch.shape.length === 0 ? 1 : batch.shape.length === 1 ? (isStream ? 1 : batch.shape[0]) : batch.shape[0];
        const size = rows === 0 ? 0 : batch.values.length / rows;
        yield Array.from({ length: rows }, (_, row) => batch.values.slice(row * size, (row + 1) * size));
      }
    }
    await this.learn(documents());
  }

  /**
   * Learns the vocabulary from documents (lists of tokens), as `adapt` after its batching;
   * TextVectorization feeds it the tokens of each text.
   *
   * @throws Error when the layer was given a vocabulary
   */
  async learn(documents: AsyncIterable<Token[][]> | Iterable<Token[][]>): Promise<void> {
    const owner = layerOwner(this.name);
    if (this.inputVocabulary !== null) throw new Error(`Expected no vocabulary argument to adapt ${owner}: it was given a vocabulary`);
    const counts: TokenCounts<T> = { tokens: new Map(), documents: new Map(), numDocuments: 0 };
    for await (const batch of documents) for (const document of batch) countTokens(counts, document as T[], 1);
    const specials = [this.maskToken, this.oovToken].filter((token): token is T => token !== null);
    const learned = learnedVocabulary(counts, specials, this.maxTokens === null ? null : this.maxTokens - this.tokenStartIndex);
    if (this.outputMode === 'tf_idf') {
      const idf = learned.map((token) => Math.log(1 + counts.numDocuments / (1 + (counts.documents.get(token) ?? 0))));
      const mean = idf.length === 0 ? 0 : idf.reduce((sum, weight) => sum + weight, 0) / idf.length;
      this.setIdf([...new Array<number>(this.tokenStartIndex).fill(mean), ...idf]);
    }
    this.setTokens(learned);
  }

  private depth(): number {
    if (this.padToMaxTokens) return this.maxTokens!;
    if (!this.vocabularyKnown) {
      throw new Error(`Expected a vocabulary in ${layerOwner(this.name)} before calling it with outputMode "${this.outputMode}": pass vocabulary or call adapt first`);
    }
    return this.vocabularySize();
  }

  /** Maps tokens to indices (−1 for a mask in the bag modes); OOV tokens as the layer is set. */
  lookupIndices(values: ReadonlyArray<Token>): Int32Array {
    const indices = new Int32Array(values.length);
    values.forEach((value, position) => {
      if (this.maskToken !== null && value === this.maskToken) {
        indices[position] = this.outputMode === 'int' ? 0 : -1;
        return;
      }
      const found = this.indexOf.get(value as T);
      if (found !== undefined) indices[position] = found;
      else if (this.numOovIndices === 0) {
        throw new Error(`Expected every input of ${layerOwner(this.name)} in the vocabulary with numOovIndices = 0, received ${JSON.stringify(value)}; consider numOovIndices: 1`);
      } else indices[position] = this.oovStartIndex + (this.numOovIndices === 1 ? 0 : this.oovBucket(value as T));
    });
    return indices;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const batch = this.hostInputs(inputs);
    if (this.invert) {
      const vocabulary = this.getVocabulary(true);
      const tokens = batch.values.map((index) => {
        const position = Number(index);
        if (this.maskToken !== null && position === 0 && this.oovStartIndex === 1) return this.maskToken;
        return position >= this.tokenStartIndex && position < vocabulary.length ? vocabulary[position] : this.oovToken;
      });
      return tf.tensor(tokens as never, batch.shape, this.tokenDtype);
    }
    return this.encodeIndices(this.lookupIndices(batch.values), batch.shape);
  }

  /** Indices as the layer outputs them: as they are in `int` mode, encoded in the others. */
  encodeIndices(indices: Int32Array, shape: number[]): tf.Tensor {
    if (this.outputMode === 'int') return tf.tensor(indices, shape, 'int32');
    return encodeCategorical(indices, shape, this.outputMode, this.depth(), layerOwner(this.name), this.idf ?? undefined);
  }

  override computeOutputShape(inputShape: Shape): Shape {
    const depth = this.padToMaxTokens ? this.maxTokens : this.vocabularyKnown ? this.vocabularySize() : this.savedVocabularySize;
    return encodedShape(inputShape, this.outputMode, depth);
  }

  override computeOutputDtype(): tf.DataType {
    if (this.invert) return this.tokenDtype;
    return this.outputMode === 'int' ? 'int32' : 'float32';
  }

  /** Keras's assets: the learned vocabulary as `vocabulary.txt`, one token a line (none when given). */
  saveAssets(): Record<string, string> | null {
    if (this.inputVocabulary !== null || !this.vocabularyKnown) return null;
    const files: Record<string, string> = { 'vocabulary.txt': this.getVocabulary(true).map(String).join('\n') };
    // Keras keeps adapted idf weights in the weights file; Dendrite writes them beside the vocabulary.
    if (this.outputMode === 'tf_idf' && this.idf !== null) files['idf_weights.txt'] = Array.from(this.idf.subarray(0, this.vocabularySize()), String).join('\n');
    return files;
  }

  /** The asset files {@link loadAssets} reads. */
  assetNames(): string[] {
    return this.outputMode === 'tf_idf' ? ['vocabulary.txt', 'idf_weights.txt'] : ['vocabulary.txt'];
  }

  /**
   * Reads {@link saveAssets}'s files back.
   *
   * @throws RangeError in `tf_idf` mode without idf weights (a Keras archive keeps them in its weights file, not read here)
   */
  loadAssets(files: Record<string, string>): void {
    if (this.inputVocabulary !== null || files['vocabulary.txt'] === undefined) return;
    const lines = (text: string) => {
      const split = text.split(/\r?\n/);
      while (split.length > 0 && split.at(-1) === '') split.pop();
      return split;
    };
    const tokens = lines(files['vocabulary.txt']).map((line) => this.parseToken(line));
    const idf = files['idf_weights.txt'] === undefined ? undefined : lines(files['idf_weights.txt']).map(Number);
    this.setVocabulary(tokens, this.outputMode === 'tf_idf' ? idf : undefined);
  }

  /** A vocabulary file's line as a token. */
  protected abstract parseToken(line: string): T;

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      invert: this.invert,
      max_tokens: this.maxTokens,
      num_oov_indices: this.numOovIndices,
      oov_token: this.oovToken,
      mask_token: this.maskToken,
      output_mode: this.outputMode,
      sparse: false,
      pad_to_max_tokens: this.padToMaxTokens,
      idf_weights: this.inputIdfWeights === null ? null : [...this.inputIdfWeights],
      vocabulary: this.inputVocabulary === null ? null : [...this.inputVocabulary],
      vocabulary_size: this.vocabularyKnown ? this.vocabularySize() : null,
    };
  }
}

import { tf } from '@dendrite/backend';
import { optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList, type ResolvedWeightOptions } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Embedding}. */
export interface EmbeddingArgs extends LayerArgs {
  /** Vocabulary size: indices are in [0, inputDim). */
  inputDim: number;
  /** Size of each embedding vector. */
  outputDim: number;
  /** Initializer of the table (`'uniform'`: Keras's RandomUniform in [−0.05, 0.05]). */
  embeddingsInitializer?: InitializerIdentifier;
  embeddingsRegularizer?: RegularizerIdentifier;
  activityRegularizer?: RegularizerIdentifier;
  embeddingsConstraint?: ConstraintIdentifier;
  /** Index 0 is padding: the layer outputs a mask (`inputs ≠ 0`) for the layers after it. */
  maskZero?: boolean;
  /**
   * Keras 2's fixed sequence length: kept in the config, it gives the first layer of a Sequential
   * model its input shape `[inputLength]` and fills an unknown time axis in the output shape.
   */
  inputLength?: number;
}

/**
 * Keras's `Embedding`: integer indices to dense vectors, `[batch, steps]` → `[batch, steps,
 * outputDim]` (any input rank). Inputs are cast to int32 and looked up with `tf.gather`; with
 * `maskZero`, index 0 is masked for the layers after (RNNs keep their state over masked steps).
 *
 * @example
 * ```ts
 * // An IMDB review model: 10 000 words, 256-dimensional vectors, reviews of 200 words.
 * embedding({ inputDim: 10000, outputDim: 256, inputLength: 200 });
 * ```
 */
export class Embedding extends Layer {
  static override className = 'Embedding';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<EmbeddingArgs, LayerArgs>({
    outputDim: true,
    embeddingsInitializer: true,
    embeddingsRegularizer: true,
    embeddingsConstraint: true,
    activityRegularizer: true,
    maskZero: true,
    inputLength: true,
  });
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  readonly inputLength?: number;
  private readonly args: EmbeddingArgs;
  private readonly embeddingsOptions: ResolvedWeightOptions;
  embeddings?: LayerVariable;

  /** Embedding's `inputDim` is its vocabulary size, not an input shape (as Keras). */
  protected override readsInputDimAsShape(): boolean {
    return false;
  }

  /** @throws Error naming the layer and argument for a non-positive inputDim, outputDim or inputLength, or a bad identifier */
  constructor(args: EmbeddingArgs) {
    const impliedShape = args.inputShape === undefined && args.batchInputShape === undefined && args.inputLength != null;
    super(impliedShape ? { ...args, inputShape: [args.inputLength!] } : args);
    this.inputDim = checkPositiveInteger(args.inputDim, 'inputDim', layerOwner(this.name));
    this.outputDim = checkPositiveInteger(args.outputDim, 'outputDim', layerOwner(this.name));
    this.inputLength = args.inputLength == null ? undefined : checkPositiveInteger(args.inputLength, 'inputLength', layerOwner(this.name));
    this.maskZero = args.maskZero ?? false;
    this.args = args;
    this.embeddingsOptions = weightOptions(args.embeddingsInitializer, 'uniform', args.embeddingsRegularizer, args.embeddingsConstraint, { layerName: this.name, weight: 'embeddings' });
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    // Indices are looked up as integers: a float32 cast first would lose large ones.
    this.autoCastInputs = false;
    this.supportsMasking = this.maskZero;
  }

  override build(_inputShape: Shape | Shape[]): void {
    this.embeddings = this.addWeight('embeddings', [this.inputDim, this.outputDim], this.embeddingsOptions);
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const indices = x.dtype === 'int32' ? x : tf.cast(x, 'int32');
    return tf.gather(this.embeddings!.read(), indices);
  }

  override computeMask(inputs: TensorOrList, _mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    return this.maskZero ? tf.notEqual(inputs as tf.Tensor, 0) : null;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    if (this.inputLength === undefined || shape.length < 2) return [...shape, this.outputDim];
    if (shape[1] !== null && shape[1] !== this.inputLength) {
      throw new Error(`Expected inputs of ${this.inputLength} steps (inputLength) in layer "${this.name}", received shape ${shapeToString(shape)}`);
    }
    return [shape[0], this.inputLength, ...shape.slice(2), this.outputDim];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.args;
    return {
      ...super.getConfig(),
      input_dim: this.inputDim,
      output_dim: this.outputDim,
      embeddings_initializer: initializerConfig(a.embeddingsInitializer, 'uniform'),
      embeddings_regularizer: regularizerConfig(a.embeddingsRegularizer),
      activity_regularizer: regularizerConfig(a.activityRegularizer),
      embeddings_constraint: constraintConfig(a.embeddingsConstraint),
      mask_zero: this.maskZero,
      input_length: this.inputLength ?? null,
    };
  }
}

registerLayer(Embedding);

/**
 * Makes an {@link Embedding} layer.
 *
 * Keras's positional arguments may come first, as `Embedding(inputDim, outputDim, ...)`: `embedding(inputDim, outputDim, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * embedding({ inputDim: 1000, outputDim: 64, maskZero: true });
 * ```
 */
export function embedding(args: EmbeddingArgs): Embedding;
export function embedding(inputDim: NonNullable<EmbeddingArgs['inputDim']>, outputDim: NonNullable<EmbeddingArgs['outputDim']>, options?: Omit<EmbeddingArgs, 'inputDim' | 'outputDim'>): Embedding;
export function embedding(...values: unknown[]): Embedding {
  return new Embedding(positionalOptions<EmbeddingArgs>(values, ['inputDim', 'outputDim'], 'layer Embedding'));
}

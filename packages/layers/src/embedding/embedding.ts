import { tf } from '@dendrite/backend';
import { type ConstraintIdentifier, getConstraint, serializeConstraint } from '../constraints/index';
import { type InitializerIdentifier, getInitializer, serializeInitializer } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer, serializeRegularizer } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, singleShape } from '../engine/shape';
import { checkPositiveInteger } from '../core/argument-checks';

/** Arguments of {@link Embedding}. */
export interface EmbeddingArgs extends LayerArgs {
  /** Vocabulary size: indices are in [0, inputDim). */
  inputDim: number;
  /** Size of each vector. */
  outputDim: number;
  embeddingsInitializer?: InitializerIdentifier;
  embeddingsRegularizer?: RegularizerIdentifier;
  embeddingsConstraint?: ConstraintIdentifier;
  /** Index 0 is padding: the layer masks it for the layers after. */
  maskZero?: boolean;
  /** Keras 2's fixed sequence length (kept in the config and the output shape). */
  inputLength?: number;
}

/** Integer indices to dense vectors (IMDB's first layer): `[batch, steps]` → `[batch, steps, outputDim]`. */
export class Embedding extends Layer {
  static override className = 'Embedding';
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  readonly inputLength?: number;
  private readonly embeddingArgs: EmbeddingArgs;
  embeddings?: LayerVariable;

  constructor(args: EmbeddingArgs) {
    super({ ...args, batchInputShape: args.batchInputShape ?? (args.inputShape === undefined && args.inputLength !== undefined ? [args.batchSize ?? null, args.inputLength] : undefined) });
    this.inputDim = checkPositiveInteger(args.inputDim, 'inputDim', this.name);
    this.outputDim = checkPositiveInteger(args.outputDim, 'outputDim', this.name);
    this.maskZero = args.maskZero ?? false;
    this.inputLength = args.inputLength;
    this.embeddingArgs = args;
    this.autoCastInputs = false;
    this.supportsMasking = this.maskZero;
  }

  override build(_inputShape?: Shape | Shape[]): void {
    const a = this.embeddingArgs;
    this.embeddings = this.addWeight('embeddings', [this.inputDim, this.outputDim], {
      initializer: getInitializer(a.embeddingsInitializer ?? 'uniform'),
      regularizer: a.embeddingsRegularizer != null ? getRegularizer(a.embeddingsRegularizer) : undefined,
      constraint: a.embeddingsConstraint != null ? getConstraint(a.embeddingsConstraint) : undefined,
    });
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const indices = x.dtype === 'int32' ? x : tf.cast(x, 'int32');
    return tf.gather(this.embeddings!.read(), indices);
  }

  override computeMask(inputs: TensorOrList): tf.Tensor | null {
    return this.maskZero ? tf.notEqual(inputs as tf.Tensor, 0) : null;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [...shape, this.outputDim];
  }

  override computeOutputDtype(): tf.DataType {
    return 'float32';
  }

  override getConfig(): Record<string, unknown> {
    const a = this.embeddingArgs;
    return {
      ...super.getConfig(),
      input_dim: this.inputDim,
      output_dim: this.outputDim,
      embeddings_initializer: serializeInitializer(getInitializer(a.embeddingsInitializer ?? 'uniform')),
      embeddings_regularizer: a.embeddingsRegularizer != null ? serializeRegularizer(getRegularizer(a.embeddingsRegularizer)) : null,
      embeddings_constraint: a.embeddingsConstraint != null ? serializeConstraint(getConstraint(a.embeddingsConstraint)) : null,
      mask_zero: this.maskZero,
      input_length: this.inputLength ?? null,
    };
  }
}

registerLayer(Embedding);

/** Makes an {@link Embedding} layer. */
export const embedding = (args: EmbeddingArgs) => new Embedding(args);

import type { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from './layer';
import { registerLayer } from './layer-registry';
import { type Shape, shapeToString } from './shape';
import { SymbolicTensor } from './symbolic-tensor';

/** Arguments of {@link InputLayer} and {@link input}. */
export interface InputLayerArgs extends Pick<LayerArgs, 'name' | 'dtype'> {
  /** Shape without the batch axis: `[28, 28, 1]`. */
  shape?: Shape;
  /** Shape with the batch axis, as Keras's `batch_shape`. */
  batchShape?: Shape;
  /** Fixed batch size (null or omitted: any). */
  batchSize?: number;
  /** Keras 2 / TF.js spelling of `batchShape`. */
  batchInputShape?: Shape;
  /** Keras 2 / TF.js spelling of `shape`. */
  inputShape?: Shape;
  /** Whether the input is sparse (accepted for Keras configs; must be false). */
  sparse?: boolean;
}

function checkShape(shape: Shape, argumentName: string, layerName: string): void {
  if (!Array.isArray(shape) || shape.some((size) => size !== null && (!Number.isInteger(size) || size < 0))) {
    throw new Error(`Expected ${argumentName} to be a list of sizes ≥ 0 or null, received ${describeValue(shape)} in layer "${layerName}"`);
  }
}

/**
 * The entry point of a functional model: holds the input's shape and dtype and makes the first
 * symbolic tensor. Usually made through {@link input}.
 */
export class InputLayer extends Layer {
  static override className = 'InputLayer';
  /** The symbolic tensor this layer makes. */
  readonly output: SymbolicTensor;
  readonly batchShape: Shape;

  constructor(args: InputLayerArgs = {}) {
    const batchShape =
      args.batchShape ??
      args.batchInputShape ??
      (args.shape ?? args.inputShape ? [args.batchSize ?? null, ...(args.shape ?? args.inputShape)!] : undefined);
    super({ name: args.name, dtype: args.dtype ?? 'float32', batchInputShape: batchShape });
    if (batchShape === undefined) {
      throw new Error(`Expected shape or batchShape in layer "${this.name}", received neither`);
    }
    checkShape(batchShape, args.batchShape ? 'batchShape' : 'shape', this.name);
    if (args.sparse) throw new Error(`Expected sparse to be false in layer "${this.name}", received true: sparse inputs are not supported`);
    this.batchShape = [...batchShape];
    this.built = true;
    this.autoCastInputs = false;
    this.output = new SymbolicTensor([...batchShape], this.dtype, this, 0, 0);
    this.inboundNodes.push({ layer: this, inputs: [], outputs: [this.output], inputIsList: false, callArgs: {} });
  }

  /** An input layer passes its value on unchanged. */
  override call(inputs: TensorOrList, _args: CallArgs): TensorOrList {
    return inputs;
  }

  override computeOutputDtype(): tf.DataType {
    return this.dtype;
  }

  override getConfig(): Record<string, unknown> {
    return { batch_shape: [...this.batchShape], dtype: this.dtype, sparse: false, name: this.name };
  }

  override toString(): string {
    return `InputLayer(${this.name}, ${shapeToString(this.batchShape)})`;
  }
}

registerLayer(InputLayer);

/**
 * A symbolic input for a functional model, as `keras.Input`.
 *
 * @example
 * ```ts
 * const x = input({ shape: [784] });
 * const y = dense({ units: 10, activation: 'softmax' }).apply(x);
 * const m = model({ inputs: x, outputs: y });
 * ```
 */
export function input(args: InputLayerArgs): SymbolicTensor {
  return new InputLayer(args).output;
}

/** Makes an {@link InputLayer} (for Sequential models: `sequential({layers: [inputLayer({shape: [4]}), …]})`). */
export function inputLayer(args: InputLayerArgs): InputLayer {
  return new InputLayer(args);
}

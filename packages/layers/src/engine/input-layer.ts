import type { tf } from '@dendrite/backend';
import { checkOptionKeys, describeValue, optionKeys, splitOptionKeys } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from './layer';
import { layerArgsFromConfig } from './layer-args-from-config';
import { registerLayer } from './layer-registry';
import { positionalOptions } from './positional-options';
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

/** Every key of {@link InputLayerArgs}: the input layer reads its own options, not a layer's. */
const INPUT_LAYER_KEYS = optionKeys<InputLayerArgs>({
  name: true,
  dtype: true,
  shape: true,
  batchShape: true,
  batchSize: true,
  batchInputShape: true,
  inputShape: true,
  sparse: true,
});

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
  readonly batchShape: Shape;
  /** The keys InputLayer reads beyond the layer keys it passes on (it checks its own options first). */
  static override readonly optionKeys = optionKeys<InputLayerArgs, LayerArgs>({ shape: true, batchShape: true, sparse: true });

  /**
   * @throws TypeError for an unknown option key
   * @throws Error without a shape, for a bad shape, or sparse true
   */
  constructor(args: InputLayerArgs = {}) {
    checkOptionKeys(args, INPUT_LAYER_KEYS, 'layer InputLayer');
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
    const output = new SymbolicTensor([...batchShape], this.dtype, this, 0, 0);
    this.inboundNodes.push({ layer: this, inputs: [], outputs: [output], inputIsList: false, callArgs: {} });
  }

  /** The symbolic tensor this layer makes. */
  override get output(): SymbolicTensor {
    return this.inboundNodes[0].outputs[0];
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

  /** Rebuilds an input layer from its config; keys of other Keras versions (`ragged`…) are dropped. */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(splitOptionKeys(layerArgsFromConfig(InputLayer, config), INPUT_LAYER_KEYS).known as never);
  }
}

registerLayer(InputLayer);

/**
 * A symbolic input for a functional model, as `keras.Input`: `input([784])` or
 * `input({ shape: [784] })`.
 *
 * @param shape the shape without the batch axis (Keras's first positional argument), or the options
 * @param options the other options, after a shape
 * @throws TypeError for an unknown option, or a shape given twice
 * @example
 * ```ts
 * const x = input({ shape: [784] });
 * const image = input([28, 28, 1], { name: 'image' });
 * const y = dense({ units: 10, activation: 'softmax' }).apply(x);
 * const m = model({ inputs: x, outputs: y });
 * ```
 */
export function input(args: InputLayerArgs): SymbolicTensor;
export function input(shape: Shape, options?: Omit<InputLayerArgs, 'shape'>): SymbolicTensor;
export function input(shapeOrArgs: Shape | InputLayerArgs, options?: Omit<InputLayerArgs, 'shape'>): SymbolicTensor {
  return inputLayer(shapeOrArgs as Shape, options).output;
}

/**
 * Makes an {@link InputLayer} (for Sequential models: `sequential([inputLayer([4]), …])`); the
 * shape may come first, as Keras's `InputLayer(shape)`.
 */
export function inputLayer(args: InputLayerArgs): InputLayer;
export function inputLayer(shape: Shape, options?: Omit<InputLayerArgs, 'shape'>): InputLayer;
export function inputLayer(shapeOrArgs: Shape | InputLayerArgs, options?: Omit<InputLayerArgs, 'shape'>): InputLayer {
  return new InputLayer(positionalOptions<InputLayerArgs>([shapeOrArgs, options], ['shape'], 'layer InputLayer'));
}

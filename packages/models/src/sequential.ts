import { tf } from '@dendrite/backend';
import { checkOptionKeys, describeValue, optionKeys } from '@dendrite/backend/internal';
import {
  Layer,
  type CallArgs,
  InputLayer,
  type Shape,
  type TensorOrList,
  deserializeLayer,
  registerLayer,
  serializeLayer,
  shapeToString,
  singleShape,
} from '@dendrite/layers';
import { Model } from './model';

/** Checks `shape` against the layer's input spec (naming the layer, expected vs received). */
function checkInput(layer: Layer, shape: Shape | Shape[]): void {
  layer.assertInputCompatibility(Array.isArray(shape[0]) ? (shape as Shape[]) : [shape as Shape]);
}

/** The layer's output shape for `shape`, checked against its input spec first. */
function outputShapeOf(layer: Layer, shape: Shape | Shape[]): Shape | Shape[] {
  checkInput(layer, shape);
  return layer.computeOutputShape(shape);
}

/** Arguments of {@link Sequential} and {@link sequential}, as Keras's `Sequential(layers, trainable, name)`. */
export interface SequentialArgs {
  /** The layers, in order (each is {@link Sequential.add}ed). */
  layers?: Layer[];
  /** The model's name (`sequential`, `sequential_1`, …). */
  name?: string;
  /** Whether training updates the model's weights (true). */
  trainable?: boolean;
}

const SEQUENTIAL_KEYS = optionKeys<SequentialArgs>({ layers: true, name: true, trainable: true });

/**
 * `{layers, name}` from what `sequential` was given: a list of layers (Keras's `Sequential([...])`)
 * or the options object.
 */
function sequentialArgs(given: unknown, checkKeys: boolean): SequentialArgs {
  if (given === undefined) return {};
  if (Array.isArray(given)) return { layers: given as Layer[] };
  if (typeof given !== 'object' || given === null || given instanceof Layer) {
    throw new TypeError(`Expected a list of layers or {layers, name} for Sequential, received ${given instanceof Layer ? `layer "${given.name}": wrap it in a list` : describeValue(given)}`);
  }
  if (checkKeys) checkOptionKeys(given, SEQUENTIAL_KEYS, 'Sequential');
  const args = given as SequentialArgs;
  if (args.layers !== undefined && !Array.isArray(args.layers)) {
    throw new TypeError(`Expected layers to be a list of layers in Sequential, received ${describeValue(args.layers)}`);
  }
  return args;
}

/**
 * A plain stack of layers, each feeding the next, as `keras.Sequential`. The input shape comes
 * from the first layer's `inputShape` (or an `inputLayer`), or from the first data it sees.
 *
 * @example
 * ```ts
 * const m = sequential([
 *   dense({ units: 128, activation: 'relu', inputShape: [784] }),
 *   dense({ units: 10, activation: 'softmax' }),
 * ]); // or sequential({ layers: [...], name: 'mlp' })
 * ```
 */
export class Sequential extends Model {
  static override className = 'Sequential';
  private stack: Layer[] = [];
  private inputLayerShape?: Shape;
  /** The dtype an `inputLayer` declared (`'string'` for raw text), kept in the config. */
  private inputLayerDtype?: tf.DataType;

  /**
   * @param args the layers (a list, as Keras's `Sequential([...])`) or `{layers, name, trainable}`
   * @throws TypeError for anything else, or an unknown option key
   *   (`Unknown option "layer" in Sequential: did you mean "layers"?`)
   * @throws Error when an entry of the list is not a layer, or a layer does not fit the previous one
   */
  constructor(args: SequentialArgs | Layer[] = {}) {
    // A user's subclass passing its own options on is not checked (as every constructor).
    const { layers, name, trainable } = sequentialArgs(args, new.target === Sequential);
    super({ name, trainable });
    (layers ?? []).forEach((layer, index) => {
      if (!(layer instanceof Layer)) {
        throw new TypeError(`Expected layers[${index}] of model "${this.name}" to be a layer, received ${describeValue(layer)}`);
      }
      this.add(layer);
    });
  }

  /** The layers, without the input layer (as Keras 3). */
  override get layers(): Layer[] {
    return [...this.stack];
  }

  override get trackedLayers(): readonly Layer[] {
    return this.stack;
  }

  /** True: a Sequential's layers are its own, its architecture a config. */
  override get isContainer(): boolean {
    return true;
  }

  override get inputShapes(): Shape[] | undefined {
    return this.inputLayerShape ? [this.inputLayerShape] : undefined;
  }

  /** The input's dtype: an `inputLayer`'s (`'string'` for raw text), else the first layer's once the input shape is known. */
  get inputDtype(): tf.DataType | undefined {
    return this.inputLayerDtype ?? (this.inputLayerShape ? this.stack[0]?.dtype : undefined);
  }

  /** The last layer's name. */
  override get declaredOutputNames(): string[] {
    return [this.stack.at(-1)?.name ?? 'output'];
  }

  /** One input. */
  override get declaredInputNames(): string[] {
    return ['input'];
  }

  /**
   * Appends a layer; with a known input shape the model is built at once, so a layer that does
   * not fit fails here, naming itself.
   *
   * @throws Error when `layer` is not a layer, or a second input layer
   */
  add(layer: Layer): void {
    if (layer == null || typeof (layer as Layer).apply !== 'function') {
      throw new Error(`Expected a layer to add to model "${this.name}", received ${String(layer)}`);
    }
    if (layer instanceof InputLayer) {
      if (this.stack.length > 0 || this.inputLayerShape) throw new Error(`Expected an InputLayer only as the first layer of model "${this.name}", received "${layer.name}" after ${this.stack.length} layer(s)`);
      this.inputLayerShape = [...layer.batchShape];
      this.inputLayerDtype = layer.dtype;
      return;
    }
    // A nested model first (a Teachable Machine head on MobileNet) brings its own input shape, as in Keras.
    const firstShape = layer.batchInputShape ?? (layer instanceof Model && layer.inputShapes?.length === 1 ? layer.inputShapes[0] : undefined);
    if (this.stack.length === 0 && !this.inputLayerShape && firstShape) this.inputLayerShape = [...firstShape];
    this.stack.push(layer);
    if (this.inputLayerShape) this.build(this.inputLayerShape);
  }

  /**
   * Removes the last layer.
   *
   * @throws Error when the model has no layers
   */
  pop(): Layer {
    const layer = this.stack.pop();
    if (layer === undefined) throw new Error(`Expected a layer to pop from model "${this.name}", received an empty model`);
    return layer;
  }

  /** Builds every layer by passing the shape down the stack. */
  override build(inputShape: Shape | Shape[]): void {
    let shape: Shape | Shape[] = singleShape(inputShape, this.name);
    if (!this.inputLayerShape) this.inputLayerShape = [null, ...shape.slice(1)];
    for (const layer of this.stack) {
      checkInput(layer, shape);
      layer.maybeBuild(shape);
      shape = layer.computeOutputShape(shape);
    }
    this.built = true;
  }

  /** Each layer's output shape, batch axis null (for summaries). */
  outputShapes(): Array<Shape | Shape[]> {
    if (!this.inputLayerShape) return this.stack.map(() => []);
    let shape: Shape | Shape[] = this.inputLayerShape;
    return this.stack.map((layer) => (shape = outputShapeOf(layer, shape)));
  }

  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    if (this.stack.length === 0) throw new Error(`Expected model "${this.name}" to have layers, received none: add() some first`);
    let value = inputs;
    for (const layer of this.stack) value = layer.apply(value, { training: args.training }) as TensorOrList;
    return value;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    let shape = inputShape;
    for (const layer of this.stack) shape = outputShapeOf(layer, shape);
    return shape;
  }

  override getConfig(): Record<string, unknown> {
    const layers = this.stack.map((layer) => serializeLayer(layer));
    if (this.inputLayerShape) {
      layers.unshift({ class_name: 'InputLayer', config: { batch_shape: [...this.inputLayerShape], dtype: this.inputLayerDtype ?? 'float32', sparse: false, name: `${this.name}_input` } });
    }
    return { name: this.name, trainable: this.trainable, layers, ...(this.inputLayerShape ? { build_input_shape: [...this.inputLayerShape] } : {}) };
  }

  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const entries = config.layers;
    if (!Array.isArray(entries)) throw new Error(`Expected a Sequential config with a "layers" list, received keys [${Object.keys(config).join(', ')}]`);
    const model = new Sequential({ name: config.name as string | undefined });
    for (const entry of entries) {
      if (entry.class_name === 'InputLayer') {
        const inputConfig = entry.config as Record<string, unknown>;
        const batchShape = (inputConfig.batch_shape ?? inputConfig.batch_input_shape) as Shape;
        model.add(new InputLayer({ batchShape, dtype: (inputConfig.dtype as tf.DataType) ?? 'float32' }));
      } else {
        model.add(deserializeLayer(entry));
      }
    }
    if (!model.inputLayerShape && Array.isArray(config.build_input_shape)) model.build(config.build_input_shape as Shape);
    return model as unknown as T;
  }

  override toString(): string {
    return `Sequential(${this.name}, input ${this.inputLayerShape ? shapeToString(this.inputLayerShape) : 'unknown'}, ${this.stack.length} layers)`;
  }
}

registerLayer(Sequential);

/**
 * Makes a {@link Sequential} model from a list of layers (Keras's `Sequential([...])`) or
 * `{layers, name, trainable}`.
 *
 * @throws TypeError for anything else, or an unknown option key
 * @example
 * ```ts
 * const m = sequential([dense({ units: 8, activation: 'relu', inputShape: [4] }), dense({ units: 1 })]);
 * ```
 */
export function sequential(args: SequentialArgs | Layer[] = {}): Sequential {
  return new Sequential(args);
}

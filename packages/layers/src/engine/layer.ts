import { tf } from '@dendrite/backend';
import { checkOptionKeys, classOptionKeys, describeValue, optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import { type InputSpec, assertInputCompatible } from './input-spec';
import { LayerVariable, type WeightRegularizer } from './layer-variable';
import { type AddWeightOptions, resolveWeightOptions } from './resolve-weight-options';
import { applyOnSymbols, applyOnTensors } from './layer-apply';
import { type Shape, shapeToString } from './shape';
import type { CallArgs, TensorOrList } from './layer-contract';
import { type LayerNode, type SymbolicTensor, isSymbolic } from './symbolic-graph';
import { classNameToSnakeCase, reserveName, uniqueName } from './unique-names';
import { type LayerRandomStates, type RandomStateful, collectRandomStates, restoreRandomStates } from '../regularization/random-stateful';
import { layerArgsFromConfig } from './layer-args-from-config';

export type { AddWeightOptions, ResolvedWeightOptions } from './resolve-weight-options';
export type { CallArgs, TensorOrList } from './layer-contract';

/** Arguments every layer takes. */
export interface LayerArgs {
  /** Unique name; defaults to the class name in snake_case with a counter (`dense_1`). */
  name?: string;
  /** Whether the layer's weights are updated by training. */
  trainable?: boolean;
  /** The dtype of weights and outputs (float32). */
  dtype?: tf.DataType;
  /** Input shape without the batch axis, for the first layer of a Sequential model. */
  inputShape?: Shape;
  /** Input shape with the batch axis (null for any batch size). */
  batchInputShape?: Shape;
  /** The batch size that completes `inputShape`. */
  batchSize?: number;
  /**
   * Input size of a layer on vectors: `inputShape: [inputDim]`, Keras's `input_dim` (ignored when
   * `inputShape` or `batchInputShape` is given; Embedding reads it as its vocabulary size).
   */
  inputDim?: number;
}

/** The most values one weight may hold: 2³⁰ float32 are 4 GiB, a wasm backend's whole memory. */
export const MAX_WEIGHT_ELEMENTS = 2 ** 30;

/**
 * The base of every layer, with Keras's contract: the constructor validates and resolves
 * identifiers; `build(inputShape)` creates weights through `addWeight`; `call(inputs, args)` uses
 * only ops; `computeOutputShape`; `getConfig()` returns `{...super.getConfig(), ...own}`, and the
 * static `fromConfig` rebuilds the layer. `apply()` runs a layer on tensors or on symbolic tensors
 * (functional models).
 *
 * @example
 * ```ts
 * class Scale extends Layer {
 *   static override className = 'Scale';
 *   private factor!: LayerVariable;
 *   override build(inputShape: Shape) { this.factor = this.addWeight('factor', [inputShape.at(-1)!], { initializer: ones() }); }
 *   override call(inputs: TensorOrList) { return tf.mul(inputs as tf.Tensor, this.factor.read()); }
 * }
 * registerLayer(Scale);
 * ```
 */
export abstract class Layer implements RandomStateful {
  /** The Keras class name, used in configs and for default names; every subclass sets its own. */
  static className = 'Layer';
  /**
   * The option keys of {@link LayerArgs}. Every built-in subclass declares the keys it adds (an
   * empty list when none), so the constructor refuses any other key; a subclass that declares
   * none (a user's layer passing its own options on) is not checked.
   */
  static readonly optionKeys: readonly string[] = optionKeys<LayerArgs>({
    name: true,
    trainable: true,
    dtype: true,
    inputShape: true,
    batchInputShape: true,
    batchSize: true,
    inputDim: true,
  });

  readonly name: string;
  /** Whether the layer's weights are updated by training (false freezes them all). */
  trainable: boolean;
  readonly dtype: tf.DataType;
  /** Whether `build` has run. */
  built = false;
  /** What inputs the layer accepts; checked on every call. */
  inputSpec: InputSpec | InputSpec[] | null = null;
  /** Whether the layer passes a mask through (or makes one). */
  supportsMasking = false;
  /** Input shape with batch axis, when given at construction (first layer of a Sequential). */
  readonly batchInputShape?: Shape;
  /** Calls on symbolic tensors, in order. */
  readonly inboundNodes: LayerNode<Layer>[] = [];
  /** Penalty on the layer's outputs, added to the loss. */
  activityRegularizer?: WeightRegularizer;
  /** Whether integer inputs are cast to the layer dtype before `call` (false for Embedding). */
  protected autoCastInputs = true;

  private readonly ownWeights: LayerVariable[] = [];
  private readonly sublayers: Layer[] = [];
  private activityLosses: tf.Tensor[] = [];

  /**
   * @throws TypeError when `args` is not an object, or holds a key the class does not read:
   *   `Unknown option "kernel_initializer" in layer Dense: did you mean "kernelInitializer"?`
   * @throws Error for a bad name
   */
  constructor(args: LayerArgs = {}) {
    const className = (this.constructor as typeof Layer).className;
    const owner = `layer ${className}`;
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      throw new TypeError(`Expected the options of ${owner} to be an object, received ${describeValue(args)}`);
    }
    const known = classOptionKeys(new.target);
    if (known !== undefined) checkOptionKeys(args, known, owner);
    if (args.name !== undefined) {
      if (typeof args.name !== 'string' || args.name === '' || args.name.includes('/')) {
        throw new Error(`Expected name to be a non-empty string without "/", received ${describeValue(args.name)} in layer ${className}`);
      }
      reserveName(args.name);
    }
    this.name = args.name ?? uniqueName(classNameToSnakeCase(className));
    this.trainable = args.trainable ?? true;
    this.dtype = args.dtype ?? 'float32';
    if (args.batchInputShape !== undefined) this.batchInputShape = [...args.batchInputShape];
    else if (args.inputShape !== undefined) this.batchInputShape = [args.batchSize ?? null, ...args.inputShape];
    else if (args.inputDim !== undefined && this.readsInputDimAsShape()) {
      this.batchInputShape = [args.batchSize ?? null, checkPositiveInteger(args.inputDim, 'inputDim', layerOwner(this.name))];
    }
    // As Keras, a layer is built once its build has run, whichever way it was called.
    const build = this.build;
    this.build = (inputShape: Shape | Shape[]) => {
      build.call(this, inputShape);
      this.built = true;
    };
  }

  /** Whether `inputDim` stands for `inputShape: [inputDim]` (Embedding reads it as its vocabulary size). */
  protected readsInputDimAsShape(): boolean {
    return true;
  }

  /**
   * The symbolic output of the layer's one call in a functional graph, as Keras's `layer.output`
   * (a list for a layer with several outputs).
   *
   * @throws Error when the layer was called on symbolic tensors never, or more than once
   */
  get output(): SymbolicTensor<Layer> | SymbolicTensor<Layer>[] {
    if (this.inboundNodes.length !== 1) {
      throw new Error(`Expected layer "${this.name}" to have been called once on symbolic tensors for its output, received ${this.inboundNodes.length} calls`);
    }
    const outputs = this.inboundNodes[0].outputs;
    return outputs.length === 1 ? outputs[0] : outputs;
  }

  /** The Keras class name of this layer. */
  get className(): string {
    return (this.constructor as typeof Layer).className;
  }

  /** Creates the weights for inputs of this shape (batch axis included). */
  build(_inputShape: Shape | Shape[]): void {
    this.built = true;
  }

  /** The computation: ops on `inputs`, in training mode or not. */
  abstract call(inputs: TensorOrList, args: CallArgs): TensorOrList;

  /** The output shape for an input shape (batch axis included, null where unknown). */
  computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    return inputShape;
  }

  /** The output mask: the input mask for layers that support masking, none otherwise. */
  computeMask(_inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | tf.Tensor[] | null {
    return this.supportsMasking ? mask : null;
  }

  /** The dtype of the outputs. */
  computeOutputDtype(_inputDtypes: tf.DataType[]): tf.DataType {
    return this.dtype;
  }

  /**
   * Runs the layer: on tensors it computes (building first if needed); on symbolic tensors it
   * records the call and returns symbolic outputs. Typed for the usual single output; layers with
   * several outputs (an RNN with `returnState`) return a list at run time.
   *
   * @throws Error naming the layer when inputs do not match its input spec
   */
  apply(inputs: SymbolicTensor<Layer> | SymbolicTensor<Layer>[], args?: CallArgs): SymbolicTensor<Layer>;
  apply(inputs: TensorOrList, args?: CallArgs): tf.Tensor;
  apply(inputs: TensorOrList | SymbolicTensor<Layer> | SymbolicTensor<Layer>[], args?: CallArgs): TensorOrList | SymbolicTensor<Layer> | SymbolicTensor<Layer>[];
  apply(inputs: TensorOrList | SymbolicTensor<Layer> | SymbolicTensor<Layer>[], args: CallArgs = {}): unknown {
    if (isSymbolic(inputs)) return applyOnSymbols<Layer>(this, inputs, args);
    return applyOnTensors(this, inputs as TensorOrList, args, this.autoCastInputs);
  }

  /** Checks input shapes against {@link inputSpec}. */
  assertInputCompatibility(shapes: ReadonlyArray<readonly (number | null)[]>): void {
    if (this.inputSpec == null) return;
    const specs = Array.isArray(this.inputSpec) ? this.inputSpec : [this.inputSpec];
    if (Array.isArray(this.inputSpec) && specs.length !== shapes.length) {
      throw new Error(`Expected ${specs.length} inputs in layer "${this.name}", received ${shapes.length}`);
    }
    shapes.forEach((shape, index) => {
      const spec = specs[Array.isArray(this.inputSpec) ? index : 0];
      assertInputCompatible(spec, shape, this.name, index);
    });
  }

  /** Builds the layer for `inputShape` once; later calls do nothing. */
  maybeBuild(inputShape: Shape | Shape[]): void {
    if (this.built) return;
    this.build(inputShape);
    this.built = true;
  }

  /**
   * Creates a weight, as Keras's `add_weight`: the initializer, regularizer and constraint may be
   * names in either spelling (`'glorot_normal'`, `'l2'`, `'max_norm'`), `{className, config}` /
   * `{class_name, config}`, or instances; the initializer defaults to `'glorot_uniform'` (`'zeros'`
   * for a non-float dtype).
   *
   * @throws TypeError for an unknown option key
   * @throws Error naming the weight and layer for an unknown identifier, or a shape with an
   *   unknown or negative size
   * @example
   * ```ts
   * this.scale = this.addWeight('scale', [units], { initializer: 'ones', regularizer: 'l2', constraint: 'non_neg' });
   * ```
   */
  addWeight(name: string, shape: Array<number | null>, options?: AddWeightOptions): LayerVariable {
    if (shape.some((size) => size === null || !Number.isInteger(size) || size < 0)) {
      throw new Error(`Expected weight "${name}" of layer "${this.name}" to have a fully known shape, received ${shapeToString(shape)}`);
    }
    const elements = (shape as number[]).reduce((product, size) => product * size, 1);
    if (elements > MAX_WEIGHT_ELEMENTS) {
      throw new RangeError(`Expected weight "${name}" of layer "${this.name}" to hold at most ${MAX_WEIGHT_ELEMENTS} values (4 GiB of float32, a wasm backend's whole memory), received shape ${shapeToString(shape)} (${elements} values)`);
    }
    const dtype = options?.dtype ?? this.dtype;
    const resolved = resolveWeightOptions(options, dtype, `weight "${name}" of layer "${this.name}"`);
    const initial = tf.tidy(() => resolved.initializer.call(shape as number[], dtype));
    const weight = new LayerVariable(name, `${this.name}/${name}`, initial, resolved.trainable ?? true, resolved.regularizer, resolved.constraint);
    initial.dispose();
    this.ownWeights.push(weight);
    return weight;
  }

  /** Tracks a layer used inside this one, so its weights and losses count as this layer's. */
  protected trackLayer<T extends Layer>(layer: T): T {
    if (!this.sublayers.includes(layer)) this.sublayers.push(layer);
    return layer;
  }

  /**
   * Layers tracked inside this one: those registered through `trackLayer` (RNN cells, wrapped
   * layers, a model's layers) and, as Keras tracks attributes, every layer or list of layers held
   * in a property — so a user's layer built from layers (`this.dense = dense(...)`) owns their
   * weights and losses.
   */
  get trackedLayers(): readonly Layer[] {
    let found: Layer[] | undefined;
    for (const value of Object.values(this)) {
      const candidates = Array.isArray(value) ? value : [value];
      for (const candidate of candidates) {
        if (!(candidate instanceof Layer) || candidate === this || this.sublayers.includes(candidate) || found?.includes(candidate)) continue;
        (found ??= [...this.sublayers]).push(candidate);
      }
    }
    return found ?? this.sublayers;
  }

  /** Every weight, this layer's first, then its sublayers'. */
  get weights(): LayerVariable[] {
    const all = [...this.ownWeights];
    for (const layer of this.trackedLayers) for (const weight of layer.weights) if (!all.includes(weight)) all.push(weight);
    return all;
  }

  /** The weights training updates: none when the layer is frozen. */
  get trainableWeights(): LayerVariable[] {
    if (!this.trainable) return [];
    const own = this.ownWeights.filter((weight) => weight.trainable);
    const nested = this.trackedLayers.flatMap((layer) => layer.trainableWeights);
    return [...new Set([...own, ...nested])];
  }

  /** The weights training leaves alone (moving statistics, frozen weights). */
  get nonTrainableWeights(): LayerVariable[] {
    const trainable = new Set(this.trainableWeights);
    return this.weights.filter((weight) => !trainable.has(weight));
  }

  /** Copies of the weight values, in {@link weights} order; the caller disposes them. */
  getWeights(): tf.Tensor[] {
    return this.weights.map((weight) => tf.clone(weight.read()));
  }

  /**
   * Sets every weight, in {@link weights} order.
   *
   * @throws Error naming the layer (and weight) when the count or a shape differs; nothing is
   *   changed then
   */
  setWeights(values: tf.Tensor[]): void {
    const weights = this.weights;
    if (values.length !== weights.length) {
      throw new Error(`Expected ${weights.length} weight values for layer "${this.name}", received ${values.length}`);
    }
    weights.forEach((weight, index) => {
      if (!tf.util.arraysEqual(weight.shape, values[index].shape)) {
        throw new Error(
          `Expected weight ${index} ("${weight.path}") of layer "${this.name}" to have shape ${shapeToString(weight.shape)}, received ${shapeToString(values[index].shape)}`,
        );
      }
    });
    weights.forEach((weight, index) => weight.write(values[index]));
  }

  /** The number of scalars in all weights. */
  countParams(): number {
    return this.weights.reduce((total, weight) => total + tf.util.sizeFromShape(weight.shape), 0);
  }

  /**
   * The layer's losses: weight regularization penalties (computed now) and activity penalties of
   * the last calls. Call inside `tf.tidy` (the trainer does).
   */
  get losses(): tf.Tensor[] {
    const penalties = this.ownWeights.map((weight) => weight.regularizationLoss()).filter((loss): loss is tf.Tensor => loss !== null);
    return [...this.activityLosses, ...penalties, ...this.trackedLayers.flatMap((layer) => layer.losses)];
  }

  /**
   * Records a loss made during a call (activity regularization, custom `addLoss`). The loss is
   * kept out of every enclosing `tf.tidy` (a nested layer's call runs inside its model's) and lives
   * until {@link clearLosses}.
   */
  addLoss(loss: tf.Tensor): void {
    this.activityLosses.push(tf.keep(loss));
  }

  /** Drops (and frees) the activity losses of past calls; the outermost call does this first. */
  clearLosses(): void {
    tf.dispose(this.activityLosses);
    this.activityLosses = [];
    for (const layer of this.trackedLayers) layer.clearLosses();
  }

  /** Applies every weight constraint (the trainer does this after each optimizer step). */
  applyConstraints(): void {
    for (const weight of this.weights) weight.applyConstraint();
  }

  /** The layer's configuration, Keras's keys in snake_case. */
  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { name: this.name, trainable: this.trainable, dtype: this.dtype };
    if (this.batchInputShape !== undefined) config.batch_input_shape = [...this.batchInputShape];
    return config;
  }

  /**
   * Rebuilds a layer from {@link getConfig}'s output, or from a Keras config read from a file.
   * Keys the class does not read are dropped rather than refused: files written by other Keras
   * versions carry keys of their own (`autocast`, `seed_generator`…), and a file that loads must
   * keep loading.
   */
  static fromConfig<T extends Layer>(this: (new (args: never) => T) & { optionKeys?: readonly string[] }, config: Record<string, unknown>): T {
    return new this(layerArgsFromConfig(this, config) as never);
  }

  /** Where the layer's own seeded random streams are (nested layers' too), for BackupAndRestore; empty without a `seed`. */
  getRandomStates(): LayerRandomStates {
    return collectRandomStates(this);
  }

  /** Puts the streams back where {@link getRandomStates} found them; throws naming the layer when one has no stream to go to. */
  setRandomStates(states: LayerRandomStates): void {
    restoreRandomStates(this, states, this.name);
  }

  /** Frees every weight. */
  dispose(): void {
    for (const weight of this.weights) weight.dispose();
  }
}

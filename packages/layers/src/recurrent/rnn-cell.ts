import { tf } from '@dendrite/backend';
import { type OptionKeyRecord, optionKeys, checkPositiveInteger, layerOwner, checkNumber, FRACTION } from '@dendrite/backend/internal';
import { type ActivationIdentifier, serializeActivation } from '../activations/index';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import type { RegularizerIdentifier } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList, type ResolvedWeightOptions } from '../engine/layer';
import type { LayerVariable, WeightInitializer } from '../engine/layer-variable';
import { type Shape, isShapeList, shapeToString } from '../engine/shape';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions, layerActivation } from '../core/weight-options';
import { SeedGenerator } from '../regularization/seed-generator';

/** Arguments every recurrent cell takes (Keras's SimpleRNNCell, LSTMCell and GRUCell). */
export interface RNNCellArgs extends LayerArgs {
  /** Size of the output and of each state (≥ 1). */
  units: number;
  /** Activation of the candidate and output (`'tanh'`; null for linear). */
  activation?: ActivationIdentifier;
  /** Whether to add biases (true). */
  useBias?: boolean;
  /** Initializer of the input kernel (`'glorot_uniform'`). */
  kernelInitializer?: InitializerIdentifier;
  /** Initializer of the recurrent kernel (`'orthogonal'`). */
  recurrentInitializer?: InitializerIdentifier;
  /** Initializer of the bias (`'zeros'`). */
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier;
  recurrentRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  recurrentConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
  /** Fraction of the inputs dropped in training, in [0, 1): one mask per sequence. */
  dropout?: number;
  /** Fraction of the recurrent state dropped in training, in [0, 1): one mask per sequence. */
  recurrentDropout?: number;
  /** Seed of the dropout masks (else Dendrite's global stream of `setSeed`). */
  seed?: number;
}

/** The keys of {@link RNNCellArgs} beyond a layer's (SimpleRNN, LSTM and GRU take them too, flat). */
// Stryker disable BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
export const RNN_CELL_KEYS: OptionKeyRecord<RNNCellArgs, LayerArgs> = {
  activation: true,
  seed: true,
  units: true,
  kernelInitializer: true,
  kernelRegularizer: true,
  biasRegularizer: true,
  kernelConstraint: true,
  biasConstraint: true,
  useBias: true,
  biasInitializer: true,
  recurrentInitializer: true,
  recurrentRegularizer: true,
  recurrentConstraint: true,
  dropout: true,
  recurrentDropout: true,
};
// Stryker restore BooleanLiteral

/** The dropout masks of one sequence: one per gate block (Keras's implementation 1) or one for all. */
export interface CellDropoutMasks {
  inputs: tf.Tensor[] | null;
  recurrent: tf.Tensor[] | null;
}

/**
 * Checks the arguments a cell shares with its layer, so that errors name the layer the user made.
 *
 * @throws Error naming the argument and the layer: units < 1, a rate outside [0, 1)
 */
export function checkCellArgs(args: RNNCellArgs, layerName: string): void {
  if ((args as { cell?: unknown }).cell !== undefined) {
    throw new TypeError(`Unknown option "cell" in layer "${layerName}": it makes its own cell from its options; pass a cell of yours to rnn({ cell })`);
  }
  checkPositiveInteger(args.units, 'units', layerOwner(layerName));
  checkNumber(args.dropout ?? 0, 'dropout', layerOwner(layerName), FRACTION);
  checkNumber(args.recurrentDropout ?? 0, 'recurrentDropout', layerOwner(layerName), FRACTION);
}

/** What a cell's steps read of its weights, prepared once per sequence ({@link RNNCell.stepWeights}). */
export interface StepWeights {
  recurrentKernel: tf.Tensor;
  /** The recurrent kernel's gate blocks, when the recurrent dropout masks are per gate. */
  blocks?: tf.Tensor[];
  /** Cell-specific pieces (GRU: the recurrent bias, the kernel's gate and candidate parts). */
  [name: string]: tf.Tensor | tf.Tensor[] | undefined;
}

/**
 * The base of the recurrent cells: one timestep of a recurrent layer, which the {@link RNN} layer
 * runs over the sequence. The input projection `x·W + b` of every step is one matmul before the
 * loop ({@link projectInputs}); {@link step} then adds the recurrent part. Weights are `kernel`
 * `[features, gates·units]`, `recurrent_kernel` `[units, gates·units]` and `bias`, as Keras.
 * Called alone, a cell maps `[x, ...states]` to `[output, ...newStates]`.
 */
export abstract class RNNCell extends Layer {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RNNCellArgs, LayerArgs>(RNN_CELL_KEYS);
  readonly units: number;
  readonly activation: (x: tf.Tensor) => tf.Tensor;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly seed?: number;
  protected readonly cellArgs: RNNCellArgs;
  private readonly seeds: SeedGenerator;
  kernel?: LayerVariable;
  recurrentKernel?: LayerVariable;
  bias?: LayerVariable;
  private readonly kernelOptions: ResolvedWeightOptions;
  private readonly recurrentOptions: ResolvedWeightOptions;
  /** The bias's options (LSTM's unitForgetBias builds on its initializer). */
  protected readonly biasOptions: ResolvedWeightOptions;

  /** @throws Error naming the cell and argument for a bad units, rate, seed or identifier */
  constructor(args: RNNCellArgs) {
    super(args);
    checkCellArgs(args, this.name);
    this.units = args.units;
    this.activation = layerActivation(args.activation === undefined ? 'tanh' : args.activation, 'activation', this.name);
    this.useBias = args.useBias ?? true;
    this.dropout = args.dropout ?? 0;
    this.recurrentDropout = args.recurrentDropout ?? 0;
    this.seeds = new SeedGenerator(args.seed, this.name);
    this.seed = args.seed;
    this.cellArgs = args;
    const owner = (weight: string) => ({ layerName: this.name, weight });
    this.kernelOptions = weightOptions(args.kernelInitializer, 'glorot_uniform', args.kernelRegularizer, args.kernelConstraint, owner('kernel'));
    this.recurrentOptions = weightOptions(args.recurrentInitializer, 'orthogonal', args.recurrentRegularizer, args.recurrentConstraint, owner('recurrent'));
    this.biasOptions = weightOptions(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint, owner('bias'));
  }

  /** Gate blocks side by side in the kernels: 1 (SimpleRNN), 4 (LSTM), 3 (GRU). */
  protected abstract get gates(): number;

  /** Sizes of the states, as Keras's `state_size` (`[units, units]` for LSTM's h and c). */
  abstract get stateSize(): number[];

  /** Size of the output at each step. */
  get outputSize(): number {
    return this.units;
  }

  /** Shape of the bias: `[gates·units]` (GRU with resetAfter: `[2, 3·units]`). */
  protected biasShape(): number[] {
    return [this.gates * this.units];
  }

  /** The bias initializer (LSTM overrides it for unitForgetBias). */
  protected biasInitializer(): WeightInitializer {
    return this.biasOptions.initializer;
  }

  /** The bias added to the input projection (GRU with resetAfter: its first row). */
  protected inputBias(): tf.Tensor | undefined {
    return this.bias?.read();
  }

  /** Keras's masks are one per gate when recurrent dropout is on (implementation 1), else one. */
  protected get dropoutMaskCount(): number {
    return 1;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = isShapeList(inputShape) ? inputShape[0] : inputShape;
    const features = shape[shape.length - 1];
    if (features === null || features === undefined) {
      throw new Error(`Expected the feature axis of the input to be known in layer "${this.name}", received ${shapeToString(shape)}`);
    }
    const width = this.gates * this.units;
    this.kernel = this.addWeight('kernel', [features, width], this.kernelOptions);
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, width], this.recurrentOptions);
    if (this.useBias) {
      this.bias = this.addWeight('bias', this.biasShape(), { ...this.biasOptions, initializer: this.biasInitializer() });
    }
  }

  /** Zero states for a batch. */
  initialStates(batch: number): tf.Tensor[] {
    return this.stateSize.map((size) => tf.zeros([batch, size], this.dtype));
  }

  /**
   * Fresh dropout masks for a sequence (training only): inverted dropout of ones, as Keras. The
   * masks are the only tensors it leaves, inside a tidy or not; the caller disposes them.
   */
  dropoutMasks(batch: number, features: number): CellDropoutMasks {
    const make = (rate: number, size: number) =>
      rate > 0 ? Array.from({ length: this.dropoutMaskCount }, () => tf.tidy(() => tf.dropout(tf.ones([batch, size]), rate, undefined, this.seeds.next()))) : null;
    return { inputs: make(this.dropout, features), recurrent: make(this.recurrentDropout, this.units) };
  }

  /** `x_t·W (+ b)` for every step of `[batch, time, features]` at once: `[batch, time, gates·units]`. */
  projectInputs(sequence: tf.Tensor, masks: tf.Tensor[] | null): tf.Tensor {
    const [batch, time, features] = sequence.shape;
    const flatten = (mask: tf.Tensor | null) => tf.reshape(mask === null ? sequence : tf.mul(sequence, tf.expandDims(mask, 1)), [batch * time, features]);
    const kernel = this.kernel!.read();
    let projected: tf.Tensor;
    if (masks === null || masks.length === 1) {
      projected = tf.matMul(flatten(masks?.[0] ?? null), kernel);
    } else {
      const blocks = tf.split(kernel, masks.length, 1);
      projected = tf.concat(masks.map((mask, gate) => tf.matMul(flatten(mask), blocks[gate])), 1);
    }
    const bias = this.inputBias();
    if (bias !== undefined) projected = tf.add(projected, bias);
    return tf.reshape(projected, [batch, time, this.gates * this.units]);
  }

  /**
   * The recurrent weights every step of a sequence reads, prepared once per sequence (the RNN
   * layer calls it before its loop): the recurrent kernel, and its gate blocks when the recurrent
   * dropout masks are per gate. Cells add what else their steps slice (GRU's recurrent bias).
   */
  stepWeights(recurrentMasks: tf.Tensor[] | null): StepWeights {
    const recurrentKernel = this.recurrentKernel!.read();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the blocks only spare recurrentProduct splitting the kernel again (it splits it itself when they are missing, and reads them only with per-gate masks)
    const blocks = recurrentMasks !== null && recurrentMasks.length > 1 ? tf.split(recurrentKernel, recurrentMasks.length, 1) : undefined;
    return { recurrentKernel, blocks };
  }

  /** `state·U`, with the state's dropout mask (one for all gates, or one per gate block of `blocks`). */
  protected recurrentProduct(state: tf.Tensor, masks: tf.Tensor[] | null, kernel: tf.Tensor, blocks?: tf.Tensor[]): tf.Tensor {
    if (masks === null) return tf.matMul(state, kernel);
    if (masks.length === 1) return tf.matMul(tf.mul(state, masks[0]), kernel);
    // Stryker disable next-line LogicalOperator: stepWeights passes the blocks whenever the masks are per gate, and splitting again gives the same blocks
    const gateBlocks = blocks ?? tf.split(kernel, masks.length, 1);
    return tf.concat(masks.map((mask, gate) => tf.matMul(tf.mul(state, mask), gateBlocks[gate])), 1);
  }

  /**
   * One step from the projected input `[batch, gates·units]` and the previous states.
   *
   * @param weights {@link stepWeights} of the sequence
   * @returns the step's output and the new states
   */
  abstract step(projected: tf.Tensor, states: tf.Tensor[], recurrentMasks: tf.Tensor[] | null, weights: StepWeights): { output: tf.Tensor; states: tf.Tensor[] };

  /** One step on its own: `[x, ...states]` (zero states when only x is given) → `[output, ...newStates]`. */
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor[] {
    const [x, ...given] = Array.isArray(inputs) ? inputs : [inputs];
    const batch = x.shape[0];
    const states = given.length > 0 ? given : this.initialStates(batch);
    if (states.length !== this.stateSize.length) {
      throw new Error(`Expected ${this.stateSize.length} states in layer "${this.name}", received ${states.length}`);
    }
    const masks = args.training === true ? this.dropoutMasks(batch, x.shape[1] as number) : { inputs: null, recurrent: null };
    // Stryker disable next-line ArrayDeclaration: squeezing every size-one axis drops time and a batch of one, which the step's sum with the recurrent product [batch, …] broadcasts back
    const projected = tf.squeeze(this.projectInputs(tf.expandDims(x, 1), masks.inputs), [1]);
    const result = this.step(projected, states, masks.recurrent, this.stepWeights(masks.recurrent));
    return [result.output, ...result.states];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const batch = (isShapeList(inputShape) ? inputShape[0] : inputShape)[0];
    return [[batch, this.outputSize], ...this.stateSize.map((size): Shape => [batch, size])];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.cellArgs;
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(a.kernelInitializer, 'glorot_uniform'),
      recurrent_initializer: initializerConfig(a.recurrentInitializer, 'orthogonal'),
      bias_initializer: initializerConfig(a.biasInitializer, 'zeros'),
      kernel_regularizer: regularizerConfig(a.kernelRegularizer),
      recurrent_regularizer: regularizerConfig(a.recurrentRegularizer),
      bias_regularizer: regularizerConfig(a.biasRegularizer),
      kernel_constraint: constraintConfig(a.kernelConstraint),
      recurrent_constraint: constraintConfig(a.recurrentConstraint),
      bias_constraint: constraintConfig(a.biasConstraint),
      dropout: this.dropout,
      recurrent_dropout: this.recurrentDropout,
      seed: this.seed ?? null,
    };
  }
}

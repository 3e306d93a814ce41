import { tf } from '@dendrite/backend';
import { fusedDense, optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import { type ActivationIdentifier, fusedActivationOf, serializeActivation } from '../activations/index';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, MAX_WEIGHT_ELEMENTS, type TensorOrList, type ResolvedWeightOptions } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, singleShape } from '../engine/shape';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions, layerActivation } from './weight-options';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Dense}. */
export interface DenseArgs extends LayerArgs {
  /** Output size (≥ 1). */
  units: number;
  /** Activation applied to the output (none by default). */
  activation?: ActivationIdentifier;
  /** Whether to add a bias (true). */
  useBias?: boolean;
  kernelInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  activityRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

/**
 * A densely connected layer, `output = activation(dot(input, kernel) + bias)`, applied to the last
 * axis; runs as one `tf.fused.matMul` when the activation can be fused.
 *
 * @example
 * ```ts
 * const layer = dense({ units: 128, activation: 'relu', inputShape: [784] });
 * ```
 */
export class Dense extends Layer {
  static override className = 'Dense';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<DenseArgs, LayerArgs>({
    activation: true,
    units: true,
    kernelInitializer: true,
    kernelRegularizer: true,
    biasRegularizer: true,
    kernelConstraint: true,
    biasConstraint: true,
    useBias: true,
    activityRegularizer: true,
    biasInitializer: true,
  });
  // Stryker restore BooleanLiteral
  readonly units: number;
  readonly activation: (x: tf.Tensor) => tf.Tensor;
  readonly useBias: boolean;
  private readonly args: DenseArgs;
  private readonly kernelOptions: ResolvedWeightOptions;
  private readonly biasOptions: ResolvedWeightOptions;
  kernel?: LayerVariable;
  bias?: LayerVariable;

  constructor(args: DenseArgs) {
    super(args);
    this.units = checkPositiveInteger(args.units, 'units', layerOwner(this.name));
    if (this.units > MAX_WEIGHT_ELEMENTS) throw new RangeError(`Expected units to be an integer in [1, ${MAX_WEIGHT_ELEMENTS}], received ${this.units} in layer "${this.name}"`);
    this.activation = layerActivation(args.activation, 'activation', this.name);
    this.useBias = args.useBias ?? true;
    this.args = args;
    this.kernelOptions = weightOptions(args.kernelInitializer, 'glorot_uniform', args.kernelRegularizer, args.kernelConstraint, { layerName: this.name, weight: 'kernel' });
    this.biasOptions = weightOptions(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint, { layerName: this.name, weight: 'bias' });
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    this.inputSpec = { minNdim: 2 };
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const inputDim = shape[shape.length - 1];
    if (inputDim === null) throw new Error(`Expected the last axis of the input to be known in layer "${this.name}", received null`);
    this.kernel = this.addWeight('kernel', [inputDim, this.units], this.kernelOptions);
    if (this.useBias) this.bias = this.addWeight('bias', [this.units], this.biasOptions);
    this.inputSpec = { minNdim: 2, axes: { [-1]: inputDim } };
    // Stryker disable next-line BooleanLiteral: Layer's constructor wraps build and sets built = true after it (as Keras), whatever this line says
    this.built = true;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const kernel = this.kernel!.read();
    const bias = this.bias?.read();
    const rank = x.rank;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: reshaping a rank-2 input to [-1, its last size] leaves it as it is
    const flat = rank > 2 ? tf.reshape(x, [-1, x.shape[rank - 1]]) : x;
    const fused = fusedActivationOf(this.activation);
    let output: tf.Tensor;
    // 'linear' could go either way (tf.fused.matMul fuses it under a tape too); relu must come here
    // (tf.fused.matMul unfuses it under a tape): dense.test.ts counts the kernels.
    if (fused === undefined || fused.name === 'linear' || fused.name === 'relu') {
      // One kernel while training too (tf.fused.matMul runs three under a gradient tape).
      const linear = fusedDense({ x: flat as tf.Tensor2D, kernel: kernel as tf.Tensor2D, bias, activation: fused?.name === 'relu' ? 'relu' : 'linear' });
      output = fused === undefined ? this.activation(linear) : linear;
    } else {
      output = tf.fused.matMul({ a: flat as tf.Tensor2D, b: kernel as tf.Tensor2D, bias, activation: fused.name, leakyreluAlpha: fused.alpha });
    }
    return rank > 2 ? tf.reshape(output, [...x.shape.slice(0, -1), this.units]) : output;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [...shape.slice(0, -1), this.units];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.args;
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(a.kernelInitializer, 'glorot_uniform'),
      bias_initializer: initializerConfig(a.biasInitializer, 'zeros'),
      kernel_regularizer: regularizerConfig(a.kernelRegularizer),
      bias_regularizer: regularizerConfig(a.biasRegularizer),
      activity_regularizer: regularizerConfig(a.activityRegularizer),
      kernel_constraint: constraintConfig(a.kernelConstraint),
      bias_constraint: constraintConfig(a.biasConstraint),
    };
  }
}

registerLayer(Dense);

/**
 * Makes a {@link Dense} layer.
 *
 * Keras's positional arguments may come first, as `Dense(units, ...)`: `dense(units, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * dense(64, { activation: 'relu', inputShape: [784] }); // Keras: Dense(64, activation='relu', input_shape=(784,))
 * dense({ units: 10, activation: 'softmax' });
 * ```
 */
export function dense(args: DenseArgs): Dense;
export function dense(units: NonNullable<DenseArgs['units']>, options?: Omit<DenseArgs, 'units'>): Dense;
export function dense(...values: unknown[]): Dense {
  return new Dense(positionalOptions<DenseArgs>(values, ['units'], 'layer Dense'));
}

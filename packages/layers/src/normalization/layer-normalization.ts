import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import type { RegularizerIdentifier } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList, type ResolvedWeightOptions } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';
import { broadcastToAxes, normalizeAxis } from './normalization-axes';

/** Arguments of {@link LayerNormalization}. */
export interface LayerNormalizationArgs extends LayerArgs {
  /** The axis or axes normalized over, for each sample (−1, the last). */
  axis?: number | number[];
  /** Added to the variance before the square root (1e-3). */
  epsilon?: number;
  /** Whether to add the learned offset `beta` (true). */
  center?: boolean;
  /** Whether to multiply by the learned scale `gamma` (true). */
  scale?: boolean;
  /** Keras's RMS form: `x·γ/√(σ² + ε)`, ignoring `center` and `scale` (false). */
  rmsScaling?: boolean;
  betaInitializer?: InitializerIdentifier;
  gammaInitializer?: InitializerIdentifier;
  betaRegularizer?: RegularizerIdentifier;
  gammaRegularizer?: RegularizerIdentifier;
  betaConstraint?: ConstraintIdentifier;
  gammaConstraint?: ConstraintIdentifier;
}

/**
 * Keras's `LayerNormalization`: each sample is normalized over `axis` with its own mean and
 * (biased) variance, `γ·(x − μ)/√(σ² + ε) + β`; `γ` and `β` span the normalized axes. The same in
 * training and inference.
 *
 * @example
 * ```ts
 * layerNormalization({ epsilon: 1e-6 }).apply(tf.tensor2d([[1, 3]])); // ≈ [[-1, 1]]
 * ```
 */
export class LayerNormalization extends Layer {
  static override className = 'LayerNormalization';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<LayerNormalizationArgs, LayerArgs>({
    axis: true,
    epsilon: true,
    scale: true,
    center: true,
    betaInitializer: true,
    gammaInitializer: true,
    betaRegularizer: true,
    gammaRegularizer: true,
    betaConstraint: true,
    gammaConstraint: true,
    rmsScaling: true,
  });
  // Stryker restore BooleanLiteral
  readonly axis: number | number[];
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly rmsScaling: boolean;
  private readonly args: LayerNormalizationArgs;
  private readonly betaOptions: ResolvedWeightOptions;
  private readonly gammaOptions: ResolvedWeightOptions;
  gamma?: LayerVariable;
  beta?: LayerVariable;

  /** @throws Error naming the layer and argument for a bad axis, epsilon or identifier */
  constructor(args: LayerNormalizationArgs = {}) {
    super(args);
    const axis = args.axis ?? -1;
    const axes = Array.isArray(axis) ? axis : [axis];
    if (axes.length === 0 || axes.some((entry) => !Number.isInteger(entry))) {
      throw new Error(`Expected axis to be an integer or a non-empty list of integers, received ${describeValue(args.axis)} in layer "${this.name}"`);
    }
    this.axis = Array.isArray(axis) ? [...axis] : axis;
    this.epsilon = args.epsilon ?? 1e-3;
    if (typeof this.epsilon !== 'number' || !(this.epsilon >= 0)) {
      throw argumentError(args.epsilon, 'number', `Expected epsilon to be a number ≥ 0, received ${describeValue(args.epsilon)} in layer "${this.name}"`);
    }
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.rmsScaling = args.rmsScaling ?? false;
    this.args = args;
    this.betaOptions = weightOptions(args.betaInitializer, 'zeros', args.betaRegularizer, args.betaConstraint, { layerName: this.name, weight: 'beta' });
    this.gammaOptions = weightOptions(args.gammaInitializer, 'ones', args.gammaRegularizer, args.gammaConstraint, { layerName: this.name, weight: 'gamma' });
    this.supportsMasking = true;
  }

  /** The normalized axes for inputs of `rank`, in [0, rank), sorted. */
  private axes(rank: number): number[] {
    const axes = (Array.isArray(this.axis) ? this.axis : [this.axis]).map((axis) => normalizeAxis(axis, rank, 'axis', this.name));
    return [...new Set(axes)].sort((a, b) => a - b);
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const sizes = this.axes(shape.length).map((axis) => shape[axis]);
    if (sizes.some((size) => size === null)) {
      throw new Error(`Expected the normalized axes ${describeValue(this.axis)} of the input to be known in layer "${this.name}", received ${shapeToString(shape)}`);
    }
    const weightShape = sizes as number[];
    if (this.scale || this.rmsScaling) this.gamma = this.addWeight('gamma', weightShape, this.gammaOptions);
    if (this.center && !this.rmsScaling) this.beta = this.addWeight('beta', weightShape, this.betaOptions);
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const axes = this.axes(x.rank);
    const { mean, variance } = tf.moments(x, axes, true);
    let inv = tf.rsqrt(tf.add(variance, this.epsilon));
    if (this.gamma) inv = tf.mul(inv, broadcastToAxes(this.gamma.read(), x.shape, axes));
    if (this.rmsScaling) return tf.mul(x, inv);
    let offset = tf.neg(tf.mul(mean, inv));
    if (this.beta) offset = tf.add(offset, broadcastToAxes(this.beta.read(), x.shape, axes));
    return tf.add(tf.mul(x, inv), offset);
  }

  override getConfig(): Record<string, unknown> {
    const a = this.args;
    return {
      ...super.getConfig(),
      axis: this.axis,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      rms_scaling: this.rmsScaling,
      beta_initializer: initializerConfig(a.betaInitializer, 'zeros'),
      gamma_initializer: initializerConfig(a.gammaInitializer, 'ones'),
      beta_regularizer: regularizerConfig(a.betaRegularizer),
      gamma_regularizer: regularizerConfig(a.gammaRegularizer),
      beta_constraint: constraintConfig(a.betaConstraint),
      gamma_constraint: constraintConfig(a.gammaConstraint),
    };
  }
}

registerLayer(LayerNormalization);

/**
 * Makes a {@link LayerNormalization} layer.
 *
 * @example
 * ```ts
 * layerNormalization({ axis: [1, 2] });
 * ```
 */
export function layerNormalization(args: LayerNormalizationArgs = {}): LayerNormalization {
  return new LayerNormalization(args);
}

import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import type { ConstraintIdentifier } from '../constraints/index';
import { type InitializerIdentifier, getInitializer } from '../initializers/index';
import type { RegularizerIdentifier } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList, type ResolvedWeightOptions } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';
import { broadcastToAxes, normalizeAxis } from './normalization-axes';

/** Arguments of {@link BatchNormalization}. */
export interface BatchNormalizationArgs extends LayerArgs {
  /**
   * The feature axis, whose entries get their own statistics (−1, the last). A one-entry list
   * (`[3]`, as tf.keras 2.x writes it in its files) is that axis.
   */
  axis?: number | number[];
  /** Momentum of the moving averages, in [0, 1] (0.99). */
  momentum?: number;
  /** Added to the variance before the square root (1e-3). */
  epsilon?: number;
  /** Whether to add the learned offset `beta` (true). */
  center?: boolean;
  /** Whether to multiply by the learned scale `gamma` (true). */
  scale?: boolean;
  betaInitializer?: InitializerIdentifier;
  gammaInitializer?: InitializerIdentifier;
  movingMeanInitializer?: InitializerIdentifier;
  movingVarianceInitializer?: InitializerIdentifier;
  betaRegularizer?: RegularizerIdentifier;
  gammaRegularizer?: RegularizerIdentifier;
  betaConstraint?: ConstraintIdentifier;
  gammaConstraint?: ConstraintIdentifier;
  /** Keras's cross-device statistics; only false (one device) is supported. */
  synchronized?: boolean;
}

/**
 * Keras's `BatchNormalization`: `γ·(x − μ)/√(σ² + ε) + β` per feature. In training (`training:
 * true` on a trainable layer) μ and σ² are the batch's (biased) statistics, and the moving ones are
 * updated: `moving = moving·momentum + batch·(1 − momentum)`; otherwise the moving statistics are
 * used. As in Keras 3, a frozen layer (`trainable = false`) always runs in inference mode. A mask of
 * rank `inputs.rank − 1` keeps masked entries out of the batch statistics.
 *
 * @example
 * ```ts
 * sequential({ layers: [dense({ units: 512, inputShape: [784] }), batchNormalization(), activation({ activation: 'relu' })] });
 * ```
 */
export class BatchNormalization extends Layer {
  static override className = 'BatchNormalization';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<BatchNormalizationArgs, LayerArgs>({
    axis: true,
    momentum: true,
    epsilon: true,
    scale: true,
    center: true,
    betaInitializer: true,
    gammaInitializer: true,
    movingMeanInitializer: true,
    movingVarianceInitializer: true,
    betaRegularizer: true,
    gammaRegularizer: true,
    betaConstraint: true,
    gammaConstraint: true,
    synchronized: true,
  });
  // Stryker restore BooleanLiteral
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private readonly args: BatchNormalizationArgs;
  private readonly betaOptions: ResolvedWeightOptions;
  private readonly gammaOptions: ResolvedWeightOptions;
  gamma?: LayerVariable;
  beta?: LayerVariable;
  movingMean?: LayerVariable;
  movingVariance?: LayerVariable;

  /** @throws Error naming the layer and argument for a bad axis, momentum, epsilon, identifier or `synchronized: true` */
  constructor(args: BatchNormalizationArgs = {}) {
    super(args);
    this.axis = (Array.isArray(args.axis) && args.axis.length === 1 ? args.axis[0] : args.axis ?? -1) as number;
    if (!Number.isInteger(this.axis)) throw new Error(`Expected axis to be an integer or a list of one integer, received ${describeValue(args.axis)} in layer "${this.name}"`);
    this.momentum = args.momentum ?? 0.99;
    if (typeof this.momentum !== 'number' || !(this.momentum >= 0 && this.momentum <= 1)) {
      throw argumentError(args.momentum, 'number', `Expected momentum to be a number in [0, 1], received ${describeValue(args.momentum)} in layer "${this.name}"`);
    }
    this.epsilon = args.epsilon ?? 1e-3;
    if (typeof this.epsilon !== 'number' || !(this.epsilon > 0)) {
      throw argumentError(args.epsilon, 'number', `Expected epsilon to be a number > 0, received ${describeValue(args.epsilon)} in layer "${this.name}"`);
    }
    if (args.synchronized === true) {
      throw new Error(`Expected synchronized to be false (statistics of one device), received true in layer "${this.name}"`);
    }
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.args = args;
    this.betaOptions = weightOptions(args.betaInitializer, 'zeros', args.betaRegularizer, args.betaConstraint, { layerName: this.name, weight: 'beta' });
    this.gammaOptions = weightOptions(args.gammaInitializer, 'ones', args.gammaRegularizer, args.gammaConstraint, { layerName: this.name, weight: 'gamma' });
    getInitializer(args.movingMeanInitializer ?? 'zeros');
    getInitializer(args.movingVarianceInitializer ?? 'ones');
    this.supportsMasking = true;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const axis = normalizeAxis(this.axis, shape.length, 'axis', this.name);
    const size = shape[axis];
    if (size === null) throw new Error(`Expected axis ${this.axis} of the input to be known in layer "${this.name}", received ${shapeToString(shape)}`);
    const a = this.args;
    if (this.scale) this.gamma = this.addWeight('gamma', [size], this.gammaOptions);
    if (this.center) this.beta = this.addWeight('beta', [size], this.betaOptions);
    this.movingMean = this.addWeight('moving_mean', [size], { initializer: getInitializer(a.movingMeanInitializer ?? 'zeros'), trainable: false });
    this.movingVariance = this.addWeight('moving_variance', [size], { initializer: getInitializer(a.movingVarianceInitializer ?? 'ones'), trainable: false });
    this.inputSpec = { ndim: shape.length, axes: { [this.axis]: size } };
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    // Stryker disable next-line StringLiteral: build checked this axis, and the input spec holds the rank, so this never throws
    const axis = normalizeAxis(this.axis, x.rank, 'axis', this.name);
    const mask = (Array.isArray(args.mask) ? args.mask[0] : args.mask) ?? null;
    if (mask !== null && mask.rank !== x.rank - 1) {
      throw new Error(`Expected a mask of rank ${x.rank - 1} (one less than the inputs) in layer "${this.name}", received shape ${shapeToString(mask.shape)}`);
    }
    let mean: tf.Tensor = this.movingMean!.read();
    let variance: tf.Tensor = this.movingVariance!.read();
    if (args.training === true && this.trainable) {
      [mean, variance] = this.batchMoments(x, axis, mask);
      // The moving statistics are assigned, not trained: Keras's update, outside the gradient.
      const m = this.momentum;
      const [movingMean, movingVariance] = [this.movingMean!.variable, this.movingVariance!.variable];
      movingMean.assign(tf.add(tf.mul(movingMean, m), tf.mul(mean, 1 - m)));
      movingVariance.assign(tf.add(tf.mul(movingVariance, m), tf.mul(variance, 1 - m)));
    }
    // Keras's batch_normalization: x·inv + (β − μ·inv), inv = γ/√(σ² + ε).
    let inv = tf.rsqrt(tf.add(variance, this.epsilon));
    if (this.gamma) inv = tf.mul(inv, this.gamma.read());
    let offset = tf.neg(tf.mul(mean, inv));
    if (this.beta) offset = tf.add(offset, this.beta.read());
    return tf.add(tf.mul(x, broadcastToAxes(inv, x.shape, [axis])), broadcastToAxes(offset, x.shape, [axis]));
  }

  /** Mean and biased variance over every axis but `axis`, masked entries left out (Keras's `_moments`). */
  private batchMoments(x: tf.Tensor, axis: number, mask: tf.Tensor | null): [tf.Tensor, tf.Tensor] {
    const reduction = [...Array(x.rank).keys()].filter((i) => i !== axis);
    if (mask === null) {
      const { mean, variance } = tf.moments(x, reduction);
      return [mean, variance];
    }
    const weights = tf.expandDims(tf.cast(mask, x.dtype), -1);
    const weighted = tf.mul(weights, x);
    const count = tf.add(tf.sum(weights, reduction, true), 1e-7);
    const mean = tf.div(tf.sum(weighted, reduction, true), count);
    const variance = tf.div(tf.sum(tf.mul(weights, tf.square(tf.sub(weighted, mean))), reduction, true), count);
    return [tf.reshape(mean, [-1]), tf.reshape(variance, [-1])];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.args;
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      beta_initializer: initializerConfig(a.betaInitializer, 'zeros'),
      gamma_initializer: initializerConfig(a.gammaInitializer, 'ones'),
      moving_mean_initializer: initializerConfig(a.movingMeanInitializer, 'zeros'),
      moving_variance_initializer: initializerConfig(a.movingVarianceInitializer, 'ones'),
      beta_regularizer: regularizerConfig(a.betaRegularizer),
      gamma_regularizer: regularizerConfig(a.gammaRegularizer),
      beta_constraint: constraintConfig(a.betaConstraint),
      gamma_constraint: constraintConfig(a.gammaConstraint),
      synchronized: false,
    };
  }
}

registerLayer(BatchNormalization, ['BatchNormalizationV1', 'BatchNormalizationV2']);

/**
 * Makes a {@link BatchNormalization} layer.
 *
 * @example
 * ```ts
 * batchNormalization({ momentum: 0.9 });
 * ```
 */
export function batchNormalization(args: BatchNormalizationArgs = {}): BatchNormalization {
  return new BatchNormalization(args);
}

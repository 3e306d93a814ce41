import { tf } from '@dendrite/backend';
import { type ConstraintIdentifier, getConstraint, serializeConstraint } from '../constraints/index';
import { type InitializerIdentifier, getInitializer, serializeInitializer } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer, serializeRegularizer } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, singleShape } from '../engine/shape';

/** Arguments of {@link BatchNormalization}. */
export interface BatchNormalizationArgs extends LayerArgs {
  axis?: number;
  momentum?: number;
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  betaInitializer?: InitializerIdentifier;
  gammaInitializer?: InitializerIdentifier;
  movingMeanInitializer?: InitializerIdentifier;
  movingVarianceInitializer?: InitializerIdentifier;
  betaRegularizer?: RegularizerIdentifier;
  gammaRegularizer?: RegularizerIdentifier;
  betaConstraint?: ConstraintIdentifier;
  gammaConstraint?: ConstraintIdentifier;
}

const resolve = <T>(value: T | undefined | null, get: (v: T) => unknown) => (value == null ? undefined : get(value));

/**
 * Normalizes with the batch's statistics in training (updating the moving ones:
 * `moving = moving·momentum + batch·(1 − momentum)`) and with the moving statistics otherwise;
 * a frozen layer (`trainable = false`) always runs in inference mode, as Keras 3.
 */
export class BatchNormalization extends Layer {
  static override className = 'BatchNormalization';
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private readonly bnArgs: BatchNormalizationArgs;
  gamma?: LayerVariable;
  beta?: LayerVariable;
  movingMean?: LayerVariable;
  movingVariance?: LayerVariable;

  constructor(args: BatchNormalizationArgs = {}) {
    super(args);
    this.axis = args.axis ?? -1;
    this.momentum = args.momentum ?? 0.99;
    this.epsilon = args.epsilon ?? 1e-3;
    if (!(this.momentum >= 0 && this.momentum <= 1)) throw new Error(`Expected momentum in [0, 1], received ${args.momentum} in layer "${this.name}"`);
    if (!(this.epsilon > 0)) throw new Error(`Expected epsilon > 0, received ${args.epsilon} in layer "${this.name}"`);
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.bnArgs = args;
    this.supportsMasking = true;
  }

  private featureAxis(rank: number): number {
    const axis = this.axis < 0 ? rank + this.axis : this.axis;
    if (axis <= 0 || axis >= rank) throw new Error(`Expected axis to name a feature axis of a rank-${rank} input in layer "${this.name}", received ${this.axis}`);
    return axis;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const size = shape[this.featureAxis(shape.length)];
    if (size === null) throw new Error(`Expected the normalized axis to be known in layer "${this.name}", received null`);
    const a = this.bnArgs;
    if (this.scale) this.gamma = this.addWeight('gamma', [size], { initializer: getInitializer(a.gammaInitializer ?? 'ones'), regularizer: resolve(a.gammaRegularizer, getRegularizer) as never, constraint: resolve(a.gammaConstraint, getConstraint) as never });
    if (this.center) this.beta = this.addWeight('beta', [size], { initializer: getInitializer(a.betaInitializer ?? 'zeros'), regularizer: resolve(a.betaRegularizer, getRegularizer) as never, constraint: resolve(a.betaConstraint, getConstraint) as never });
    this.movingMean = this.addWeight('moving_mean', [size], { initializer: getInitializer(a.movingMeanInitializer ?? 'zeros'), trainable: false });
    this.movingVariance = this.addWeight('moving_variance', [size], { initializer: getInitializer(a.movingVarianceInitializer ?? 'ones'), trainable: false });
    this.inputSpec = { axes: { [this.axis]: size } };
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const axis = this.featureAxis(x.rank);
    const reduction = [...Array(x.rank).keys()].filter((i) => i !== axis);
    const broadcast = (v: tf.Tensor | undefined) => (v === undefined ? undefined : axis === x.rank - 1 ? v : tf.reshape(v, x.shape.map((s, i) => (i === axis ? s : 1))));
    const gamma = broadcast(this.gamma?.read());
    const beta = broadcast(this.beta?.read());
    if (args.training && this.trainable) {
      const { mean, variance } = tf.moments(x, reduction);
      // The moving statistics are assigned, not trained: no gradient reaches them.
      const m = this.momentum;
      this.movingMean!.variable.assign(tf.tidy(() => tf.add(tf.mul(this.movingMean!.read(), m), tf.mul(mean, 1 - m))));
      this.movingVariance!.variable.assign(tf.tidy(() => tf.add(tf.mul(this.movingVariance!.read(), m), tf.mul(variance, 1 - m))));
      return this.normalize(x, broadcast(mean)!, broadcast(variance)!, gamma, beta);
    }
    return this.normalize(x, broadcast(this.movingMean!.read())!, broadcast(this.movingVariance!.read())!, gamma, beta);
  }

  /** `γ·(x − μ)/√(σ² + ε) + β` from primitive ops (tf.batchNorm's gradient fails without γ). */
  private normalize(x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, gamma?: tf.Tensor, beta?: tf.Tensor): tf.Tensor {
    let y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
    if (gamma) y = tf.mul(y, gamma);
    return beta ? tf.add(y, beta) : y;
  }

  override getConfig(): Record<string, unknown> {
    const a = this.bnArgs;
    const reg = (v: RegularizerIdentifier | undefined) => (v == null ? null : serializeRegularizer(getRegularizer(v)));
    const con = (v: ConstraintIdentifier | undefined) => (v == null ? null : serializeConstraint(getConstraint(v)));
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      beta_initializer: serializeInitializer(getInitializer(a.betaInitializer ?? 'zeros')),
      gamma_initializer: serializeInitializer(getInitializer(a.gammaInitializer ?? 'ones')),
      moving_mean_initializer: serializeInitializer(getInitializer(a.movingMeanInitializer ?? 'zeros')),
      moving_variance_initializer: serializeInitializer(getInitializer(a.movingVarianceInitializer ?? 'ones')),
      beta_regularizer: reg(a.betaRegularizer),
      gamma_regularizer: reg(a.gammaRegularizer),
      beta_constraint: con(a.betaConstraint),
      gamma_constraint: con(a.gammaConstraint),
    };
  }
}

/** Normalizes each sample over `axis` (−1): `γ·(x − μ)/√(σ² + ε) + β`. */
export class LayerNormalization extends Layer {
  static override className = 'LayerNormalization';
  readonly axis: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  gamma?: LayerVariable;
  beta?: LayerVariable;
  constructor(args: LayerArgs & { axis?: number; epsilon?: number; center?: boolean; scale?: boolean } = {}) {
    super(args);
    this.axis = args.axis ?? -1;
    this.epsilon = args.epsilon ?? 1e-3;
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.supportsMasking = true;
  }
  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const size = shape[this.axis < 0 ? shape.length + this.axis : this.axis];
    if (size === null || size === undefined) throw new Error(`Expected the normalized axis to be known in layer "${this.name}", received ${shape}`);
    if (this.scale) this.gamma = this.addWeight('gamma', [size], { initializer: getInitializer('ones') });
    if (this.center) this.beta = this.addWeight('beta', [size], { initializer: getInitializer('zeros') });
  }
  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor;
    const axis = this.axis < 0 ? x.rank + this.axis : this.axis;
    const { mean, variance } = tf.moments(x, axis, true);
    const reshape = (v: tf.Tensor) => (axis === x.rank - 1 ? v : tf.reshape(v, x.shape.map((s, i) => (i === axis ? s : 1))));
    let y = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, this.epsilon)));
    if (this.gamma) y = tf.mul(y, reshape(this.gamma.read()));
    if (this.beta) y = tf.add(y, reshape(this.beta.read()));
    return y;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis, epsilon: this.epsilon, center: this.center, scale: this.scale };
  }
}

registerLayer(BatchNormalization);
registerLayer(LayerNormalization);

export const batchNormalization = (args: BatchNormalizationArgs = {}) => new BatchNormalization(args);
export const layerNormalization = (args: ConstructorParameters<typeof LayerNormalization>[0] = {}) => new LayerNormalization(args);

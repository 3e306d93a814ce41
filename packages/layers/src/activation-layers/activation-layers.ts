import { tf } from '@dendrite/backend';
import { type ActivationIdentifier, getActivation, reluWith, serializeActivation } from '../activations/index';
import { type ConstraintIdentifier, getConstraint, serializeConstraint } from '../constraints/index';
import { type InitializerIdentifier, getInitializer, serializeInitializer } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer, serializeRegularizer } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, singleShape } from '../engine/shape';

/** Applies an activation: `activation({activation: 'relu'})`. */
export class Activation extends Layer {
  static override className = 'Activation';
  readonly activation: (x: tf.Tensor) => tf.Tensor;
  constructor(args: LayerArgs & { activation: ActivationIdentifier }) {
    super(args);
    this.activation = getActivation(args.activation);
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList): tf.Tensor {
    return this.activation(inputs as tf.Tensor);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), activation: serializeActivation(this.activation) };
  }
}

/** Keras's `ReLU` layer: maxValue, negativeSlope, threshold. */
export class ReLU extends Layer {
  static override className = 'ReLU';
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;
  private readonly fn: (x: tf.Tensor) => tf.Tensor;
  constructor(args: LayerArgs & { maxValue?: number | null; negativeSlope?: number; threshold?: number } = {}) {
    super(args);
    this.maxValue = args.maxValue ?? null;
    this.negativeSlope = args.negativeSlope ?? 0;
    this.threshold = args.threshold ?? 0;
    this.fn = reluWith({ maxValue: this.maxValue, negativeSlope: this.negativeSlope, threshold: this.threshold });
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor;
    return this.maxValue === null && this.negativeSlope === 0 && this.threshold === 0 ? tf.relu(x) : this.fn(x);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), max_value: this.maxValue, negative_slope: this.negativeSlope, threshold: this.threshold };
  }
}

/** `x` above 0, `negativeSlope·x` below (Keras 3's default slope 0.3; `alpha` accepted). */
export class LeakyReLU extends Layer {
  static override className = 'LeakyReLU';
  readonly negativeSlope: number;
  constructor(args: LayerArgs & { negativeSlope?: number; alpha?: number } = {}) {
    super(args);
    this.negativeSlope = args.negativeSlope ?? args.alpha ?? 0.3;
    if (!(this.negativeSlope >= 0)) throw new Error(`Expected negativeSlope ≥ 0, received ${this.negativeSlope} in layer "${this.name}"`);
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList): tf.Tensor {
    return tf.leakyRelu(inputs as tf.Tensor, this.negativeSlope);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), negative_slope: this.negativeSlope };
  }
}

/** ELU with `alpha` (1). */
export class ELU extends Layer {
  static override className = 'ELU';
  readonly alpha: number;
  constructor(args: LayerArgs & { alpha?: number } = {}) {
    super(args);
    this.alpha = args.alpha ?? 1;
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor;
    return this.alpha === 1 ? tf.elu(x) : tf.where(tf.greater(x, 0), x, tf.mul(this.alpha, tf.sub(tf.exp(x), 1)));
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}

/** Softmax over `axis` (−1); masked positions get no probability, as Keras. */
export class Softmax extends Layer {
  static override className = 'Softmax';
  readonly axis: number;
  constructor(args: LayerArgs & { axis?: number } = {}) {
    super(args);
    this.axis = args.axis ?? -1;
    this.supportsMasking = true;
  }
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    let x = inputs as tf.Tensor;
    const mask = args.mask as tf.Tensor | null | undefined;
    if (mask) x = tf.add(x, tf.mul(tf.sub(1, tf.cast(mask, x.dtype)), -1e9));
    return tf.softmax(x, this.axis);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}

/** Leaky ReLU with a learned slope per unit (shared along `sharedAxes`). */
export class PReLU extends Layer {
  static override className = 'PReLU';
  readonly sharedAxes: number[];
  private readonly preluArgs: { alphaInitializer?: InitializerIdentifier; alphaRegularizer?: RegularizerIdentifier; alphaConstraint?: ConstraintIdentifier };
  alpha?: LayerVariable;
  constructor(args: LayerArgs & { alphaInitializer?: InitializerIdentifier; alphaRegularizer?: RegularizerIdentifier; alphaConstraint?: ConstraintIdentifier; sharedAxes?: number | number[] } = {}) {
    super(args);
    this.sharedAxes = args.sharedAxes == null ? [] : Array.isArray(args.sharedAxes) ? args.sharedAxes : [args.sharedAxes];
    this.preluArgs = args;
    this.supportsMasking = true;
  }
  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name).slice(1);
    const alphaShape = shape.map((size, i) => (this.sharedAxes.includes(i + 1) ? 1 : size));
    if (alphaShape.some((s) => s === null)) throw new Error(`Expected known sizes on the axes PReLU learns in layer "${this.name}", received [${shape}]`);
    const a = this.preluArgs;
    this.alpha = this.addWeight('alpha', alphaShape as number[], {
      initializer: getInitializer(a.alphaInitializer ?? 'zeros'),
      regularizer: a.alphaRegularizer != null ? getRegularizer(a.alphaRegularizer) : undefined,
      constraint: a.alphaConstraint != null ? getConstraint(a.alphaConstraint) : undefined,
    });
  }
  override call(inputs: TensorOrList): tf.Tensor {
    return tf.prelu(inputs as tf.Tensor, this.alpha!.read());
  }
  override getConfig(): Record<string, unknown> {
    const a = this.preluArgs;
    return {
      ...super.getConfig(),
      alpha_initializer: serializeInitializer(getInitializer(a.alphaInitializer ?? 'zeros')),
      alpha_regularizer: a.alphaRegularizer != null ? serializeRegularizer(getRegularizer(a.alphaRegularizer)) : null,
      alpha_constraint: a.alphaConstraint != null ? serializeConstraint(getConstraint(a.alphaConstraint)) : null,
      shared_axes: this.sharedAxes.length > 0 ? this.sharedAxes : null,
    };
  }
}

for (const layer of [Activation, ReLU, LeakyReLU, ELU, Softmax, PReLU]) registerLayer(layer as never);

export const activation = (args: ConstructorParameters<typeof Activation>[0]) => new Activation(args);
export const reLU = (args: ConstructorParameters<typeof ReLU>[0] = {}) => new ReLU(args);
export const leakyReLU = (args: ConstructorParameters<typeof LeakyReLU>[0] = {}) => new LeakyReLU(args);
export const elu = (args: ConstructorParameters<typeof ELU>[0] = {}) => new ELU(args);
export const softmax = (args: ConstructorParameters<typeof Softmax>[0] = {}) => new Softmax(args);
export const pReLU = (args: ConstructorParameters<typeof PReLU>[0] = {}) => new PReLU(args);

import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import type { RegularizerIdentifier } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList, type ResolvedWeightOptions } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';

/** Arguments of {@link PReLU}. */
export interface PReLUArgs extends LayerArgs {
  /** Initializer of the slopes (`'zeros'`). */
  alphaInitializer?: InitializerIdentifier;
  alphaRegularizer?: RegularizerIdentifier;
  alphaConstraint?: ConstraintIdentifier;
  /** Axes (≥ 1) along which one slope is shared: `[1, 2]` for one slope per channel of images. */
  sharedAxes?: number | number[];
}

/**
 * Keras's `PReLU`: a leaky ReLU whose slopes are learned, one per input entry (batch axis
 * excepted) unless shared along `sharedAxes`: `relu(x) − alpha·relu(−x)`.
 *
 * @example
 * ```ts
 * pReLU({ sharedAxes: [1, 2] }); // one slope per channel of [batch, h, w, c] images
 * ```
 */
export class PReLU extends Layer {
  static override className = 'PReLU';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<PReLUArgs, LayerArgs>({
    alphaInitializer: true,
    alphaRegularizer: true,
    alphaConstraint: true,
    sharedAxes: true,
  });
  readonly sharedAxes: number[] | null;
  private readonly args: PReLUArgs;
  private readonly alphaOptions: ResolvedWeightOptions;
  alpha?: LayerVariable;

  /** @throws Error naming the layer when `sharedAxes` is not a list of axes ≥ 1, or an identifier is unknown */
  constructor(args: PReLUArgs = {}) {
    super(args);
    const shared = args.sharedAxes == null ? null : Array.isArray(args.sharedAxes) ? [...args.sharedAxes] : [args.sharedAxes];
    if (shared !== null && shared.some((axis) => !Number.isInteger(axis) || axis < 1)) {
      throw new Error(`Expected sharedAxes to be an axis ≥ 1 or a list of them, received ${describeValue(args.sharedAxes)} in layer "${this.name}"`);
    }
    this.sharedAxes = shared;
    this.args = args;
    this.alphaOptions = weightOptions(args.alphaInitializer, 'zeros', args.alphaRegularizer, args.alphaConstraint, { layerName: this.name, weight: 'alpha' });
    this.supportsMasking = true;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const shared = this.sharedAxes ?? [];
    if (shared.some((axis) => axis >= shape.length)) {
      throw new Error(`Expected sharedAxes ${describeValue(shared)} to be axes of the input in layer "${this.name}", received shape ${shapeToString(shape)}`);
    }
    const alphaShape = shape.slice(1).map((size, index) => (shared.includes(index + 1) ? 1 : size));
    if (alphaShape.some((size) => size === null)) {
      throw new Error(`Expected known sizes on the axes that get their own slopes in layer "${this.name}", received shape ${shapeToString(shape)}`);
    }
    this.alpha = this.addWeight('alpha', alphaShape as number[], this.alphaOptions);
    const axes: Record<number, number> = {};
    if (shared.length > 0) shape.forEach((size, axis) => axis > 0 && !shared.includes(axis) && size !== null && (axes[axis] = size));
    this.inputSpec = { ndim: shape.length, axes };
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    return tf.sub(tf.relu(x), tf.mul(this.alpha!.read(), tf.relu(tf.neg(x))));
  }

  override getConfig(): Record<string, unknown> {
    const a = this.args;
    return {
      ...super.getConfig(),
      alpha_initializer: initializerConfig(a.alphaInitializer, 'zeros'),
      alpha_regularizer: regularizerConfig(a.alphaRegularizer),
      alpha_constraint: constraintConfig(a.alphaConstraint),
      shared_axes: this.sharedAxes,
    };
  }
}

registerLayer(PReLU);

/**
 * Makes a {@link PReLU} layer.
 *
 * @example
 * ```ts
 * pReLU({ alphaInitializer: { class_name: 'Constant', config: { value: 0.25 } } });
 * ```
 */
export function pReLU(args: PReLUArgs = {}): PReLU {
  return new PReLU(args);
}

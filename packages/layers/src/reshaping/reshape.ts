import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Reshape}. */
export interface ReshapeArgs extends LayerArgs {
  /** The shape of every sample, batch axis excluded; one entry may be −1 (inferred). */
  targetShape: number[];
}

/**
 * Reshapes every sample to `targetShape` (Keras's `Reshape`); one −1 entry takes whatever size
 * makes the total fit.
 *
 * @example
 * ```ts
 * const layer = new Reshape({ targetShape: [28, 28, 1] }); // [batch, 784] → [batch, 28, 28, 1]
 * ```
 */
export class Reshape extends Layer {
  static override className = 'Reshape';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ReshapeArgs, LayerArgs>({ targetShape: true });
  readonly targetShape: number[];

  /**
   * @param args targetShape
   * @throws Error naming the layer when targetShape has sizes < 1 (other than one −1)
   */
  constructor(args: ReshapeArgs) {
    super(args);
    const target = args.targetShape;
    if (!Array.isArray(target) || target.some((size) => !Number.isInteger(size) || (size < 1 && size !== -1)) || target.filter((size) => size === -1).length > 1) {
      throw new Error(`Expected targetShape to be a list of sizes ≥ 1 with at most one −1, received ${describeValue(target)} in layer "${this.name}"`);
    }
    this.targetShape = [...target];
  }

  override build(inputShape: Shape | Shape[]): void {
    this.computeOutputShape(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const rest = shape.slice(1);
    if (rest.some((size) => size === null)) return [shape[0], ...this.targetShape.map((size) => (size === -1 ? null : size))];
    const total = (rest as number[]).reduce((a, b) => a * b, 1);
    const known = this.targetShape.filter((size) => size !== -1).reduce((a, b) => a * b, 1);
    const inferred = total / known;
    if (this.targetShape.includes(-1) ? !Number.isInteger(inferred) : known !== total) {
      throw new Error(
        `Expected targetShape to hold the ${total} values of each sample in layer "${this.name}", received targetShape ${shapeToString(this.targetShape)} for inputShape ${shapeToString(shape)}`,
      );
    }
    return [shape[0], ...this.targetShape.map((size) => (size === -1 ? inferred : size))];
  }

  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor;
    const [, ...sample] = this.computeOutputShape(x.shape);
    return tf.reshape(x, [x.shape[0], ...(sample as number[])]);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), target_shape: this.targetShape };
  }
}

registerLayer(Reshape);

/**
 * Makes a {@link Reshape} layer.
 *
 * Keras's positional arguments may come first, as `Reshape(targetShape, ...)`: `reshape(targetShape, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = reshape({ targetShape: [-1, 4] });
 * ```
 */
export function reshape(args: ReshapeArgs): Reshape;
export function reshape(targetShape: NonNullable<ReshapeArgs['targetShape']>, options?: Omit<ReshapeArgs, 'targetShape'>): Reshape;
export function reshape(...values: unknown[]): Reshape {
  return new Reshape(positionalOptions<ReshapeArgs>(values, ['targetShape'], 'layer Reshape'));
}

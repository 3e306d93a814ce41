import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type ResolvedWeightOptions, type TensorOrList } from '../engine/layer';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import type { WeightRegularizer } from '../engine/layer-variable';

/** Arguments of {@link HeadProjection}. */
export interface HeadProjectionArgs extends LayerArgs {
  /** How many trailing input axes are contracted with the kernel (1 for the inputs, 2 for the output). */
  boundAxes: number;
  /** The axes that replace them: `[numHeads, keyDim]` for the inputs, the output shape for the output. */
  projectedShape: number[];
  /** Whether to add a bias of shape `projectedShape`. */
  useBias: boolean;
  /** The kernel's initializer, regularizer and constraint, resolved. */
  kernelOptions: ResolvedWeightOptions;
  /** The bias's initializer, regularizer and constraint, resolved. */
  biasOptions: ResolvedWeightOptions;
  /** Penalty on the projection's outputs. */
  projectionActivityRegularizer?: WeightRegularizer;
}

/**
 * The `EinsumDense` projections inside {@link MultiHeadAttention}, as Keras builds them: the last
 * `boundAxes` axes of the input are contracted with a kernel `[...boundSizes, ...projectedShape]`
 * and a bias `projectedShape` is added (`abc,cde->abde` for a query `[batch, T, dim]` with a
 * kernel `[dim, numHeads, keyDim]`; `abcd,cde->abe` for the output). Not registered: Keras saves
 * these sublayers inside their attention layer, never on their own.
 */
export class HeadProjection extends Layer {
  static override className = 'EinsumDense';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<HeadProjectionArgs, LayerArgs>({
    boundAxes: true,
    projectedShape: true,
    useBias: true,
    kernelOptions: true,
    biasOptions: true,
    projectionActivityRegularizer: true,
  });
  readonly boundAxes: number;
  readonly projectedShape: number[];
  readonly useBias: boolean;
  private readonly kernelOptions: ResolvedWeightOptions;
  private readonly biasOptions: ResolvedWeightOptions;
  kernel?: LayerVariable;
  bias?: LayerVariable;

  constructor(args: HeadProjectionArgs) {
    super(args);
    this.boundAxes = args.boundAxes;
    this.projectedShape = [...args.projectedShape];
    this.useBias = args.useBias;
    this.kernelOptions = args.kernelOptions;
    this.biasOptions = args.biasOptions;
    this.activityRegularizer = args.projectionActivityRegularizer;
  }

  /** The sizes of the contracted axes of an input shape. */
  private boundSizes(shape: Shape): number[] {
    const bound = shape.slice(shape.length - this.boundAxes);
    if (shape.length <= this.boundAxes || bound.some((size) => size === null)) {
      throw new Error(`Expected an input whose last ${this.boundAxes} axes are known in layer "${this.name}", received ${shapeToString(shape)}`);
    }
    return bound as number[];
  }

  override build(inputShape: Shape | Shape[]): void {
    const bound = this.boundSizes(singleShape(inputShape, this.name));
    this.kernel = this.addWeight('kernel', [...bound, ...this.projectedShape], this.kernelOptions);
    if (this.useBias) this.bias = this.addWeight('bias', [...this.projectedShape], this.biasOptions);
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const free = x.shape.slice(0, x.rank - this.boundAxes);
    const kernel = this.kernel!.read();
    const boundSize = tf.util.sizeFromShape(kernel.shape.slice(0, this.boundAxes));
    const flat = tf.matMul(tf.reshape(x, [-1, boundSize]), tf.reshape(kernel, [boundSize, -1]));
    const projected = tf.reshape(flat, [...free, ...this.projectedShape]);
    return this.bias === undefined ? projected : tf.add(projected, this.bias.read());
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [...shape.slice(0, shape.length - this.boundAxes), ...this.projectedShape];
  }
}

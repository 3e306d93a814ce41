import { tf } from '@dendrite/backend';
import { type Activation, type ActivationIdentifier, serializeActivation } from '../activations/index';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { type AddWeightOptions, type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { checkPositiveInteger } from '../core/argument-checks';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions, layerActivation } from '../core/weight-options';
import { type DataFormat, checkDataFormat } from './check-data-format';
import { resolveConvGeometry } from './conv-geometry';
import { spatialOutputSizes } from './conv-utils';
import { convolve2d } from './convolve';

/** Arguments of {@link SeparableConv2D}. */
export interface SeparableConv2DArgs extends LayerArgs {
  /** Number of output channels (≥ 1). */
  filters: number;
  /** Depthwise window size: one integer or [height, width]. */
  kernelSize: number | number[];
  /** Step between windows (1). */
  strides?: number | number[];
  /** `valid` (default) or `same`. */
  padding?: 'valid' | 'same';
  /** Depthwise output channels per input channel (1). */
  depthMultiplier?: number;
  /** Only `channels_last` is supported. */
  dataFormat?: string;
  /** Dilation rate (1); strides must then be 1. */
  dilationRate?: number | number[];
  /** Activation applied to the output (none). */
  activation?: ActivationIdentifier;
  /** Whether to add a bias (true). */
  useBias?: boolean;
  /** Depthwise kernel initializer (glorot_uniform). */
  depthwiseInitializer?: InitializerIdentifier;
  /** Pointwise kernel initializer (glorot_uniform). */
  pointwiseInitializer?: InitializerIdentifier;
  /** Bias initializer (zeros). */
  biasInitializer?: InitializerIdentifier;
  depthwiseRegularizer?: RegularizerIdentifier;
  pointwiseRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  /** Penalty on the layer's output. */
  activityRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
  pointwiseConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

/**
 * A depthwise-separable 2-D convolution (Keras's `SeparableConv2D`): a depthwise convolution
 * (`depthwise_kernel`, `[kh, kw, channels, depthMultiplier]`) followed by a 1×1 convolution
 * (`pointwise_kernel`, `[1, 1, channels · depthMultiplier, filters]`) that runs fused with the bias
 * and a fusable activation.
 *
 * @example
 * ```ts
 * const layer = new SeparableConv2D({ filters: 64, kernelSize: 3, padding: 'same', activation: 'relu' });
 * ```
 */
export class SeparableConv2D extends Layer {
  static override className = 'SeparableConv2D';
  readonly filters: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  readonly depthMultiplier: number;
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly activation: Activation;
  readonly useBias: boolean;
  /** `[kh, kw, channels, depthMultiplier]`, once built. */
  depthwiseKernel?: LayerVariable;
  /** `[1, 1, channels · depthMultiplier, filters]`, once built. */
  pointwiseKernel?: LayerVariable;
  /** `[filters]`, once built with `useBias`. */
  bias?: LayerVariable;
  private readonly separableArgs: SeparableConv2DArgs;
  private readonly options: Record<'depthwise' | 'pointwise' | 'bias', AddWeightOptions>;

  /**
   * @param args filters, kernelSize and the options of {@link SeparableConv2DArgs}
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: SeparableConv2DArgs) {
    super(args);
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    this.filters = checkPositiveInteger(args.filters, 'filters', this.name);
    const geometry = resolveConvGeometry(args, 2, ['valid', 'same'], this.name);
    this.kernelSize = geometry.kernelSize;
    this.strides = geometry.strides;
    this.padding = geometry.padding as 'valid' | 'same';
    this.dilationRate = geometry.dilationRate;
    this.depthMultiplier = checkPositiveInteger(args.depthMultiplier ?? 1, 'depthMultiplier', this.name);
    this.activation = layerActivation(args.activation, 'activation', this.name);
    this.useBias = args.useBias ?? true;
    this.options = {
      depthwise: weightOptions(args.depthwiseInitializer, 'glorot_uniform', args.depthwiseRegularizer, args.depthwiseConstraint, { layerName: this.name, weight: 'depthwise' }),
      pointwise: weightOptions(args.pointwiseInitializer, 'glorot_uniform', args.pointwiseRegularizer, args.pointwiseConstraint, { layerName: this.name, weight: 'pointwise' }),
      bias: weightOptions(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint, { layerName: this.name, weight: 'bias' }),
    };
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    this.separableArgs = args;
    this.inputSpec = { ndim: 4 };
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const channels = shape[3];
    if (channels === null) throw new Error(`Expected a known channel count, received inputShape ${shapeToString(shape)} in layer "${this.name}"`);
    this.computeOutputShape(shape);
    this.depthwiseKernel = this.addWeight('depthwise_kernel', [...this.kernelSize, channels, this.depthMultiplier], this.options.depthwise);
    this.pointwiseKernel = this.addWeight('pointwise_kernel', [1, 1, channels * this.depthMultiplier, this.filters], this.options.pointwise);
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], this.options.bias);
    this.inputSpec = { ndim: 4, axes: { [-1]: channels } };
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    // Sizes the built shape left open are checked now, naming the layer (not deep in a kernel).
    this.computeOutputShape((inputs as tf.Tensor).shape);
    const depthwise = tf.depthwiseConv2d(inputs as tf.Tensor4D, this.depthwiseKernel!.read() as tf.Tensor4D, this.strides as [number, number], this.padding, 'NHWC', this.dilationRate as [number, number]);
    return convolve2d(depthwise, this.pointwiseKernel!.read() as tf.Tensor4D, {
      strides: [1, 1],
      padding: 'valid',
      dilationRate: [1, 1],
      bias: this.bias?.read(),
      activation: this.activation,
    });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [shape[0], ...spatialOutputSizes(shape, this.kernelSize, this.padding, this.strides, this.dilationRate, this.name), this.filters];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.separableArgs;
    return {
      ...super.getConfig(),
      depth_multiplier: this.depthMultiplier,
      filters: this.filters,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat,
      dilation_rate: this.dilationRate,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      depthwise_initializer: initializerConfig(a.depthwiseInitializer, 'glorot_uniform'),
      pointwise_initializer: initializerConfig(a.pointwiseInitializer, 'glorot_uniform'),
      bias_initializer: initializerConfig(a.biasInitializer, 'zeros'),
      depthwise_regularizer: regularizerConfig(a.depthwiseRegularizer),
      pointwise_regularizer: regularizerConfig(a.pointwiseRegularizer),
      bias_regularizer: regularizerConfig(a.biasRegularizer),
      activity_regularizer: regularizerConfig(a.activityRegularizer),
      depthwise_constraint: constraintConfig(a.depthwiseConstraint),
      pointwise_constraint: constraintConfig(a.pointwiseConstraint),
      bias_constraint: constraintConfig(a.biasConstraint),
    };
  }
}

registerLayer(SeparableConv2D, ['SeparableConvolution2D']);

/**
 * Makes a {@link SeparableConv2D} layer.
 *
 * @example
 * ```ts
 * const layer = separableConv2d({ filters: 8, kernelSize: 3, depthMultiplier: 2 });
 * ```
 */
export function separableConv2d(args: SeparableConv2DArgs): SeparableConv2D {
  return new SeparableConv2D(args);
}

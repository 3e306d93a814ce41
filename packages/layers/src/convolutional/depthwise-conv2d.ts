import { tf } from '@dendrite/backend';
import { type Activation, type ActivationIdentifier, fusedActivationOf, serializeActivation } from '../activations/index';
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
import { applyBiasAndActivation } from './convolve';

/** Arguments of {@link DepthwiseConv2D}. */
export interface DepthwiseConv2DArgs extends LayerArgs {
  /** Window size: one integer or [height, width]. */
  kernelSize: number | number[];
  /** Step between windows (1). */
  strides?: number | number[];
  /** `valid` (default) or `same`. */
  padding?: 'valid' | 'same';
  /** Output channels per input channel (1). */
  depthMultiplier?: number;
  /** Only `channels_last` is supported. */
  dataFormat?: string;
  /** Dilation rate (1); strides must then be 1. */
  dilationRate?: number | number[];
  /** Activation applied to the output (none). */
  activation?: ActivationIdentifier;
  /** Whether to add a bias (true). */
  useBias?: boolean;
  /** Kernel initializer (glorot_uniform). */
  depthwiseInitializer?: InitializerIdentifier;
  /** Bias initializer (zeros). */
  biasInitializer?: InitializerIdentifier;
  depthwiseRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  /** Penalty on the layer's output. */
  activityRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

/**
 * A depthwise 2-D convolution (Keras's `DepthwiseConv2D`): each input channel is convolved with
 * its own `depthMultiplier` filters, giving `channels · depthMultiplier` output channels. Kernel
 * `[kh, kw, channels, depthMultiplier]`; runs as one `tf.fused.depthwiseConv2d` when the
 * activation fuses.
 *
 * @example
 * ```ts
 * const layer = new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 2, padding: 'same' });
 * ```
 */
export class DepthwiseConv2D extends Layer {
  static override className = 'DepthwiseConv2D';
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  readonly depthMultiplier: number;
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly activation: Activation;
  readonly useBias: boolean;
  /** `[kh, kw, channels, depthMultiplier]`, once built. */
  kernel?: LayerVariable;
  /** `[channels · depthMultiplier]`, once built with `useBias`. */
  bias?: LayerVariable;
  private readonly depthwiseArgs: DepthwiseConv2DArgs;
  private readonly kernelOptions: AddWeightOptions;
  private readonly biasOptions: AddWeightOptions;

  /**
   * @param args kernelSize and the options of {@link DepthwiseConv2DArgs}
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: DepthwiseConv2DArgs) {
    super(args);
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    const geometry = resolveConvGeometry(args, 2, ['valid', 'same'], this.name);
    this.kernelSize = geometry.kernelSize;
    this.strides = geometry.strides;
    this.padding = geometry.padding as 'valid' | 'same';
    this.dilationRate = geometry.dilationRate;
    this.depthMultiplier = checkPositiveInteger(args.depthMultiplier ?? 1, 'depthMultiplier', this.name);
    this.activation = layerActivation(args.activation, 'activation', this.name);
    this.useBias = args.useBias ?? true;
    this.kernelOptions = weightOptions(args.depthwiseInitializer, 'glorot_uniform', args.depthwiseRegularizer, args.depthwiseConstraint, { layerName: this.name, weight: 'depthwise' });
    this.biasOptions = weightOptions(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint, { layerName: this.name, weight: 'bias' });
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    this.depthwiseArgs = args;
    this.inputSpec = { ndim: 4 };
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const channels = shape[3];
    if (channels === null) throw new Error(`Expected a known channel count, received inputShape ${shapeToString(shape)} in layer "${this.name}"`);
    this.computeOutputShape(shape);
    this.kernel = this.addWeight('kernel', [...this.kernelSize, channels, this.depthMultiplier], this.kernelOptions);
    if (this.useBias) this.bias = this.addWeight('bias', [channels * this.depthMultiplier], this.biasOptions);
    this.inputSpec = { ndim: 4, axes: { [-1]: channels } };
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor4D;
    // Sizes the built shape left open are checked now, naming the layer (not deep in a kernel).
    this.computeOutputShape(x.shape);
    const filter = this.kernel!.read() as tf.Tensor4D;
    const strides = this.strides as [number, number];
    const dilations = this.dilationRate as [number, number];
    const bias = this.bias?.read();
    const fused = fusedActivationOf(this.activation);
    // tfjs's fused depthwise convolution has no gradient for dilations; the plain one has
    // (@dendrite/backend registers it), so dilated layers run unfused.
    if (fused !== undefined && dilations.every((rate) => rate === 1)) {
      return tf.fused.depthwiseConv2d({ x, filter, strides, pad: this.padding, bias, activation: fused.name, leakyreluAlpha: fused.alpha });
    }
    return applyBiasAndActivation(tf.depthwiseConv2d(x, filter, strides, this.padding, 'NHWC', dilations), bias, this.activation);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const spatial = spatialOutputSizes(shape, this.kernelSize, this.padding, this.strides, this.dilationRate, this.name);
    return [shape[0], ...spatial, shape[3] === null ? null : shape[3] * this.depthMultiplier];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.depthwiseArgs;
    return {
      ...super.getConfig(),
      depth_multiplier: this.depthMultiplier,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat,
      dilation_rate: this.dilationRate,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      depthwise_initializer: initializerConfig(a.depthwiseInitializer, 'glorot_uniform'),
      bias_initializer: initializerConfig(a.biasInitializer, 'zeros'),
      depthwise_regularizer: regularizerConfig(a.depthwiseRegularizer),
      bias_regularizer: regularizerConfig(a.biasRegularizer),
      activity_regularizer: regularizerConfig(a.activityRegularizer),
      depthwise_constraint: constraintConfig(a.depthwiseConstraint),
      bias_constraint: constraintConfig(a.biasConstraint),
    };
  }
}

registerLayer(DepthwiseConv2D);

/**
 * Makes a {@link DepthwiseConv2D} layer.
 *
 * @example
 * ```ts
 * const layer = depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 });
 * ```
 */
export function depthwiseConv2d(args: DepthwiseConv2DArgs): DepthwiseConv2D {
  return new DepthwiseConv2D(args);
}

import { optionKeys } from '@dendrite/backend/internal';
import type { Activation, ActivationIdentifier } from '../activations/index';
import { serializeActivation } from '../activations/index';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { type ResolvedWeightOptions, Layer, type LayerArgs } from '../engine/layer';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { constraintConfig, initializerConfig, layerActivation, regularizerConfig, weightOptions } from '../core/weight-options';
import { type DataFormat, checkDataFormat } from './check-data-format';
import { type ConvGeometryArgs, resolveConvGeometry } from './conv-geometry';
import { type ConvPadding, spatialOutputSizes } from './conv-utils';

/** The arguments every convolution layer takes: its window, data format, activation and bias. */
export interface SpatialConvArgs extends LayerArgs, ConvGeometryArgs {
  /** Window size: one integer or one per spatial axis. */
  kernelSize: number | number[];
  /** Step between windows (1). */
  strides?: number | number[];
  /** `valid` (no padding, the default) or `same`; Conv1D also takes `causal`. */
  padding?: ConvPadding;
  /** Only `channels_last` is supported. */
  dataFormat?: string;
  /** Dilation (atrous) rate (1); strides must then be 1. */
  dilationRate?: number | number[];
  /** Activation applied to the output (none). */
  activation?: ActivationIdentifier;
  /** Whether to add a bias (true). */
  useBias?: boolean;
  /** Bias initializer (zeros). */
  biasInitializer?: InitializerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  /** Penalty on the layer's output. */
  activityRegularizer?: RegularizerIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

/**
 * The base of the convolution layers (BaseConv, DepthwiseConv2D, SeparableConv2D): the window
 * geometry, data format, activation, bias and activity regularizer, checked once; `build` (the
 * channel check, the bias and the input spec); the output shape; and their part of the config.
 * Subclasses add their kernels through {@link SpatialConv.buildKernels}; `Args` is their own
 * arguments type, kept once as {@link SpatialConv.layerArgs} for their configs.
 */
export abstract class SpatialConv<Args extends SpatialConvArgs = SpatialConvArgs> extends Layer {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<SpatialConvArgs, LayerArgs>({
    activation: true,
    strides: true,
    dataFormat: true,
    biasRegularizer: true,
    biasConstraint: true,
    useBias: true,
    padding: true,
    activityRegularizer: true,
    biasInitializer: true,
    kernelSize: true,
    dilationRate: true,
  });
  /** Number of spatial axes. */
  readonly rank: 1 | 2;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: ConvPadding;
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly activation: Activation;
  readonly useBias: boolean;
  /** The bias, once built with `useBias`. */
  bias?: LayerVariable;
  /** The bias's resolved initializer, regularizer and constraint. */
  protected readonly biasOptions: ResolvedWeightOptions;
  /** The arguments as given, for the identifiers `getConfig` writes back. */
  protected readonly layerArgs: Args;

  /** @throws Error naming the layer and the argument for a bad one */
  protected constructor(rank: 1 | 2, args: Args, paddings: readonly ConvPadding[]) {
    super(args);
    this.rank = rank;
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    const geometry = resolveConvGeometry(args, rank, paddings, this.name);
    this.kernelSize = geometry.kernelSize;
    this.strides = geometry.strides;
    this.padding = geometry.padding;
    this.dilationRate = geometry.dilationRate;
    this.activation = layerActivation(args.activation, 'activation', this.name);
    this.useBias = args.useBias ?? true;
    this.biasOptions = weightOptions(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint, { layerName: this.name, weight: 'bias' });
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    this.layerArgs = args;
    this.inputSpec = { ndim: rank + 2 };
  }

  /**
   * Creates the kernels ({@link buildKernels}) and then the bias for inputs of `inputShape`, and
   * pins the input's channel count. Window sizes are checked where the output shape is computed:
   * once per symbolic call and once per call on tensors, whose sizes the built shape may leave open.
   *
   * @throws Error naming the layer when the channel count is unknown or does not suit the layer
   */
  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const channels = this.checkChannels(shape);
    this.buildKernels(channels);
    if (this.useBias) this.bias = this.addWeight('bias', [this.outputChannels(channels) as number], this.biasOptions);
    this.inputSpec = { ndim: this.rank + 2, axes: { [-1]: channels } };
  }

  /**
   * The input's channel count, which the kernels need known.
   *
   * @throws Error naming the layer when it is unknown
   */
  protected checkChannels(shape: Shape): number {
    const channels = shape[shape.length - 1];
    if (channels === null) throw new Error(`Expected a known channel count, received inputShape ${shapeToString(shape)} in layer "${this.name}"`);
    return channels;
  }

  /** Creates the layer's kernels (everything but the bias) for inputs of `channels` channels. */
  protected abstract buildKernels(channels: number): void;

  /** Output channels for inputs of `channels` channels (null when unknown). */
  protected abstract outputChannels(channels: number | null): number | null;

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const spatial = spatialOutputSizes(shape, this.kernelSize, this.padding, this.strides, this.dilationRate, this.name);
    return [shape[0], ...spatial, this.outputChannels(shape[shape.length - 1])];
  }

  /** The config keys every convolution writes, as Keras. */
  protected spatialConfig(): Record<string, unknown> {
    const a = this.layerArgs;
    return {
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat,
      dilation_rate: this.dilationRate,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      bias_initializer: initializerConfig(a.biasInitializer, 'zeros'),
      bias_regularizer: regularizerConfig(a.biasRegularizer),
      activity_regularizer: regularizerConfig(a.activityRegularizer),
      bias_constraint: constraintConfig(a.biasConstraint),
    };
  }
}

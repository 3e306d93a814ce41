import { tf } from '@dendrite/backend';
import { type Activation, type ActivationIdentifier, serializeActivation } from '../activations/index';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { type AddWeightOptions, type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { checkPositiveInteger } from '../core/argument-checks';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions, layerActivation } from '../core/weight-options';
import { type DataFormat, checkDataFormat } from './check-data-format';
import { type ConvGeometryArgs, resolveConvGeometry } from './conv-geometry';
import { type ConvPadding, spatialOutputSizes } from './conv-utils';
import { convolve2d } from './convolve';

/** Arguments of {@link Conv1D} and {@link Conv2D} (Keras's `BaseConv`). */
export interface ConvArgs extends LayerArgs, ConvGeometryArgs {
  /** Number of output channels (≥ 1, divisible by `groups`). */
  filters: number;
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
  /** Channel groups convolved separately (1); input channels and filters must divide by it. */
  groups?: number;
  /** Activation applied to the output (none). */
  activation?: ActivationIdentifier;
  /** Whether to add a bias (true). */
  useBias?: boolean;
  /** Kernel initializer (glorot_uniform). */
  kernelInitializer?: InitializerIdentifier;
  /** Bias initializer (zeros). */
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  /** Penalty on the layer's output. */
  activityRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

/**
 * Keras's `BaseConv` for 1-D and 2-D convolutions over channels-last inputs. The kernel is
 * `[...kernelSize, channels / groups, filters]`; convolution, bias and a fusable activation run as
 * one `tf.fused.conv2d` (1-D convolutions as 2-D ones of height 1).
 */
export abstract class BaseConv extends Layer {
  /** Number of spatial axes. */
  readonly rank: 1 | 2;
  readonly filters: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: ConvPadding;
  readonly dataFormat: DataFormat;
  readonly dilationRate: number[];
  readonly groups: number;
  readonly activation: Activation;
  readonly useBias: boolean;
  /** `[...kernelSize, channels / groups, filters]`, once built. */
  kernel?: LayerVariable;
  /** `[filters]`, once built with `useBias`. */
  bias?: LayerVariable;
  private readonly convArgs: ConvArgs;
  private readonly kernelOptions: AddWeightOptions;
  private readonly biasOptions: AddWeightOptions;

  protected constructor(rank: 1 | 2, args: ConvArgs) {
    super(args);
    this.rank = rank;
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    this.filters = checkPositiveInteger(args.filters, 'filters', this.name);
    const geometry = resolveConvGeometry(args, rank, rank === 1 ? ['valid', 'same', 'causal'] : ['valid', 'same'], this.name);
    this.kernelSize = geometry.kernelSize;
    this.strides = geometry.strides;
    this.padding = geometry.padding;
    this.dilationRate = geometry.dilationRate;
    this.groups = checkPositiveInteger(args.groups ?? 1, 'groups', this.name);
    if (this.filters % this.groups !== 0) {
      throw new Error(`Expected filters to be divisible by groups (${this.groups}), received filters ${this.filters} in layer "${this.name}"`);
    }
    this.activation = layerActivation(args.activation, 'activation', this.name);
    this.useBias = args.useBias ?? true;
    // Resolved now, so a bad identifier fails at construction, as in Keras.
    this.kernelOptions = weightOptions(args.kernelInitializer, 'glorot_uniform', args.kernelRegularizer, args.kernelConstraint, { layerName: this.name, weight: 'kernel' });
    this.biasOptions = weightOptions(args.biasInitializer, 'zeros', args.biasRegularizer, args.biasConstraint, { layerName: this.name, weight: 'bias' });
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    this.convArgs = args;
    this.inputSpec = { ndim: rank + 2 };
  }

  /** The kernel's shape for inputs of `channels` channels. */
  protected kernelShape(channels: number): number[] {
    return [...this.kernelSize, channels / this.groups, this.filters];
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const channels = shape[shape.length - 1];
    if (channels === null || channels % this.groups !== 0) {
      throw new Error(`Expected a known channel count divisible by groups (${this.groups}), received inputShape ${shapeToString(shape)} in layer "${this.name}"`);
    }
    this.computeOutputShape(shape);
    this.kernel = this.addWeight('kernel', this.kernelShape(channels), this.kernelOptions);
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], this.biasOptions);
    this.inputSpec = { ndim: this.rank + 2, axes: { [-1]: channels } };
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    // Sizes the built shape left open are checked now, naming the layer (not deep in a kernel).
    this.computeOutputShape(x.shape);
    const kernel = this.kernel!.read();
    const common = { groups: this.groups, bias: this.bias?.read(), activation: this.activation };
    if (this.rank === 2) {
      const options = { ...common, strides: this.strides as [number, number], padding: this.padding as 'valid' | 'same', dilationRate: this.dilationRate as [number, number] };
      return convolve2d(x as tf.Tensor4D, kernel as tf.Tensor4D, options);
    }
    // A 1-D convolution is a 2-D one over an image of height 1; causal padding pads the past only.
    const causal = this.padding === 'causal';
    const input = causal ? tf.pad(x, [[0, 0], [this.dilationRate[0] * (this.kernelSize[0] - 1), 0], [0, 0]]) : x;
    const output = convolve2d(tf.expandDims(input, 1) as tf.Tensor4D, tf.expandDims(kernel, 0) as tf.Tensor4D, {
      ...common,
      strides: [1, this.strides[0]],
      padding: causal ? 'valid' : (this.padding as 'valid' | 'same'),
      dilationRate: [1, this.dilationRate[0]],
    });
    return tf.squeeze(output, [1]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [shape[0], ...spatialOutputSizes(shape, this.kernelSize, this.padding, this.strides, this.dilationRate, this.name), this.filters];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.convArgs;
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: this.dataFormat,
      dilation_rate: this.dilationRate,
      groups: this.groups,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(a.kernelInitializer, 'glorot_uniform'),
      bias_initializer: initializerConfig(a.biasInitializer, 'zeros'),
      kernel_regularizer: regularizerConfig(a.kernelRegularizer),
      bias_regularizer: regularizerConfig(a.biasRegularizer),
      activity_regularizer: regularizerConfig(a.activityRegularizer),
      kernel_constraint: constraintConfig(a.kernelConstraint),
      bias_constraint: constraintConfig(a.biasConstraint),
    };
  }
}

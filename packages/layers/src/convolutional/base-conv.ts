import { tf } from '@dendrite/backend';
import { type ActivationIdentifier, fusedActivationOf, getActivation, serializeActivation } from '../activations/index';
import type { ConstraintIdentifier } from '../constraints/index';
import { type InitializerIdentifier, getInitializer } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, singleShape } from '../engine/shape';
import { checkOneOf, checkPositiveInteger, normalizeTuple } from '../core/argument-checks';
import { convOutputLength } from './conv-utils';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';

/** Arguments of the convolution layers. */
export interface ConvArgs extends LayerArgs {
  filters: number;
  kernelSize: number | number[];
  strides?: number | number[];
  padding?: 'valid' | 'same' | 'causal';
  dataFormat?: 'channels_last' | 'channelsLast';
  dilationRate?: number | number[];
  activation?: ActivationIdentifier;
  useBias?: boolean;
  kernelInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  activityRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
}

/**
 * Keras's `BaseConv` for 1-D and 2-D convolutions, channels last: the kernel is
 * `[...kernelSize, inChannels, filters]`; conv, bias and a fusable activation run as one
 * `tf.fused.conv2d` (1-D convolutions as 2-D ones of height 1).
 */
export abstract class BaseConv extends Layer {
  readonly filters: number;
  readonly kernelSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same' | 'causal';
  readonly dilationRate: number[];
  readonly activation: (x: tf.Tensor) => tf.Tensor;
  readonly useBias: boolean;
  protected readonly convArgs: ConvArgs;
  kernel?: LayerVariable;
  bias?: LayerVariable;

  constructor(readonly rank: 1 | 2, args: ConvArgs) {
    super(args);
    if (args.dataFormat !== undefined && args.dataFormat !== 'channels_last' && args.dataFormat !== 'channelsLast') {
      throw new Error(`Expected dataFormat channels_last in layer "${this.name}", received ${JSON.stringify(args.dataFormat)}`);
    }
    this.filters = checkPositiveInteger(args.filters, 'filters', this.name);
    this.kernelSize = normalizeTuple(args.kernelSize, rank, 'kernelSize', this.name);
    this.strides = normalizeTuple(args.strides ?? 1, rank, 'strides', this.name);
    this.padding = checkOneOf(args.padding ?? 'valid', rank === 1 ? (['valid', 'same', 'causal'] as const) : (['valid', 'same'] as const), 'padding', this.name);
    this.dilationRate = normalizeTuple(args.dilationRate ?? 1, rank, 'dilationRate', this.name);
    this.activation = getActivation(args.activation);
    this.useBias = args.useBias ?? true;
    this.convArgs = args;
    getInitializer(args.kernelInitializer ?? 'glorot_uniform');
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    this.inputSpec = { ndim: rank + 2 };
  }

  /** The kernel's shape for `inChannels` input channels. */
  protected kernelShape(inChannels: number): number[] {
    return [...this.kernelSize, inChannels, this.filters];
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const channels = shape[shape.length - 1];
    if (channels === null) throw new Error(`Expected the channels axis of the input to be known in layer "${this.name}", received null`);
    const a = this.convArgs;
    this.kernel = this.addWeight('kernel', this.kernelShape(channels), weightOptions(a.kernelInitializer, 'glorot_uniform', a.kernelRegularizer, a.kernelConstraint));
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], weightOptions(a.biasInitializer, 'zeros', a.biasRegularizer, a.biasConstraint));
    this.inputSpec = { ndim: this.rank + 2, axes: { [-1]: channels } };
  }

  /** Runs the 2-D convolution with bias and activation, fused when the activation allows. */
  protected convolve2d(x: tf.Tensor4D, kernel: tf.Tensor4D, strides: [number, number], dilations: [number, number], pad: 'valid' | 'same'): tf.Tensor {
    const fused = fusedActivationOf(this.activation);
    const bias = this.bias?.read();
    if (fused) return tf.fused.conv2d({ x, filter: kernel, strides, pad, dilations, bias, activation: fused.name, leakyreluAlpha: fused.alpha });
    return this.activation(tf.fused.conv2d({ x, filter: kernel, strides, pad, dilations, bias }));
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    const kernel = this.kernel!.read();
    if (this.rank === 2) {
      return this.convolve2d(x as tf.Tensor4D, kernel as tf.Tensor4D, this.strides as [number, number], this.dilationRate as [number, number], this.padding as 'valid' | 'same');
    }
    let input = x;
    let pad: 'valid' | 'same' = this.padding === 'same' ? 'same' : 'valid';
    if (this.padding === 'causal') {
      input = tf.pad(x, [[0, 0], [this.dilationRate[0] * (this.kernelSize[0] - 1), 0], [0, 0]]);
      pad = 'valid';
    }
    const output = this.convolve2d(
      tf.expandDims(input, 1) as tf.Tensor4D,
      tf.expandDims(kernel, 0) as tf.Tensor4D,
      [1, this.strides[0]],
      [1, this.dilationRate[0]],
      pad,
    );
    return tf.squeeze(output, [1]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const spatial = shape.slice(1, -1).map((size, i) => convOutputLength(size, this.kernelSize[i], this.padding, this.strides[i], this.dilationRate[i]));
    return [shape[0], ...spatial, this.filters];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.convArgs;
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: 'channels_last',
      dilation_rate: this.dilationRate,
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

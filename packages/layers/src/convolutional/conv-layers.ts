import { tf } from '@dendrite/backend';
import { type CallArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { type ConstraintIdentifier, getConstraint, serializeConstraint } from '../constraints/index';
import { type InitializerIdentifier, getInitializer, serializeInitializer } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer, serializeRegularizer } from '../regularizers/index';
import type { LayerVariable } from '../engine/layer-variable';
import { checkPositiveInteger, normalizeTuple } from '../core/argument-checks';
import { BaseConv, type ConvArgs } from './base-conv';
import { convOutputLength, deconvOutputLength } from './conv-utils';

/** A 2-D convolution over `[batch, height, width, channels]` images. */
export class Conv2D extends BaseConv {
  static override className = 'Conv2D';
  constructor(args: ConvArgs) {
    super(2, args);
  }
}

/** A 1-D convolution over `[batch, steps, channels]` sequences (padding valid, same or causal). */
export class Conv1D extends BaseConv {
  static override className = 'Conv1D';
  constructor(args: ConvArgs) {
    super(1, args);
  }
}

/** A transposed 2-D convolution (learned upsampling); kernel `[kh, kw, filters, inChannels]`. */
export class Conv2DTranspose extends BaseConv {
  static override className = 'Conv2DTranspose';
  readonly outputPadding?: number[];
  constructor(args: ConvArgs & { outputPadding?: number | number[] }) {
    super(2, args);
    if (this.dilationRate.some((d) => d !== 1)) throw new Error(`Expected dilationRate 1 in layer "${this.name}", received [${this.dilationRate}]`);
    this.outputPadding = args.outputPadding === undefined ? undefined : normalizeTuple(args.outputPadding, 2, 'outputPadding', this.name, 0);
  }
  protected override kernelShape(inChannels: number): number[] {
    return [...this.kernelSize, this.filters, inChannels];
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [batch, h, w] = singleShape(inputShape, this.name);
    return [
      batch,
      deconvOutputLength(h, this.kernelSize[0], this.padding, this.strides[0], this.outputPadding?.[0]),
      deconvOutputLength(w, this.kernelSize[1], this.padding, this.strides[1], this.outputPadding?.[1]),
      this.filters,
    ];
  }
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor4D;
    const [, h, w] = this.computeOutputShape(x.shape) as number[];
    const output = tf.conv2dTranspose(x, this.kernel!.read() as tf.Tensor4D, [x.shape[0], h, w, this.filters], this.strides as [number, number], this.padding as 'same');
    const biased = this.bias ? tf.add(output, this.bias.read()) : output;
    return this.activation(biased);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), output_padding: this.outputPadding ?? null };
  }
}

/** Arguments of {@link DepthwiseConv2D}. */
export interface DepthwiseConvArgs extends Omit<ConvArgs, 'filters' | 'kernelInitializer' | 'kernelRegularizer' | 'kernelConstraint'> {
  depthMultiplier?: number;
  depthwiseInitializer?: InitializerIdentifier;
  depthwiseRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
}

/** A depthwise 2-D convolution: each input channel convolved with its own `depthMultiplier` filters. */
export class DepthwiseConv2D extends BaseConv {
  static override className = 'DepthwiseConv2D';
  readonly depthMultiplier: number;
  constructor(args: DepthwiseConvArgs) {
    super(2, { ...args, filters: 1, kernelInitializer: args.depthwiseInitializer, kernelRegularizer: args.depthwiseRegularizer, kernelConstraint: args.depthwiseConstraint });
    this.depthMultiplier = checkPositiveInteger(args.depthMultiplier ?? 1, 'depthMultiplier', this.name);
  }
  protected override kernelShape(inChannels: number): number[] {
    return [...this.kernelSize, inChannels, this.depthMultiplier];
  }
  override build(inputShape: Shape | Shape[]): void {
    const channels = singleShape(inputShape, this.name).at(-1) as number;
    (this as { filters: number }).filters = channels * this.depthMultiplier;
    super.build(inputShape);
  }
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const output = tf.depthwiseConv2d(inputs as tf.Tensor4D, this.kernel!.read() as tf.Tensor4D, this.strides as [number, number], this.padding as 'same', 'NHWC', this.dilationRate as [number, number]);
    return this.activation(this.bias ? tf.add(output, this.bias.read()) : output);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const channels = shape[3] === null ? null : shape[3] * this.depthMultiplier;
    return [shape[0], ...shape.slice(1, 3).map((size, i) => convOutputLength(size, this.kernelSize[i], this.padding, this.strides[i], this.dilationRate[i])), channels];
  }
  override getConfig(): Record<string, unknown> {
    const { filters: _filters, kernel_initializer, kernel_regularizer, kernel_constraint, ...rest } = super.getConfig();
    return { ...rest, depth_multiplier: this.depthMultiplier, depthwise_initializer: kernel_initializer, depthwise_regularizer: kernel_regularizer, depthwise_constraint: kernel_constraint };
  }
}

/** Arguments of {@link SeparableConv2D}. */
export interface SeparableConvArgs extends Omit<ConvArgs, 'kernelInitializer' | 'kernelRegularizer' | 'kernelConstraint'> {
  depthMultiplier?: number;
  depthwiseInitializer?: InitializerIdentifier;
  pointwiseInitializer?: InitializerIdentifier;
  depthwiseRegularizer?: RegularizerIdentifier;
  pointwiseRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
  pointwiseConstraint?: ConstraintIdentifier;
}

/** A depthwise convolution followed by a 1×1 pointwise one. */
export class SeparableConv2D extends BaseConv {
  static override className = 'SeparableConv2D';
  readonly depthMultiplier: number;
  pointwiseKernel?: LayerVariable;
  private readonly separableArgs: SeparableConvArgs;
  constructor(args: SeparableConvArgs) {
    super(2, { ...args, kernelInitializer: args.depthwiseInitializer, kernelRegularizer: args.depthwiseRegularizer, kernelConstraint: args.depthwiseConstraint });
    this.depthMultiplier = checkPositiveInteger(args.depthMultiplier ?? 1, 'depthMultiplier', this.name);
    this.separableArgs = args;
  }
  protected override kernelShape(inChannels: number): number[] {
    return [...this.kernelSize, inChannels, this.depthMultiplier];
  }
  override build(inputShape: Shape | Shape[]): void {
    const channels = singleShape(inputShape, this.name).at(-1) as number;
    super.build(inputShape);
    const a = this.separableArgs;
    this.pointwiseKernel = this.addWeight('pointwise_kernel', [1, 1, channels * this.depthMultiplier, this.filters], {
      initializer: getInitializer(a.pointwiseInitializer ?? 'glorot_uniform'),
      regularizer: a.pointwiseRegularizer != null ? getRegularizer(a.pointwiseRegularizer) : undefined,
      constraint: a.pointwiseConstraint != null ? getConstraint(a.pointwiseConstraint) : undefined,
    });
  }
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const output = tf.separableConv2d(
      inputs as tf.Tensor4D,
      this.kernel!.read() as tf.Tensor4D,
      this.pointwiseKernel!.read() as tf.Tensor4D,
      this.strides as [number, number],
      this.padding as 'same',
      this.dilationRate as [number, number],
    );
    return this.activation(this.bias ? tf.add(output, this.bias.read()) : output);
  }
  override getConfig(): Record<string, unknown> {
    const { kernel_initializer, kernel_regularizer, kernel_constraint, ...rest } = super.getConfig();
    const a = this.separableArgs;
    return {
      ...rest,
      depth_multiplier: this.depthMultiplier,
      depthwise_initializer: kernel_initializer,
      depthwise_regularizer: kernel_regularizer,
      depthwise_constraint: kernel_constraint,
      pointwise_initializer: serializeInitializer(getInitializer(a.pointwiseInitializer ?? 'glorot_uniform')),
      pointwise_regularizer: a.pointwiseRegularizer != null ? serializeRegularizer(getRegularizer(a.pointwiseRegularizer)) : null,
      pointwise_constraint: a.pointwiseConstraint != null ? serializeConstraint(getConstraint(a.pointwiseConstraint)) : null,
    };
  }
}

for (const layer of [Conv1D, Conv2D, Conv2DTranspose, DepthwiseConv2D, SeparableConv2D]) registerLayer(layer as never, layer === Conv2D ? ['Convolution2D'] : layer === Conv1D ? ['Convolution1D'] : []);

export const conv1d = (args: ConvArgs) => new Conv1D(args);
export const conv2d = (args: ConvArgs) => new Conv2D(args);
export const conv2dTranspose = (args: ConvArgs & { outputPadding?: number | number[] }) => new Conv2DTranspose(args);
export const depthwiseConv2d = (args: DepthwiseConvArgs) => new DepthwiseConv2D(args);
export const separableConv2d = (args: SeparableConvArgs) => new SeparableConv2D(args);

import { tf } from '@dendrite/backend';
import { optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import type { RegularizerIdentifier } from '../regularizers/index';
import type { CallArgs, TensorOrList } from '../engine/layer';
import type { ResolvedWeightOptions } from '../engine/resolve-weight-options';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, shapeToString } from '../engine/shape';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';
import { convolve2d } from './convolve';
import { SpatialConv, type SpatialConvArgs } from './spatial-conv';

/** Arguments of {@link Conv1D} and {@link Conv2D} (Keras's `BaseConv`). */
export interface ConvArgs extends SpatialConvArgs {
  /** Number of output channels (≥ 1, divisible by `groups`). */
  filters: number;
  /** Channel groups convolved separately (1); input channels and filters must divide by it. */
  groups?: number;
  /** Kernel initializer (glorot_uniform). */
  kernelInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
}

/**
 * Keras's `BaseConv` for 1-D and 2-D convolutions over channels-last inputs. The kernel is
 * `[...kernelSize, channels / groups, filters]`; convolution, bias and a fusable activation run as
 * one `tf.fused.conv2d` (1-D convolutions as 2-D ones of height 1).
 */
export abstract class BaseConv extends SpatialConv<ConvArgs> {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ConvArgs, SpatialConvArgs>({
    filters: true,
    kernelInitializer: true,
    kernelRegularizer: true,
    kernelConstraint: true,
    groups: true,
  });
  readonly filters: number;
  readonly groups: number;
  /** `[...kernelSize, channels / groups, filters]`, once built. */
  kernel?: LayerVariable;
  private readonly kernelOptions: ResolvedWeightOptions;

  protected constructor(rank: 1 | 2, args: ConvArgs) {
    super(rank, args, rank === 1 ? ['valid', 'same', 'causal'] : ['valid', 'same']);
    this.filters = checkPositiveInteger(args.filters, 'filters', layerOwner(this.name));
    this.groups = checkPositiveInteger(args.groups ?? 1, 'groups', layerOwner(this.name));
    if (this.filters % this.groups !== 0) {
      throw new Error(`Expected filters to be divisible by groups (${this.groups}), received filters ${this.filters} in layer "${this.name}"`);
    }
    this.kernelOptions = weightOptions(args.kernelInitializer, 'glorot_uniform', args.kernelRegularizer, args.kernelConstraint, { layerName: this.name, weight: 'kernel' });
  }

  /** The kernel's shape for inputs of `channels` channels. */
  protected kernelShape(channels: number): number[] {
    return [...this.kernelSize, channels / this.groups, this.filters];
  }

  protected override checkChannels(shape: Shape): number {
    const channels = shape[shape.length - 1];
    if (channels === null || channels % this.groups !== 0) {
      throw new Error(`Expected a known channel count divisible by groups (${this.groups}), received inputShape ${shapeToString(shape)} in layer "${this.name}"`);
    }
    return channels;
  }

  protected buildKernels(channels: number): void {
    this.kernel = this.addWeight('kernel', this.kernelShape(channels), this.kernelOptions);
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    // The one window-size check of a call on tensors (build leaves sizes to the calls, as the
    // built shape may leave them open): a window that does not fit is named here, not in a kernel.
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

  protected outputChannels(): number {
    return this.filters;
  }

  override getConfig(): Record<string, unknown> {
    const a = this.layerArgs;
    return {
      ...super.getConfig(),
      filters: this.filters,
      groups: this.groups,
      ...this.spatialConfig(),
      kernel_initializer: initializerConfig(a.kernelInitializer, 'glorot_uniform'),
      kernel_regularizer: regularizerConfig(a.kernelRegularizer),
      kernel_constraint: constraintConfig(a.kernelConstraint),
    };
  }
}

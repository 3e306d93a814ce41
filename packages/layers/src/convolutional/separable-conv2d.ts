import { tf } from '@dendrite/backend';
import { optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import type { RegularizerIdentifier } from '../regularizers/index';
import type { CallArgs, TensorOrList } from '../engine/layer';
import type { ResolvedWeightOptions } from '../engine/resolve-weight-options';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';
import { convolve2d } from './convolve';
import { SpatialConv, type SpatialConvArgs } from './spatial-conv';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link SeparableConv2D}. */
export interface SeparableConv2DArgs extends SpatialConvArgs {
  /** Number of output channels (≥ 1). */
  filters: number;
  /** Depthwise window size: one integer or [height, width]. */
  kernelSize: number | number[];
  /** `valid` (default) or `same`. */
  padding?: 'valid' | 'same';
  /** Depthwise output channels per input channel (1). */
  depthMultiplier?: number;
  /** Depthwise kernel initializer (glorot_uniform). */
  depthwiseInitializer?: InitializerIdentifier;
  /** Pointwise kernel initializer (glorot_uniform). */
  pointwiseInitializer?: InitializerIdentifier;
  depthwiseRegularizer?: RegularizerIdentifier;
  pointwiseRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
  pointwiseConstraint?: ConstraintIdentifier;
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
export class SeparableConv2D extends SpatialConv<SeparableConv2DArgs> {
  static override className = 'SeparableConv2D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<SeparableConv2DArgs, SpatialConvArgs>({
    filters: true,
    depthMultiplier: true,
    depthwiseInitializer: true,
    depthwiseRegularizer: true,
    depthwiseConstraint: true,
    pointwiseInitializer: true,
    pointwiseRegularizer: true,
    pointwiseConstraint: true,
  });
  declare readonly padding: 'valid' | 'same';
  readonly filters: number;
  readonly depthMultiplier: number;
  /** `[kh, kw, channels, depthMultiplier]`, once built. */
  depthwiseKernel?: LayerVariable;
  /** `[1, 1, channels · depthMultiplier, filters]`, once built. */
  pointwiseKernel?: LayerVariable;
  private readonly options: Record<'depthwise' | 'pointwise', ResolvedWeightOptions>;

  /**
   * @param args filters, kernelSize and the options of {@link SeparableConv2DArgs}
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: SeparableConv2DArgs) {
    super(2, args, ['valid', 'same']);
    this.filters = checkPositiveInteger(args.filters, 'filters', layerOwner(this.name));
    this.depthMultiplier = checkPositiveInteger(args.depthMultiplier ?? 1, 'depthMultiplier', layerOwner(this.name));
    this.options = {
      depthwise: weightOptions(args.depthwiseInitializer, 'glorot_uniform', args.depthwiseRegularizer, args.depthwiseConstraint, { layerName: this.name, weight: 'depthwise' }),
      pointwise: weightOptions(args.pointwiseInitializer, 'glorot_uniform', args.pointwiseRegularizer, args.pointwiseConstraint, { layerName: this.name, weight: 'pointwise' }),
    };
  }

  protected buildKernels(channels: number): void {
    this.depthwiseKernel = this.addWeight('depthwise_kernel', [...this.kernelSize, channels, this.depthMultiplier], this.options.depthwise);
    this.pointwiseKernel = this.addWeight('pointwise_kernel', [1, 1, channels * this.depthMultiplier, this.filters], this.options.pointwise);
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    // The one window-size check of a call on tensors (build leaves sizes to the calls, as the
    // built shape may leave them open): a window that does not fit is named here, not in a kernel.
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

  protected outputChannels(): number {
    return this.filters;
  }

  override getConfig(): Record<string, unknown> {
    const a = this.layerArgs;
    return {
      ...super.getConfig(),
      depth_multiplier: this.depthMultiplier,
      filters: this.filters,
      ...this.spatialConfig(),
      depthwise_initializer: initializerConfig(a.depthwiseInitializer, 'glorot_uniform'),
      pointwise_initializer: initializerConfig(a.pointwiseInitializer, 'glorot_uniform'),
      depthwise_regularizer: regularizerConfig(a.depthwiseRegularizer),
      pointwise_regularizer: regularizerConfig(a.pointwiseRegularizer),
      depthwise_constraint: constraintConfig(a.depthwiseConstraint),
      pointwise_constraint: constraintConfig(a.pointwiseConstraint),
    };
  }
}

registerLayer(SeparableConv2D, ['SeparableConvolution2D']);

/**
 * Makes a {@link SeparableConv2D} layer.
 *
 * Keras's positional arguments may come first, as `SeparableConv2D(filters, kernelSize, ...)`: `separableConv2d(filters, kernelSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = separableConv2d({ filters: 8, kernelSize: 3, depthMultiplier: 2 });
 * ```
 */
export function separableConv2d(args: SeparableConv2DArgs): SeparableConv2D;
export function separableConv2d(filters: NonNullable<SeparableConv2DArgs['filters']>, kernelSize: NonNullable<SeparableConv2DArgs['kernelSize']>, options?: Omit<SeparableConv2DArgs, 'filters' | 'kernelSize'>): SeparableConv2D;
export function separableConv2d(...values: unknown[]): SeparableConv2D {
  return new SeparableConv2D(positionalOptions<SeparableConv2DArgs>(values, ['filters', 'kernelSize'], 'layer SeparableConv2D'));
}

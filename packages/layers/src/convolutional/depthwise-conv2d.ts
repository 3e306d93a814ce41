import { tf } from '@dendrite/backend';
import { optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import { fusedActivationOf } from '../activations/index';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import type { RegularizerIdentifier } from '../regularizers/index';
import type { CallArgs, TensorOrList } from '../engine/layer';
import type { ResolvedWeightOptions } from '../engine/resolve-weight-options';
import { registerLayer } from '../engine/layer-registry';
import type { LayerVariable } from '../engine/layer-variable';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';
import { applyBiasAndActivation } from './convolve';
import { SpatialConv, type SpatialConvArgs } from './spatial-conv';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link DepthwiseConv2D}. */
export interface DepthwiseConv2DArgs extends SpatialConvArgs {
  /** Window size: one integer or [height, width]. */
  kernelSize: number | number[];
  /** `valid` (default) or `same`. */
  padding?: 'valid' | 'same';
  /** Output channels per input channel (1). */
  depthMultiplier?: number;
  /** Kernel initializer (glorot_uniform). */
  depthwiseInitializer?: InitializerIdentifier;
  depthwiseRegularizer?: RegularizerIdentifier;
  depthwiseConstraint?: ConstraintIdentifier;
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
export class DepthwiseConv2D extends SpatialConv<DepthwiseConv2DArgs> {
  static override className = 'DepthwiseConv2D';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<DepthwiseConv2DArgs, SpatialConvArgs>({
    depthMultiplier: true,
    depthwiseInitializer: true,
    depthwiseRegularizer: true,
    depthwiseConstraint: true,
  });
  declare readonly padding: 'valid' | 'same';
  readonly depthMultiplier: number;
  /** `[kh, kw, channels, depthMultiplier]`, once built. */
  kernel?: LayerVariable;
  private readonly kernelOptions: ResolvedWeightOptions;

  /**
   * @param args kernelSize and the options of {@link DepthwiseConv2DArgs}
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: DepthwiseConv2DArgs) {
    super(2, args, ['valid', 'same']);
    this.depthMultiplier = checkPositiveInteger(args.depthMultiplier ?? 1, 'depthMultiplier', layerOwner(this.name));
    this.kernelOptions = weightOptions(args.depthwiseInitializer, 'glorot_uniform', args.depthwiseRegularizer, args.depthwiseConstraint, { layerName: this.name, weight: 'depthwise' });
  }

  protected buildKernels(channels: number): void {
    this.kernel = this.addWeight('kernel', [...this.kernelSize, channels, this.depthMultiplier], this.kernelOptions);
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor4D;
    // The one window-size check of a call on tensors (build leaves sizes to the calls, as the
    // built shape may leave them open): a window that does not fit is named here, not in a kernel.
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

  protected outputChannels(channels: number | null): number | null {
    return channels === null ? null : channels * this.depthMultiplier;
  }

  override getConfig(): Record<string, unknown> {
    const a = this.layerArgs;
    return {
      ...super.getConfig(),
      depth_multiplier: this.depthMultiplier,
      ...this.spatialConfig(),
      depthwise_initializer: initializerConfig(a.depthwiseInitializer, 'glorot_uniform'),
      depthwise_regularizer: regularizerConfig(a.depthwiseRegularizer),
      depthwise_constraint: constraintConfig(a.depthwiseConstraint),
    };
  }
}

registerLayer(DepthwiseConv2D);

/**
 * Makes a {@link DepthwiseConv2D} layer.
 *
 * Keras's positional arguments may come first, as `DepthwiseConv2D(kernelSize, ...)`: `depthwiseConv2d(kernelSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 });
 * ```
 */
export function depthwiseConv2d(args: DepthwiseConv2DArgs): DepthwiseConv2D;
export function depthwiseConv2d(kernelSize: NonNullable<DepthwiseConv2DArgs['kernelSize']>, options?: Omit<DepthwiseConv2DArgs, 'kernelSize'>): DepthwiseConv2D;
export function depthwiseConv2d(...values: unknown[]): DepthwiseConv2D {
  return new DepthwiseConv2D(positionalOptions<DepthwiseConv2DArgs>(values, ['kernelSize'], 'layer DepthwiseConv2D'));
}

import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { CallArgs, TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { BaseConv, type ConvArgs } from './base-conv';
import { deconvForwardPadding, deconvOutputLength } from './conv-utils';
import { applyBiasAndActivation } from './convolve';
import { dilateKernel, checkTuple, layerOwner } from '@dendrite/backend/internal';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Conv2DTranspose}. */
export interface Conv2DTransposeArgs extends Omit<ConvArgs, 'groups' | 'padding'> {
  /** `valid` (default) or `same`. */
  padding?: 'valid' | 'same';
  /** Extra rows/columns on the far side, each < its stride (none: Keras's default sizes). */
  outputPadding?: number | number[] | null;
}

/**
 * A transposed 2-D convolution (Keras's `Conv2DTranspose`, "deconvolution"): the gradient of a
 * convolution, used for learned upsampling. Kernel `[kh, kw, filters, channels]`; output sizes as
 * Keras's `compute_conv_transpose_output_shape` (`n·s` for same padding without outputPadding).
 *
 * @example
 * ```ts
 * const layer = new Conv2DTranspose({ filters: 16, kernelSize: 3, strides: 2, padding: 'same' }); // 7×7 → 14×14
 * ```
 */
export class Conv2DTranspose extends BaseConv {
  static override className = 'Conv2DTranspose';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<Conv2DTransposeArgs, ConvArgs>({ outputPadding: true });
  /** Transposed convolutions take no groups (as Keras's): refused, not overwritten with 1. */
  static readonly omittedOptionKeys = ['groups'];
  /** Extra size on the far side per spatial axis, or undefined for Keras's default. */
  readonly outputPadding?: number[];

  /**
   * @param args filters, kernelSize and the options of {@link Conv2DTransposeArgs}
   * @throws Error naming the layer and the argument for a bad one (outputPadding ≥ strides…)
   */
  constructor(args: Conv2DTransposeArgs) {
    super(2, args);
    if (args.outputPadding != null) {
      const outputPadding = checkTuple(args.outputPadding, 2, 'outputPadding', layerOwner(this.name), 0);
      if (outputPadding.some((size, axis) => size >= this.strides[axis])) {
        throw new Error(`Expected outputPadding smaller than strides [${this.strides.join(', ')}] on every axis, received [${outputPadding.join(', ')}] in layer "${this.name}"`);
      }
      this.outputPadding = outputPadding;
    }
  }

  protected override kernelShape(channels: number): number[] {
    return [...this.kernelSize, this.filters, channels];
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor4D;
    const [, height, width] = this.computeOutputShape(x.shape) as number[];
    const [rows, columns] = [0, 1].map((axis) =>
      deconvForwardPadding(this.kernelSize[axis], this.strides[axis], this.padding as 'valid' | 'same', this.outputPadding?.[axis], this.dilationRate[axis]),
    );
    const kernel = dilateKernel(this.kernel!.read() as tf.Tensor4D, this.dilationRate);
    const output = tf.conv2dTranspose(x, kernel, [x.shape[0], height, width, this.filters], this.strides as [number, number], [[0, 0], rows, columns, [0, 0]]);
    return applyBiasAndActivation(output, this.bias?.read(), this.activation);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const spatial = [0, 1].map((axis) =>
      deconvOutputLength(shape[axis + 1], this.kernelSize[axis], this.padding as 'valid' | 'same', this.strides[axis], this.outputPadding?.[axis], this.dilationRate[axis]),
    );
    return [shape[0], ...spatial, this.filters];
  }

  override getConfig(): Record<string, unknown> {
    const { groups: _groups, ...config } = super.getConfig();
    return { ...config, output_padding: this.outputPadding ?? null };
  }
}

registerLayer(Conv2DTranspose, ['Convolution2DTranspose']);

/**
 * Makes a {@link Conv2DTranspose} layer.
 *
 * Keras's positional arguments may come first, as `Conv2DTranspose(filters, kernelSize, ...)`: `conv2dTranspose(filters, kernelSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = conv2dTranspose({ filters: 1, kernelSize: 4, strides: 2, padding: 'same' });
 * ```
 */
export function conv2dTranspose(args: Conv2DTransposeArgs): Conv2DTranspose;
export function conv2dTranspose(filters: NonNullable<Conv2DTransposeArgs['filters']>, kernelSize: NonNullable<Conv2DTransposeArgs['kernelSize']>, options?: Omit<Conv2DTransposeArgs, 'filters' | 'kernelSize'>): Conv2DTranspose;
export function conv2dTranspose(...values: unknown[]): Conv2DTranspose {
  return new Conv2DTranspose(positionalOptions<Conv2DTransposeArgs>(values, ['filters', 'kernelSize'], 'layer Conv2DTranspose'));
}

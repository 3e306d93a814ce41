import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BaseConv, type ConvArgs } from './base-conv';
import { positionalOptions } from '../engine/positional-options';

/**
 * A 1-D convolution over `[batch, steps, channels]` sequences (Keras's `Conv1D`); padding `valid`,
 * `same` or `causal` (output step t sees input steps ≤ t only). Runs as a 2-D convolution of
 * height 1.
 *
 * @example
 * ```ts
 * const layer = new Conv1D({ filters: 16, kernelSize: 5, padding: 'causal', inputShape: [100, 8] });
 * ```
 */
export class Conv1D extends BaseConv {
  static override className = 'Conv1D';
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<ConvArgs, ConvArgs>({});

  /**
   * @param args filters, kernelSize and the options of {@link ConvArgs}
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: ConvArgs) {
    super(1, args);
  }
}

registerLayer(Conv1D, ['Convolution1D']);

/**
 * Makes a {@link Conv1D} layer.
 *
 * Keras's positional arguments may come first, as `Conv1D(filters, kernelSize, ...)`: `conv1d(filters, kernelSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = conv1d({ filters: 4, kernelSize: 3, dilationRate: 2 });
 * ```
 */
export function conv1d(args: ConvArgs): Conv1D;
export function conv1d(filters: NonNullable<ConvArgs['filters']>, kernelSize: NonNullable<ConvArgs['kernelSize']>, options?: Omit<ConvArgs, 'filters' | 'kernelSize'>): Conv1D;
export function conv1d(...values: unknown[]): Conv1D {
  return new Conv1D(positionalOptions<ConvArgs>(values, ['filters', 'kernelSize'], 'layer Conv1D'));
}

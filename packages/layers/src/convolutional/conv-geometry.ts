import type { ConvPadding } from './conv-utils';
import { checkTuple, layerOwner, checkOneOf } from '@dendrite/backend/internal';

/** A convolution's window arguments as given: one integer or one per spatial axis. */
export interface ConvGeometryArgs {
  kernelSize: number | number[];
  strides?: number | number[];
  padding?: ConvPadding;
  dilationRate?: number | number[];
}

/** A convolution's window, one entry per spatial axis. */
export interface ConvGeometry {
  kernelSize: number[];
  strides: number[];
  padding: ConvPadding;
  dilationRate: number[];
}

/**
 * Validates and normalizes a convolution's window as Keras's `BaseConv` does: sizes ≥ 1, padding
 * among `paddings` (case-insensitive), and no strides > 1 together with dilation > 1.
 *
 * @param args kernelSize, strides (1), padding (valid), dilationRate (1)
 * @param rank the number of spatial axes
 * @param paddings the accepted paddings (causal only for 1-D convolutions)
 * @param layerName the layer, for messages
 * @returns the window with one entry per spatial axis
 * @throws Error naming the layer and the argument, expected vs received
 * @example
 * ```ts
 * resolveConvGeometry({ kernelSize: 3, strides: 2 }, 2, ['valid', 'same'], 'conv2d');
 * // { kernelSize: [3, 3], strides: [2, 2], padding: 'valid', dilationRate: [1, 1] }
 * ```
 */
export function resolveConvGeometry(args: ConvGeometryArgs, rank: number, paddings: readonly ConvPadding[], layerName: string): ConvGeometry {
  const kernelSize = checkTuple(args.kernelSize, rank, 'kernelSize', layerOwner(layerName));
  const strides = checkTuple(args.strides ?? 1, rank, 'strides', layerOwner(layerName));
  const dilationRate = checkTuple(args.dilationRate ?? 1, rank, 'dilationRate', layerOwner(layerName));
  const padding = checkOneOf(args.padding ?? 'valid', paddings, 'padding', layerOwner(layerName));
  if (Math.max(...strides) > 1 && Math.max(...dilationRate) > 1) {
    throw new Error(
      `Expected strides of 1 when dilationRate > 1 (Keras does not combine them), received strides [${strides.join(', ')}] and dilationRate [${dilationRate.join(', ')}] in layer "${layerName}"`,
    );
  }
  return { kernelSize, strides, padding, dilationRate };
}

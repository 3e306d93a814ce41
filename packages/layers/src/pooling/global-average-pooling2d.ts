import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BaseGlobalPooling, type GlobalPoolingArgs } from './base-global-pooling';

/**
 * The mean over height and width of `[batch, height, width, channels]` images (Keras's `GlobalAveragePooling2D`).
 *
 * @example
 * ```ts
 * const layer = new GlobalAveragePooling2D(); // [batch, 7, 7, 64] → [batch, 64]
 * ```
 */
export class GlobalAveragePooling2D extends BaseGlobalPooling {
  static override className = 'GlobalAveragePooling2D';
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<GlobalPoolingArgs, GlobalPoolingArgs>({});

  /**
   * @param args keepdims (false)
   * @throws Error naming the layer for channels_first
   */
  constructor(args: GlobalPoolingArgs = {}) {
    super(2, 'average', args);
  }
}

registerLayer(GlobalAveragePooling2D, ['GlobalAvgPool2D']);

/**
 * Makes a {@link GlobalAveragePooling2D} layer.
 *
 * @example
 * ```ts
 * const layer = globalAveragePooling2d({ keepdims: true });
 * ```
 */
export function globalAveragePooling2d(args: GlobalPoolingArgs = {}): GlobalAveragePooling2D {
  return new GlobalAveragePooling2D(args);
}

import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BaseGlobalPooling, type GlobalPoolingArgs } from './base-global-pooling';

/**
 * The maximum over height and width of `[batch, height, width, channels]` images (Keras's `GlobalMaxPooling2D`).
 *
 * @example
 * ```ts
 * const layer = new GlobalMaxPooling2D(); // [batch, 7, 7, 64] → [batch, 64]
 * ```
 */
export class GlobalMaxPooling2D extends BaseGlobalPooling {
  static override className = 'GlobalMaxPooling2D';
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<GlobalPoolingArgs, GlobalPoolingArgs>({});

  /**
   * @param args keepdims (false)
   * @throws Error naming the layer for channels_first
   */
  constructor(args: GlobalPoolingArgs = {}) {
    super(2, 'max', args);
  }
}

registerLayer(GlobalMaxPooling2D, ['GlobalMaxPool2D']);

/**
 * Makes a {@link GlobalMaxPooling2D} layer.
 *
 * @example
 * ```ts
 * const layer = globalMaxPooling2d({ keepdims: true });
 * ```
 */
export function globalMaxPooling2d(args: GlobalPoolingArgs = {}): GlobalMaxPooling2D {
  return new GlobalMaxPooling2D(args);
}

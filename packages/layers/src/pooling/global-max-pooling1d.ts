import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BaseGlobalPooling, type GlobalPoolingArgs } from './base-global-pooling';

/**
 * The maximum over the steps of `[batch, steps, channels]` sequences (Keras's `GlobalMaxPooling1D`).
 *
 * @example
 * ```ts
 * const layer = new GlobalMaxPooling1D(); // [batch, 200, 16] → [batch, 16]
 * ```
 */
export class GlobalMaxPooling1D extends BaseGlobalPooling {
  static override className = 'GlobalMaxPooling1D';
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<GlobalPoolingArgs, GlobalPoolingArgs>({});

  /**
   * @param args keepdims (false)
   * @throws Error naming the layer for channels_first
   */
  constructor(args: GlobalPoolingArgs = {}) {
    super(1, 'max', args);
  }
}

registerLayer(GlobalMaxPooling1D, ['GlobalMaxPool1D']);

/**
 * Makes a {@link GlobalMaxPooling1D} layer.
 *
 * @example
 * ```ts
 * const layer = globalMaxPooling1d({ keepdims: true });
 * ```
 */
export function globalMaxPooling1d(args: GlobalPoolingArgs = {}): GlobalMaxPooling1D {
  return new GlobalMaxPooling1D(args);
}

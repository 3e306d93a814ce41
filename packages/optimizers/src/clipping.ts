import { tf } from '@dendrite/backend';

/** Clipping options every optimizer takes (at most one of them), as Keras's. */
export interface ClipOptions {
  /** Clip each gradient element to [−clipValue, clipValue]. */
  clipValue?: number;
  /** Scale each gradient whose L2 norm exceeds clipNorm down to it. */
  clipNorm?: number;
  /** Scale all gradients together when their global L2 norm exceeds it. */
  globalClipNorm?: number;
}

/**
 * Checks the clipping options: each a positive number, at most one set (as Keras).
 *
 * @throws Error naming the options and the optimizer
 */
export function checkClipOptions(options: ClipOptions, optimizerName: string): void {
  const set = (['clipValue', 'clipNorm', 'globalClipNorm'] as const).filter((key) => options[key] != null);
  if (set.length > 1) {
    throw new Error(`Expected at most one of clipValue, clipNorm, globalClipNorm in optimizer "${optimizerName}", received ${set.join(' and ')}`);
  }
  for (const key of set) {
    const value = options[key]!;
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      throw new Error(`Expected ${key} to be a finite number > 0 in optimizer "${optimizerName}", received ${JSON.stringify(value)}`);
    }
  }
}

/** The gradients after clipping; call inside `tf.tidy`. */
export function clipGradients(gradients: tf.Tensor[], options: ClipOptions): tf.Tensor[] {
  if (options.clipValue != null) return gradients.map((g) => tf.clipByValue(g, -options.clipValue!, options.clipValue!));
  if (options.clipNorm != null) {
    const limit = options.clipNorm;
    return gradients.map((g) => tf.mul(g, tf.div(limit, tf.maximum(tf.norm(g), limit))));
  }
  if (options.globalClipNorm != null) {
    const limit = options.globalClipNorm;
    const globalNorm = tf.sqrt(tf.addN(gradients.map((g) => tf.sum(tf.square(g)))));
    const scale = tf.div(limit, tf.maximum(globalNorm, limit));
    return gradients.map((g) => tf.mul(g, scale));
  }
  return gradients;
}

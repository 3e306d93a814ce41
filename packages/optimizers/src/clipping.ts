import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, POSITIVE, checkNumber } from '@dendrite/backend/internal';

/** Gradient clipping, as Keras's optimizers take it: at most one of the three. */
export interface ClipOptions {
  /** Clip every gradient element to [−clipValue, clipValue] (Keras `clipvalue`). */
  clipValue?: number | null;
  /** Scale each gradient whose own L2 norm exceeds clipNorm down to it (Keras `clipnorm`). */
  clipNorm?: number | null;
  /** Scale all gradients together when their joint L2 norm exceeds it (Keras `global_clipnorm`). */
  globalClipNorm?: number | null;
}

const CLIP_KEYS = ['clipValue', 'clipNorm', 'globalClipNorm'] as const;
// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const CLIP_OPTION_KEYS = optionKeys<ClipOptions>({ clipValue: true, clipNorm: true, globalClipNorm: true });

/**
 * Checks clipping options: each one set is a finite number > 0, and at most one is set (as Keras).
 *
 * @param owner for messages: `optimizer "adam"`
 * @returns the options with unset ones as `null`
 * @throws Error naming both options when two are set, or the option and its value when it is not > 0
 * @example
 * ```ts
 * checkClipOptions({ clipNorm: 1 }, 'optimizer "adam"'); // { clipValue: null, clipNorm: 1, globalClipNorm: null }
 * ```
 */
export function checkClipOptions(options: ClipOptions, owner: string): Required<ClipOptions> {
  const set = CLIP_KEYS.filter((key) => options[key] != null);
  if (set.length > 1) {
    throw new Error(`Expected at most one of clipValue, clipNorm, globalClipNorm in ${owner}, received ${set.join(' and ')}`);
  }
  const checked = { clipValue: null, clipNorm: null, globalClipNorm: null } as Required<ClipOptions>;
  for (const key of set) checked[key] = checkNumber(options[key], key, owner, POSITIVE);
  return checked;
}

/**
 * The gradients after clipping, Keras's way: by value elementwise, by norm per gradient
 * (`g · c / max(‖g‖, c)`), or by the global norm of all of them (`g · c / max(√Σ‖gᵢ‖², c)`).
 * Returns new tensors (or the inputs when no clipping is set); call it inside `tf.tidy`.
 *
 * @example
 * ```ts
 * tf.tidy(() => clipGradients([tf.tensor1d([3, 4])], { clipNorm: 1 })); // [[0.6, 0.8]]
 * ```
 */
export function clipGradients(gradients: tf.Tensor[], options: ClipOptions): tf.Tensor[] {
  checkOptionKeys(options, CLIP_OPTION_KEYS, 'clipGradients');
  return clipGradientsBy(gradients, options);
}

/** {@link clipGradients} for options already checked: an optimizer's own thresholds. */
export function clipGradientsBy(gradients: tf.Tensor[], { clipValue, clipNorm, globalClipNorm }: ClipOptions): tf.Tensor[] {
  if (clipValue != null) return gradients.map((gradient) => tf.clipByValue(gradient, -clipValue, clipValue));
  if (clipNorm != null) {
    const limit = tf.scalar(clipNorm);
    // One pass over each gradient: the scale clipNorm / max(‖g‖, clipNorm) is a scalar.
    return gradients.map((gradient) => tf.mul(gradient, tf.div(limit, tf.maximum(tf.norm(gradient), limit))));
  }
  if (globalClipNorm != null && gradients.length > 0) {
    const globalNorm = tf.sqrt(tf.addN(gradients.map((gradient) => tf.sum(tf.square(gradient)))));
    const scale = tf.div(globalClipNorm, tf.maximum(globalNorm, globalClipNorm));
    return gradients.map((gradient) => tf.mul(gradient, scale));
  }
  return gradients;
}

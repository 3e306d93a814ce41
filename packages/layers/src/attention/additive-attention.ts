import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { LayerVariable } from '../engine/layer-variable';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { BaseDenseAttention, type BaseDenseAttentionArgs, attentionInputShapes, checkBoolean } from './base-dense-attention';

/** Arguments of {@link AdditiveAttention}. */
export interface AdditiveAttentionArgs extends BaseDenseAttentionArgs {
  /** Whether to learn a `scale` vector `[dim]` (glorot uniform) weighting the features of the scores (true). */
  useScale?: boolean;
}

/**
 * Keras's `AdditiveAttention`, Bahdanau-style attention: scores `Σ scale · tanh(query + key)` over
 * the features, for a query `[batch, Tq, dim]` and a key `[batch, Tv, dim]`; then as
 * {@link Attention}: a masked softmax over the value steps and the weighted sum of the values.
 * One weight with useScale: `scale` `[dim]`.
 *
 * @example
 * ```ts
 * const context = additiveAttention().apply([query, value]); // Keras: AdditiveAttention()([query, value])
 * ```
 */
export class AdditiveAttention extends BaseDenseAttention {
  static override className = 'AdditiveAttention';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<AdditiveAttentionArgs, BaseDenseAttentionArgs>({ useScale: true });
  readonly useScale: boolean;
  scale?: LayerVariable;

  /** @throws Error naming the layer for a non-boolean useScale or a bad dropout */
  constructor(args: AdditiveAttentionArgs = {}) {
    super(args);
    this.useScale = checkBoolean(args.useScale ?? true, 'useScale', this.name);
  }

  override build(inputShape: Shape | Shape[]): void {
    const [query, value, key = value] = attentionInputShapes(inputShape, this.name);
    const dim = query[2];
    if (dim === null) throw new Error(`Expected the last axis of the query to be known in layer "${this.name}", received null`);
    if (key[2] !== null && key[2] !== dim) {
      throw new Error(`Expected query and key to have the same number of features in layer "${this.name}", received ${dim} and ${key[2]}`);
    }
    if (this.useScale) this.scale = this.addWeight('scale', [dim], { initializer: 'glorot_uniform' });
  }

  protected override calculateScores(query: tf.Tensor, key: tf.Tensor): tf.Tensor {
    // [batch, Tq, 1, dim] + [batch, 1, Tv, dim] → [batch, Tq, Tv, dim]
    const features = tf.tanh(tf.add(tf.expandDims(query, -2), tf.expandDims(key, -3)));
    return tf.sum(this.scale === undefined ? features : tf.mul(this.scale.read(), features), -1);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), use_scale: this.useScale };
  }
}

registerLayer(AdditiveAttention);

/**
 * Makes an {@link AdditiveAttention} layer.
 *
 * @throws TypeError for an unknown option; Error naming the layer for a bad value
 * @example
 * ```ts
 * const [output, scores] = additiveAttention({ dropout: 0.1 }).apply([query, value], { returnAttentionScores: true }) as unknown as tf.Tensor[];
 * ```
 */
export function additiveAttention(args: AdditiveAttentionArgs = {}): AdditiveAttention {
  return new AdditiveAttention(args);
}

import { tf } from '@dendrite/backend';
import { optionKeys, checkOneOf, layerOwner } from '@dendrite/backend/internal';
import type { LayerVariable } from '../engine/layer-variable';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { BaseDenseAttention, type BaseDenseAttentionArgs, attentionInputShapes, checkBoolean } from './base-dense-attention';

/** How {@link Attention} scores a query step against a key step. */
export type AttentionScoreMode = 'dot' | 'concat';

/** Arguments of {@link Attention}. */
export interface AttentionArgs extends BaseDenseAttentionArgs {
  /** Whether to learn a scalar `scale` (initially 1) multiplying the scores (false). */
  useScale?: boolean;
  /** `'dot'`: `query · key`; `'concat'`: `Σ tanh(query + key)` times a learned scalar (`'dot'`). */
  scoreMode?: AttentionScoreMode;
}

/**
 * Keras's `Attention`, dot-product (Luong-style) attention: for a query `[batch, Tq, dim]` and a
 * value (and key) `[batch, Tv, dim]`, scores `query · keyᵀ` (times `scale` with useScale; with
 * scoreMode `'concat'`, `concat_score_weight · Σ tanh(scale · (query + key))` over the features),
 * a softmax over the value steps (value-masked and causal steps excluded), and the weighted sum of
 * the values, `[batch, Tq, dim]`. Weights, in order: `scale` `[]` (useScale), `concat_score_weight`
 * `[]` (scoreMode `'concat'`), both starting at 1.
 *
 * Keras calls it `attention([query, value])`; here `layer.apply([query, value], callOptions)` with
 * the call options of {@link AttentionCallArgs}.
 *
 * @example
 * ```ts
 * const query = input({ shape: [4, 8] });
 * const value = input({ shape: [6, 8] });
 * const context = attention({ useScale: true }).apply([query, value]); // [null, 4, 8]
 * ```
 */
export class Attention extends BaseDenseAttention {
  static override className = 'Attention';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<AttentionArgs, BaseDenseAttentionArgs>({ useScale: true, scoreMode: true });
  readonly useScale: boolean;
  readonly scoreMode: AttentionScoreMode;
  scale?: LayerVariable;
  concatScoreWeight?: LayerVariable;

  /** @throws Error naming the layer for an unknown scoreMode, a non-boolean useScale, or a bad dropout */
  constructor(args: AttentionArgs = {}) {
    super(args);
    this.useScale = checkBoolean(args.useScale ?? false, 'useScale', this.name);
    this.scoreMode = checkOneOf(args.scoreMode ?? 'dot', ['dot', 'concat'] as const, 'scoreMode', layerOwner(this.name));
  }

  override build(inputShape: Shape | Shape[]): void {
    const [query, value, key = value] = attentionInputShapes(inputShape, this.name);
    if (this.scoreMode === 'dot' && query[2] !== null && key[2] !== null && query[2] !== key[2]) {
      throw new Error(`Expected query and key to have the same number of features in layer "${this.name}", received ${query[2]} and ${key[2]}`);
    }
    if (this.useScale) this.scale = this.addWeight('scale', [], { initializer: 'ones' });
    if (this.scoreMode === 'concat') this.concatScoreWeight = this.addWeight('concat_score_weight', [], { initializer: 'ones' });
  }

  protected override calculateScores(query: tf.Tensor, key: tf.Tensor): tf.Tensor {
    const scale = this.scale?.read();
    if (this.scoreMode === 'dot') {
      const scores = tf.matMul(query, key, false, true);
      return scale === undefined ? scores : tf.mul(scores, scale);
    }
    // [batch, Tq, 1, dim] + [batch, 1, Tv, dim] → [batch, Tq, Tv, dim]
    const sum = tf.add(tf.expandDims(query, -2), tf.expandDims(key, -3));
    const summed = tf.sum(tf.tanh(scale === undefined ? sum : tf.mul(scale, sum)), -1);
    return tf.mul(this.concatScoreWeight!.read(), summed);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), use_scale: this.useScale, score_mode: this.scoreMode };
  }
}

registerLayer(Attention);

/**
 * Makes an {@link Attention} layer.
 *
 * @throws TypeError for an unknown option; Error naming the layer for a bad value
 * @example
 * ```ts
 * const output = attention({ scoreMode: 'concat' }).apply([query, value, key], { useCausalMask: true });
 * ```
 */
export function attention(args: AttentionArgs = {}): Attention {
  return new Attention(args);
}

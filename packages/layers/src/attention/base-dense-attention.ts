import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, randomDropout, checkNumber, layerOwner, FRACTION } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { type Shape, isShapeList, shapeToString } from '../engine/shape';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { SeedGenerator } from '../regularization/seed-generator';
import { andMasks, causalMask, maskScores } from './attention-masks';

/**
 * Call options of the attention layers, beside `training` and `mask` (Keras's call arguments):
 * `layer.apply([query, value], { useCausalMask: true, returnAttentionScores: true })`.
 */
export interface AttentionCallArgs extends CallArgs {
  /** Whether query position `i` may only attend to value positions `j ≤ i` (decoder self-attention). */
  useCausalMask?: boolean;
  /** Whether to return `[output, scores]` (the attention weights after masking and softmax). */
  returnAttentionScores?: boolean;
}

/** Arguments shared by {@link Attention} and {@link AdditiveAttention}. */
export interface BaseDenseAttentionArgs extends LayerArgs {
  /** Fraction of the attention weights dropped in training, in [0, 1) (0). */
  dropout?: number;
  /** Seed of the layer's own dropout stream (else Dendrite's global stream). */
  seed?: number;
  /**
   * tf.keras 2.x's constructor flag, read from its files: as `useCausalMask: true` on every call
   * (false). Keras 3 dropped it for the call option.
   */
  causal?: boolean;
}

/** A boolean option, checked.
 *
 * @throws TypeError naming the argument and the layer otherwise
 */
export function checkBoolean(value: unknown, argumentName: string, layerName: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`Expected ${argumentName} to be a boolean, received ${describeValue(value)} in layer "${layerName}"`);
  return value;
}

/** The shapes of `[query, value, key?]`, checked: a list of 2 or 3 sequences `[batch, steps, features]`. */
export function attentionInputShapes(inputShape: Shape | Shape[], layerName: string): Shape[] {
  if (!isShapeList(inputShape) || inputShape.length < 2 || inputShape.length > 3) {
    const received = isShapeList(inputShape) ? `a list of ${inputShape.length}` : `one input of shape ${shapeToString(inputShape)}`;
    throw new Error(`Expected a list of 2 or 3 inputs [query, value] or [query, value, key] in layer "${layerName}", received ${received}`);
  }
  const [query, value, key = value] = inputShape;
  if ([query, value, key].some((shape) => shape.length !== 3)) {
    throw new Error(`Expected query, value and key of rank 3 [batch, steps, features] in layer "${layerName}", received ${inputShape.map(shapeToString).join(', ')}`);
  }
  if (value[1] !== null && key[1] !== null && value[1] !== key[1]) {
    throw new Error(`Expected value and key to have the same number of steps in layer "${layerName}", received ${shapeToString(value)} and ${shapeToString(key)}`);
  }
  return inputShape;
}

/**
 * The base of Keras's dense attention layers (tf.keras 2.x's `BaseDenseAttention`): scores of
 * every query step against every key step (from {@link calculateScores}), value and causal masks,
 * a softmax over the value steps, dropout of the weights in training, and their weighted sum of
 * the values; query steps masked out give zeros. Inputs are `[query, value]` or `[query, value,
 * key]` (the key is the value when not given); masks `[queryMask, valueMask]` come from Keras
 * masking or the `mask` call option; the output keeps the query's mask.
 */
export abstract class BaseDenseAttention extends Layer {
  static override className = 'BaseDenseAttention';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<BaseDenseAttentionArgs, LayerArgs>({ dropout: true, seed: true, causal: true });
  /** Fraction of the attention weights dropped in training. */
  readonly dropout: number;
  /** Whether every call is causal (tf.keras 2.x's `causal`). */
  readonly causal: boolean;
  readonly seed?: number;
  /** Draws the seed of each dropout mask. */
  protected readonly seeds: SeedGenerator;
  /** Whether the call being applied returns the scores too (for the symbolic output shapes). */
  private scoresRequested = false;

  /** @throws Error naming the layer for a dropout outside [0, 1), a bad seed or a non-boolean causal */
  constructor(args: BaseDenseAttentionArgs = {}) {
    super(args);
    this.dropout = checkNumber(args.dropout ?? 0, 'dropout', layerOwner(this.name), FRACTION);
    this.causal = checkBoolean(args.causal ?? false, 'causal', this.name);
    this.seeds = new SeedGenerator(args.seed, this.name);
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  /** Scores `[batch, Tq, Tv]` of each query step against each key step. */
  protected abstract calculateScores(query: tf.Tensor, key: tf.Tensor): tf.Tensor;

  /**
   * Runs the layer on `[query, value]` or `[query, value, key]`; with `returnAttentionScores` it
   * returns `[output, scores]`.
   *
   * @example
   * ```ts
   * const [output, scores] = attention().apply([query, value], { returnAttentionScores: true }) as unknown as tf.Tensor[];
   * ```
   */
  override apply(inputs: SymbolicTensor | SymbolicTensor[], args?: AttentionCallArgs): SymbolicTensor;
  override apply(inputs: TensorOrList, args?: AttentionCallArgs): tf.Tensor;
  override apply(inputs: TensorOrList | SymbolicTensor | SymbolicTensor[], args?: AttentionCallArgs): TensorOrList | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: TensorOrList | SymbolicTensor | SymbolicTensor[], args: AttentionCallArgs = {}): TensorOrList | SymbolicTensor | SymbolicTensor[] {
    this.scoresRequested = args.returnAttentionScores === true;
    try {
      return super.apply(inputs, args);
    } finally {
      this.scoresRequested = false;
    }
  }

  override build(inputShape: Shape | Shape[]): void {
    attentionInputShapes(inputShape, this.name);
  }

  override call(inputs: TensorOrList, args: AttentionCallArgs): TensorOrList {
    if (!Array.isArray(inputs)) attentionInputShapes(inputs.shape, this.name);
    const [query, value, key = value] = inputs as tf.Tensor[];
    const masks = Array.isArray(args.mask) ? args.mask : args.mask == null ? [] : [args.mask];
    const queryMask = masks[0] ?? null;
    const valueMask = masks[1] ?? null;
    const scores = this.calculateScores(query, key);
    // As tf.keras 2.x: the value mask [batch, 1, Tv] (Keras 3 also broadcasts it so, but only when causal).
    const causal = (args.useCausalMask ?? this.causal) ? causalMask(scores.shape[1] as number, scores.shape[2] as number) : null;
    const scoresMask = andMasks(valueMask === null ? null : tf.expandDims(valueMask, -2), causal);
    let weights = tf.softmax(maskScores(scores, scoresMask), -1);
    if (args.training === true && this.dropout > 0) weights = randomDropout(weights, this.dropout, undefined, this.seeds.next());
    let output = tf.matMul(weights, value);
    if (queryMask !== null) output = tf.mul(output, tf.expandDims(tf.cast(queryMask, output.dtype), -1));
    return args.returnAttentionScores === true ? [output, weights] : output;
  }

  /** The output keeps the query's mask. */
  override computeMask(_inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    const queryMask = Array.isArray(mask) ? mask[0] : mask;
    return queryMask ?? null;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const [query, value] = attentionInputShapes(inputShape, this.name);
    const output: Shape = [...query.slice(0, -1), value[value.length - 1]];
    return this.scoresRequested ? [output, [query[0], query[1], value[1]]] : output;
  }

  override getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { ...super.getConfig(), dropout: this.dropout };
    if (this.seed !== undefined) config.seed = this.seed;
    if (this.causal) config.causal = true;
    return config;
  }
}

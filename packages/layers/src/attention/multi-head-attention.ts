import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, randomDropout, checkPositiveInteger, layerOwner, checkNumber, FRACTION } from '@dendrite/backend/internal';
import type { ConstraintIdentifier } from '../constraints/index';
import type { InitializerIdentifier } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, isShapeList, shapeToString } from '../engine/shape';
import { type SymbolicTensor, isSymbolic } from '../engine/symbolic-tensor';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';
import { SeedGenerator } from '../regularization/seed-generator';
import { type AttentionCallArgs, checkBoolean } from './base-dense-attention';
import { andMasks, causalMask, maskScores, softmaxOverLastAxes } from './attention-masks';
import { type AttentionLayout, attentionLayout, attentionScores, combineValues, scoresShape } from './attention-axes';
import { HeadProjection } from './head-projection';

/** Arguments of {@link MultiHeadAttention}. */
export interface MultiHeadAttentionArgs extends LayerArgs {
  /** Number of attention heads (≥ 1). */
  numHeads: number;
  /** Size of each head for query and key (≥ 1). */
  keyDim: number;
  /** Size of each head for value (keyDim). */
  valueDim?: number;
  /** Fraction of the attention weights dropped in training, in [0, 1) (0). */
  dropout?: number;
  /** Whether the projections add biases (true). */
  useBias?: boolean;
  /** The output's trailing shape (an integer for one axis); the query's last axis by default. */
  outputShape?: number | number[];
  /** Axes of the inputs attended over (between batch and features); all of them by default. */
  attentionAxes?: number | number[];
  kernelInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  /** Penalty on the outputs of each projection (Keras passes it to the four sublayers). */
  activityRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
  /** Seed of the layer's own dropout stream (else Dendrite's global stream). */
  seed?: number;
}

/** Call options of {@link MultiHeadAttention}: {@link AttentionCallArgs} and an attention mask. */
export interface MultiHeadAttentionCallArgs extends AttentionCallArgs {
  /**
   * Which query position may attend to which key position, `[batch, Tq, Tv]` (broadcast over
   * heads), true/1 to attend; joined with the query/value/key masks and the causal mask. A tensor
   * given with concrete inputs only: a functional model uses Keras masking or `useCausalMask`.
   */
  attentionMask?: tf.Tensor | null;
}

function checkShapeOption(value: unknown, argumentName: string, layerName: string): number[] | undefined {
  if (value == null) return undefined;
  const list = typeof value === 'number' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((size) => !Number.isInteger(size))) {
    throw new Error(`Expected ${argumentName} to be an integer or a list of integers, received ${describeValue(value)} in layer "${layerName}"`);
  }
  return [...list] as number[];
}

/**
 * Keras's `MultiHeadAttention` ("Attention is all you need"): the query, key and value are
 * projected to `numHeads` heads (`query`, `key`, `value` sublayers, kernels `[dim, numHeads,
 * keyDim]` and biases `[numHeads, keyDim]`, `valueDim` for the value), each head attends with
 * scores `q · k / √keyDim` softmaxed over the attention axes (masked by the attention mask, the
 * inputs' Keras masks and the causal mask), dropout on the weights in training, and the heads'
 * results are projected back (`attention_output`, kernel `[numHeads, valueDim, ...outputShape]`,
 * bias `outputShape`). Weights, in Keras's order: query, key, value, attention_output, each kernel
 * then bias; the names and shapes tf.keras 2.x and Keras 3 save.
 *
 * Keras calls it `mha(query, value)` / `mha(query, value, key)`; here `layer.apply([query, value])`
 * / `layer.apply([query, value, key])` with the call options of {@link MultiHeadAttentionCallArgs}
 * (`attentionMask`, `useCausalMask`, `returnAttentionScores`, `training`). The output keeps the
 * query's mask.
 *
 * @example
 * ```ts
 * const tokens = input({ shape: [10, 16] });
 * const mha = multiHeadAttention({ numHeads: 2, keyDim: 8 });
 * const attended = mha.apply([tokens, tokens], { useCausalMask: true }); // [null, 10, 16]
 * ```
 */
export class MultiHeadAttention extends Layer {
  static override className = 'MultiHeadAttention';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<MultiHeadAttentionArgs, LayerArgs>({
    numHeads: true,
    keyDim: true,
    valueDim: true,
    dropout: true,
    useBias: true,
    outputShape: true,
    attentionAxes: true,
    kernelInitializer: true,
    biasInitializer: true,
    kernelRegularizer: true,
    biasRegularizer: true,
    activityRegularizer: true,
    kernelConstraint: true,
    biasConstraint: true,
    seed: true,
  });
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly dropout: number;
  readonly useBias: boolean;
  readonly seed?: number;
  /** The output's trailing shape, when given. */
  readonly projectionShape?: number[];
  /** The attention axes (given, or resolved by build). */
  attentionAxes?: number[];
  /** Projections, named as Keras's attributes (`query_dense` in `.keras` weight paths). */
  queryDense?: HeadProjection;
  keyDense?: HeadProjection;
  valueDense?: HeadProjection;
  outputDense?: HeadProjection;
  private readonly args: MultiHeadAttentionArgs;
  private readonly seeds: SeedGenerator;
  private layout?: AttentionLayout;
  private scoresRequested = false;

  /** @throws Error naming the layer and argument for a bad value */
  constructor(args: MultiHeadAttentionArgs) {
    super(args);
    this.numHeads = checkPositiveInteger(args.numHeads, 'numHeads', layerOwner(this.name));
    this.keyDim = checkPositiveInteger(args.keyDim, 'keyDim', layerOwner(this.name));
    this.valueDim = args.valueDim == null ? this.keyDim : checkPositiveInteger(args.valueDim, 'valueDim', layerOwner(this.name));
    this.dropout = checkNumber(args.dropout ?? 0, 'dropout', layerOwner(this.name), FRACTION);
    this.useBias = checkBoolean(args.useBias ?? true, 'useBias', this.name);
    this.projectionShape = checkShapeOption(args.outputShape, 'outputShape', this.name);
    this.attentionAxes = checkShapeOption(args.attentionAxes, 'attentionAxes', this.name);
    this.seeds = new SeedGenerator(args.seed, this.name);
    this.seed = args.seed;
    this.args = args;
    // Resolved now, so that a bad identifier fails here, as in Keras.
    this.projectionOptions();
    if (args.activityRegularizer != null) getRegularizer(args.activityRegularizer);
    this.supportsMasking = true;
  }

  /** Fresh kernel and bias options for one projection (each gets its own initializer, as Keras clones them). */
  private projectionOptions() {
    const a = this.args;
    return {
      kernelOptions: weightOptions(a.kernelInitializer, 'glorot_uniform', a.kernelRegularizer, a.kernelConstraint, { layerName: this.name, weight: 'kernel' }),
      biasOptions: weightOptions(a.biasInitializer, 'zeros', a.biasRegularizer, a.biasConstraint, { layerName: this.name, weight: 'bias' }),
      projectionActivityRegularizer: a.activityRegularizer == null ? undefined : getRegularizer(a.activityRegularizer),
      useBias: this.useBias,
    };
  }

  /** The shapes of `[query, value, key?]`, checked. */
  private inputShapes(inputShape: Shape | Shape[]): [Shape, Shape, Shape] {
    if (!isShapeList(inputShape) || inputShape.length < 2 || inputShape.length > 3) {
      const received = isShapeList(inputShape) ? `a list of ${inputShape.length}` : `one input of shape ${shapeToString(inputShape)}`;
      throw new Error(`Expected a list of 2 or 3 inputs [query, value] or [query, value, key] in layer "${this.name}", received ${received}`);
    }
    const [query, value, key = value] = inputShape;
    if (query.length < 3 || value.length < 3) {
      throw new Error(`Expected query and value of rank ≥ 3 [batch, ...steps, features] in layer "${this.name}", received ${shapeToString(query)} and ${shapeToString(value)}`);
    }
    if (shapeToString(value.slice(1, -1)) !== shapeToString(key.slice(1, -1))) {
      throw new Error(`Expected value and key to agree on every axis but the last in layer "${this.name}", received ${shapeToString(value)} and ${shapeToString(key)}`);
    }
    return [query, value, key];
  }

  override build(inputShape: Shape | Shape[]): void {
    const [query, value, key] = this.inputShapes(inputShape);
    const rank = query.length;
    const axes = (this.attentionAxes ?? Array.from({ length: rank - 2 }, (_, index) => index + 1)).map((axis) => (axis < 0 ? axis + rank : axis));
    if (axes.some((axis) => axis < 1 || axis > rank - 2) || new Set(axes).size !== axes.length) {
      throw new Error(`Expected attentionAxes to be distinct axes between batch and features (1…${rank - 2}) in layer "${this.name}", received ${describeValue(this.attentionAxes)}`);
    }
    this.attentionAxes = axes;
    this.layout = attentionLayout(rank + 1, axes);
    const project = (name: string, boundAxes: number, projectedShape: number[], shape: Shape) => {
      const layer = this.trackLayer(new HeadProjection({ name, boundAxes, projectedShape, ...this.projectionOptions(), dtype: this.dtype }));
      layer.maybeBuild(shape);
      return layer;
    };
    this.queryDense = project('query', 1, [this.numHeads, this.keyDim], query);
    this.keyDense = project('key', 1, [this.numHeads, this.keyDim], key);
    this.valueDense = project('value', 1, [this.numHeads, this.valueDim], value);
    const queryFeatures = query[rank - 1];
    if (this.projectionShape === undefined && queryFeatures === null) {
      throw new Error(`Expected the last axis of the query to be known (or outputShape given) in layer "${this.name}", received ${shapeToString(query)}`);
    }
    const projected = [...query.slice(0, -1), this.numHeads, this.valueDim];
    this.outputDense = project('attention_output', 2, this.projectionShape ?? [queryFeatures as number], projected);
  }

  /**
   * Runs the layer on `[query, value]` or `[query, value, key]`; with `returnAttentionScores` it
   * returns `[output, scores]`, scores `[batch, numHeads, Tq, Tv]` for sequences.
   *
   * @throws Error naming the layer for an attention mask given with symbolic inputs
   */
  override apply(inputs: SymbolicTensor | SymbolicTensor[], args?: MultiHeadAttentionCallArgs): SymbolicTensor;
  override apply(inputs: TensorOrList, args?: MultiHeadAttentionCallArgs): tf.Tensor;
  override apply(inputs: TensorOrList | SymbolicTensor | SymbolicTensor[], args?: MultiHeadAttentionCallArgs): TensorOrList | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: TensorOrList | SymbolicTensor | SymbolicTensor[], args: MultiHeadAttentionCallArgs = {}): TensorOrList | SymbolicTensor | SymbolicTensor[] {
    if (args.attentionMask != null && isSymbolic(inputs)) {
      throw new Error(
        `Expected no attentionMask tensor in a symbolic call of layer "${this.name}" (a functional model records no tensor options), received one: mask the inputs (Keras masking) or use useCausalMask`,
      );
    }
    this.scoresRequested = args.returnAttentionScores === true;
    try {
      return super.apply(inputs, args);
    } finally {
      this.scoresRequested = false;
    }
  }

  override call(inputs: TensorOrList, args: MultiHeadAttentionCallArgs): TensorOrList {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    this.inputShapes(list.map((tensor) => tensor.shape));
    const [query, value, key = value] = list;
    const masks = Array.isArray(args.mask) ? args.mask : args.mask == null ? [] : [args.mask];
    const attentionMask = this.attentionMaskOf(query, value, masks, list.length > 2, args);
    const layout = this.layout!;
    const q = tf.mul(this.queryDense!.apply(query, { mask: null }), 1 / Math.sqrt(this.keyDim));
    const k = this.keyDense!.apply(key, { mask: null });
    const v = this.valueDense!.apply(value, { mask: null });
    let scores = attentionScores(layout, q, k);
    let mask = attentionMask;
    // As Keras: the mask gains axes just before the query attention axes (the heads' axis) until it has the scores' rank.
    while (mask !== null && mask.rank < scores.rank) mask = tf.expandDims(mask, mask.rank - 2 * layout.attentionAxes.length);
    scores = softmaxOverLastAxes(maskScores(scores, mask), layout.attentionAxes.length);
    const dropped = args.training === true && this.dropout > 0 ? randomDropout(scores, this.dropout, undefined, this.seeds.next()) : scores;
    const output = this.outputDense!.apply(combineValues(layout, dropped, v), { mask: null });
    return args.returnAttentionScores === true ? [output, scores] : output;
  }

  /** Keras's `_compute_attention_mask`: the attention mask and the inputs' and causal masks, joined. */
  private attentionMaskOf(query: tf.Tensor, value: tf.Tensor, masks: tf.Tensor[], hasKey: boolean, args: MultiHeadAttentionCallArgs): tf.Tensor | null {
    const [queryMask, valueMask, keyMask] = [masks[0] ?? null, masks[1] ?? null, hasKey ? (masks[2] ?? null) : null];
    let joined = queryMask === null ? null : tf.expandDims(tf.cast(queryMask, 'bool'), -1);
    if (valueMask !== null) joined = andMasks(joined, tf.expandDims(tf.cast(valueMask, 'bool'), -2));
    if (keyMask !== null) joined = andMasks(joined, tf.expandDims(tf.cast(keyMask, 'bool'), -2));
    if (args.useCausalMask === true) joined = andMasks(joined, causalMask(query.shape[1] as number, value.shape[1] as number));
    if (args.attentionMask != null) joined = andMasks(tf.cast(args.attentionMask, 'bool'), joined);
    return joined;
  }

  /** The output keeps the query's mask. */
  override computeMask(_inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    return (Array.isArray(mask) ? mask[0] : mask) ?? null;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const [query, value] = this.inputShapes(inputShape);
    const output: Shape = [...query.slice(0, -1), ...(this.projectionShape ?? [query[query.length - 1]])];
    if (!this.scoresRequested) return output;
    const rank = query.length;
    const layout = this.layout ?? attentionLayout(rank + 1, Array.from({ length: rank - 2 }, (_, index) => index + 1));
    const heads = (shape: Shape): Shape => [...shape.slice(0, -1), this.numHeads, null];
    return [output, scoresShape(layout, heads(query), heads(value))];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.args;
    return {
      ...super.getConfig(),
      num_heads: this.numHeads,
      key_dim: this.keyDim,
      value_dim: this.valueDim,
      dropout: this.dropout,
      use_bias: this.useBias,
      output_shape: this.projectionShape ?? null,
      attention_axes: this.attentionAxes ?? null,
      kernel_initializer: initializerConfig(a.kernelInitializer, 'glorot_uniform'),
      bias_initializer: initializerConfig(a.biasInitializer, 'zeros'),
      kernel_regularizer: regularizerConfig(a.kernelRegularizer),
      bias_regularizer: regularizerConfig(a.biasRegularizer),
      activity_regularizer: regularizerConfig(a.activityRegularizer),
      kernel_constraint: constraintConfig(a.kernelConstraint),
      bias_constraint: constraintConfig(a.biasConstraint),
      seed: this.seed ?? null,
    };
  }
}

registerLayer(MultiHeadAttention);

/**
 * Makes a {@link MultiHeadAttention} layer.
 *
 * @throws TypeError for an unknown option; Error naming the layer for a bad value
 * @example
 * ```ts
 * const mha = multiHeadAttention({ numHeads: 4, keyDim: 16, dropout: 0.1 });
 * const [output, scores] = mha.apply([query, value], { returnAttentionScores: true }) as unknown as tf.Tensor[];
 * ```
 */
export function multiHeadAttention(args: MultiHeadAttentionArgs): MultiHeadAttention {
  return new MultiHeadAttention(args);
}

import { tf } from '@dendrite/backend';
import { type KerasSerialized, optionKeys, checkOneOf, layerOwner } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { deserializeLayer, registerLayer, serializeLayer } from '../engine/layer-registry';
import { type Shape, isShapeList } from '../engine/shape';
import { RNN, type RNNCallArgs } from './rnn';
import { positionalOptions } from '../engine/positional-options';

/** How {@link Bidirectional} joins the two directions; null returns both. */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave' | null;

/** Arguments of {@link Bidirectional}. */
export interface BidirectionalArgs extends LayerArgs {
  /** The recurrent layer whose config both directions are made from (its weights are not reused). */
  layer: RNN;
  /** `'concat'` (default), `'sum'`, `'mul'`, `'ave'`, or null for `[forward, backward]`. */
  mergeMode?: MergeMode;
  /** The backward layer, used as given (default: `layer`'s config with goBackwards flipped). */
  backwardLayer?: RNN;
}

const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'] as const;

function withoutPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** A new layer from `layer`'s config, with some entries replaced. */
function recreate(layer: RNN, changes: Record<string, unknown>): RNN {
  const { class_name, config } = serializeLayer(layer);
  return deserializeLayer({ class_name, config: { ...config, ...changes } }) as RNN;
}

/**
 * Keras's `Bidirectional` wrapper: runs a recurrent layer forwards (`forward_<name>`) and a copy
 * backwards (`backward_<name>`, goBackwards flipped) over the same sequence, and merges the two
 * outputs; with returnSequences the backward output is put back in time order first, and masked
 * steps output zeros (as Keras). With returnState the states of both follow:
 * `[merged, ...forwardStates, ...backwardStates]`.
 *
 * @example
 * ```ts
 * bidirectional({ layer: lstm({ units: 10, returnSequences: true }) }).apply(tf.zeros([2, 5, 3])).shape; // [2, 5, 20]
 * ```
 */
export class Bidirectional extends Layer {
  static override className = 'Bidirectional';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<BidirectionalArgs, LayerArgs>({ layer: true, mergeMode: true, backwardLayer: true });
  readonly forwardLayer: RNN;
  readonly backwardLayer: RNN;
  readonly mergeMode: MergeMode;
  readonly returnSequences: boolean;
  readonly returnState: boolean;

  /** @throws Error naming the layer and argument: a layer that is not an RNN, an unknown mergeMode, mismatched directions */
  constructor(args: BidirectionalArgs) {
    super(args);
    if (!(args.layer instanceof RNN)) {
      throw new TypeError(`Expected layer to be a recurrent layer (SimpleRNN, LSTM, GRU, RNN), received ${String(args.layer)} in layer "${this.name}"`);
    }
    if (args.backwardLayer != null && !(args.backwardLayer instanceof RNN)) {
      throw new TypeError(`Expected backwardLayer to be a recurrent layer, received ${String(args.backwardLayer)} in layer "${this.name}"`);
    }
    this.mergeMode = args.mergeMode === null ? null : checkOneOf(args.mergeMode ?? 'concat', MERGE_MODES, 'mergeMode', layerOwner(this.name));
    const layer = args.layer;
    const forward = recreate(layer, { name: `forward_${withoutPrefix(layer.name, 'forward_')}` });
    const backward = args.backwardLayer ?? recreate(layer, { name: `backward_${withoutPrefix(layer.name, 'backward_')}`, go_backwards: !layer.goBackwards });
    if (forward.goBackwards === backward.goBackwards) {
      throw new Error(`Expected the forward and backward layers to differ in goBackwards in layer "${this.name}", received ${forward.goBackwards} for both`);
    }
    for (const option of ['returnSequences', 'returnState'] as const) {
      if (forward[option] !== backward[option]) {
        throw new Error(`Expected the forward and backward layers to agree on ${option} in layer "${this.name}", received ${forward[option]} and ${backward[option]}`);
      }
    }
    if (this.mergeMode !== 'concat' && this.mergeMode !== null && forward.cell.outputSize !== backward.cell.outputSize) {
      throw new Error(
        `Expected the forward and backward layers to have one output size for mergeMode "${this.mergeMode}" in layer "${this.name}", received ${forward.cell.outputSize} and ${backward.cell.outputSize}`,
      );
    }
    // As Keras: returned sequences are zero at masked steps, so the two directions line up.
    forward.zeroOutputForMask = forward.returnSequences;
    backward.zeroOutputForMask = backward.returnSequences;
    this.forwardLayer = this.trackLayer(forward);
    this.backwardLayer = this.trackLayer(backward);
    this.returnSequences = forward.returnSequences;
    this.returnState = forward.returnState;
    this.inputSpec = { ndim: 3 };
    this.supportsMasking = true;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.forwardLayer.maybeBuild(inputShape);
    this.backwardLayer.maybeBuild(inputShape);
  }

  override call(inputs: TensorOrList, args: RNNCallArgs): TensorOrList {
    const initial = args.initialState === undefined ? undefined : Array.isArray(args.initialState) ? args.initialState : [args.initialState];
    const half = this.forwardLayer.cell.stateSize.length;
    const expected = half + this.backwardLayer.cell.stateSize.length;
    if (initial !== undefined && initial.length !== expected) {
      throw new Error(`Expected ${expected} initial states (the forward layer's, then the backward layer's) in layer "${this.name}", received ${initial.length}`);
    }
    const run = (layer: RNN, initialState: tf.Tensor[] | undefined) => {
      const result = layer.apply(inputs, { ...args, initialState }) as tf.Tensor | tf.Tensor[];
      return this.returnState ? (result as tf.Tensor[]) : [result as tf.Tensor];
    };
    const [forward, ...forwardStates] = run(this.forwardLayer, initial?.slice(0, half));
    const [reversed, ...backwardStates] = run(this.backwardLayer, initial?.slice(half));
    const backward = this.returnSequences ? tf.reverse(reversed, 1) : reversed;
    const merged = this.merge(forward, backward);
    return this.returnState ? [...merged, ...forwardStates, ...backwardStates] : merged.length === 1 ? merged[0] : merged;
  }

  private merge(forward: tf.Tensor, backward: tf.Tensor): tf.Tensor[] {
    switch (this.mergeMode) {
      case 'concat':
        return [tf.concat([forward, backward], -1)];
      case 'sum':
        return [tf.add(forward, backward)];
      case 'mul':
        return [tf.mul(forward, backward)];
      case 'ave':
        return [tf.div(tf.add(forward, backward), 2)];
      default:
        return [forward, backward];
    }
  }

  /** With returnSequences the mask goes on with the merged output (or with both, mergeMode null). */
  override computeMask(_inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | tf.Tensor[] | null {
    const sequenceMask = (Array.isArray(mask) ? mask[0] : mask) ?? null;
    if (!this.returnSequences || sequenceMask === null) return null;
    return this.mergeMode === null ? [sequenceMask, sequenceMask] : sequenceMask;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const shapesOf = (layer: RNN) => {
      const shapes = layer.computeOutputShape(inputShape);
      return isShapeList(shapes) ? shapes : [shapes];
    };
    const [forward, ...forwardStates] = shapesOf(this.forwardLayer);
    const [backward, ...backwardStates] = shapesOf(this.backwardLayer);
    const [forwardSize, backwardSize] = [forward[forward.length - 1], backward[backward.length - 1]];
    const concatenated: Shape = [...forward.slice(0, -1), forwardSize === null || backwardSize === null ? null : forwardSize + backwardSize];
    const outputs = this.mergeMode === null ? [forward, backward] : this.mergeMode === 'concat' ? [concatenated] : [forward];
    const all = this.returnState ? [...outputs, ...forwardStates, ...backwardStates] : outputs;
    return all.length === 1 ? all[0] : all;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), merge_mode: this.mergeMode, layer: serializeLayer(this.forwardLayer), backward_layer: serializeLayer(this.backwardLayer) };
  }

  /** Rebuilds the wrapper and both directions from their configs. */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const args: BidirectionalArgs = {
      name: config.name as string,
      trainable: (config.trainable as boolean | undefined) ?? true,
      layer: deserializeLayer(config.layer as KerasSerialized) as RNN,
      backwardLayer: config.backward_layer == null ? undefined : (deserializeLayer(config.backward_layer as KerasSerialized) as RNN),
      mergeMode: config.merge_mode === undefined ? 'concat' : (config.merge_mode as MergeMode),
    };
    if (config.dtype != null) args.dtype = config.dtype as tf.DataType;
    if (config.batch_input_shape != null) args.batchInputShape = config.batch_input_shape as Shape;
    return new this(args as never);
  }
}

registerLayer(Bidirectional);

/**
 * Makes a {@link Bidirectional} wrapper.
 *
 * Keras's positional arguments may come first, as `Bidirectional(layer, ...)`: `bidirectional(layer, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * bidirectional({ layer: gru({ units: 8, returnSequences: true }), mergeMode: 'sum' });
 * ```
 */
export function bidirectional(args: BidirectionalArgs): Bidirectional;
export function bidirectional(layer: NonNullable<BidirectionalArgs['layer']>, options?: Omit<BidirectionalArgs, 'layer'>): Bidirectional;
export function bidirectional(...values: unknown[]): Bidirectional {
  return new Bidirectional(positionalOptions<BidirectionalArgs>(values, ['layer'], 'layer Bidirectional'));
}

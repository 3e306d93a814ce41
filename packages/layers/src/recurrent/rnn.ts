import { tf } from '@dendrite/backend';
import { type KerasSerialized, optionKeys } from '@dendrite/backend/internal';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { deserializeLayer, registerLayer, serializeLayer } from '../engine/layer-registry';
import { layerArgsFromConfig } from '../engine/layer-args-from-config';
import { type Shape, shapeToString, singleShape } from '../engine/shape';
import { regularizerConfig } from '../core/weight-options';
import { RNNCell } from './rnn-cell';
import { positionalOptions } from '../engine/positional-options';

/** The options of a recurrent layer over its cell (Keras's `RNN` arguments). */
export interface RNNOptions {
  /** Return the output of every step, `[batch, time, units]`, rather than the last, `[batch, units]` (false). */
  returnSequences?: boolean;
  /** Also return the last states: `[output, ...states]` (false). */
  returnState?: boolean;
  /** Run over the sequence from its end; returned sequences are then in that reversed order (false). */
  goBackwards?: boolean;
  /** Only false: states carried from batch to batch are not supported. */
  stateful?: boolean;
  /** Accepted for Keras compatibility; the loop always runs step by step in JavaScript. */
  unroll?: boolean;
  /** Output zeros at masked steps instead of the previous output (false; Bidirectional sets it with returnSequences). */
  zeroOutputForMask?: boolean;
  /** Penalty on the layer's outputs, added to the loss. */
  activityRegularizer?: RegularizerIdentifier;
}

/** Arguments of {@link RNN}. */
export interface RNNArgs<Cell extends RNNCell = RNNCell> extends LayerArgs, RNNOptions {
  /** The cell run at each step, or a function making it from the layer's name. */
  cell: Cell | ((layerName: string) => Cell);
}

/** Call arguments of a recurrent layer, beyond `training` and `mask`. */
export interface RNNCallArgs extends CallArgs {
  /** First states, instead of zeros: one tensor per state of the cell, `[batch, size]`. */
  initialState?: tf.Tensor | tf.Tensor[];
}

/**
 * Keras's `RNN`: runs a cell over the time axis of `[batch, time, features]` inputs. The input
 * projection of all steps is one matmul before the loop; each step adds the recurrent part. Masked
 * steps (a `[batch, time]` mask, from Embedding's `maskZero`) keep the previous output and states.
 * Dropout masks are drawn once per sequence, in training. Outputs: `[batch, units]`, or `[batch,
 * time, units]` with returnSequences; with returnState, `[output, ...states]`.
 *
 * @example
 * ```ts
 * const layer = rnn({ cell: lstmCell({ units: 8 }), returnSequences: true });
 * layer.apply(tf.zeros([32, 10, 4])).shape; // [32, 10, 8]
 * ```
 */
export class RNN<Cell extends RNNCell = RNNCell> extends Layer {
  static override className = 'RNN';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<RNNArgs, LayerArgs>({
    activityRegularizer: true,
    cell: true,
    returnSequences: true,
    returnState: true,
    goBackwards: true,
    stateful: true,
    unroll: true,
    zeroOutputForMask: true,
  });
  // Stryker restore BooleanLiteral
  readonly cell: Cell;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly unroll: boolean;
  /** Whether masked steps output zeros (Bidirectional turns it on with returnSequences, as Keras). */
  zeroOutputForMask: boolean;
  private readonly activityRegularizerArg?: RegularizerIdentifier;

  /** @throws Error naming the layer for `stateful: true`, a non-cell `cell`, or a bad cell argument */
  constructor(args: RNNArgs<Cell>) {
    super(args);
    if (args.stateful === true) {
      throw new Error(`Expected stateful to be false (states carried across batches are not supported), received true in layer "${this.name}"`);
    }
    const cell = typeof args.cell === 'function' ? args.cell(this.name) : args.cell;
    if (!(cell instanceof RNNCell)) {
      throw new TypeError(`Expected cell to be a recurrent cell (SimpleRNNCell, LSTMCell, GRUCell), received ${String(cell)} in layer "${this.name}"`);
    }
    this.cell = this.trackLayer(cell);
    this.returnSequences = args.returnSequences ?? false;
    this.returnState = args.returnState ?? false;
    this.goBackwards = args.goBackwards ?? false;
    this.unroll = args.unroll ?? false;
    this.zeroOutputForMask = args.zeroOutputForMask ?? false;
    this.activityRegularizerArg = args.activityRegularizer ?? undefined;
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    this.inputSpec = { ndim: 3 };
    this.supportsMasking = true;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const features = shape[2];
    if (features === null) throw new Error(`Expected the feature axis of the input to be known in layer "${this.name}", received ${shapeToString(shape)}`);
    this.cell.maybeBuild([shape[0], features]);
    this.inputSpec = { ndim: 3, axes: { [-1]: features } };
  }

  override call(inputs: TensorOrList, args: RNNCallArgs): TensorOrList {
    const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
    const [batch, time, features] = x.shape;
    const cell = this.cell;
    const dropoutMasks = args.training === true ? cell.dropoutMasks(batch, features) : { inputs: null, recurrent: null };
    const steps = tf.unstack(cell.projectInputs(x, dropoutMasks.inputs), 1);
    const mask = (Array.isArray(args.mask) ? args.mask[0] : args.mask) ?? null;
    const keeps = mask === null ? null : tf.unstack(tf.reshape(tf.cast(mask, x.dtype), [batch, time, 1]), 1);
    if (this.goBackwards) {
      steps.reverse();
      keeps?.reverse();
    }
    let states = this.initialStates(args.initialState, batch);
    let output = tf.zeros([batch, cell.outputSize], x.dtype);
    const outputs: tf.Tensor[] = [];
    const weights = cell.stepWeights(dropoutMasks.recurrent);
    steps.forEach((projected, t) => {
      // Each step's gates and products are freed when it ends (the tape keeps what backprop needs).
      [output, ...states] = tf.tidy(() => {
        const next = cell.step(projected, states, dropoutMasks.recurrent, weights);
        if (keeps === null) return [next.output, ...next.states];
        // keep·next + (1 − keep)·previous: masked steps carry the states (and output) over.
        const keep = keeps[t];
        const blend = (value: tf.Tensor, previous: tf.Tensor) => tf.add(previous, tf.mul(keep, tf.sub(value, previous)));
        return [this.zeroOutputForMask ? tf.mul(next.output, keep) : blend(next.output, output), ...next.states.map((state, index) => blend(state, states[index]))];
      });
      if (this.returnSequences) outputs.push(output);
    });
    const main = this.returnSequences ? (outputs.length > 0 ? tf.stack(outputs, 1) : tf.zeros([batch, 0, cell.outputSize])) : output;
    return this.returnState ? [main, ...states] : main;
  }

  /** The given initial states, checked against the cell's state sizes, or zeros. */
  private initialStates(given: tf.Tensor | tf.Tensor[] | undefined, batch: number): tf.Tensor[] {
    if (given === undefined) return this.cell.initialStates(batch);
    const states = Array.isArray(given) ? given : [given];
    const expected = this.cell.stateSize.map((size) => [batch, size]);
    if (states.length !== expected.length || states.some((state, index) => !tf.util.arraysEqual(state.shape, expected[index]))) {
      throw new Error(
        `Expected initialState of shapes ${expected.map(shapeToString).join(', ')} in layer "${this.name}", received ${states.map((state) => shapeToString(state.shape)).join(', ')}`,
      );
    }
    return states;
  }

  /** The sequence mask goes on with returned sequences (to the first output only). */
  override computeMask(_inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    const sequenceMask = (Array.isArray(mask) ? mask[0] : mask) ?? null;
    return this.returnSequences ? sequenceMask : null;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const [batch, time] = singleShape(inputShape, this.name);
    const output: Shape = this.returnSequences ? [batch, time, this.cell.outputSize] : [batch, this.cell.outputSize];
    return this.returnState ? [output, ...this.cell.stateSize.map((size): Shape => [batch, size])] : output;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      return_sequences: this.returnSequences,
      return_state: this.returnState,
      go_backwards: this.goBackwards,
      stateful: false,
      unroll: this.unroll,
      zero_output_for_mask: this.zeroOutputForMask,
      activity_regularizer: regularizerConfig(this.activityRegularizerArg),
      cell: serializeLayer(this.cell),
    };
  }

  /**
   * The config of SimpleRNN, LSTM and GRU: the RNN's own keys and the cell's, flat, without
   * `cell` (Keras's layout).
   */
  protected flatConfig(): Record<string, unknown> {
    const { cell: _cell, ...own } = RNN.prototype.getConfig.call(this);
    const { name: _name, trainable: _trainable, dtype: _dtype, ...cellConfig } = this.cell.getConfig();
    return { ...own, ...cellConfig };
  }

  /** Rebuilds the layer; a `cell` entry (RNN's config) is deserialized first. */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const { cell, ...rest } = config;
    const args = layerArgsFromConfig(this, rest);
    if (cell != null) args.cell = deserializeLayer(cell as KerasSerialized);
    return new this(args as never);
  }
}

registerLayer(RNN);

/**
 * Makes an {@link RNN} layer around a cell; the cell may come first, as Keras's `RNN(cell, ...)`:
 * `rnn(lstmCell(8), { returnSequences: true })`.
 *
 * @throws TypeError for an unknown option, a cell given twice or too many arguments
 * @example
 * ```ts
 * rnn({ cell: gruCell({ units: 16 }), returnState: true });
 * ```
 */
export function rnn<Cell extends RNNCell>(args: RNNArgs<Cell>): RNN<Cell>;
export function rnn<Cell extends RNNCell>(cell: RNNArgs<Cell>['cell'], options?: Omit<RNNArgs<Cell>, 'cell'>): RNN<Cell>;
export function rnn<Cell extends RNNCell>(...values: unknown[]): RNN<Cell> {
  return new RNN(positionalOptions<RNNArgs<Cell>>(values, ['cell'], 'layer RNN'));
}

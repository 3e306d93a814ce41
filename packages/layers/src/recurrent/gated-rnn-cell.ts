import { layerActivation } from '../core/weight-options';
import { optionKeys } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { type ActivationIdentifier, serializeActivation } from '../activations/index';
import { RNNCell, type RNNCellArgs } from './rnn-cell';

/** Arguments of the gated cells (LSTM, GRU). */
export interface GatedRNNCellArgs extends RNNCellArgs {
  /** Activation of the gates (`'sigmoid'`). */
  recurrentActivation?: ActivationIdentifier;
}

/**
 * The base of the gated cells (LSTMCell, GRUCell): a recurrent activation for the gates, and one
 * recurrent dropout mask per gate block when `recurrentDropout` is set, as Keras.
 */
export abstract class GatedRNNCell extends RNNCell {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<GatedRNNCellArgs, RNNCellArgs>({ recurrentActivation: true });
  readonly recurrentActivation: (x: tf.Tensor) => tf.Tensor;

  /** @throws Error naming the cell and argument for a bad units, rate, seed or identifier */
  constructor(args: GatedRNNCellArgs) {
    super(args);
    this.recurrentActivation = layerActivation(args.recurrentActivation === undefined ? 'sigmoid' : args.recurrentActivation, 'recurrentActivation', this.name);
  }

  protected override get dropoutMaskCount(): number {
    return this.recurrentDropout > 0 ? this.gates : 1;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), recurrent_activation: serializeActivation(this.recurrentActivation) };
  }
}

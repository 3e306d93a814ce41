import { tf } from '@dendrite/backend';
import { getActivation, serializeActivation } from '../activations/index';

import { registerLayer } from '../engine/layer-registry';
import { Recurrent, type RecurrentArgs } from './recurrent';

function recurrentProduct(state: tf.Tensor, mask: tf.Tensor | null, kernel: tf.Tensor): tf.Tensor {
  return tf.matMul(mask ? tf.mul(state, mask) : state, kernel);
}

/** `h_t = activation(x_t·W + h_{t−1}·U + b)`. */
export class SimpleRNN extends Recurrent {
  static override className = 'SimpleRNN';
  protected get gates(): number {
    return 1;
  }
  protected step(projected: tf.Tensor, [h]: tf.Tensor[], mask: tf.Tensor | null) {
    const output = this.activation(tf.add(projected, recurrentProduct(h, mask, this.recurrentKernel!.read())));
    return { output, states: [output] };
  }
}

/** Arguments of {@link LSTM}. */
export interface LSTMArgs extends RecurrentArgs {
  /** Start the forget gate's bias at 1 (true), as Keras. */
  unitForgetBias?: boolean;
}

/**
 * Keras's LSTM: gates i, f, c, o from `x_t·W + h_{t−1}·U + b`; `c_t = f·c_{t−1} + i·tanh(c̃)`,
 * `h_t = o·tanh(c_t)`.
 */
export class LSTM extends Recurrent {
  static override className = 'LSTM';
  readonly recurrentActivation: (x: tf.Tensor) => tf.Tensor;
  readonly unitForgetBias: boolean;
  constructor(args: LSTMArgs) {
    super(args);
    this.recurrentActivation = getActivation(args.recurrentActivation ?? 'sigmoid');
    this.unitForgetBias = args.unitForgetBias ?? true;
  }
  protected get gates(): number {
    return 4;
  }
  protected override get stateCount(): number {
    return 2;
  }
  protected override biasInitializer() {
    const base = super.biasInitializer();
    if (!this.unitForgetBias) return base;
    const units = this.units;
    return {
      call: (shape: number[], dtype?: tf.DataType) =>
        tf.tidy(() => tf.concat([base.call([units], dtype), tf.ones([units], dtype), base.call([2 * units], dtype)])),
    };
  }
  protected step(projected: tf.Tensor, [h, c]: tf.Tensor[], mask: tf.Tensor | null) {
    const z = tf.add(projected, recurrentProduct(h, mask, this.recurrentKernel!.read()));
    const [zi, zf, zc, zo] = tf.split(z, 4, 1);
    const i = this.recurrentActivation(zi);
    const f = this.recurrentActivation(zf);
    const cell = tf.add(tf.mul(f, c), tf.mul(i, this.activation(zc)));
    const output = tf.mul(this.recurrentActivation(zo), this.activation(cell));
    return { output, states: [output, cell] };
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), recurrent_activation: serializeActivation(this.recurrentActivation), unit_forget_bias: this.unitForgetBias };
  }
}

/** Arguments of {@link GRU}. */
export interface GRUArgs extends RecurrentArgs {
  /** Keras 3's default: the reset gate acts after the recurrent product (two bias rows). */
  resetAfter?: boolean;
}

/** Keras's GRU (gates z, r, h; reset after the recurrent product by default). */
export class GRU extends Recurrent {
  static override className = 'GRU';
  readonly recurrentActivation: (x: tf.Tensor) => tf.Tensor;
  readonly resetAfter: boolean;
  constructor(args: GRUArgs) {
    super(args);
    this.recurrentActivation = getActivation(args.recurrentActivation ?? 'sigmoid');
    this.resetAfter = args.resetAfter ?? true;
  }
  protected get gates(): number {
    return 3;
  }
  protected override biasShape(): number[] {
    return this.resetAfter ? [2, 3 * this.units] : [3 * this.units];
  }
  protected override inputBias(): tf.Tensor | undefined {
    const bias = this.bias?.read();
    return bias && this.resetAfter ? tf.squeeze(tf.slice(bias, [0, 0], [1, -1]), [0]) : bias;
  }
  protected step(projected: tf.Tensor, [h]: tf.Tensor[], mask: tf.Tensor | null) {
    const units = this.units;
    const kernel = this.recurrentKernel!.read();
    const state = mask ? tf.mul(h, mask) : h;
    const [xz, xr, xh] = tf.split(projected, 3, 1);
    let hh: tf.Tensor;
    let z: tf.Tensor;
    if (this.resetAfter) {
      let inner = tf.matMul(state, kernel);
      if (this.bias) inner = tf.add(inner, tf.squeeze(tf.slice(this.bias.read(), [1, 0], [1, -1]), [0]));
      const [iz, ir, ih] = tf.split(inner, 3, 1);
      z = this.recurrentActivation(tf.add(xz, iz));
      const r = this.recurrentActivation(tf.add(xr, ir));
      hh = this.activation(tf.add(xh, tf.mul(r, ih)));
    } else {
      const kernelZR = tf.slice(kernel, [0, 0], [units, 2 * units]);
      const kernelH = tf.slice(kernel, [0, 2 * units], [units, units]);
      const [iz, ir] = tf.split(tf.matMul(state, kernelZR), 2, 1);
      z = this.recurrentActivation(tf.add(xz, iz));
      const r = this.recurrentActivation(tf.add(xr, ir));
      hh = this.activation(tf.add(xh, tf.matMul(tf.mul(r, state), kernelH)));
    }
    const output = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hh));
    return { output, states: [output] };
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), recurrent_activation: serializeActivation(this.recurrentActivation), reset_after: this.resetAfter };
  }
}

for (const layer of [SimpleRNN, LSTM, GRU]) registerLayer(layer as never);

export const simpleRNN = (args: RecurrentArgs) => new SimpleRNN(args);
export const lstm = (args: LSTMArgs) => new LSTM(args);
export const gru = (args: GRUArgs) => new GRU(args);


import { nextSeed, tf } from '@dendrite/backend';
import { type ActivationIdentifier, getActivation, serializeActivation } from '../activations/index';
import type { ConstraintIdentifier } from '../constraints/index';
import { type InitializerIdentifier, getInitializer } from '../initializers/index';
import { type RegularizerIdentifier, getRegularizer } from '../regularizers/index';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import type { LayerVariable } from '../engine/layer-variable';
import { type Shape, singleShape } from '../engine/shape';
import { checkPositiveInteger } from '../core/argument-checks';
import { constraintConfig, initializerConfig, regularizerConfig, weightOptions } from '../core/weight-options';

/** Arguments of the recurrent layers (SimpleRNN, LSTM, GRU). */
export interface RecurrentArgs extends LayerArgs {
  units: number;
  activation?: ActivationIdentifier;
  recurrentActivation?: ActivationIdentifier;
  useBias?: boolean;
  kernelInitializer?: InitializerIdentifier;
  recurrentInitializer?: InitializerIdentifier;
  biasInitializer?: InitializerIdentifier;
  kernelRegularizer?: RegularizerIdentifier;
  recurrentRegularizer?: RegularizerIdentifier;
  biasRegularizer?: RegularizerIdentifier;
  activityRegularizer?: RegularizerIdentifier;
  kernelConstraint?: ConstraintIdentifier;
  recurrentConstraint?: ConstraintIdentifier;
  biasConstraint?: ConstraintIdentifier;
  /** Fraction of the inputs dropped (one mask per sequence), in training. */
  dropout?: number;
  /** Fraction of the recurrent state dropped (one mask per sequence), in training. */
  recurrentDropout?: number;
  returnSequences?: boolean;
  returnState?: boolean;
  goBackwards?: boolean;
  stateful?: boolean;
  unroll?: boolean;
}

function checkFraction(value: number | undefined, argumentName: string, layerName: string): number {
  const v = value ?? 0;
  if (!(v >= 0 && v < 1)) throw new Error(`Expected ${argumentName} to be a number in [0, 1), received ${JSON.stringify(value)} in layer "${layerName}"`);
  return v;
}

/**
 * The time loop Keras's `RNN` runs, shared by SimpleRNN, LSTM and GRU: the input projection of
 * every step is one matmul before the loop; each step then adds the recurrent product; masked
 * steps keep the previous output and states; goBackwards reverses time; returnSequences and
 * returnState choose the outputs.
 */
export abstract class Recurrent extends Layer {
  readonly units: number;
  readonly activation: (x: tf.Tensor) => tf.Tensor;
  readonly useBias: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly goBackwards: boolean;
  readonly unroll: boolean;
  protected readonly recurrentArgs: RecurrentArgs;
  kernel?: LayerVariable;
  recurrentKernel?: LayerVariable;
  bias?: LayerVariable;

  constructor(args: RecurrentArgs) {
    super(args);
    this.units = checkPositiveInteger(args.units, 'units', this.name);
    this.activation = getActivation(args.activation === undefined ? 'tanh' : args.activation);
    this.useBias = args.useBias ?? true;
    this.dropout = checkFraction(args.dropout, 'dropout', this.name);
    this.recurrentDropout = checkFraction(args.recurrentDropout, 'recurrentDropout', this.name);
    this.returnSequences = args.returnSequences ?? false;
    this.returnState = args.returnState ?? false;
    this.goBackwards = args.goBackwards ?? false;
    this.unroll = args.unroll ?? false;
    if (args.stateful) throw new Error(`Expected stateful to be false in layer "${this.name}", received true: stateful recurrent layers are not supported`);
    this.recurrentArgs = args;
    if (args.activityRegularizer != null) this.activityRegularizer = getRegularizer(args.activityRegularizer);
    this.inputSpec = { ndim: 3 };
    this.supportsMasking = true;
  }

  /** Gates per unit: 1 (SimpleRNN), 3 (GRU), 4 (LSTM). */
  protected abstract get gates(): number;
  /** States carried between steps: 1 (h), or 2 for LSTM (h, c). */
  protected get stateCount(): number {
    return 1;
  }
  /** The bias's initial value and shape (LSTM's unit forget bias, GRU's two rows). */
  protected biasShape(): number[] {
    return [this.gates * this.units];
  }
  protected biasInitializer(): { call(shape: number[], dtype?: tf.DataType): tf.Tensor } {
    return getInitializer(this.recurrentArgs.biasInitializer ?? 'zeros');
  }
  /** One step: `projected` is x_t·W (+ input bias); returns the output and the new states. */
  protected abstract step(projected: tf.Tensor, states: tf.Tensor[], recurrentMask: tf.Tensor | null): { output: tf.Tensor; states: tf.Tensor[] };

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const features = shape[2];
    if (features === null) throw new Error(`Expected the feature axis of the input to be known in layer "${this.name}", received null`);
    const a = this.recurrentArgs;
    this.kernel = this.addWeight('kernel', [features, this.gates * this.units], weightOptions(a.kernelInitializer, 'glorot_uniform', a.kernelRegularizer, a.kernelConstraint));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.gates * this.units], weightOptions(a.recurrentInitializer, 'orthogonal', a.recurrentRegularizer, a.recurrentConstraint));
    if (this.useBias) this.bias = this.addWeight('bias', this.biasShape(), { ...weightOptions(undefined, 'zeros', a.biasRegularizer, a.biasConstraint), initializer: this.biasInitializer() });
    this.inputSpec = { ndim: 3, axes: { [-1]: features } };
  }

  /** The bias added to the input projection (the first row of GRU's two). */
  protected inputBias(): tf.Tensor | undefined {
    return this.bias?.read();
  }

  override call(inputs: TensorOrList, args: CallArgs): TensorOrList {
    const x = inputs as tf.Tensor3D;
    const [batch, time, features] = x.shape;
    const mask = (args.mask as tf.Tensor | null | undefined) ?? null;
    const training = args.training === true;
    const inputMask = training && this.dropout > 0 ? tf.dropout(tf.ones([batch, features]), this.dropout, undefined, nextSeed()) : null;
    const recurrentMask = training && this.recurrentDropout > 0 ? tf.dropout(tf.ones([batch, this.units]), this.recurrentDropout, undefined, nextSeed()) : null;
    let sequence: tf.Tensor = x;
    if (inputMask) sequence = tf.mul(sequence, tf.expandDims(inputMask, 1));
    const flat = tf.reshape(sequence, [batch * time, features]);
    const bias = this.inputBias();
    const projected = tf.reshape(bias ? tf.fused.matMul({ a: flat as tf.Tensor2D, b: this.kernel!.read() as tf.Tensor2D, bias }) : tf.matMul(flat, this.kernel!.read()), [batch, time, this.gates * this.units]);
    let steps = tf.unstack(projected, 1);
    let masks = mask ? tf.unstack(tf.cast(mask, 'float32'), 1) : null;
    if (this.goBackwards) {
      steps = steps.reverse();
      masks = masks ? masks.reverse() : null;
    }
    const initial = args.initialState as tf.Tensor[] | undefined;
    let states = initial ?? Array.from({ length: this.stateCount }, () => tf.zeros([batch, this.units]));
    let output = tf.zeros([batch, this.units]);
    const outputs: tf.Tensor[] = [];
    steps.forEach((projectedStep, t) => {
      const result = this.step(projectedStep, states, recurrentMask);
      if (masks) {
        const keep = tf.expandDims(masks[t], 1);
        const blend = (next: tf.Tensor, previous: tf.Tensor) => tf.add(tf.mul(next, keep), tf.mul(previous, tf.sub(1, keep)));
        output = blend(result.output, output);
        states = result.states.map((s, i) => blend(s, states[i]));
      } else {
        output = result.output;
        states = result.states;
      }
      outputs.push(output);
    });
    const main = this.returnSequences ? tf.stack(outputs, 1) : output;
    return this.returnState ? [main, ...states] : main;
  }

  /** The sequence mask goes on with returned sequences (to the first output only). */
  override computeMask(_inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    const sequenceMask = Array.isArray(mask) ? mask[0] : mask;
    return this.returnSequences ? (sequenceMask ?? null) : null;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    const [batch, time] = singleShape(inputShape, this.name);
    const output: Shape = this.returnSequences ? [batch, time, this.units] : [batch, this.units];
    return this.returnState ? [output, ...Array.from({ length: this.stateCount }, (): Shape => [batch, this.units])] : output;
  }

  override getConfig(): Record<string, unknown> {
    const a = this.recurrentArgs;
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      kernel_initializer: initializerConfig(a.kernelInitializer, 'glorot_uniform'),
      recurrent_initializer: initializerConfig(a.recurrentInitializer, 'orthogonal'),
      bias_initializer: initializerConfig(a.biasInitializer, 'zeros'),
      kernel_regularizer: regularizerConfig(a.kernelRegularizer),
      recurrent_regularizer: regularizerConfig(a.recurrentRegularizer),
      bias_regularizer: regularizerConfig(a.biasRegularizer),
      activity_regularizer: regularizerConfig(a.activityRegularizer),
      kernel_constraint: constraintConfig(a.kernelConstraint),
      recurrent_constraint: constraintConfig(a.recurrentConstraint),
      bias_constraint: constraintConfig(a.biasConstraint),
      dropout: this.dropout,
      recurrent_dropout: this.recurrentDropout,
      return_sequences: this.returnSequences,
      return_state: this.returnState,
      go_backwards: this.goBackwards,
      stateful: false,
      unroll: this.unroll,
    };
  }
}

import { tf } from '@dendrite/backend';
import { Optimizer, type OptimizerArgs } from './optimizer';

/** Arguments of {@link Adagrad}. */
export interface AdagradArgs extends OptimizerArgs {
  initialAccumulatorValue?: number;
  epsilon?: number;
}

/** Adagrad, as Keras 3's (0.001, accumulator 0.1, ε 1e-7): `a ← a + g²`; `w ← w − η·g / √(a + ε)`. */
export class Adagrad extends Optimizer {
  static override className = 'Adagrad';
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;
  constructor(args: AdagradArgs = {}) {
    super(args, { learningRate: 0.001, name: 'adagrad' });
    this.initialAccumulatorValue = this.checkArgument('initialAccumulatorValue', args.initialAccumulatorValue ?? 0.1, (v) => v >= 0, 'a finite number ≥ 0');
    this.epsilon = this.checkArgument('epsilon', args.epsilon ?? 1e-7, (v) => v >= 0, 'a finite number ≥ 0');
  }
  protected slotNames(): string[] {
    return ['accumulator'];
  }
  protected override initialSlotValue(_slot: string, variable: tf.Variable): tf.Tensor {
    return tf.fill(variable.shape, this.initialAccumulatorValue);
  }
  protected updateStep(g: tf.Tensor, w: tf.Variable, lr: number, { accumulator }: Record<string, tf.Variable>): void {
    accumulator.assign(tf.add(accumulator, tf.square(g)));
    w.assign(tf.sub(w, tf.div(tf.mul(g, lr), tf.sqrt(tf.add(accumulator, this.epsilon)))));
  }
  protected ownConfig(): Record<string, unknown> {
    return { initial_accumulator_value: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}

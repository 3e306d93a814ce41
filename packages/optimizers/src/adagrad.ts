import { tf } from '@dendrite/backend';
import { optionKeys, NON_NEGATIVE, checkNumber } from '@dendrite/backend/internal';
import { Optimizer, type OptimizerArgs } from './optimizer';
import { factoryArgs } from './factory-args';

/** Arguments of {@link Adagrad}. */
export interface AdagradArgs extends OptimizerArgs {
  /** The accumulator's starting value, ≥ 0. Default 0.1. */
  initialAccumulatorValue?: number;
  /** ε inside the square root. Default 1e-7. */
  epsilon?: number;
}

/**
 * Adagrad, as Keras 3's (learning rate 0.001): `a ← a + g²`, `w ← w − η·g / √(a + ε)`. One slot,
 * `accumulator`, starting at `initialAccumulatorValue`.
 *
 * @example
 * ```ts
 * new Adagrad({ learningRate: 0.01 });
 * ```
 */
export class Adagrad extends Optimizer {
  static override className = 'Adagrad';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<AdagradArgs, OptimizerArgs>({ initialAccumulatorValue: true, epsilon: true });
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;

  /** @throws Error naming an argument out of range */
  constructor(args: AdagradArgs = {}) {
    super(args, { learningRate: 0.001, name: 'adagrad' });
    this.initialAccumulatorValue = checkNumber(args.initialAccumulatorValue ?? 0.1, 'initialAccumulatorValue', this.owner, NON_NEGATIVE);
    this.epsilon = checkNumber(args.epsilon ?? 1e-7, 'epsilon', this.owner, NON_NEGATIVE);
  }

  slotNames(): string[] {
    return ['accumulator'];
  }

  protected override initialSlotValue(_slot: string, variable: tf.Variable): tf.Tensor {
    return tf.fill(variable.shape, this.initialAccumulatorValue);
  }

  protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, { accumulator }: Record<string, tf.Variable>): void {
    accumulator.assign(tf.add(accumulator, tf.square(gradient)));
    variable.assign(tf.sub(variable, tf.div(tf.mul(gradient, this.scalar(learningRate)), tf.sqrt(tf.add(accumulator, this.scalar(this.epsilon))))));
  }

  protected ownConfig(): Record<string, unknown> {
    return { initial_accumulator_value: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}

/**
 * Makes an {@link Adagrad} optimizer (tfjs-layers spelling).
 *
 * @param args the options, or the learning rate alone (`adagrad(0.01)`)
 * @throws TypeError for an unknown option or a second argument
 */
export function adagrad(args: AdagradArgs | number = {}): Adagrad {
  return new Adagrad(factoryArgs(args, arguments.length, 'adagrad'));
}

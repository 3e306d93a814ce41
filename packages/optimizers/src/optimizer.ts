import { tf } from '@dendrite/backend';
import { checkOptionKeys, classOptionKeys, optionKeys, NON_NEGATIVE, describeValue, checkNumber, argumentError } from '@dendrite/backend/internal';
import { checkClipOptions, clipGradientsBy } from './clipping';
import { type GradientPair, type Gradients, toGradientPairs } from './gradient-pairs';
import type { OptimizerArgs, OptimizerDefaults } from './optimizer-args';
import { optimizerFromConfig } from './optimizer-config';
import { OptimizerSlots } from './optimizer-slots';
import { LearningRateSchedule } from './schedules/learning-rate-schedule';
import { serializeSchedule } from './schedules/get-schedule';
import { EXCLUSION_KEYS, type WeightDecayExclusionArgs, WeightDecayExclusions } from './weight-decay-exclusions';

export type { OptimizerArgs, OptimizerDefaults } from './optimizer-args';

/**
 * The base of every optimizer, after Keras 3's `BaseOptimizer`. A subclass names its slot
 * variables and writes `updateStep`; the base builds slots lazily, reads the learning rate (a
 * number or a schedule) at the current step, clips, applies weight decay, counts steps, and
 * saves, restores and frees its state. The slots and the step count are kept by
 * {@link OptimizerSlots} (`optimizer-slots.ts`), which this extends; this file is the step.
 *
 * Every update runs in `tf.tidy` and reads nothing back from the backend.
 *
 * @example
 * ```ts
 * const optimizer = adam({ learningRate: 0.01, clipNorm: 1 });
 * const { value, grads } = tf.variableGrads(() => loss(w), [w]);
 * optimizer.applyGradients(grads, [w]);
 * ```
 */
export abstract class Optimizer extends OptimizerSlots {
  /** The Keras class name (`Adam`), used by `{class_name, config}`. */
  static className = 'Optimizer';
  /** The option keys every optimizer reads; subclasses declare the ones they add. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static readonly optionKeys = optionKeys<OptimizerArgs>({ learningRate: true, weightDecay: true, name: true, clipValue: true, clipNorm: true, globalClipNorm: true });
  /** The optimizer's name (Keras's `name`), used in error messages and configs. */
  readonly name: string;
  /** Elementwise gradient clipping threshold, or null. */
  readonly clipValue: number | null;
  /** Per-gradient L2 norm clipping threshold, or null. */
  readonly clipNorm: number | null;
  /** Joint L2 norm clipping threshold of all gradients, or null. */
  readonly globalClipNorm: number | null;
  /** Decoupled weight decay λ, or null for none. */
  readonly weightDecay: number | null;
  /** `optimizer "adam"`: how error messages name this optimizer. */
  protected override readonly owner: string;
  private rate: number | LearningRateSchedule = 0;
  private readonly decayExcluded = new WeightDecayExclusions();
  /** The scalars of the running step, by value: uploaded once per step, however many variables use them. */
  private stepScalars: Map<number, tf.Scalar> | null = null;

  /**
   * @param args the options; a key the class (with its parents) does not declare in its static
   *   `optionKeys` is refused. A user's subclass that declares none is not checked.
   * @param defaults the optimizer's Keras defaults
   * @throws TypeError for an unknown option (`Unknown option "lr" in SGD: did you mean "learningRate"?`)
   *   or options that are not an object
   * @throws Error for a learning rate, weight decay or clipping option out of range, or two clipping options
   */
  constructor(args: OptimizerArgs, defaults: OptimizerDefaults) {
    super();
    const known = classOptionKeys(new.target);
    if (known !== undefined) checkOptionKeys(args, known, (new.target as unknown as typeof Optimizer).className);
    this.name = args.name ?? defaults.name;
    this.owner = `optimizer "${this.name}"`;
    this.learningRate = args.learningRate ?? defaults.learningRate;
    ({ clipValue: this.clipValue, clipNorm: this.clipNorm, globalClipNorm: this.globalClipNorm } = checkClipOptions(args, this.owner));
    const weightDecay = args.weightDecay ?? defaults.weightDecay ?? null;
    this.weightDecay = weightDecay === null ? null : checkNumber(weightDecay, 'weightDecay', this.owner, NON_NEGATIVE);
  }

  /** The Keras class name of this optimizer (`Adam`). */
  get className(): string {
    return (this.constructor as typeof Optimizer).className;
  }

  /** The learning rate as set: a number or a schedule (see {@link currentLearningRate}). */
  get learningRate(): number | LearningRateSchedule {
    return this.rate;
  }

  /**
   * Sets the learning rate between steps, as callbacks do; a number replaces a schedule.
   *
   * @throws Error for a negative or non-finite number, or a value that is neither number nor schedule
   */
  set learningRate(value: number | LearningRateSchedule) {
    if (value instanceof LearningRateSchedule) {
      this.rate = value;
    } else if (typeof value === 'object' && value !== null) {
      throw argumentError(
        value,
        // Stryker disable next-line StringLiteral: the value is an object here, of no type named, so a TypeError either way
        'number',
        `Expected learningRate to be a finite number ≥ 0 or a LearningRateSchedule, received ${describeValue(value)} in ${this.owner}`,
      );
    } else {
      this.rate = checkNumber(value, 'learningRate', this.owner, NON_NEGATIVE);
    }
  }

  /** The learning rate of the next step: the number, or the schedule at {@link iterations}. */
  currentLearningRate(): number {
    return this.rate instanceof LearningRateSchedule ? this.rate.call(this.iterations) : this.rate;
  }

  /**
   * `value` as a scalar tensor. During a step it is uploaded once and shared by every variable's
   * update (the step's `tf.tidy` frees it); use it for the numbers {@link updateStep} multiplies by.
   */
  protected scalar(value: number): tf.Scalar {
    let scalar = this.stepScalars?.get(value);
    if (scalar === undefined) {
      scalar = tf.scalar(value);
      this.stepScalars?.set(value, scalar);
    }
    return scalar;
  }

  /** The math of one update of one variable; runs inside `tf.tidy`, after clipping and weight decay. */
  protected abstract updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void;

  /** Runs once per step before the per-variable updates (Nadam's momentum cache). */
  protected beforeStep(): void {}

  /** The optimizer's own hyperparameters for {@link getConfig}, in Keras's snake_case. */
  protected abstract ownConfig(): Record<string, unknown>;


  /**
   * One step: clips the gradients, decays and updates each variable that has a gradient, then
   * counts the step. Nothing happens (and the step is not counted) when there are no gradients.
   *
   * @param gradients by variable name (`tf.variableGrads`'s `grads`), or `[gradient, variable]` pairs
   * @param variables the variables gradients keyed by name refer to; without it, names are looked
   *   up among the variables tfjs has registered
   * @throws Error for a gradient whose shape differs from its variable's, or a name with no variable
   */
  applyGradients(gradients: Gradients, variables?: readonly tf.Variable[]): void {
    const pairs = toGradientPairs(gradients, variables, this.owner);
    if (pairs.length === 0) return;
    this.build(pairs.map(([, variable]) => variable));
    const learningRate = this.currentLearningRate();
    this.beforeStep();
    tf.tidy(() => {
      this.stepScalars = new Map();
      try {
        const clipped = clipGradientsBy(pairs.map(([gradient]) => gradient), this);
        pairs.forEach(([, variable], index) => {
          if (this.weightDecay !== null && !this.decayExcluded.excludes(variable)) {
            variable.assign(tf.sub(variable, tf.mul(variable, this.scalar(this.weightDecay * learningRate))));
          }
          this.updateStep(clipped[index], variable, learningRate, this.slotsOf(variable));
        });
      } finally {
        this.stepScalars = null;
      }
    });
    this.iterations++;
  }

  /**
   * The loss and its gradients with respect to `varList` (every trainable variable by default),
   * as tfjs's `Optimizer.computeGradients`: `tf.variableGrads(lossFn, varList)`.
   *
   * @param lossFn computes a scalar loss from the variables
   * @param varList the variables to differentiate; variables with no path to the loss get no gradient
   * @returns the loss and the gradients by variable name; the caller disposes both
   * @throws Error when `lossFn` does not return a scalar or reaches none of the variables
   */
  computeGradients(lossFn: () => tf.Scalar, varList?: tf.Variable[]): { value: tf.Scalar; grads: tf.NamedTensorMap } {
    if (typeof lossFn !== 'function') throw new TypeError(`Expected lossFn to be a function () => tf.Scalar in ${this.owner}, received ${describeValue(lossFn)}`);
    // In a tidy: tf.variableGrads leaks the loss when it throws (no variable reached).
    return tf.tidy(() => tf.variableGrads(lossFn, varList));
  }

  /**
   * One step that lowers `lossFn`, as tfjs's `Optimizer.minimize`: computes its gradients with
   * respect to `varList` (every trainable variable by default), applies them through
   * {@link applyGradients} (clipping, weight decay, schedules, slots), and frees them.
   *
   * @param lossFn computes a scalar loss from the variables
   * @param returnCost whether to return the loss (computed before the step); false by default
   * @param varList the variables to update; by default every trainable variable the loss reaches
   * @returns the loss when `returnCost` (the caller disposes it), otherwise null
   * @throws Error when `lossFn` does not return a scalar or reaches none of the variables
   * @example
   * ```ts
   * const w = tf.variable(tf.scalar(0));
   * const optimizer = sgd(0.1);
   * for (let step = 0; step < 100; step++) optimizer.minimize(() => tf.square(tf.sub(w, 3)));
   * const cost = optimizer.minimize(() => tf.square(tf.sub(w, 3)), true, [w]); // ≈ 0
   * cost?.dispose();
   * ```
   */
  minimize(lossFn: () => tf.Scalar, returnCost = false, varList?: tf.Variable[]): tf.Scalar | null {
    const { value, grads } = this.computeGradients(lossFn, varList);
    let applied = false;
    try {
      // As pairs when the variables are given: no name table to build.
      // Stryker disable next-line ConditionalExpression: grads holds varList's variables alone, under their registered names, so a lookup by name finds the same ones
      this.applyGradients(varList === undefined ? grads : varList.map((variable): GradientPair => [grads[variable.name], variable]));
      applied = true;
    } finally {
      tf.dispose(Object.values(grads));
      if (!applied || !returnCost) value.dispose();
    }
    return returnCost ? value : null;
  }

  /**
   * Keeps weight decay off some variables (biases, normalization scales), as Keras's
   * `exclude_from_weight_decay`: the variables given, and those whose name contains one of
   * `variableNames`. Each call replaces the previous exclusions, as Keras's does.
   */
  excludeFromWeightDecay(exclusions: WeightDecayExclusionArgs): void {
    checkOptionKeys(exclusions, EXCLUSION_KEYS, 'excludeFromWeightDecay');
    this.decayExcluded.set(exclusions);
  }

  /**
   * The Keras config: snake_case keys, the learning rate as a number or a serialized schedule.
   *
   * @example
   * ```ts
   * adam().getConfig(); // { name: 'adam', learning_rate: 0.001, weight_decay: null, clipnorm: null, …, beta_1: 0.9, … }
   * ```
   */
  getConfig(): Record<string, unknown> {
    return {
      name: this.name,
      learning_rate: this.rate instanceof LearningRateSchedule ? serializeSchedule(this.rate) : this.rate,
      weight_decay: this.weightDecay,
      clipnorm: this.clipNorm,
      global_clipnorm: this.globalClipNorm,
      clipvalue: this.clipValue,
      ...this.ownConfig(),
    };
  }

  /**
   * Rebuilds an optimizer from its Keras config (`Adam.fromConfig({learning_rate: 0.01})`).
   *
   * @throws Error for a key the optimizer does not know, or a Keras option Dendrite lacks turned on
   */
  static fromConfig<T extends Optimizer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return optimizerFromConfig(this as unknown as typeof Optimizer & (new (args: OptimizerArgs) => T), config);
  }
}

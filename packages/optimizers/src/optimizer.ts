import { tf } from '@dendrite/backend';
import { type ClipOptions, checkClipOptions, clipGradients } from './clipping';
import { LearningRateSchedule, getSchedule, serializeSchedule } from './schedules/learning-rate-schedule';

/** Arguments every optimizer takes. */
export interface OptimizerArgs extends ClipOptions {
  /** A number, or a schedule of the step. */
  learningRate?: number | LearningRateSchedule;
  /** Decoupled weight decay (AdamW's; available to every optimizer, as Keras 3). */
  weightDecay?: number;
  /** The optimizer's name. */
  name?: string;
}

/** One slot variable's values, keyed by the variable's name. */
export interface SlotState {
  variable: string;
  slot: string;
  shape: number[];
  values: Float32Array;
}

/** Everything needed to resume training exactly: the step and every slot variable. */
export interface OptimizerState {
  iterations: number;
  slots: SlotState[];
  /** Extra per-optimizer scalars (Nadam's momentum-cache product). */
  extra?: Record<string, number>;
}

/** Gradients keyed by variable name (as `tf.variableGrads` gives them), or `[gradient, variable]` pairs. */
export type Gradients = Record<string, tf.Tensor> | Array<[tf.Tensor, tf.Variable]>;

/**
 * The base of every optimizer, as Keras 3's: slot variables built lazily per variable, the
 * learning rate (a number or a schedule, changeable between steps), clipping, weight decay, and
 * state that can be saved and restored. Subclasses write `updateStep`.
 */
export abstract class Optimizer {
  static className = 'Optimizer';
  readonly name: string;
  /** Steps taken; a host number, so schedules and bias corrections cost no backend reads. */
  iterations = 0;
  readonly clip: ClipOptions;
  readonly weightDecay?: number;
  private rate: number | LearningRateSchedule;
  private readonly slots = new Map<tf.Variable, Record<string, tf.Variable>>();

  constructor(args: OptimizerArgs, defaults: { learningRate: number; name: string }) {
    this.name = args.name ?? defaults.name;
    this.rate = defaults.learningRate;
    this.learningRate = args.learningRate ?? defaults.learningRate;
    this.clip = { clipValue: args.clipValue, clipNorm: args.clipNorm, globalClipNorm: args.globalClipNorm };
    checkClipOptions(this.clip, this.name);
    if (args.weightDecay != null) this.weightDecay = this.checkArgument('weightDecay', args.weightDecay, (v) => v >= 0, 'a finite number ≥ 0');
  }

  get className(): string {
    return (this.constructor as typeof Optimizer).className;
  }

  /** The learning rate as set: a number or a schedule. */
  get learningRate(): number | LearningRateSchedule {
    return this.rate;
  }

  /**
   * Sets the learning rate (a number replaces a schedule), as callbacks do between steps.
   *
   * @throws Error for a negative or non-finite rate
   */
  set learningRate(value: number | LearningRateSchedule) {
    if (!(value instanceof LearningRateSchedule)) this.checkArgument('learningRate', value, (v) => v >= 0, 'a finite number ≥ 0');
    this.rate = value;
  }

  /** The rate at the current step. */
  currentLearningRate(): number {
    return this.rate instanceof LearningRateSchedule ? this.rate.call(this.iterations) : this.rate;
  }

  /** Names of the slot variables each variable gets (`m`, `v` for Adam). */
  protected abstract slotNames(): string[];

  /** The initial value of a slot (zeros unless the optimizer says otherwise). */
  protected initialSlotValue(_slot: string, variable: tf.Variable): tf.Tensor {
    return tf.zerosLike(variable);
  }

  /** The math of one update of one variable; runs inside `tf.tidy`. */
  protected abstract updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void;

  /** Called once per step before the per-variable updates (Nadam's momentum cache). */
  protected beforeStep(): void {}

  /** The slot variables of a variable, made on first use. */
  protected slotsOf(variable: tf.Variable): Record<string, tf.Variable> {
    let slots = this.slots.get(variable);
    if (slots === undefined) {
      slots = {};
      for (const slot of this.slotNames()) {
        const initial = tf.tidy(() => this.initialSlotValue(slot, variable));
        slots[slot] = tf.variable(initial, false);
        initial.dispose();
      }
      this.slots.set(variable, slots);
    }
    return slots;
  }

  /**
   * One step: clips, decays and updates every variable that has a gradient, then counts the step.
   *
   * @param gradients by variable name (`tf.variableGrads`'s `grads`), or `[gradient, variable]` pairs
   * @param variables the variables named in `gradients` (needed with the record form)
   * @throws Error when a gradient's shape differs from its variable's
   */
  applyGradients(gradients: Gradients, variables?: tf.Variable[]): void {
    const pairs: Array<[tf.Tensor, tf.Variable]> = Array.isArray(gradients)
      ? gradients
      : (variables ?? []).filter((variable) => gradients[variable.name] != null).map((variable) => [gradients[variable.name], variable]);
    if (!Array.isArray(gradients) && variables === undefined) {
      throw new Error(`Expected the variables to go with gradients keyed by name in optimizer "${this.name}", received none`);
    }
    for (const [gradient, variable] of pairs) {
      if (!tf.util.arraysEqual(gradient.shape, variable.shape)) {
        throw new Error(`Expected a gradient of shape [${variable.shape}] for variable "${variable.name}" in optimizer "${this.name}", received [${gradient.shape}]`);
      }
    }
    const learningRate = this.currentLearningRate();
    for (const [, variable] of pairs) this.slotsOf(variable);
    this.beforeStep();
    tf.tidy(() => {
      const clipped = clipGradients(pairs.map(([gradient]) => gradient), this.clip);
      pairs.forEach(([, variable], index) => {
        if (this.weightDecay) variable.assign(tf.sub(variable, tf.mul(variable, this.weightDecay * learningRate)));
        this.updateStep(clipped[index], variable, learningRate, this.slots.get(variable)!);
      });
    });
    this.iterations++;
  }

  /** Keras's config: snake_case keys, the learning rate as a number or a serialized schedule. */
  getConfig(): Record<string, unknown> {
    return {
      name: this.name,
      learning_rate: this.rate instanceof LearningRateSchedule ? serializeSchedule(this.rate) : this.rate,
      weight_decay: this.weightDecay ?? null,
      clipnorm: this.clip.clipNorm ?? null,
      global_clipnorm: this.clip.globalClipNorm ?? null,
      clipvalue: this.clip.clipValue ?? null,
      ...this.ownConfig(),
    };
  }

  /** The optimizer's own hyperparameters, camelCase in the API and snake_case here. */
  protected abstract ownConfig(): Record<string, unknown>;

  /** The step and every slot variable, as plain arrays (for checkpoints). */
  getState(): OptimizerState {
    const slots: SlotState[] = [];
    for (const [variable, byName] of this.slots) {
      for (const [slot, value] of Object.entries(byName)) {
        slots.push({ variable: variable.name, slot, shape: [...value.shape], values: Float32Array.from(value.dataSync() as Float32Array) });
      }
    }
    return { iterations: this.iterations, slots, extra: this.extraState() };
  }

  /** Extra scalars of the optimizer's state. */
  protected extraState(): Record<string, number> {
    return {};
  }

  /** Restores extra scalars. */
  protected restoreExtraState(_extra: Record<string, number>): void {}

  /**
   * Restores {@link getState}'s output onto `variables` (matched by name). Nothing changes when a
   * slot does not match.
   *
   * @throws Error naming the slot whose variable is unknown or whose shape differs
   */
  setState(state: OptimizerState, variables: tf.Variable[]): void {
    const byName = new Map(variables.map((variable) => [variable.name, variable]));
    for (const slot of state.slots) {
      const variable = byName.get(slot.variable);
      if (variable === undefined) throw new Error(`Expected a variable named "${slot.variable}" for slot "${slot.slot}" in optimizer "${this.name}", received none`);
      if (!tf.util.arraysEqual(variable.shape, slot.shape)) {
        throw new Error(`Expected slot "${slot.slot}" of "${slot.variable}" to have shape [${variable.shape}] in optimizer "${this.name}", received [${slot.shape}]`);
      }
      if (!this.slotNames().includes(slot.slot)) throw new Error(`Expected a slot among ${this.slotNames().join(', ')} in optimizer "${this.name}", received "${slot.slot}"`);
    }
    for (const slot of state.slots) {
      const slots = this.slotsOf(byName.get(slot.variable)!);
      const value = tf.tensor(slot.values, slot.shape);
      slots[slot.slot].assign(value);
      value.dispose();
    }
    this.iterations = state.iterations;
    this.restoreExtraState(state.extra ?? {});
  }

  /** Frees every slot variable. */
  dispose(): void {
    for (const slots of this.slots.values()) for (const slot of Object.values(slots)) slot.dispose();
    this.slots.clear();
  }

  protected checkArgument(argumentName: string, value: unknown, condition: (v: number) => boolean, expected: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || !condition(value)) {
      throw new Error(`Expected ${argumentName} to be ${expected}, received ${JSON.stringify(value)} in optimizer "${this.name}"`);
    }
    return value;
  }

  /** Rebuilds an optimizer from its Keras config. */
  static fromConfig<T extends Optimizer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const args: Record<string, unknown> = {};
    const keys: Record<string, string> = { clipnorm: 'clipNorm', clipvalue: 'clipValue', global_clipnorm: 'globalClipNorm', beta_1: 'beta1', beta_2: 'beta2' };
    for (const [key, value] of Object.entries(config)) {
      if (value === null) continue;
      const camel = keys[key] ?? key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      args[camel] = key === 'learning_rate' && typeof value === 'object' ? getSchedule(value as never) : value;
    }
    return new this(args as never);
  }
}



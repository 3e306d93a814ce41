import { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';
import { type OptimizerState, type SlotState, matchStateToVariables } from './optimizer-state';

/**
 * What an optimizer keeps between steps, the half of `Optimizer` that is not the step: the
 * step count and the slot variables of each variable (Keras 3's `BaseOptimizer.build` and
 * `variables`), built lazily, saved and restored by variable name, and freed.
 *
 * Not used on its own: every optimizer extends `Optimizer`, which extends this.
 */
export abstract class OptimizerSlots {
  /** Steps taken: a host number, so schedules and bias corrections cost no backend reads. */
  iterations = 0;
  /** `optimizer "adam"`: how error messages name this optimizer. */
  protected abstract readonly owner: string;
  private readonly slots = new Map<tf.Variable, Record<string, tf.Variable>>();

  /** Names of the slot variables each variable gets (`momentum`, `velocity` for Adam). */
  abstract slotNames(): string[];

  /**
   * The order Keras 3's `build` makes the slots in: each inner list is one loop over the variables
   * (the slots of one loop interleave per variable), as Keras numbers optimizer variables in files.
   * One loop of {@link slotNames} unless an optimizer says otherwise (Adadelta's two).
   */
  slotBuildOrder(): string[][] {
    return [this.slotNames()];
  }

  /** A slot's shape for a variable of shape `variableShape`: the variable's, unless the optimizer factors it (Adafactor). */
  slotShape(_slot: string, variableShape: readonly number[]): number[] {
    return [...variableShape];
  }

  /** A slot's initial value (zeros of {@link slotShape} unless the optimizer says otherwise); runs inside `tf.tidy`. */
  protected initialSlotValue(slot: string, variable: tf.Variable): tf.Tensor {
    return tf.zeros(this.slotShape(slot, variable.shape));
  }

  /** Scalars of the optimizer's own state for {@link getState}. */
  extraState(): Record<string, number> {
    return {};
  }

  /** Restores {@link extraState}'s scalars (missing ones take their initial values). */
  protected restoreExtraState(_extra: Record<string, number>): void {}

  /**
   * Creates the slot variables (non-trainable `tf.Variable`s) of the variables that have none yet.
   * `applyGradients` calls it on first use; calling it earlier only moves the allocation.
   */
  build(variables: readonly tf.Variable[]): void {
    for (const variable of variables) {
      if (this.slots.has(variable)) continue;
      const slots: Record<string, tf.Variable> = {};
      for (const slot of this.slotNames()) {
        const initial = tf.tidy(() => this.initialSlotValue(slot, variable));
        slots[slot] = tf.variable(initial, false);
        initial.dispose();
      }
      this.slots.set(variable, slots);
    }
  }

  /** The slot variables of `variable` by slot name, once {@link build} has made them. */
  protected slotsOf(variable: tf.Variable): Record<string, tf.Variable> {
    return this.slots.get(variable)!;
  }

  /** Every slot variable, in build order. */
  get variables(): tf.Variable[] {
    return [...this.slots.values()].flatMap((slots) => Object.values(slots));
  }

  /**
   * The step count and every slot variable as plain typed arrays, keyed by variable name: what a
   * checkpoint needs to resume training exactly. Reads the slots back from the backend.
   */
  getState(): OptimizerState {
    const slots: SlotState[] = [];
    for (const [variable, byName] of this.slots) {
      for (const [slot, value] of Object.entries(byName)) {
        slots.push({ variable: variable.name, slot, shape: [...value.shape], values: Float32Array.from(value.dataSync() as Float32Array) });
      }
    }
    return { iterations: this.iterations, slots, extra: this.extraState() };
  }

  /**
   * Restores {@link getState}'s output, matching slots to variables by name. Everything is checked
   * before anything changes.
   *
   * @param variables the variables to match slot names against; without it, the variables tfjs
   *   has registered
   * @throws Error naming a slot whose variable is missing, whose shape differs, or that this optimizer does not keep
   */
  setState(state: OptimizerState, variables?: readonly tf.Variable[]): void {
    const byName = variables === undefined ? tf.engine().registeredVariables : Object.fromEntries(variables.map((variable) => [variable.name, variable]));
    if (state == null || !Array.isArray(state.slots)) throw new Error(`Expected a state {iterations, slots} in ${this.owner}, received ${describeValue(state)}`);
    const targets = matchStateToVariables(state, byName, this.slotNames(), this.owner, (slot, shape) => this.slotShape(slot, shape));
    this.build(targets);
    state.slots.forEach((slot, index) => {
      const value = tf.tensor(slot.values, slot.shape, 'float32');
      this.slots.get(targets[index])![slot.slot].assign(value);
      value.dispose();
    });
    this.iterations = state.iterations;
    this.restoreExtraState(state.extra ?? {});
  }

  /**
   * Frees every slot variable. The optimizer stays usable: later steps start new slots from their
   * initial values, and the step count (with the bias corrections that depend on it) starts over.
   */
  dispose(): void {
    for (const variable of this.variables) variable.dispose();
    this.slots.clear();
    this.iterations = 0;
    this.restoreExtraState({});
  }
}

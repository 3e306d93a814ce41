import { tf } from '@dendrite/backend';
import { argumentError } from '@dendrite/backend/internal';

/** One slot variable's values: which variable (by name) and which slot (`momentum`, `velocity`…). */
export interface SlotState {
  /** The name of the variable the slot belongs to (`tf.Variable.name`). */
  variable: string;
  /** The slot's name, as Keras names it: `momentum`, `velocity`, `velocity_hat`, `accumulator`… */
  slot: string;
  /** The slot's shape (the variable's, or the optimizer's `slotShape` of it). */
  shape: number[];
  /** The slot's values, row-major. */
  values: Float32Array;
}

/**
 * Everything needed to resume training exactly: the step count, every slot variable as a plain
 * typed array, and any scalar state an optimizer keeps (Nadam's momentum-cache product).
 * Plain data: it can be written to JSON or a checkpoint file and read back.
 */
export interface OptimizerState {
  /** Steps taken. */
  iterations: number;
  /** Every slot variable. */
  slots: SlotState[];
  /** Extra scalars of the optimizer's own state, by name (`u_product` for Nadam). */
  extra?: Record<string, number>;
}

/**
 * Checks a state against the variables it will be restored onto, before anything is changed.
 *
 * @param slotNames the slots the restoring optimizer keeps
 * @param owner for messages: `optimizer "adam"`
 * @param slotShape a slot's shape for a variable's shape (the variable's own by default)
 * @returns the variable each slot belongs to, in `state.slots` order
 * @throws Error naming the slot whose variable is missing, whose shape or size differs, or that the
 *   optimizer does not keep; or for iterations that are not an integer ≥ 0
 */
export function matchStateToVariables(
  state: OptimizerState,
  variables: Record<string, tf.Variable>,
  slotNames: readonly string[],
  owner: string,
  slotShape: (slot: string, variableShape: readonly number[]) => number[] = (_slot, shape) => [...shape],
): tf.Variable[] {
  if (!Number.isInteger(state.iterations) || state.iterations < 0) {
    throw argumentError(state.iterations, 'number', `Expected state.iterations to be an integer ≥ 0 in ${owner}, received ${state.iterations}`);
  }
  return state.slots.map((slot) => {
    const variable = variables[slot.variable];
    const where = `slot "${slot.slot}" of variable "${slot.variable}" in ${owner}`;
    if (variable === undefined) throw new Error(`Expected a variable named "${slot.variable}" for ${where}, received none`);
    if (!slotNames.includes(slot.slot)) throw new Error(`Expected a slot among [${slotNames.join(', ')}] for ${where}, received "${slot.slot}"`);
    const shape = slotShape(slot.slot, variable.shape);
    if (!tf.util.arraysEqual(shape, slot.shape)) throw new Error(`Expected shape [${shape}] for ${where}, received [${slot.shape}]`);
    const size = tf.util.sizeFromShape(shape);
    if (slot.values.length !== size) throw new Error(`Expected ${size} values for ${where}, received ${slot.values.length}`);
    return variable;
  });
}

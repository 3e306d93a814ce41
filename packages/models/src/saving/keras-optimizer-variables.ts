import { LearningRateSchedule, type Optimizer, type OptimizerState, type SlotState } from '@dendrite/optimizers';
import type { ModelContract } from '../contracts/model-contract';
import type { ReadArray } from './hdf5';

/** One optimizer variable as Keras 3 keeps it: `iterations`, `learning_rate`, then the slots. */
export interface OptimizerVariable {
  /** Keras 3's variable path: `adam/iteration`, `adam/dense_kernel_momentum`. */
  name: string;
  shape: number[];
  dtype: 'float32' | 'int64';
  values: Float32Array | number;
}

/** Extra scalars Keras 3 keeps as tracked variables after the slots (Nadam's `u_product`). */
const EXTRA_VARIABLES = ['u_product'];

/**
 * The loops in which Keras 3's optimizer `build` creates the slots (slots of one loop interleave
 * per variable), as the optimizer itself tells them, keeping only the slots it has.
 */
function slotOrder(optimizer: Optimizer): string[][] {
  const slotNames = optimizer.slotNames();
  return optimizer.slotBuildOrder().map((loop) => loop.filter((slot) => slotNames.includes(slot))).filter((loop) => loop.length > 0);
}

/**
 * The compiled model's optimizer state in Keras 3's variable order — `iterations` (int64),
 * `learning_rate` (unless a schedule drives it), every slot in the order Keras's `build` makes
 * them over `model.trainable_variables`, then extra scalars — as `save_own_variables` numbers
 * them `0, 1, 2…`. Empty before `compile`.
 */
export function kerasOptimizerVariables(model: ModelContract): OptimizerVariable[] {
  const compiled = model.compiled;
  if (!compiled) return [];
  const optimizer = compiled.optimizer;
  const prefix = optimizer.name;
  const state = optimizer.getState();
  const variables: OptimizerVariable[] = [{ name: `${prefix}/iteration`, shape: [], dtype: 'int64', values: state.iterations }];
  if (!(optimizer.learningRate instanceof LearningRateSchedule)) {
    variables.push({ name: `${prefix}/learning_rate`, shape: [], dtype: 'float32', values: Float32Array.of(optimizer.learningRate as number) });
  }
  const byVariable = new Map<string, SlotState[]>();
  for (const slot of state.slots) byVariable.set(slot.variable, [...(byVariable.get(slot.variable) ?? []), slot]);
  const trainable = model.trainableWeights;
  for (const loop of slotOrder(optimizer)) {
    for (const weight of trainable) {
      for (const slotName of loop) {
        const slot = byVariable.get(weight.variable.name)?.find((s) => s.slot === slotName);
        if (slot) variables.push({ name: `${prefix}/${weight.path.replace(/\//g, '_')}_${slotName}`, shape: slot.shape, dtype: 'float32', values: slot.values });
      }
    }
  }
  if (state.slots.length > 0) {
    for (const key of EXTRA_VARIABLES) {
      const value = state.extra?.[key];
      if (value !== undefined) variables.push({ name: `${prefix}/${key}`, shape: [], dtype: 'float32', values: Float32Array.of(value) });
    }
  }
  return variables;
}

/**
 * Restores {@link kerasOptimizerVariables}' arrays (read back from a file) onto the compiled
 * model's optimizer: checks count and shapes against the slots the optimizer keeps for the
 * model's trainable weights before changing anything. A file with only `iterations` (and the
 * learning rate) — an optimizer that had not stepped — restores just those.
 *
 * A state with another number of variables (Keras's EMA or gradient accumulation, another
 * optimizer) is skipped with a warning, as Keras does.
 *
 * @throws Error naming `where` for a slot whose shape does not match its weight
 */
export function applyKerasOptimizerVariables(model: ModelContract, arrays: ReadArray[], where: string): void {
  const compiled = model.compiled;
  if (!compiled || arrays.length === 0) return;
  const optimizer = compiled.optimizer;
  const fail = (what: string) => new Error(`Expected the state of optimizer "${optimizer.name}" for model "${model.name}" in "${where}", received ${what}`);
  const trainable = model.trainableWeights;
  const slotNames = optimizer.slotNames();
  const hasRate = !(optimizer.learningRate instanceof LearningRateSchedule);
  const head = hasRate ? 2 : 1;
  const slotCount = trainable.length * slotNames.length;
  const extras = EXTRA_VARIABLES.filter((key) => key in optimizer.extraState());
  const withSlots = arrays.length === head + slotCount || arrays.length === head + slotCount + extras.length;
  if (arrays.length !== head && !withSlots) {
    // As Keras: an optimizer state of another shape (EMA, gradient accumulation…) is skipped, not fatal.
    console.warn(`${fail(`${arrays.length} variables (expected ${head} before the first step, or ${head + slotCount}, or ${head + slotCount + extras.length} with ${extras.join(", ") || "no extra state"})`).message}; starting the optimizer fresh`);
    return;
  }
  const scalar = (array: ReadArray, what: string) => {
    if (array.values.length !== 1) throw fail(`${what} of shape [${array.shape}]`);
    return array.values[0];
  };
  const iterations = scalar(arrays[0], 'iterations');
  if (!Number.isInteger(iterations) || iterations < 0) throw fail(`iterations ${iterations}`);
  const learningRate = hasRate ? scalar(arrays[1], 'learning_rate') : undefined;
  const slots: SlotState[] = [];
  let index = head;
  if (withSlots) {
    for (const loop of slotOrder(optimizer)) {
      for (const weight of trainable) {
        for (const slot of loop) {
          const array = arrays[index++];
          const shape = optimizer.slotShape(slot, weight.shape);
          if (array.values.length !== shape.reduce((size, dim) => size * dim, 1) || array.shape.join() !== shape.join()) {
            throw fail(`slot "${slot}" of "${weight.path}" with shape [${array.shape}] (expected [${shape}])`);
          }
          slots.push({ variable: weight.variable.name, slot, shape, values: Float32Array.from(array.values) });
        }
      }
    }
  }
  const extra: Record<string, number> = {};
  for (const key of extras) if (index < arrays.length) extra[key] = scalar(arrays[index++], key);
  const state: OptimizerState = { iterations, slots, extra };
  optimizer.setState(state, trainable.map((weight) => weight.variable));
  if (learningRate !== undefined && Number.isFinite(learningRate)) optimizer.learningRate = learningRate;
}

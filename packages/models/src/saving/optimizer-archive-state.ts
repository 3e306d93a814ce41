import type * as optimizers from '@dendrite/optimizers';
import type { ModelContract } from '../contracts/model-contract';
import type { ArchiveEntry } from './tensor-archive';

/** Prefix of the optimizer's entries in Dendrite's archive (`optimizer/iterations`, `optimizer/dense/kernel/m`). */
const PREFIX = 'optimizer/';
const ITERATIONS = `${PREFIX}iterations`;
const EXTRA = `${PREFIX}extra:`;

/** Whether an archive entry is the optimizer's (not a weight). */
export const isOptimizerEntry = (entry: ArchiveEntry): boolean => entry.name.startsWith(PREFIX);

/**
 * A compiled model's optimizer config and state (iterations, slot variables) as archive entries,
 * slots named by the weights' Keras paths (tfjs variable names differ from run to run).
 */
export function optimizerArchiveState(model: ModelContract): { config: Record<string, unknown>; entries: ArchiveEntry[] } {
  const compiled = model.requireCompiled('save');
  const pathOf = new Map(model.weights.map((weight) => [weight.variable.name, weight.path]));
  const state = compiled.optimizer.getState();
  const slots = state.slots.map((slot) => ({ ...slot, variable: pathOf.get(slot.variable) ?? slot.variable }));
  return { config: compiled.compileConfig.optimizer as Record<string, unknown>, entries: stateToEntries({ ...state, slots }) };
}

/**
 * Restores {@link optimizerArchiveState}'s entries onto a compiled model's optimizer; every slot is
 * checked before anything changes.
 *
 * @throws Error naming `path` when a slot names no weight of the model or does not fit it
 */
export function restoreOptimizerArchiveState(model: ModelContract, entries: ArchiveEntry[], path: string): void {
  const compiled = model.requireCompiled('load');
  const variableOf = new Map(model.weights.map((weight) => [weight.path, weight.variable]));
  const state = entriesToState(entries);
  try {
    const slots = state.slots.map((slot) => {
      const variable = variableOf.get(slot.variable);
      if (variable === undefined) throw new Error(`no weight "${slot.variable}" in model "${model.name}"`);
      return { ...slot, variable: variable.name };
    });
    compiled.optimizer.setState({ ...state, slots }, model.weights.map((weight) => weight.variable));
  } catch (error) {
    throw new Error(`Expected optimizer state matching the model in "${path}": ${(error as Error).message}`);
  }
}

function stateToEntries(state: optimizers.OptimizerState): ArchiveEntry[] {
  const extra = Object.entries(state.extra ?? {}).map(([key, value]) => ({
    name: `${EXTRA}${key}`,
    shape: [1],
    dtype: 'float32' as const,
    values: Float32Array.of(value),
  }));
  return [
    { name: ITERATIONS, shape: [1], dtype: 'float32', values: Float32Array.of(state.iterations) },
    ...extra,
    ...state.slots.map((slot) => ({
      name: `${PREFIX}${slot.variable}/${slot.slot}`,
      shape: slot.shape,
      dtype: 'float32' as const,
      values: Float32Array.from(slot.values),
    })),
  ];
}

function entriesToState(entries: ArchiveEntry[]): optimizers.OptimizerState {
  const iterations = entries.find((entry) => entry.name === ITERATIONS);
  const extra = Object.fromEntries(entries.filter((entry) => entry.name.startsWith(EXTRA)).map((entry) => [entry.name.slice(EXTRA.length), entry.values[0]]));
  return {
    iterations: iterations ? iterations.values[0] : 0,
    extra,
    slots: entries
      .filter((entry) => entry.name !== ITERATIONS && !entry.name.startsWith(EXTRA))
      .map((entry) => {
        const rest = entry.name.slice(PREFIX.length);
        const cut = rest.lastIndexOf('/');
        return { variable: rest.slice(0, cut), slot: rest.slice(cut + 1), shape: entry.shape, values: entry.values as Float32Array };
      }),
  };
}

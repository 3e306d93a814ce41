import { expect } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectArraysClose } from '@dendrite/backend/testing';
import type { Optimizer } from '@dendrite/optimizers';

/** The starting weights every optimizer test uses. */
export const START = [1, -2];

/** Three steps of fixed gradients: signs change and magnitudes shrink and grow, so every branch of the math runs. */
export const GRADIENTS = [
  [0.5, -1],
  [0.2, 0.3],
  [-0.4, 0.1],
];

/** A variable holding `values`, its initial tensor freed. */
export function makeVariable(values: number[], name?: string): tf.Variable {
  const initial = tf.tensor1d(values);
  const variable = tf.variable(initial, true, name);
  initial.dispose();
  return variable;
}

/** One step with a fixed gradient, the gradient freed after. */
export function stepWith(optimizer: Optimizer, variable: tf.Variable, gradient: number[]): void {
  const tensor = tf.tensor1d(gradient);
  optimizer.applyGradients([[tensor, variable]]);
  tensor.dispose();
}

/**
 * Runs `optimizer` from {@link START} through `gradients` and returns the weights after each step;
 * frees the variable and the optimizer's slots.
 */
export function weightsAfterSteps(optimizer: Optimizer, gradients = GRADIENTS, start = START): number[][] {
  const variable = makeVariable(start);
  const after = gradients.map((gradient) => {
    stepWith(optimizer, variable, gradient);
    return Array.from(variable.dataSync());
  });
  variable.dispose();
  optimizer.dispose();
  return after;
}

/** Per-weight state of a hand computation (m, v, …), starting from the values given. */
export type HandState = Record<string, number>;

/**
 * The same steps in plain JS numbers: `update(w, g, state, t)` returns the new weight, `t` counting
 * from 1, each weight with its own copy of `initialState`.
 */
export function stepsByHand(update: (w: number, g: number, state: HandState, t: number) => number, initialState: HandState = {}, gradients = GRADIENTS, start = START): number[][] {
  const states = start.map(() => ({ ...initialState }));
  const weights = [...start];
  return gradients.map((gradient, index) => {
    for (let i = 0; i < weights.length; i++) weights[i] = update(weights[i], gradient[i], states[i], index + 1);
    return [...weights];
  });
}

/**
 * Fails unless each step's weights agree with the hand computation to float32 precision.
 *
 * @example
 * ```ts
 * // Plain SGD: w ← w − 0.1·g, step by step.
 * expectWeights(weightsAfterSteps(sgd({ learningRate: 0.1 })), stepsByHand((w, g) => w - 0.1 * g));
 * ```
 */
export function expectWeights(actual: number[][], expected: number[][], tolerance = 1e-5): void {
  expect(actual.length, 'steps').toBe(expected.length);
  actual.forEach((weights, step) => expectArraysClose(weights, expected[step], tolerance));
}

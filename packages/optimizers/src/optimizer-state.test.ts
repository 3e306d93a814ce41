import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { adam } from './adam';
import type { Optimizer } from './optimizer';
import { sgd } from './sgd';
import { EVERY_OPTIMIZER } from './testing/every-optimizer';
import { makeVariable } from '@dendrite/optimizers/testing';

/** Gradients that depend on the weights (∂/∂w of Σ(w − 1)⁴ + 0.1·w), so the path matters. */
function step(optimizer: Optimizer, variables: tf.Variable[]): void {
  const { value, grads } = tf.variableGrads(() => tf.addN(variables.map((w) => tf.sum(tf.add(tf.pow(tf.sub(w, 1), 4), tf.mul(w, 0.1))))) as tf.Scalar, variables);
  optimizer.applyGradients(grads, variables);
  tf.dispose([value, ...Object.values(grads)]);
}

function read(variables: tf.Variable[]): number[][] {
  return variables.map((variable) => Array.from(variable.dataSync()));
}

describeEachBackend('optimizer state', () => {
  it.each(EVERY_OPTIMIZER)('%s: restored into a fresh optimizer and fresh variables, training continues identically', (_name, make) => {
    const variables = [makeVariable([0.5, -1.5, 2]), makeVariable([3])];
    const original = make();
    for (let i = 0; i < 3; i++) step(original, variables);
    const state = original.getState();
    const weights = read(variables);
    for (let i = 0; i < 2; i++) step(original, variables);
    const continued = read(variables);

    const copies = weights.map((values) => makeVariable(values));
    const restored = make();
    const byCopy = new Map(variables.map((variable, index) => [variable.name, copies[index].name]));
    restored.setState({ ...state, slots: state.slots.map((slot) => ({ ...slot, variable: byCopy.get(slot.variable)! })) }, copies);
    expect(restored.iterations).toBe(3);
    for (let i = 0; i < 2; i++) step(restored, copies);
    expect(read(copies)).toEqual(continued);

    tf.dispose([...variables, ...copies]);
    original.dispose();
    restored.dispose();
  });

  it('is plain data: the step, each slot as a Float32Array with its shape, keyed by variable name', () => {
    const w = makeVariable([1, 2]);
    const optimizer = adam({ learningRate: 0.1 });
    step(optimizer, [w]);
    const state = optimizer.getState();
    expect(state.iterations).toBe(1);
    expect(state.slots.map((slot) => [slot.variable, slot.slot, slot.shape])).toEqual([
      [w.name, 'momentum', [2]],
      [w.name, 'velocity', [2]],
    ]);
    expect(state.slots[0].values).toBeInstanceOf(Float32Array);
    // Saved values are a copy: later steps do not change them.
    const saved = Array.from(state.slots[0].values);
    step(optimizer, [w]);
    expect(Array.from(state.slots[0].values)).toEqual(saved);
    w.dispose();
    optimizer.dispose();
  });

  it('finds variables by name among tfjs’s registered variables when none are given', () => {
    const w = makeVariable([1, 2]);
    const optimizer = sgd({ momentum: 0.9 });
    step(optimizer, [w]);
    const state = optimizer.getState();
    const restored = sgd({ momentum: 0.9 });
    restored.setState(state);
    expect(restored.getState()).toEqual(state);
    w.dispose();
    optimizer.dispose();
    restored.dispose();
  });

  it('rejects a state that does not fit, naming the slot, and changes nothing', () => {
    const w = makeVariable([1, 2]);
    const optimizer = adam();
    step(optimizer, [w]);
    const state = optimizer.getState();
    const fresh = adam();
    const slot = state.slots[0];
    expect(() => fresh.setState({ ...state, slots: [{ ...slot, variable: 'missing' }] }, [w])).toThrow(
      'Expected a variable named "missing" for slot "momentum" of variable "missing" in optimizer "adam", received none',
    );
    expect(() => fresh.setState({ ...state, slots: [{ ...slot, shape: [3] }] }, [w])).toThrow(`Expected shape [2] for slot "momentum" of variable "${w.name}" in optimizer "adam", received [3]`);
    expect(() => fresh.setState({ ...state, slots: [{ ...slot, values: new Float32Array(3) }] }, [w])).toThrow('Expected 2 values for slot "momentum"');
    expect(() => fresh.setState({ ...state, slots: [{ ...slot, slot: 'accumulator' }] }, [w])).toThrow(
      `Expected a slot among [momentum, velocity] for slot "accumulator" of variable "${w.name}" in optimizer "adam", received "accumulator"`,
    );
    expect(() => fresh.setState({ ...state, iterations: -1 }, [w])).toThrow('Expected state.iterations to be an integer ≥ 0 in optimizer "adam", received -1');
    expect(fresh.iterations).toBe(0);
    expect(fresh.variables).toEqual([]);
    w.dispose();
    optimizer.dispose();
  });
});

import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Adafactor, type AdafactorArgs, adafactor } from './adafactor';
import { get } from './get-optimizer';
import { exponentialDecay } from './schedules/exponential-decay';

type Matrix = number[][];

const rmsOf = (values: number[]) => Math.sqrt(values.reduce((sum, x) => sum + x * x, 0) / values.length);
const mean = (values: number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;

/**
 * Keras 3's `Adafactor.update_step` in Float64, for a matrix (factored) or a vector (one row, not
 * factored): returns the weights after each step.
 */
function adafactorByHand(start: Matrix, gradients: Matrix[], factored: boolean, args: { lr: (t: number) => number; decay?: number; eps1?: number; eps2?: number; clip?: number }): Matrix[] {
  const { decay = -0.8, eps1 = 1e-30, eps2 = 1e-3, clip = 1 } = args;
  const rows = start.length;
  const cols = start[0].length;
  let w = start.map((row) => [...row]);
  let r = new Array<number>(rows).fill(0);
  let c = new Array<number>(cols).fill(0);
  let v: Matrix = start.map((row) => row.map(() => 0));
  return gradients.map((g, index) => {
    const t = index + 1;
    const rho = Math.min(args.lr(index), 1 / Math.sqrt(t));
    const alpha = Math.max(eps2, rmsOf(w.flat())) * rho;
    const regulated = g.map((row) => row.map((x) => x * x + eps1));
    const beta2t = 1 - t ** decay;
    if (factored) {
      r = r.map((ri, i) => beta2t * ri + (1 - beta2t) * mean(regulated[i]));
      c = c.map((cj, j) => beta2t * cj + (1 - beta2t) * mean(regulated.map((row) => row[j])));
      const rMean = mean(r);
      v = r.map((ri) => c.map((cj) => (ri / rMean) * cj));
    } else {
      v = v.map((row, i) => row.map((vij, j) => beta2t * vij + (1 - beta2t) * regulated[i][j]));
    }
    const u = g.map((row, i) => row.map((x, j) => x / Math.sqrt(v[i][j])));
    const scale = Math.max(1, rmsOf(u.flat()) / clip);
    w = w.map((row, i) => row.map((x, j) => x - (alpha * u[i][j]) / scale));
    return w.map((row) => [...row]);
  });
}

const START: Matrix = [
  [0.5, -1, 2],
  [0.1, 0.3, -0.7],
];
const GRADIENTS: Matrix[] = [
  [
    [0.5, -1, 0.2],
    [0.3, 0.05, -2],
  ],
  [
    [0.2, 0.3, -0.1],
    [-0.4, 0.9, 0.6],
  ],
  [
    [-0.4, 0.1, 1.5],
    [0.2, -0.3, 0.01],
  ],
  [
    [1, 1, 1],
    [-1, 0.5, 0.25],
  ],
];

/** Runs `optimizer` on a variable of START's values (as a matrix, or as one flat vector) through GRADIENTS. */
function weightsAfterSteps(optimizer: Adafactor, factored: boolean): Matrix[] {
  const shape = factored ? [2, 3] : [6];
  const initial = tf.tensor(START.flat(), shape);
  const w = tf.variable(initial);
  initial.dispose();
  const after = GRADIENTS.map((g) => {
    const gradient = tf.tensor(g.flat(), shape);
    optimizer.applyGradients([[gradient, w]]);
    gradient.dispose();
    const values = Array.from(w.dataSync());
    return factored ? [values.slice(0, 3), values.slice(3)] : [values];
  });
  w.dispose();
  optimizer.dispose();
  return after;
}

function expectSteps(actual: Matrix[], expected: Matrix[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((weights, step) => expectArraysClose(weights.flat(), expected[step].flat(), 1e-5));
}

describeEachBackend('Adafactor', () => {
  it('has Keras’s defaults: 0.001, decay −0.8, ε₁ 1e-30, ε₂ 1e-3, clip 1, relative step', () => {
    const optimizer = adafactor();
    expect(optimizer).toBeInstanceOf(Adafactor);
    expect([optimizer.learningRate, optimizer.beta2Decay, optimizer.epsilon1, optimizer.epsilon2, optimizer.clipThreshold, optimizer.relativeStep, optimizer.name]).toEqual([
      0.001, -0.8, 1e-30, 1e-3, 1, true, 'adafactor',
    ]);
  });

  it('factors the second moment of a matrix over its last two axes, as Keras', async () => {
    for (const args of [{ learningRate: 0.3 }, { learningRate: 0.8, clipThreshold: 0.5, beta2Decay: -0.5, epsilon2: 0.01 }] as AdafactorArgs[]) {
      const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adafactor(args), true));
      const expected = adafactorByHand(START, GRADIENTS, true, { lr: () => args.learningRate as number, decay: args.beta2Decay, eps2: args.epsilon2, clip: args.clipThreshold });
      expectSteps(actual, expected);
    }
  });

  it('keeps an unfactored second moment for a vector, with RMS over the whole variable', async () => {
    const flatGradients = GRADIENTS.map((g) => [g.flat()]);
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adafactor({ learningRate: 0.3 }), false));
    expectSteps(actual, adafactorByHand([START.flat()], flatGradients, false, { lr: () => 0.3 }));
  });

  it('caps the rate at 1/√t and reads a schedule at each step', async () => {
    // 0.9 decays by half per step: min(0.9, 1) then min(0.45, 0.707)…; a rate above 1/√t is capped.
    const schedule = exponentialDecay({ initialLearningRate: 0.9, decaySteps: 1, decayRate: 0.5 });
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adafactor({ learningRate: schedule }), true));
    expectSteps(actual, adafactorByHand(START, GRADIENTS, true, { lr: (step) => 0.9 * 0.5 ** step }));
    const capped = await expectNoLeakedTensors(() => weightsAfterSteps(adafactor({ learningRate: 5, relativeStep: false }), true));
    expectSteps(capped, adafactorByHand(START, GRADIENTS, true, { lr: () => 5 }));
  });

  it('keeps slots r, c, velocity per variable; r and c are scalars below rank 2; the state restores', () => {
    const optimizer = adafactor({ learningRate: 0.1 });
    expect(optimizer.slotBuildOrder()).toEqual([['r', 'c', 'velocity']]);
    expect(['r', 'c', 'velocity'].map((slot) => optimizer.slotShape(slot, [4, 2, 3]))).toEqual([[4, 2], [4, 3], [4, 2, 3]]);
    expect(['r', 'c', 'velocity'].map((slot) => optimizer.slotShape(slot, [5]))).toEqual([[], [], [5]]);
    const initial = tf.tensor(START.flat(), [2, 3]);
    const w = tf.variable(initial);
    const g = tf.tensor(GRADIENTS[0].flat(), [2, 3]);
    optimizer.applyGradients([[g, w]]);
    const state = optimizer.getState();
    expect(state.slots.map((slot) => [slot.slot, slot.shape])).toEqual([
      ['r', [2]],
      ['c', [3]],
      ['velocity', [2, 3]],
    ]);
    const restored = adafactor({ learningRate: 0.1 });
    restored.setState(state, [w]);
    expect(restored.variables.map((slot) => slot.shape)).toEqual([[2], [3], [2, 3]]);
    expect(() => restored.setState({ ...state, slots: [{ ...state.slots[0], shape: [2, 3], values: new Float32Array(6) }] }, [w])).toThrow(
      `Expected shape [2] for slot "r" of variable "${w.name}" in optimizer "adafactor", received [2,3]`,
    );
    tf.dispose([initial, w, g]);
    optimizer.dispose();
    restored.dispose();
  });

  it('writes and reads Keras’s config keys', () => {
    const config = adafactor({ clipThreshold: 2 }).getConfig();
    expect(config).toEqual({
      name: 'adafactor',
      learning_rate: 0.001,
      weight_decay: null,
      clipnorm: null,
      global_clipnorm: null,
      clipvalue: null,
      beta_2_decay: -0.8,
      epsilon_1: 1e-30,
      epsilon_2: 1e-3,
      clip_threshold: 2,
      relative_step: true,
    });
    expect((get({ class_name: 'Adafactor', config: { ...config, relative_step: false } }) as Adafactor).relativeStep).toBe(false);
    expect(get('adafactor')).toBeInstanceOf(Adafactor);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => adafactor({ clipThreshold: 0 })).toThrow('Expected clipThreshold to be a finite number > 0, received 0 in optimizer "adafactor"');
    expect(() => adafactor({ beta2Decay: 0.8 })).toThrow('Expected beta2Decay to be a finite number ≤ 0, received 0.8 in optimizer "adafactor"');
    expect(() => adafactor({ relativeStep: 'yes' as never })).toThrow('Expected relativeStep to be a boolean, received');
  });
});

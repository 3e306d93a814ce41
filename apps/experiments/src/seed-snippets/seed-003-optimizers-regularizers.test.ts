import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';

/**
 * Seed 003, "DL 알고리즘 응용": gradient clipping, the fast optimizers with the notes' arguments
 * (each step checked against the update rule the notes print), L2, dropout and max-norm.
 */

type Tensor = dn.tf.Tensor;

/** w after applying the gradient `gradient` to w = `start` `steps` times. */
function stepsOf(optimizer: dn.optimizers.Optimizer, start: number[], gradient: number[], steps: number): number[] {
  const w = dn.tf.variable(dn.tf.tensor1d(start), true, `w_${Math.random().toString(36).slice(2)}`);
  const g = dn.tf.tensor1d(gradient);
  for (let step = 0; step < steps; step++) optimizer.applyGradients([[g, w]]);
  const values = Array.from(w.dataSync());
  dn.tf.dispose([w, g]);
  return values;
}

function expectClose(actual: number[], expected: number[], digits = 6): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index], digits));
}

/** A few rows of random 28×28 "images" and labels, for the notes' Fashion-MNIST layers. */
function randomImages(rows: number): [Tensor, Tensor] {
  return [dn.tf.randomUniform([rows, 28, 28]), dn.tf.tensor1d(Array.from({ length: rows }, (_, i) => i % 10), 'int32')];
}

describe('seed 003: clipping, fast optimizers, regularizers', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(42);
  });

  it('seed 003 [optimizer = SGD(clipvalue=1.0); model.compile(loss="mse", optimizer=optimizer)]: every element clipped to [-1, 1]', async () => {
    const optimizer = dn.optimizers.sgd({ clipValue: 1.0 });
    // SGD's default rate 0.01; gradient (5, -0.5) clipped to (1, -0.5)
    expectClose(stepsOf(optimizer, [1, 1], [5, -0.5], 1), [0.99, 1.005]);
    const before = dn.tf.memory().numTensors;
    const model = dn.sequential({ layers: [dn.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ loss: 'mse', optimizer });
    const x = dn.tf.tensor2d([[100, -100], [50, 20]]);
    const y = dn.tf.tensor2d([[1000], [-1000]]);
    const kernel = () => Array.from(model.layers[0].weights[0].read().dataSync());
    const kernelBefore = kernel();
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    // Huge gradients, yet no weight moves by more than lr × 1.
    kernel().forEach((value, index) => expect(Math.abs(value - kernelBefore[index])).toBeLessThanOrEqual(0.01 + 1e-6));
    dn.tf.dispose([x, y]);
    model.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
  });

  it('seed 003 [SGD(lr=0.001, momentum=0.9)]: m ← βm − ηg, θ ← θ + m', () => {
    const optimizer = dn.optimizers.sgd({ learningRate: 0.001, momentum: 0.9 });
    // g = 2 twice: m₁ = −0.002, θ₁ = 0.998; m₂ = 0.9·(−0.002) − 0.002 = −0.0038, θ₂ = 0.9942
    expectClose(stepsOf(optimizer, [1], [2], 2), [0.9942]);
    expect(optimizer.getConfig()).toMatchObject({ learning_rate: 0.001, momentum: 0.9, nesterov: false });
  });

  it('seed 003 [SGD(lr=0.001, momentum=0.9, nesterov=True)]: the gradient taken ahead, θ + βm', () => {
    const optimizer = dn.optimizers.sgd({ learningRate: 0.001, momentum: 0.9, nesterov: true });
    // Keras: θ ← θ + βm − ηg after m ← βm − ηg: 1 − 0.0018 − 0.002 = 0.9962, then 0.9962 − 0.00342 − 0.002
    expectClose(stepsOf(optimizer, [1], [2], 1), [0.9962]);
    expectClose(stepsOf(dn.optimizers.sgd({ learningRate: 0.001, momentum: 0.9, nesterov: true }), [1], [2], 2), [0.99078]);
  });

  it('seed 003 [RMSprop(lr=0.001, rho=0.9)]: s ← βs + (1 − β)g², θ ← θ − ηg / √(s + ε)', () => {
    const optimizer = dn.optimizers.rmsprop({ learningRate: 0.001, rho: 0.9 });
    // s = 0.1 · 4 = 0.4; θ = 1 − 0.001 · 2 / √0.4
    expectClose(stepsOf(optimizer, [1], [2], 1), [1 - 0.002 / Math.sqrt(0.4 + 1e-7)]);
  });

  it('seed 003 [Adam(lr=0.001, beta_1=0.9, beta_2=0.999)]: bias-corrected moments, the first step moves by η', () => {
    const optimizer = dn.optimizers.adam({ learningRate: 0.001, beta1: 0.9, beta2: 0.999 });
    // m̂ = g, ŝ = g² after one step: θ = 1 − 0.001 · 2 / (2 + ε)
    expectClose(stepsOf(optimizer, [1], [2], 1), [0.999], 6);
    // Second step with g = 1: m = 0.9·0.2 + 0.1 = 0.28, s = 0.999·0.004 + 0.001 = 0.004996
    const m = 0.28 / (1 - 0.81);
    const s = 0.004996 / (1 - 0.999 ** 2);
    const w = dn.tf.variable(dn.tf.tensor1d([1]));
    const second = dn.optimizers.adam({ learningRate: 0.001, beta1: 0.9, beta2: 0.999 });
    for (const g of [2, 1]) {
      const gradient = dn.tf.tensor1d([g]);
      second.applyGradients([[gradient, w]]);
      gradient.dispose();
    }
    expect(w.dataSync()[0]).toBeCloseTo(0.999 - (0.001 * m) / Math.sqrt(s), 5);
    w.dispose();
  });

  it('seed 003 [Dense(100, activation="elu", kernel_initializer="he_normal", kernel_regularizer=l2(0.01))]: loss gains 0.01·Σw²', () => {
    const layer = dn.layers.dense({ units: 100, activation: 'elu', kernelInitializer: 'he_normal', kernelRegularizer: dn.layers.regularizers.l2(0.01) });
    const x = dn.tf.randomNormal([4, 300]);
    const y = layer.apply(x) as Tensor;
    expect(y.shape).toEqual([4, 100]);
    const kernel = layer.getWeights()[0];
    const std = Math.sqrt(dn.tf.tidy(() => dn.tf.moments(kernel).variance).dataSync()[0]);
    expect(std).toBeGreaterThan(0.7 * Math.sqrt(2 / 300)); // He: σ = √(2 / fan_in), truncated
    expect(std).toBeLessThan(1.1 * Math.sqrt(2 / 300));
    const penalty = layer.losses.reduce((sum, loss) => sum + loss.dataSync()[0], 0);
    expect(penalty).toBeCloseTo(0.01 * dn.tf.tidy(() => kernel.square().sum()).dataSync()[0], 4);
    dn.tf.dispose([x, y, kernel]);
    layer.dispose();
  });

  it('seed 003 [Sequential([Flatten, Dropout(rate=0.2), Dense(300, elu, he_normal), Dropout, Dense(100), Dropout, Dense(10)])]', async () => {
    const model = dn.sequential({
      layers: [
        dn.layers.flatten({ inputShape: [28, 28] }),
        dn.layers.dropout({ rate: 0.2 }),
        dn.layers.dense({ units: 300, activation: 'elu', kernelInitializer: 'he_normal' }),
        dn.layers.dropout({ rate: 0.2 }),
        dn.layers.dense({ units: 100, activation: 'elu', kernelInitializer: 'he_normal' }),
        dn.layers.dropout({ rate: 0.2 }),
        dn.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    expect(model.countParams()).toBe(266610);
    model.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'nadam', metrics: ['accuracy'] });
    const [x, y] = randomImages(64);
    const history = await model.fit(x, y, { epochs: 3, verbose: 0 });
    expect(history.history.loss[2]).toBeLessThan(history.history.loss[0]);
    // Inference leaves every unit in: two predictions agree; training drops units: two calls differ.
    const before = dn.tf.memory().numTensors;
    const [first, second] = [model.predict(x) as Tensor, model.predict(x) as Tensor];
    expect(Array.from(first.dataSync())).toEqual(Array.from(second.dataSync()));
    dn.tf.dispose([first, second]);
    expect(dn.tf.memory().numTensors).toBe(before);
    // A dropped unit is 0, a kept one is scaled by 1 / (1 − 0.2): the mean stays 1.
    const ones = dn.tf.ones([200, 100]);
    const dropped = dn.layers.dropout({ rate: 0.2 }).apply(ones, { training: true }) as Tensor;
    const values = dropped.dataSync();
    const zeros = values.filter((v) => v === 0).length / values.length;
    expect(zeros).toBeGreaterThan(0.17);
    expect(zeros).toBeLessThan(0.23);
    expect(values.filter((v) => v !== 0).every((v) => Math.abs(v - 1.25) < 1e-6)).toBe(true);
    dn.tf.dispose([x, y, ones, dropped]);
    model.dispose();
  });

  it('seed 003 [Dense(100, activation="selu", kernel_initializer="lecun_normal", kernel_constraint=max_norm(1.))]: ‖w‖₂ ≤ 1 per unit', async () => {
    const maxNorm = dn.layers.constraints.maxNorm as unknown as (maxValue: number) => dn.layers.Constraint;
    const model = dn.sequential({
      layers: [dn.layers.dense({ units: 100, activation: 'selu', kernelInitializer: 'lecun_normal', kernelConstraint: maxNorm(1), inputShape: [20] }), dn.layers.dense({ units: 1 })],
    });
    model.compile({ loss: 'mse', optimizer: dn.optimizers.sgd({ learningRate: 0.5 }) });
    const x = dn.tf.randomNormal([64, 20]);
    const y = dn.tf.randomNormal([64, 1], 0, 10);
    await model.fit(x, y, { epochs: 2, verbose: 0 });
    const kernel = model.layers[0].getWeights()[0];
    // After each step every unit's incoming weights w (a column, axis 0) satisfy ‖w‖₂ ≤ r = 1.
    const norms = Array.from(dn.tf.tidy(() => kernel.square().sum(0).sqrt()).dataSync());
    expect(Math.max(...norms)).toBeLessThanOrEqual(1 + 1e-5);
    expect(Math.max(...norms)).toBeGreaterThan(0.999); // the constraint was binding
    dn.tf.dispose([x, y, kernel]);
    model.dispose();
  });
});

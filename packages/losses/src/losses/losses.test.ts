import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { BinaryCrossentropy, CategoricalCrossentropy, Huber, MeanSquaredError, SparseCategoricalCrossentropy, get, serialize } from './loss-classes';
import type { Loss } from './loss';

const EPS = 1e-7;
const clip = (p: number) => Math.min(Math.max(p, EPS), 1 - EPS);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Runs a loss on small arrays and returns its per-sample values (reduction none) as numbers. */
function perSample(name: string, yTrue: number[][], yPred: number[][], config: Record<string, unknown> = {}): number[] {
  return tf.tidy(() => {
    const loss = get({ class_name: name, config: { ...config, reduction: 'none' } });
    return Array.from(loss.apply(tf.tensor2d(yTrue), tf.tensor2d(yPred)).dataSync());
  });
}

describeEachBackend('losses', () => {
  const yTrue = [[0, 1], [1, 0], [1, 1]];
  const yPred = [[0.2, 0.7], [0.9, 0.4], [1, 0]];
  const rows = (f: (t: number, p: number) => number) => yTrue.map((row, i) => mean(row.map((t, j) => f(t, yPred[i][j]))));

  it.each([
    ['MeanSquaredError', (t: number, p: number) => (t - p) ** 2],
    ['MeanAbsoluteError', (t: number, p: number) => Math.abs(t - p)],
    ['MeanAbsolutePercentageError', (t: number, p: number) => (100 * Math.abs(t - p)) / Math.max(Math.abs(t), EPS)],
    ['MeanSquaredLogarithmicError', (t: number, p: number) => (Math.log1p(Math.max(p, EPS)) - Math.log1p(Math.max(t, EPS))) ** 2],
    ['Hinge', (t: number, p: number) => Math.max(1 - (t === 0 ? -1 : t) * p, 0)],
    ['SquaredHinge', (t: number, p: number) => Math.max(1 - (t === 0 ? -1 : t) * p, 0) ** 2],
    ['Poisson', (t: number, p: number) => p - t * Math.log(p + EPS)],
    ['Huber', (t: number, p: number) => (Math.abs(p - t) <= 1 ? 0.5 * (p - t) ** 2 : Math.abs(p - t) - 0.5)],
    ['BinaryCrossentropy', (t: number, p: number) => -(t * Math.log(clip(p)) + (1 - t) * Math.log(1 - clip(p)))],
  ] as const)('%s equals its formula, probabilities of 0 and 1 included', async (name, f) => {
    const values = await expectNoLeakedTensors(() => perSample(name, yTrue, yPred));
    expectArraysClose(values, rows(f), 1e-4);
    expect(values.every(Number.isFinite)).toBe(true);
  });

  it('categorical crossentropy, KLD, cosine similarity and categorical hinge equal their formulas', () => {
    const t = [[0, 1, 0], [0.2, 0.3, 0.5]];
    const p = [[0.1, 0.8, 0.1], [0.25, 0.25, 0.5]];
    const cce = t.map((row, i) => -row.reduce((s, ti, j) => s + ti * Math.log(clip(p[i][j])), 0));
    expectArraysClose(perSample('CategoricalCrossentropy', t, p), cce, 1e-5);
    const kl = t.map((row, i) => row.reduce((s, ti, j) => s + Math.max(ti, EPS) * Math.log(Math.max(ti, EPS) / Math.max(p[i][j], EPS)), 0));
    expectArraysClose(perSample('KLDivergence', t, p), kl, 1e-4);
    const norm = (v: number[]) => Math.hypot(...v);
    const cos = t.map((row, i) => -row.reduce((s, ti, j) => s + ti * p[i][j], 0) / (norm(row) * norm(p[i])));
    expectArraysClose(perSample('CosineSimilarity', t, p), cos, 1e-5);
    const hinge = t.map((row, i) => Math.max(Math.max(...row.map((ti, j) => (1 - ti) * p[i][j])) - row.reduce((s, ti, j) => s + ti * p[i][j], 0) + 1, 0));
    expectArraysClose(perSample('CategoricalHinge', t, p), hinge, 1e-5);
  });

  it('agrees between logits and probabilities, and stays finite for large logits', () => {
    const logits = tf.tensor2d([[2, -1, 0.5], [100, -100, 0]]);
    const labels = tf.tensor2d([[0, 0, 1], [1, 0, 0]]);
    const fromLogits = tf.tidy(() => new CategoricalCrossentropy({ fromLogits: true }).apply(labels, logits).dataSync()[0]);
    const fromProbabilities = tf.tidy(() => new CategoricalCrossentropy().apply(labels, tf.softmax(logits)).dataSync()[0]);
    expect(fromLogits).toBeCloseTo(fromProbabilities, 4);
    const sparse = tf.tidy(() => new SparseCategoricalCrossentropy({ fromLogits: true }).apply(tf.tensor1d([2, 0], 'int32'), logits).dataSync()[0]);
    expect(sparse).toBeCloseTo(fromLogits, 5);
    const binaryLogits = tf.tensor2d([[100], [-100], [0.3]]);
    const binaryLabels = tf.tensor2d([[0], [0], [1]]);
    const bce = tf.tidy(() => new BinaryCrossentropy({ fromLogits: true, reduction: 'none' }).apply(binaryLabels, binaryLogits).dataSync());
    expectArraysClose(bce, [100, 0, Math.log1p(Math.exp(-0.3))], 1e-5);
    const gradients = tf.tidy(() => tf.grad((x: tf.Tensor) => new BinaryCrossentropy({ fromLogits: true }).apply(binaryLabels, x))(binaryLogits).dataSync());
    expect(Array.from(gradients).every(Number.isFinite)).toBe(true);
    tf.dispose([logits, labels, binaryLogits, binaryLabels]);
  });

  it('smooths labels as Keras', () => {
    // Binary: y → y·0.8 + 0.1; categorical over 2 classes: y → y·0.8 + 0.1.
    const binary = perSample('BinaryCrossentropy', [[1]], [[0.7]], { label_smoothing: 0.2 });
    expectArraysClose(binary, [-(0.9 * Math.log(0.7) + 0.1 * Math.log(0.3))], 1e-5);
    const categorical = perSample('CategoricalCrossentropy', [[0, 1]], [[0.4, 0.6]], { label_smoothing: 0.2 });
    expectArraysClose(categorical, [-(0.1 * Math.log(0.4) + 0.9 * Math.log(0.6))], 1e-5);
  });

  it('reduces by sum over batch size, sum or none, with sample weights and a batch of one', () => {
    const t = tf.tensor2d([[1], [2], [3]]);
    const p = tf.tensor2d([[2], [2], [5]]); // squared errors 1, 0, 4
    const weights = tf.tensor1d([2, 1, 0.5]);
    const value = (loss: Loss, w?: tf.Tensor) => Array.from(tf.tidy(() => loss.apply(t, p, w)).dataSync());
    expectArraysClose(value(new MeanSquaredError()), [5 / 3]);
    expectArraysClose(value(new MeanSquaredError({ reduction: 'sum' })), [5]);
    expectArraysClose(value(new MeanSquaredError({ reduction: 'none' })), [1, 0, 4]);
    expectArraysClose(value(new MeanSquaredError(), weights), [(2 + 0 + 2) / 3]);
    const one = tf.tidy(() => new MeanSquaredError().apply(tf.tensor2d([[1]]), tf.tensor2d([[4]])).dataSync()[0]);
    expect(one).toBeCloseTo(9, 6);
    tf.dispose([t, p, weights]);
  });

  it('names mismatched shapes and bad arguments', () => {
    const a = tf.zeros([4, 3]);
    const b = tf.zeros([4, 2]);
    expect(() => get('categorical_crossentropy').apply(a, b)).toThrow(
      'Expected yTrue and yPred to have compatible shapes, received [4, 3] and [4, 2] in loss "categorical_crossentropy"',
    );
    expect(() => get('sparse_categorical_crossentropy').apply(tf.zeros([3]), b)).toThrow(/Expected yTrue of shape \[4\] \(or with a trailing 1\) to go with yPred of shape \[4, 2\], received \[3\]/);
    expect(() => new BinaryCrossentropy({ labelSmoothing: 2 })).toThrow('Expected labelSmoothing to be in [0, 1], received 2 in loss "binary_crossentropy"');
    expect(() => new Huber({ delta: 0 })).toThrow('Expected delta to be > 0, received 0 in loss "huber_loss"');
    expect(() => new MeanSquaredError({ reduction: 'mean' as never })).toThrow(/Expected reduction to be one of sum_over_batch_size, sum, none, received "mean"/);
    tf.dispose([a, b]);
  });
});

it('resolves every Keras spelling and alias, and round-trips configs', () => {
  for (const name of ['binary_crossentropy', 'binaryCrossentropy', 'BinaryCrossentropy', 'bce']) expect(get(name)).toBeInstanceOf(BinaryCrossentropy);
  expect(get('mse')).toBeInstanceOf(MeanSquaredError);
  expect(get('mae').className).toBe('MeanAbsoluteError');
  expect(get('kld').className).toBe('KLDivergence');
  const config = serialize(new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 }));
  expect(config).toEqual({ class_name: 'CategoricalCrossentropy', config: { name: 'categorical_crossentropy', reduction: 'sum_over_batch_size', from_logits: true, label_smoothing: 0.1, axis: -1 } });
  expect(serialize(get(config))).toEqual(config);
  expect(() => get('mean_squared_eror')).toThrow(/^Unknown loss "mean_squared_eror": expected one of MeanSquaredError/);
  const custom = get(function squaredSum(t: tf.Tensor, p: tf.Tensor) {
    return tf.sum(tf.square(tf.sub(t, p)), -1);
  });
  expect(custom.name).toBe('squaredSum');
});

it('names NaN or infinite labels', async () => {
  const { validateLabels } = await import('./validate-labels');
  expect(() => validateLabels([0, 1, Number.NaN], 'loss "mse"')).toThrow('Expected finite labels in loss "mse", received NaN at flat index 2');
  expect(() => validateLabels(Float32Array.of(Infinity), 'y')).toThrow('Expected finite labels in y, received Infinity at flat index 0');
  expect(() => validateLabels([0, 1], 'y')).not.toThrow();
});

import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { EPS32, read } from '../testing/read';
import { meanAbsoluteError } from './mean-absolute-error';
import { meanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { logCosh } from './log-cosh';
import { poisson } from './poisson';
import { kullbackLeiblerDivergence } from './kl-divergence';
import { categoricalHinge, hinge, squaredHinge } from './hinge';

// [2, 2, 3]: reducing axis 1 instead of the last would give [2, 3], not [2, 2].
const Y = [[[0.2, 0.5, 0.3], [0.9, 0.05, 0.05]], [[0.1, 0.1, 0.8], [0.4, 0.4, 0.2]]];
const P = [[[0.3, 0.3, 0.4], [0.6, 0.2, 0.2]], [[0.25, 0.05, 0.7], [0.1, 0.5, 0.4]]];
const SIGNS = [[[1, -1, 1], [-1, -1, 1]], [[1, 1, -1], [-1, 1, 1]]];
const SCORES = [[[0.5, -2, 0.3], [1.5, 0.2, -0.4]], [[2, 0.9, 0.1], [-1, 0.3, 1.2]]];
const ONE_HOT = [[[0, 1, 0], [1, 0, 0]], [[0, 0, 1], [0, 1, 0]]];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Each row of the last axis reduced by hand: [2, 2] values. */
const byRow = (y: number[][][], p: number[][][], reduce: (yRow: number[], pRow: number[]) => number) => y.flatMap((block, i) => block.map((row, j) => reduce(row, p[i][j])));
const clip = (x: number) => Math.min(Math.max(x, EPS32), 1);

type Case = [string, (t: tf.Tensor, p: tf.Tensor) => tf.Tensor, number[][][], number[][][], (y: number[], p: number[]) => number];
const CASES: Case[] = [
  ['mean_absolute_error', meanAbsoluteError, Y, P, (y, p) => mean(y.map((v, k) => Math.abs(v - p[k])))],
  ['mean_absolute_percentage_error', meanAbsolutePercentageError, Y, P, (y, p) => mean(y.map((v, k) => (100 * Math.abs(v - p[k])) / Math.max(Math.abs(v), EPS32)))],
  ['mean_squared_logarithmic_error', meanSquaredLogarithmicError, Y, P, (y, p) => mean(y.map((v, k) => (Math.log1p(Math.max(p[k], EPS32)) - Math.log1p(Math.max(v, EPS32))) ** 2))],
  ['log_cosh', logCosh, Y, P, (y, p) => mean(y.map((v, k) => Math.log(Math.cosh(p[k] - v))))],
  ['poisson', poisson, Y, P, (y, p) => mean(y.map((v, k) => p[k] - v * Math.log(p[k] + EPS32)))],
  ['kl_divergence', kullbackLeiblerDivergence, Y, P, (y, p) => sum(y.map((v, k) => clip(v) * Math.log(clip(v) / clip(p[k]))))],
  ['hinge', hinge, SIGNS, SCORES, (y, p) => mean(y.map((v, k) => Math.max(1 - v * p[k], 0)))],
  ['squared_hinge', squaredHinge, SIGNS, SCORES, (y, p) => mean(y.map((v, k) => Math.max(1 - v * p[k], 0) ** 2))],
  ['categorical_hinge', categoricalHinge, ONE_HOT, SCORES, (y, p) => Math.max(Math.max(...y.map((v, k) => (1 - v) * p[k])) - sum(y.map((v, k) => v * p[k])) + 1, 0)],
];

describeEachBackend('the losses on rank 3', () => {
  it.each(CASES)('%s reduces the last axis (Keras’s formula by hand)', (_, fn, y, p, reduce) => {
    const [yTrue, yPred] = [tf.tensor3d(y), tf.tensor3d(p)];
    const values = fn(yTrue, yPred);
    expect(values.shape).toEqual([2, 2]);
    expectArraysClose(read(values), byRow(y, p, reduce), 1e-5);
    tf.dispose([yTrue, yPred]);
  });
});

import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { gruCell } from './gru-cell';
import { lstmCell } from './lstm-cell';
import type { RNNCell } from './rnn-cell';
import { simpleRNNCell } from './simple-rnn-cell';

afterEach(() => resetUniqueNames());

// One step of each cell with dropout masks given by hand, against Keras 2's implementation 1
// (one mask per gate block when recurrent dropout is on) written out in plain numbers. The masks
// hold distinct values (not 0 and 1/(1 − rate)), so a mask applied to the wrong block, or not at
// all, changes the result.
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
const times = (v: number[], m: number[][]) => m[0].map((_, k) => v.reduce((sum, vi, i) => sum + vi * m[i][k], 0));
const rows = (values: Float32Array, columns: number) => Array.from({ length: values.length / columns }, (_, r) => Array.from(values.slice(r * columns, (r + 1) * columns)));
const mul = (a: number[], b: number[]) => a.map((v, k) => v * b[k]);
const add = (...vectors: number[][]) => vectors[0].map((_, k) => vectors.reduce((sum, v) => sum + v[k], 0));
const columns = (m: number[][], from: number, to: number) => m.map((row) => row.slice(from, to));

const [batch, features, units] = [2, 3, 2];
const x = rows(seededArray(batch * features, 31), features);
const h = rows(seededArray(batch * units, 32), units);
const c = rows(seededArray(batch * units, 33), units);
/** `count` masks of `[batch, size]` with values in [0.2, 2]. */
const masks = (count: number, size: number, seed: number) => Array.from({ length: count }, (_, g) => rows(seededArray(batch * size, seed + g, 0.2, 2), size));

interface Case {
  name: string;
  make: () => RNNCell;
  gates: number;
  /** The bias's rows: one, or GRU's two (input, recurrent) with resetAfter. */
  biasRows: number;
  /** Made with useBias false (the equations then read a zero bias). */
  noBias?: boolean;
  /** The next output and states of one sample from its x, h, c and its masks (one per gate). */
  step: (W: number[][], U: number[][], b: number[][], xs: number[][], hs: number[][], cj: number[]) => { output: number[]; states: number[][] };
}

const cases: Case[] = [
  {
    name: 'SimpleRNNCell',
    make: () => simpleRNNCell({ units }),
    gates: 1,
    biasRows: 1,
    step: (W, U, b, xs, hs) => {
      const output = add(times(xs[0], W), b[0], times(hs[0], U)).map(Math.tanh);
      return { output, states: [output] };
    },
  },
  {
    name: 'LSTMCell',
    make: () => lstmCell({ units }),
    gates: 4,
    biasRows: 1,
    step: (W, U, b, xs, hs, cj) => {
      const z = (g: number) => add(times(xs[g], columns(W, g * units, (g + 1) * units)), b[0].slice(g * units, (g + 1) * units), times(hs[g], columns(U, g * units, (g + 1) * units)));
      const [i, f, o] = [z(0).map(sigmoid), z(1).map(sigmoid), z(3).map(sigmoid)];
      const carry = add(mul(f, cj), mul(i, z(2).map(Math.tanh)));
      const output = mul(o, carry.map(Math.tanh));
      return { output, states: [output, carry] };
    },
  },
  {
    name: 'GRUCell, reset after',
    make: () => gruCell({ units }),
    gates: 3,
    biasRows: 2,
    step: (W, U, b, xs, hs) => {
      const fromX = (g: number) => add(times(xs[g], columns(W, g * units, (g + 1) * units)), b[0].slice(g * units, (g + 1) * units));
      const fromH = (g: number) => add(times(hs[g], columns(U, g * units, (g + 1) * units)), b[1].slice(g * units, (g + 1) * units));
      const z = add(fromX(0), fromH(0)).map(sigmoid);
      const r = add(fromX(1), fromH(1)).map(sigmoid);
      const candidate = add(fromX(2), mul(r, fromH(2))).map(Math.tanh);
      const output = add(mul(z, hs[3]), mul(z.map((v) => 1 - v), candidate));
      return { output, states: [output] };
    },
  },
  {
    name: 'GRUCell, reset before',
    make: () => gruCell({ units, resetAfter: false }),
    gates: 3,
    biasRows: 1,
    step: (W, U, b, xs, hs) => {
      const fromX = (g: number) => add(times(xs[g], columns(W, g * units, (g + 1) * units)), b[0].slice(g * units, (g + 1) * units));
      const fromH = (g: number) => times(hs[g], columns(U, g * units, (g + 1) * units));
      const z = add(fromX(0), fromH(0)).map(sigmoid);
      const r = add(fromX(1), fromH(1)).map(sigmoid);
      const candidate = add(fromX(2), times(mul(r, hs[2]), columns(U, 2 * units, 3 * units))).map(Math.tanh);
      const output = add(mul(z, hs[3]), mul(z.map((v) => 1 - v), candidate));
      return { output, states: [output] };
    },
  },
];
// GRU's two bias rows are sliced apart: without a bias there is nothing to slice.
cases.push(
  { ...cases[2], name: 'GRUCell, reset after, no bias', make: () => gruCell({ units, useBias: false }), noBias: true },
  { ...cases[3], name: 'GRUCell, reset before, no bias', make: () => gruCell({ units, resetAfter: false, useBias: false }), noBias: true },
);

describeEachBackend('the cells with dropout masks given', () => {
  it.each(cases.flatMap((testCase) => (['none', 'one', 'per gate'] as const).map((kind) => [`${testCase.name}, masks: ${kind}`, testCase, kind] as const)))(
    '%s: one step follows the equations with each mask on its block',
    async (_name, { make, gates, biasRows, noBias, step }, kind) => {
      const cell = make();
      cell.build([batch, features]);
      const width = gates * units;
      const W = rows(seededArray(features * width, 41), width);
      const U = rows(seededArray(units * width, 42), width);
      const b = rows(noBias ? new Float32Array(biasRows * width) : seededArray(biasRows * width, 43), width);
      cell.setWeights([tf.tensor2d(W), tf.tensor2d(U), ...(noBias ? [] : [biasRows === 1 ? tf.tensor1d(b[0]) : tf.tensor2d(b)])]);
      const count = kind === 'per gate' ? gates : 1;
      const inputMasks = kind === 'none' ? null : masks(count, features, 50);
      const recurrentMasks = kind === 'none' ? null : masks(count, units, 60);
      const statesGiven = cell.stateSize.length === 2 ? [h, c] : [h];
      const expected = x.map((xj, j) => {
        const maskOf = (list: number[][][] | null, g: number) => (list === null ? undefined : list[list.length === 1 ? 0 : g][j]);
        const xs = Array.from({ length: gates }, (_, g) => (maskOf(inputMasks, g) ? mul(xj, maskOf(inputMasks, g)!) : xj));
        // The fourth entry is h unmasked (GRU's h_t = z·h + (1 − z)·ĥ reads the state as it came).
        const hs = [...Array.from({ length: gates }, (_, g) => (maskOf(recurrentMasks, g) ? mul(h[j], maskOf(recurrentMasks, g)!) : h[j])), h[j]];
        return step(W, U, b, xs, gates === 3 ? hs : hs.slice(0, gates), c[j]);
      });
      await expectNoLeakedTensors(() => {
        const inputTensors = inputMasks?.map((m) => tf.tensor2d(m)) ?? null;
        const recurrentTensors = recurrentMasks?.map((m) => tf.tensor2d(m)) ?? null;
        const states = statesGiven.map((s) => tf.tensor2d(s));
        const xt = tf.tensor2d(x);
        const projected = tf.tidy(() => tf.squeeze(cell.projectInputs(tf.expandDims(xt, 1), inputTensors), [1]));
        const result = tf.tidy(() => {
          const { output, states: next } = cell.step(projected, states, recurrentTensors, cell.stepWeights(recurrentTensors));
          return [output, ...next];
        });
        expectArraysClose(result[0], expected.flatMap((e) => e.output), 1e-5);
        expect(result.length - 1).toBe(statesGiven.length);
        result.slice(1).forEach((state, s) => expectArraysClose(state, expected.flatMap((e) => e.states[s]), 1e-5));
        tf.dispose([...result, projected, xt, ...states, ...(inputTensors ?? []), ...(recurrentTensors ?? [])]);
      });
      cell.dispose();
    },
  );
});

describeEachBackend('the cells’ dropout masks', () => {
  // 40 × 50 entries a mask: the fraction dropped is within 5 σ (≈ 0.05) of the rate, which a
  // mask at the other rate (0.25 against 0.4) fails.
  it.each([
    ['SimpleRNNCell', () => simpleRNNCell({ units: 50, dropout: 0.25, recurrentDropout: 0.4, seed: 5 }), 1],
    ['LSTMCell', () => lstmCell({ units: 50, dropout: 0.25, recurrentDropout: 0.4, seed: 5 }), 4],
    ['GRUCell', () => gruCell({ units: 50, dropout: 0.25, recurrentDropout: 0.4, seed: 5 }), 3],
  ] as const)('%s: inverted dropout at each rate, one mask per gate block with recurrent dropout, fresh each sequence', async (_name, make, gates) => {
    const cell = make();
    // Made in a tidy, as the RNN layer's call does (outside one: the test 'made outside a tidy' below).
    await expectNoLeakedTensors(() => tf.tidy(() => {
      const first = cell.dropoutMasks(40, 50);
      const second = cell.dropoutMasks(40, 50);
      for (const [masks, rate] of [[first.inputs, 0.25], [first.recurrent, 0.4]] as const) {
        expect(masks).toHaveLength(gates);
        const values = masks!.map((mask) => {
          expect(mask.shape).toEqual([40, 50]);
          return Array.from(mask.dataSync());
        });
        const all = values.flat();
        expect(new Set(all.map((v) => v.toFixed(5)))).toEqual(new Set([0, 1 / (1 - rate)].map((v) => v.toFixed(5))));
        const dropped = all.filter((v) => v === 0).length / all.length;
        expect(Math.abs(dropped - rate)).toBeLessThan(5 * Math.sqrt((rate * (1 - rate)) / all.length));
        // Each gate block draws its own mask.
        for (let g = 1; g < gates; g++) expect(values[g]).not.toEqual(values[0]);
      }
      expect(Array.from(second.inputs![0].dataSync())).not.toEqual(Array.from(first.inputs![0].dataSync()));
    }));
  });

  it.each([
    ['LSTMCell', () => lstmCell({ units: 3, dropout: 0.5 })],
    ['GRUCell', () => gruCell({ units: 3, dropout: 0.5 })],
    ['SimpleRNNCell', () => simpleRNNCell({ units: 3, dropout: 0.5 })],
  ] as const)('%s: without recurrent dropout, one input mask for all gates and no recurrent mask; none at all without dropout', async (_name, make) => {
    const cell = make();
    await expectNoLeakedTensors(() => tf.tidy(() => {
      const masks = cell.dropoutMasks(2, 4);
      expect(masks.inputs).toHaveLength(1);
      expect(masks.recurrent).toBeNull();
    }));
    const plain = lstmCell({ units: 3 }).dropoutMasks(2, 4);
    expect(plain).toEqual({ inputs: null, recurrent: null });
  });

  it.each([
    ['SimpleRNNCell', () => simpleRNNCell({ units: 3, dropout: 0.25, recurrentDropout: 0.4, seed: 5 }), 2],
    ['LSTMCell', () => lstmCell({ units: 3, dropout: 0.25, recurrentDropout: 0.4, seed: 5 }), 8],
    ['GRUCell', () => gruCell({ units: 3, dropout: 0.25, recurrentDropout: 0.4, seed: 5 }), 6],
  ] as const)('%s: made outside a tidy, the masks are the only tensors left', (_name, make, count) => {
    const cell = make();
    const before = tf.memory().numTensors;
    const masks = cell.dropoutMasks(2, 4);
    const made = [...masks.inputs!, ...masks.recurrent!];
    expect(made).toHaveLength(count);
    expect(tf.memory().numTensors - before).toBe(count);
    tf.dispose(made);
    expect(tf.memory().numTensors).toBe(before);
  });
});

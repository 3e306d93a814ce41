import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { deserializeLayer } from '../engine/layer-registry';
import { SlicingOpLambda, TFOpLambda, type TFOpCall } from './tf-op-lambda';

afterEach(() => resetUniqueNames());

/** erf by Abramowitz & Stegun 7.1.26 (error below 1.5e-7). */
function erf(v: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(v));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return Math.sign(v) * (1 - poly * Math.exp(-v * v));
}

const T0 = { __tensor__: 0 };
const T1 = { __tensor__: 1 };
const slice = (start: number | null, stop: number | null, step: number | null = null) => ({ start, stop, step });
const ELLIPSIS = { class_name: '__ellipsis__' };

/** Runs `fn` on `inputs` with `call`, checks it against `expected` (plain tf ops) and frees everything. */
function expectOp(fn: string, inputs: tf.Tensor[], call: TFOpCall, expected: (xs: tf.Tensor[]) => tf.Tensor): void {
  const layer = fn === '__operators__.getitem' ? new SlicingOpLambda({ function: fn }) : new TFOpLambda({ function: fn });
  const got = layer.apply(inputs, { opCall: call });
  const want = tf.tidy(() => expected(inputs));
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  expectArraysClose(got, want, 1e-6);
  tf.dispose([got, want]);
}

describeEachBackend('TFOpLambda', () => {
  const x = () => tf.tensor2d([[1, -2, 3, 0.5], [4, 5, -6, 2]]);
  const y = () => tf.tensor2d([[0.5, 1, 2, 3], [-1, 2, 1, 4]]);

  it('runs arithmetic operators with a constant or a tensor as the other operand', () => {
    const [a, b] = [x(), y()];
    const before = tf.memory().numTensors;
    expectOp('__operators__.add', [a], { first: T0, kwargs: { y: 1, name: null } }, ([t]) => tf.add(t, 1));
    expectOp('math.add', [a, b], { first: T0, kwargs: { y: T1, name: null } }, ([t, u]) => tf.add(t, u));
    expectOp('math.subtract', [a], { first: 3, kwargs: { y: T0, name: null } }, ([t]) => tf.sub(3, t));
    expectOp('math.multiply', [a], { first: T0, kwargs: { y: 2, name: null } }, ([t]) => tf.mul(t, 2));
    expectOp('math.truediv', [a, b], { first: T0, kwargs: { y: T1, name: null } }, ([t, u]) => tf.div(t, u));
    expectOp('math.pow', [a], { first: T0, kwargs: { y: 2, name: null } }, ([t]) => tf.square(t));
    expectOp('math.negative', [a], { first: T0, kwargs: { name: null } }, ([t]) => tf.neg(t));
    expectOp('math.maximum', [a, b], { first: T0, kwargs: { y: T1 } }, ([t, u]) => tf.maximum(t, u));
    expectOp('math.minimum', [a], { first: T0, kwargs: { y: 0 } }, ([t]) => tf.minimum(t, 0));
    // A constant array operand, as tf.keras writes `x * np.array([...])`.
    expectOp('math.multiply', [a], { first: T0, kwargs: { y: [[2, 3, 4, 5]], name: null } }, ([t]) => tf.mul(t, tf.tensor2d([[2, 3, 4, 5]])));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });

  it('runs elementwise math and nn ops', () => {
    const a = tf.abs(x());
    for (const [fn, op] of [
      ['math.exp', tf.exp], ['math.log', tf.log], ['math.sqrt', tf.sqrt], ['math.square', tf.square], ['math.abs', tf.abs],
      ['math.tanh', tf.tanh], ['math.sigmoid', tf.sigmoid], ['nn.relu', tf.relu], ['nn.sigmoid', tf.sigmoid],
    ] as const) {
      expectOp(fn, [a], { first: T0, kwargs: { name: null } }, ([t]) => op(t));
    }
    for (const [fn, op] of [
      ['math.rsqrt', tf.rsqrt], ['math.reciprocal', tf.reciprocal], ['math.sin', tf.sin], ['math.cos', tf.cos], ['math.erf', tf.erf],
      ['math.floor', tf.floor], ['math.ceil', tf.ceil], ['math.round', tf.round], ['math.sign', tf.sign], ['math.softplus', tf.softplus],
      ['nn.relu6', tf.relu6], ['nn.elu', tf.elu], ['nn.selu', tf.selu], ['nn.silu', (t: tf.Tensor) => tf.mul(t, tf.sigmoid(t))], ['nn.swish', (t: tf.Tensor) => tf.mul(t, tf.sigmoid(t))],
    ] as const) {
      expectOp(fn, [a], { first: T0, kwargs: { name: null } }, ([t]) => op(t));
    }
    const signed = x();
    expectOp('nn.leaky_relu', [signed], { first: T0, kwargs: { alpha: 0.3 } }, ([t]) => tf.leakyRelu(t, 0.3));
    // GELU by its formula, exact: x Φ(x); approximate: 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))).
    const phi = (v: number) => 0.5 * (1 + erf(v / Math.SQRT2));
    const values = Array.from(signed.dataSync());
    expectOp('nn.gelu', [signed], { first: T0, kwargs: { approximate: false } }, () => tf.tensor2d(values.map((v) => v * phi(v)), [2, 4]));
    expectOp('nn.gelu', [signed], { first: T0, kwargs: { approximate: true } }, () =>
      tf.tensor2d(values.map((v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)))), [2, 4]),
    );
    expectOp('math.l2_normalize', [signed], { first: T0, kwargs: { axis: 1 } }, ([t]) => tf.div(t, tf.norm(t, 2, 1, true)));
    expectOp('tile', [signed], { first: T0, kwargs: { multiples: [2, 1] } }, ([t]) => tf.concat([t, t], 0));
    signed.dispose();
    expectOp('nn.softmax', [a], { first: T0, kwargs: { axis: null, name: null } }, ([t]) => tf.softmax(t));
    expectOp('nn.softmax', [a], { first: T0, kwargs: { axis: 0, name: null } }, ([t]) => tf.exp(t).div(tf.exp(t).sum(0)));
    a.dispose();
  });

  it('runs reductions, shape ops, matmul, cast and clip_by_value', () => {
    const [a, b] = [x(), y()];
    expectOp('math.reduce_mean', [a], { first: T0, kwargs: { axis: 1, keepdims: true, name: null } }, ([t]) => tf.mean(t, 1, true));
    expectOp('math.reduce_sum', [a], { first: T0, kwargs: { axis: null, keepdims: false, name: null } }, ([t]) => tf.sum(t));
    expectOp('math.reduce_max', [a], { first: T0, kwargs: { axis: [0], keepdims: false } }, ([t]) => tf.max(t, 0));
    expectOp('math.reduce_min', [a], { first: T0, kwargs: { axis: -1 } }, ([t]) => tf.min(t, -1));
    expectOp('math.reduce_prod', [a], { first: T0, kwargs: { axis: 1 } }, ([t]) => tf.prod(t, 1));
    expectOp('reshape', [a], { first: T0, kwargs: { shape: [-1, 2, 2], name: null } }, ([t]) => tf.reshape(t, [2, 2, 2]));
    expectOp('transpose', [a], { first: T0, kwargs: { perm: [1, 0], conjugate: false, name: 'transpose' } }, ([t]) => tf.transpose(t));
    expectOp('concat', [a, b], { first: [T0, T1], kwargs: { axis: -1, name: 'concat' } }, ([t, u]) => tf.concat([t, u], -1));
    expectOp('stack', [a, b], { first: [T0, T1], kwargs: { axis: 1 } }, ([t, u]) => tf.stack([t, u], 1));
    expectOp('expand_dims', [a], { first: T0, kwargs: { axis: -1 } }, ([t]) => tf.expandDims(t, -1));
    expectOp('squeeze', [a], { first: { __tensor__: 0 }, kwargs: { axis: null } }, ([t]) => tf.squeeze(t));
    const column = tf.ones([2, 1, 3]);
    expectOp('compat.v1.squeeze', [column], { first: T0, kwargs: { axis: [1], name: null } }, ([t]) => tf.squeeze(t, [1]));
    expectOp('squeeze', [column], { first: T0, kwargs: { axis: -2 } }, ([t]) => tf.squeeze(t, [1]));
    column.dispose();
    expectOp('linalg.matmul', [a, b], { first: T0, kwargs: { b: T1, transpose_b: true } }, ([t, u]) => tf.matMul(t, u, false, true));
    expectOp('cast', [a], { first: T0, kwargs: { dtype: 'int32' } }, ([t]) => tf.cast(t, 'int32'));
    expectOp('clip_by_value', [a], { first: T0, kwargs: { clip_value_min: -1, clip_value_max: 2 } }, ([t]) => tf.clipByValue(t, -1, 2));
    tf.dispose([a, b]);
  });

  it('slices with ints, slices, ellipsis and newaxis as TF does', () => {
    const a = tf.range(0, 24).reshape([2, 3, 4]);
    const get = (spec: unknown, expected: (t: tf.Tensor) => tf.Tensor) => expectOp('__operators__.getitem', [a], { first: T0, kwargs: { slice_spec: spec, var: null } }, ([t]) => expected(t));
    get([slice(null, null), slice(1, 3)], (t) => t.slice([0, 1, 0], [2, 2, 4]));
    get([slice(null, null), 0], (t) => t.slice([0, 0, 0], [2, 1, 4]).reshape([2, 4]));
    get([ELLIPSIS, -1], (t) => t.slice([0, 0, 3], [2, 3, 1]).reshape([2, 3]));
    get([ELLIPSIS, null], (t) => t.expandDims(-1));
    get([slice(null, null), slice(null, null, 2), slice(-2, null)], (t) => tf.stack([t.slice([0, 0, 2], [2, 1, 2]).squeeze([1]), t.slice([0, 2, 2], [2, 1, 2]).squeeze([1])], 1));
    get(slice(1, null), (t) => t.slice([1, 0, 0], [1, 3, 4]));
    a.dispose();
  });

  it('infers output shapes and dtypes on symbolic tensors, an unknown batch kept unknown', () => {
    const features = input({ shape: [3, 4] });
    const shapeOf = (fn: string, call: TFOpCall) => {
      const out = (fn === '__operators__.getitem' ? new SlicingOpLambda({ function: fn }) : new TFOpLambda({ function: fn })).apply([features], { opCall: call });
      return [out.shape, out.dtype];
    };
    expect(shapeOf('reshape', { first: T0, kwargs: { shape: [-1, 12] } })).toEqual([[null, 12], 'float32']);
    expect(shapeOf('math.reduce_mean', { first: T0, kwargs: { axis: 1, keepdims: true } })).toEqual([[null, 1, 4], 'float32']);
    expect(shapeOf('__operators__.getitem', { first: T0, kwargs: { slice_spec: [slice(null, null), 0] } })).toEqual([[null, 4], 'float32']);
    expect(shapeOf('cast', { first: T0, kwargs: { dtype: 'int64' } })).toEqual([[null, 3, 4], 'int32']);
  });

  it('finds the output shape of a reshape that unknown sizes of 2 and 3 cannot make', () => {
    const sequence = input({ shape: [null, 2] });
    const out = new TFOpLambda({ function: 'reshape' }).apply([sequence], { opCall: { first: T0, kwargs: { shape: [-1, 4] } } });
    expect(out.shape).toEqual([null, 4]);
  });
});

it('refuses an op Dendrite has no counterpart for, by name', () => {
  expect(() => new TFOpLambda({ name: 'tf.linalg.svd', function: 'linalg.svd' })).toThrow(/Unsupported TF op "linalg.svd" in layer "tf.linalg.svd": Dendrite runs .*math.add/);
  expect(() => new SlicingOpLambda({ function: 'math.add' })).toThrow(/Unsupported TF op "math.add"/);
  expect(() => deserializeLayer({ class_name: 'TFOpLambda', config: { name: 'tf.signal.fft', function: 'signal.fft', trainable: true, dtype: 'float32' } })).toThrow(/"signal.fft"/);
});

it('is named after its op as Keras names it', () => {
  expect([new TFOpLambda({ function: 'math.add' }).name, new TFOpLambda({ function: 'math.add' }).name, new SlicingOpLambda({ function: '__operators__.getitem' }).name]).toEqual([
    'tf.math.add',
    'tf.math.add_1',
    'tf.__operators__.getitem',
  ]);
});

it('writes its op in the config and is rebuilt from it', () => {
  const layer = new TFOpLambda({ name: 'tf.math.multiply', function: 'math.multiply' });
  expect(layer.getConfig()).toEqual({ name: 'tf.math.multiply', trainable: true, dtype: 'float32', function: 'math.multiply' });
  const copy = deserializeLayer({ class_name: 'TFOpLambda', config: layer.getConfig() });
  expect(copy).toBeInstanceOf(TFOpLambda);
  expect((copy as TFOpLambda).function).toBe('math.multiply');
});

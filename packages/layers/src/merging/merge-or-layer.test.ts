import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { SymbolicTensor } from '../engine/symbolic-tensor';
import { Add, add } from './add';
import { Average, average } from './average';
import { Concatenate, concatenate } from './concatenate';
import { Dot, dot } from './dot';
import { Maximum, maximum } from './maximum';
import { Minimum, minimum } from './minimum';
import { Multiply, multiply } from './multiply';
import { Subtract, subtract } from './subtract';

afterEach(() => resetUniqueNames());

const a = [[1, 5], [-2, 3]];
const b = [[4, 2], [0, -1]];

describeEachBackend('merge functions', () => {
  it.each([
    ['add', add, [5, 7, -2, 2]],
    ['subtract', subtract, [-3, 3, -2, 4]],
    ['multiply', multiply, [4, 10, 0, -3]],
    ['average', average, [2.5, 3.5, -1, 1]],
    ['maximum', maximum, [4, 5, 0, 3]],
    ['minimum', minimum, [1, 2, -2, -1]],
    ['concatenate', concatenate, [1, 5, 4, 2, -2, 3, 0, -1]],
    ['dot', dot, [14, -3]],
  ] as const)('%s on a list of tensors returns the merged tensor, as hand computed', async (_name, merge, expected) => {
    const [x, y] = [tf.tensor2d(a), tf.tensor2d(b)];
    await expectNoLeakedTensors(() => {
      const merged = (merge as (inputs: tf.Tensor[]) => tf.Tensor)([x, y]);
      expect(merged).toBeInstanceOf(tf.Tensor);
      expectArraysClose(merged, expected, 1e-6);
      merged.dispose();
    });
    tf.dispose([x, y]);
  });

  it('takes the options as the second argument, or the bare value Keras takes', () => {
    const [x, y] = [tf.tensor2d(a), tf.tensor2d(b)];
    const rows = concatenate([x, y], { axis: 0 });
    const rowsPositional = concatenate([x, y], 0);
    expect(rows.shape).toEqual([4, 2]);
    expectArraysClose(rowsPositional, [1, 5, -2, 3, 4, 2, 0, -1], 0);
    // Cosine similarities of the rows: (4 + 10) / (√26 · √20) and −3 / (√13 · 1).
    const cosine = dot([x, y], { axes: 1, normalize: true });
    expectArraysClose(cosine, [14 / Math.sqrt(26 * 20), -3 / Math.sqrt(13)], 1e-5);
    const named = add([x, y], { name: 'residual' });
    expect(named.shape).toEqual([2, 2]);
    tf.dispose([x, y, rows, rowsPositional, cosine, named]);
  });
});

it('on symbolic tensors returns a symbolic tensor, the merge recorded in the graph', () => {
  const wide = input({ shape: [5] });
  const deep = input({ shape: [3] });
  const joined = concatenate([wide, deep]);
  expect(joined).toBeInstanceOf(SymbolicTensor);
  expect(joined.shape).toEqual([null, 8]);
  expect(joined.sourceLayer).toBeInstanceOf(Concatenate);
  const similarity = dot([wide, wide], { axes: -1 });
  expect(similarity.shape).toEqual([null, 1]);
  expect(add([deep, deep]).sourceLayer).toBeInstanceOf(Add);
});

it('with options only (or nothing) return the layer, as before', () => {
  const layers = [add(), subtract(), multiply(), average(), maximum(), minimum(), concatenate({ axis: 1 }), dot({ axes: [1, 1] })];
  const classes = [Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot];
  layers.forEach((layer, index) => expect(layer).toBeInstanceOf(classes[index]));
  expect(concatenate(2).axis).toBe(2);
  expect(dot(1).axes).toBe(1);
  expect(dot([1, 2]).axes).toEqual([1, 2]);
});

it('name the function and what they received when the arguments are neither form', () => {
  const x = tf.ones([2, 2]);
  expect(() => concatenate([x, 'b' as never])).toThrow('Expected concatenate to receive a list of tensors, or of symbolic tensors from input(), received a list holding "b" at index 1');
  expect(() => add([])).toThrow('Expected a list of tensors to add, received an empty list');
  expect(() => concatenate(x as never)).toThrow('Expected the first argument of concatenate to be a list of tensors, an options object or axis, received');
  expect(() => add(3 as never)).toThrow('Expected the first argument of add to be a list of tensors or an options object, received 3');
  expect(() => multiply([x, x], 2 as never)).toThrow('Expected the second argument of multiply to be an options object, received 2');
  expect(() => (concatenate as (...args: unknown[]) => unknown)({ axis: 1 }, { axis: 2 })).toThrow('Expected concatenate to receive a list of tensors before its options');
  x.dispose();
});

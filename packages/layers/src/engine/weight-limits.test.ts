import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend } from '@dendrite/test-utils';
import { dense } from '../core/dense';
import { resetUniqueNames } from './unique-names';

afterEach(() => resetUniqueNames());

it('refuses dense({ units: 1e12 }) at once with a RangeError naming the layer and the limit', () => {
  expect(() => dense({ units: 1e12 })).toThrow(new RangeError('Expected units to be an integer in [1, 1073741824], received 1000000000000 in layer "dense"'));
});

it('refuses a weight past 2³⁰ values when the layer builds, before allocating anything', async () => {
  await useBackend('cpu');
  const before = tf.memory().numTensors;
  const layer = dense({ units: 50_000_000 });
  expect(() => layer.build([null, 784])).toThrow(
    new RangeError('Expected weight "kernel" of layer "dense" to hold at most 1073741824 values (4 GiB of float32, a wasm backend\'s whole memory), received shape [784, 50000000] (39200000000 values)'),
  );
  expect(tf.memory().numTensors).toBe(before);
});

import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';

it('runs synchronous code on cpu before selectBackend, rather than failing on the asynchronous wasm start', () => {
  const registry = tf.engine().registryFactory;
  expect(registry.wasm.priority).toBeLessThan(registry.cpu.priority);
  const sum = tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3])).dataSync()[0]);
  expect(sum).toBe(6);
  expect(tf.getBackend()).toBe('cpu');
});

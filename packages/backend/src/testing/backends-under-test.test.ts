import { afterEach, expect, it } from 'vitest';
import { BACKENDS_UNDER_TEST, backendsUnderTest } from './describe-each-backend';

const saved = process.env.DENDRITE_TEST_BACKENDS;
afterEach(() => {
  if (saved === undefined) delete process.env.DENDRITE_TEST_BACKENDS;
  else process.env.DENDRITE_TEST_BACKENDS = saved;
});

it('runs on wasm and cpu unless DENDRITE_TEST_BACKENDS names a subset', () => {
  delete process.env.DENDRITE_TEST_BACKENDS;
  expect(backendsUnderTest()).toEqual(['wasm', 'cpu']);
  expect(backendsUnderTest()).toBe(BACKENDS_UNDER_TEST);
  process.env.DENDRITE_TEST_BACKENDS = 'cpu';
  expect(backendsUnderTest()).toEqual(['cpu']);
  process.env.DENDRITE_TEST_BACKENDS = 'wasm, cpu';
  expect(backendsUnderTest()).toEqual(['wasm', 'cpu']);
});

it('refuses a backend it does not test, naming the variable', () => {
  process.env.DENDRITE_TEST_BACKENDS = 'cpu,webgl';
  expect(() => backendsUnderTest()).toThrow(new RangeError('Expected DENDRITE_TEST_BACKENDS to list backends among wasm, cpu, received "cpu,webgl"'));
});

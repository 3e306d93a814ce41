import { afterEach, expect, it } from 'vitest';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { sequential } from './sequential';

afterEach(() => resetUniqueNames());

it('builds a Sequential whose first layer has inputDim, as Keras’s Dense(units, input_dim=…)', () => {
  const model = sequential([dense(16, { inputDim: 8, activation: 'relu' }), dense({ units: 1 })]);
  expect(model.built).toBe(true);
  expect(model.outputShapes().at(-1)).toEqual([null, 1]);
  expect(model.countParams()).toBe(8 * 16 + 16 + 16 + 1);
  expect(model.summary()).toContain('Total params: 161');
});

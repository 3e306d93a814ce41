import { expect, it } from 'vitest';
import { constraintConfig, regularizerConfig, weightOptions } from './weight-options';

it('resolves the initializer (or its fallback), and a regularizer and a constraint only when given', () => {
  const bare = weightOptions(undefined, 'zeros');
  expect([bare.initializer.constructor.name, bare.regularizer, bare.constraint]).toEqual(['Zeros', undefined, undefined]);
  const full = weightOptions('ones', 'zeros', 'l2', 'non_neg');
  expect([full.initializer.constructor.name, full.regularizer?.constructor.name, full.constraint?.constructor.name]).toEqual(['Ones', 'L2', 'NonNeg']);
  expect([regularizerConfig(null), constraintConfig(undefined)]).toEqual([null, null]);
});

it("names the weight's argument and the layer in an identifier's error, or rethrows it as is without an owner", () => {
  const owner = { layerName: 'dense_9', weight: 'kernel' };
  expect(() => weightOptions(undefined, 'zeros', null, 'non_negative' as never, owner)).toThrow(/, for kernelConstraint in layer "dense_9"$/);
  expect(() => weightOptions(undefined, 'zeros', 'l3' as never, null, owner)).toThrow(/, for kernelRegularizer in layer "dense_9"$/);
  expect(() => weightOptions('onez', 'zeros')).toThrow(/^Unknown initializer "onez": expected one of [A-Za-z, ]*$/);
  expect(() => weightOptions('onez', 'zeros')).not.toThrow(/, for /);
});

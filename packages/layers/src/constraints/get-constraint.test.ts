import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { Constraint } from './constraint';
import { getConstraint, registerConstraint, serializeConstraint } from './get-constraint';
import { MaxNorm, maxNorm } from './max-norm';
import { MinMaxNorm, minMaxNorm } from './min-max-norm';
import { NonNeg, nonNeg } from './non-neg';
import { UnitNorm, unitNorm } from './unit-norm';

describe('getConstraint', () => {
  it.each([
    [['max_norm', 'maxNorm', 'MaxNorm'], MaxNorm],
    [['non_neg', 'nonNeg', 'NonNeg'], NonNeg],
    [['unit_norm', 'unitNorm', 'UnitNorm'], UnitNorm],
    [['min_max_norm', 'minMaxNorm', 'MinMaxNorm'], MinMaxNorm],
  ] as const)('resolves %j', (names, constraintClass) => {
    for (const name of names) expect(getConstraint(name), name).toBeInstanceOf(constraintClass);
  });

  it('builds from {class_name, config}, passes instances through, and names unknown ones', () => {
    expect(getConstraint({ class_name: 'MaxNorm', config: { max_value: 3, axis: [0, 1, 2] } }).getConfig()).toEqual({ max_value: 3, axis: [0, 1, 2] });
    const instance = nonNeg();
    expect(getConstraint(instance)).toBe(instance);
    expect(() => getConstraint('max_nrom')).toThrow('Unknown constraint "max_nrom": expected one of MaxNorm, NonNeg, UnitNorm, MinMaxNorm');
  });
});

describe('serializeConstraint', () => {
  it.each([maxNorm(), maxNorm({ maxValue: 4, axis: 1 }), nonNeg(), unitNorm({ axis: [0, 1] }), minMaxNorm({ minValue: 0.5, maxValue: 2, rate: 0.25 })])(
    'round-trips %o',
    (constraint) => {
      const serialized = serializeConstraint(constraint);
      expect(serialized.class_name).toBe(constraint.className);
      const rebuilt = getConstraint(JSON.parse(JSON.stringify(serialized)));
      expect(rebuilt.constructor).toBe(constraint.constructor);
      expect(serializeConstraint(rebuilt)).toEqual(serialized);
    },
  );

  it('gives Keras’s defaults for a bare name', () => {
    expect(serializeConstraint(getConstraint('max_norm'))).toEqual({ class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } });
  });
});

describe('registerConstraint', () => {
  it('makes a custom class resolvable', () => {
    class Clip extends Constraint {
      static override className = 'ClipForTest';
      call(weight: tf.Tensor) {
        return tf.clipByValue(weight, -1, 1);
      }
    }
    registerConstraint(Clip);
    expect(getConstraint('clip_for_test')).toBeInstanceOf(Clip);
    expect(() => registerConstraint(Clip, ['non_neg'])).toThrow('Expected a new constraint name, received "non_neg", already registered for NonNeg');
  });
});

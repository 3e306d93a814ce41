import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { getRegularizer, registerRegularizer, serializeRegularizer } from './get-regularizer';
import { L1 } from './l1';
import { L1L2, l1l2 } from './l1-l2';
import { L2, l2 } from './l2';
import { Regularizer } from './regularizer';

describe('getRegularizer', () => {
  it('resolves names in every spelling with Keras’s default factors', () => {
    for (const name of ['l1', 'L1']) expect(getRegularizer(name)).toEqual(new L1({ l1: 0.01 }));
    for (const name of ['l2', 'L2']) expect(getRegularizer(name)).toEqual(new L2({ l2: 0.01 }));
    for (const name of ['l1_l2', 'l1l2', 'L1L2']) expect(getRegularizer(name)).toEqual(new L1L2({ l1: 0.01, l2: 0.01 }));
  });

  it('builds from {class_name, config} with the class’s defaults, and passes instances through', () => {
    expect(getRegularizer({ class_name: 'L1L2', config: {} }).getConfig()).toEqual({ l1: 0, l2: 0 });
    expect(getRegularizer({ class_name: 'L2', config: { l2: 1e-4 } }).getConfig()).toEqual({ l2: 1e-4 });
    const instance = l2(3);
    expect(getRegularizer(instance)).toBe(instance);
  });

  it('names an unknown regularizer and bad factors', () => {
    expect(() => getRegularizer('l3')).toThrow('Unknown regularizer "l3": expected one of L1, L2, L1L2');
    expect(() => getRegularizer({ class_name: 'L1', config: { l1: -1 } })).toThrow('Expected l1 to be a finite number ≥ 0, received -1 in regularizer L1');
  });
});

describe('serializeRegularizer', () => {
  it.each([new L1({ l1: 0.2 }), l2(1e-5), l1l2({ l1: 0.1, l2: 0.2 }), new L1L2()])('round-trips %o', (regularizer) => {
    const serialized = serializeRegularizer(regularizer);
    expect(serialized.class_name).toBe(regularizer.className);
    const rebuilt = getRegularizer(JSON.parse(JSON.stringify(serialized)));
    expect(rebuilt.constructor).toBe(regularizer.constructor);
    expect(serializeRegularizer(rebuilt)).toEqual(serialized);
  });
});

describe('registerRegularizer', () => {
  it('makes a custom class resolvable', () => {
    class SumSquares extends Regularizer {
      static override className = 'SumSquaresForTest';
      call(weight: tf.Tensor) {
        return tf.sum(tf.square(weight));
      }
    }
    registerRegularizer(SumSquares);
    expect(getRegularizer('sum_squares_for_test')).toBeInstanceOf(SumSquares);
    expect(() => registerRegularizer(SumSquares, ['l2'])).toThrow('Expected a new regularizer name, received "l2", already registered for L2');
  });
});

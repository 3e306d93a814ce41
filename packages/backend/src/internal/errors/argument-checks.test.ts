import { describe, expect, it } from 'vitest';
import {
  CLOSED_FRACTION, FRACTION, NON_NEGATIVE, POSITIVE, argumentError, atLeast, checkBoolean, checkInteger, checkNumber, checkOneOf, checkPositiveInteger, checkSeed, checkShape, checkTuple,
  inInterval, layerOwner,
} from './argument-checks';

describe('argument checks', () => {
  it('return a valid value unchanged', () => {
    expect(checkNumber(0.5, 'rate', layerOwner('dropout'), FRACTION)).toBe(0.5);
    expect(checkNumber(1, 'momentum', 'optimizer "SGD"', CLOSED_FRACTION)).toBe(1);
    expect(checkInteger(3, 'k', 'metric "top_k"', 1)).toBe(3);
    expect(checkSeed(null, 'initializer GlorotUniform')).toBeUndefined();
    expect(checkSeed(7, 'initializer GlorotUniform')).toBe(7);
    expect(checkBoolean(false, 'nesterov', 'optimizer "SGD"')).toBe(false);
    expect(checkOneOf('SAME', ['valid', 'same'], 'padding', layerOwner('conv2d'))).toBe('same');
    expect(checkTuple(3, 2, 'kernelSize', layerOwner('conv2d'))).toEqual([3, 3]);
    expect(checkShape([2, 0], 'initializer Zeros')).toEqual([2, 0]);
  });

  it('name the argument, what was expected, what was received and the owner, last', () => {
    expect(() => checkNumber(1.5, 'rate', layerOwner('dropout_1'), FRACTION)).toThrow(
      new RangeError('Expected rate to be a number in [0, 1), received 1.5 in layer "dropout_1"'),
    );
    expect(() => checkPositiveInteger(0, 'units', layerOwner('dense'))).toThrow('Expected units to be an integer ≥ 1, received 0 in layer "dense"');
    expect(() => checkNumber(-1, 'alpha', 'activation elu', atLeast(0))).toThrow('Expected alpha to be a finite number ≥ 0, received -1 in activation elu');
    expect(() => checkNumber(1, 'threshold', 'metric "m"', inInterval(0, 1, true))).toThrow('Expected threshold to be a number in (0, 1), received 1 in metric "m"');
    expect(() => checkTuple([3], 2, 'strides', layerOwner('conv2d'))).toThrow('Expected strides to be an integer ≥ 1 or a list of 2 of them, received [3] in layer "conv2d"');
  });

  it('throw TypeError for a wrong type and RangeError for a value out of range', () => {
    const cases: Array<[() => unknown, ErrorConstructor]> = [
      [() => checkNumber('0.1', 'learningRate', 'optimizer "adam"', NON_NEGATIVE), TypeError],
      [() => checkNumber(Number.NaN, 'learningRate', 'optimizer "adam"', NON_NEGATIVE), RangeError],
      [() => checkNumber(Infinity, 'epsilon', 'optimizer "adam"'), RangeError],
      [() => checkInteger(undefined, 'k', 'metric "top_k"', 1), TypeError],
      [() => checkInteger(1.5, 'k', 'metric "top_k"', 1), RangeError],
      [() => checkSeed('1', 'initializer Orthogonal'), TypeError],
      [() => checkSeed(0.5, 'initializer Orthogonal'), RangeError],
      [() => checkBoolean('yes', 'nesterov', 'optimizer "SGD"'), TypeError],
      [() => checkOneOf(1, ['valid', 'same'], 'padding', layerOwner('c')), TypeError],
      [() => checkOneOf('full', ['valid', 'same'], 'padding', layerOwner('c')), RangeError],
      [() => checkTuple('3', 2, 'kernelSize', layerOwner('c')), TypeError],
      [() => checkShape('2,3', 'initializer Ones'), TypeError],
      [() => checkShape([2, -1], 'initializer Ones'), RangeError],
      [() => { throw argumentError('8', 'number', 'Expected batchSize to be an integer ≥ 1, received "8"'); }, TypeError],
      [() => { throw argumentError(0, 'number', 'Expected batchSize to be an integer ≥ 1, received 0'); }, RangeError],
      [() => { throw argumentError('avg', 'string', 'Expected reduction to be one of sum, none, received "avg"'); }, RangeError],
    ];
    for (const [check, errorClass] of cases) {
      expect(check).toThrow(errorClass);
      expect(() => check()).not.toThrow(errorClass === TypeError ? RangeError : TypeError);
    }
  });

  it('check intervals, positive numbers and integers as the losses and metrics use them', () => {
    expect(checkNumber(0, 'labelSmoothing', 'loss "x"', inInterval(0, 1))).toBe(0);
    expect(checkNumber(1, 'labelSmoothing', 'loss "x"', inInterval(0, 1))).toBe(1);
    expect(() => checkNumber('0.5', 'labelSmoothing', 'loss "x"', inInterval(0, 1))).toThrow('received "0.5" in loss "x"');
    expect(checkNumber(0.5, 'delta', 'loss "h"', POSITIVE)).toBe(0.5);
    expect(() => checkNumber(Number.POSITIVE_INFINITY, 'delta', 'loss "h"', POSITIVE)).toThrow('Expected delta to be a finite number > 0, received Infinity in loss "h"');
    expect(() => checkInteger(2.5, 'k', 'metric "t"', 1)).toThrow('Expected k to be an integer ≥ 1, received 2.5 in metric "t"');
  });
});

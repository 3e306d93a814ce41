import { beforeEach, describe, expect, it } from 'vitest';
import { classNameToSnakeCase, reserveName, resetUniqueNames, uniqueName } from './unique-names';

beforeEach(() => resetUniqueNames());

describe('unique names', () => {
  it('derives Keras layer names from class names', () => {
    expect(classNameToSnakeCase('Dense')).toBe('dense');
    expect(classNameToSnakeCase('Conv2D')).toBe('conv2d');
    expect(classNameToSnakeCase('MaxPooling2D')).toBe('max_pooling2d');
    expect(classNameToSnakeCase('SimpleRNN')).toBe('simple_rnn');
    expect(classNameToSnakeCase('LSTM')).toBe('lstm');
    expect(classNameToSnakeCase('ReLU')).toBe('re_lu');
    expect(classNameToSnakeCase('BatchNormalization')).toBe('batch_normalization');
    expect(classNameToSnakeCase('GlobalAveragePooling2D')).toBe('global_average_pooling2d');
  });

  it('counts dense, dense_1, dense_2 per prefix', () => {
    expect([uniqueName('dense'), uniqueName('dense'), uniqueName('conv2d'), uniqueName('dense')]).toEqual([
      'dense',
      'dense_1',
      'conv2d',
      'dense_2',
    ]);
  });

  it('skips names the user took', () => {
    reserveName('dense_4');
    expect(uniqueName('dense')).toBe('dense_5');
    reserveName('hidden');
    expect(uniqueName('hidden')).toBe('hidden_1');
  });
});

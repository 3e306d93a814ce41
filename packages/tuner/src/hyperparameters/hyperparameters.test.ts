import { describe, expect, it } from 'vitest';
import { HyperParameters } from './hyperparameters';

describe('HyperParameters', () => {
  it('returns defaults the first time and the trial value once set', () => {
    const hp = new HyperParameters();
    expect(hp.int('units', { minValue: 32, maxValue: 512, step: 32 })).toBe(32);
    expect(hp.float('lr', { minValue: 1e-4, maxValue: 1e-2, sampling: 'log', default: 1e-3 })).toBe(1e-3);
    expect(hp.choice('activation', ['relu', 'tanh'])).toBe('relu');
    expect(hp.boolean('dropout')).toBe(false);
    expect(hp.fixed('batch', 16)).toBe(16);
    hp.values = { units: 96, lr: 0.005, activation: 'tanh', dropout: true };
    expect(hp.int('units', { minValue: 32, maxValue: 512, step: 32 })).toBe(96);
    expect(hp.get('activation')).toBe('tanh');
    expect(hp.space.map((definition) => definition.kind)).toEqual(['int', 'float', 'choice', 'boolean', 'fixed']);
  });

  it('conditional scopes: active only under the parent values', () => {
    const hp = new HyperParameters();
    const kind = hp.choice('model', ['mlp', 'cnn']);
    hp.conditionalScope('model', 'cnn', () => hp.int('filters', { minValue: 8, maxValue: 64 }));
    hp.int('units', { minValue: 1, maxValue: 4, parentName: 'model', parentValues: ['mlp'] });
    expect(kind).toBe('mlp');
    expect(hp.isActive('filters')).toBe(false);
    expect(hp.isActive('units')).toBe(true);
    expect(Object.keys(hp.activeValues())).toEqual(['model', 'units']);
    hp.values.model = 'cnn';
    expect(Object.keys(hp.activeValues())).toEqual(['model', 'filters']);
  });

  it('accepts scipy reciprocal as log sampling', () => {
    const hp = new HyperParameters();
    hp.float('lr', { minValue: 3e-4, maxValue: 3e-2, sampling: 'reciprocal' });
    expect(hp.definition('lr')).toMatchObject({ sampling: 'log' });
  });

  it('refuses bad ranges, unknown options and wrong types, naming them', () => {
    const hp = new HyperParameters();
    expect(() => hp.int('units', { minValue: 5, maxValue: 1 })).toThrow(RangeError);
    expect(() => hp.int('units', { minValue: 5, maxValue: 1 })).toThrow('Expected minValue <= maxValue for hyperparameter "units", received 5 and 1');
    expect(() => hp.int('units', { min_value: 1, maxValue: 4 } as never)).toThrow('Unknown option "min_value" in hp.int("units"): did you mean "minValue"?');
    expect(() => hp.int('units', { minValue: 1.5, maxValue: 4 })).toThrow(TypeError);
    expect(() => hp.float('lr', { minValue: 0, maxValue: 1, sampling: 'log' })).toThrow('Expected minValue > 0 for log sampling of "lr", received 0');
    expect(() => hp.choice('a', [])).toThrow(RangeError);
    expect(() => hp.choice('a', [1, 'b'] as never)).toThrow(TypeError);
    expect(() => hp.conditionalScope('nothing', 1, () => 0)).toThrow('Expected the parent of a conditional scope to be declared first, received "nothing"');
    expect(() => hp.get('missing')).toThrow(RangeError);
  });
});

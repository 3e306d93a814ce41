import { describe, expect, it } from 'vitest';
import { gridValues, probabilityToValue, steppedValueCount, valueToProbability, type HyperParameterDefinition } from './hyperparameter';

const int = (extra: Partial<HyperParameterDefinition> = {}): HyperParameterDefinition => ({ kind: 'int', name: 'units', minValue: 1, maxValue: 3, sampling: 'linear', default: 1, conditions: [], ...extra }) as HyperParameterDefinition;
const float = (extra: Partial<HyperParameterDefinition> = {}): HyperParameterDefinition => ({ kind: 'float', name: 'lr', minValue: 1e-4, maxValue: 1e-2, sampling: 'log', default: 1e-4, conditions: [], ...extra }) as HyperParameterDefinition;

describe('probabilityToValue, as KerasTuner prob_to_value', () => {
  it('int without step: max_value + 1 so that every integer has an equal cell', () => {
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.9999].map((p) => probabilityToValue(int(), p))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('int with a step: index floor(p · n_values)', () => {
    const definition = int({ minValue: 32, maxValue: 512, step: 32 } as never);
    expect(steppedValueCount(definition as never)).toBe(16);
    expect(probabilityToValue(definition, 0)).toBe(32);
    expect(probabilityToValue(definition, 0.5)).toBe(32 + 8 * 32);
    expect(probabilityToValue(definition, 0.99999)).toBe(512);
  });

  it('log sampling: min · (max/min)^p (scipy reciprocal); reverse_log mirrors it', () => {
    expect(probabilityToValue(float(), 0)).toBeCloseTo(1e-4, 15);
    expect(probabilityToValue(float(), 0.5)).toBeCloseTo(1e-3, 15);
    const reverse = float({ sampling: 'reverse_log' } as never);
    // max + min − min·(max/min)^(1−p): p = 0.5 gives 0.0101 − 0.001
    expect(probabilityToValue(reverse, 0.5)).toBeCloseTo(0.0101 - 0.001, 15);
    expect(probabilityToValue(reverse, 0)).toBeCloseTo(1e-4, 15);
  });

  it('float with a log step multiplies: 1e-4, 1e-3, 1e-2', () => {
    const definition = float({ step: 10 } as never);
    expect(gridValues(definition).map((value) => Number((value as number).toPrecision(6)))).toEqual([1e-4, 1e-3, 1e-2]);
  });

  it('choice, boolean and fixed', () => {
    const choice: HyperParameterDefinition = { kind: 'choice', name: 'act', values: ['relu', 'tanh', 'elu'], ordered: false, default: 'relu', conditions: [] };
    expect([0.1, 0.4, 0.9].map((p) => probabilityToValue(choice, p))).toEqual(['relu', 'tanh', 'elu']);
    expect(probabilityToValue({ kind: 'boolean', name: 'b', default: false, conditions: [] }, 0.7)).toBe(true);
    expect(probabilityToValue({ kind: 'fixed', name: 'f', value: 7, default: 7, conditions: [] }, 0.2)).toBe(7);
  });

  it('valueToProbability inverts it', () => {
    for (const p of [0.1, 0.5, 0.8]) {
      expect(valueToProbability(float(), probabilityToValue(float(), p))).toBeCloseTo(p, 10);
      const value = probabilityToValue(int(), p);
      expect(probabilityToValue(int(), valueToProbability(int(), value))).toBe(value);
    }
  });

  it('a continuous float has no grid', () => {
    expect(() => gridValues(float())).toThrow(RangeError);
    expect(() => gridValues(float())).toThrow('Expected a step for float hyperparameter "lr"');
  });
});

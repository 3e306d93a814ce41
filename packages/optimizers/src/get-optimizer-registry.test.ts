import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { get, registerOptimizer } from './get-optimizer';
import { sgd } from './sgd';

describeEachBackend('optimizers registered with fromConfig only', () => {
  it('load from a config, but are refused with options, there being no class to construct', () => {
    registerOptimizer({ className: 'ConfigOnlyDescent', fromConfig: (config) => sgd({ learningRate: config.learning_rate as number }) });
    expect(get({ class_name: 'ConfigOnlyDescent', config: { learning_rate: 0.25 } }).currentLearningRate()).toBe(0.25);
    expect(() => get('ConfigOnlyDescent', { learningRate: 0.1 })).toThrow(
      new TypeError("Expected an optimizer class with a constructor for get('ConfigOnlyDescent', options), received ConfigOnlyDescent, registered with fromConfig only"),
    );
  });
});

import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { get } from './get-optimizer';
import { SGD } from './sgd';

const OWNER = 'the config of optimizer LossScaleOptimizer';
const INNER = { class_name: 'SGD', config: { learning_rate: 0.1 } };
const wrapped = (config: Record<string, unknown>) => get({ class_name: 'LossScaleOptimizer', config: { inner_optimizer: INNER, ...config } });

describeEachBackend('LossScaleOptimizer configs', () => {
  it('takes an inner optimizer by name, and ignores jit_compile', () => {
    const byName = get({ class_name: 'LossScaleOptimizer', config: { inner_optimizer: 'sgd', jit_compile: true } });
    expect(byName).toBeInstanceOf(SGD);
    expect(byName.currentLearningRate()).toBe(0.01);
  });

  it('takes a base option left undefined when its default is null, but not when it is not', () => {
    expect(wrapped({ clipnorm: undefined, weight_decay: undefined })).toBeInstanceOf(SGD);
    expect(() => wrapped({ use_ema: undefined })).toThrow(new Error(`Expected use_ema to be false in ${OWNER} (set it on the inner optimizer), received undefined`));
    expect(() => wrapped({ ema_momentum: 0.5 })).toThrow(new Error(`Expected ema_momentum to be 0.99 in ${OWNER} (set it on the inner optimizer), received 0.5`));
  });

  it('refuses a scale or growth period that is not a finite number > 0, each by name', () => {
    expect(() => wrapped({ dynamic_growth_steps: 0 })).toThrow(new Error(`Expected dynamic_growth_steps to be a finite number > 0 in ${OWNER}, received 0`));
    expect(() => wrapped({ initial_scale: Infinity })).toThrow(new Error(`Expected initial_scale to be a finite number > 0 in ${OWNER}, received Infinity`));
    expect(() => wrapped({ initial_scale: '2' })).toThrow(new Error(`Expected initial_scale to be a finite number > 0 in ${OWNER}, received "2"`));
  });

  it('refuses a null inner optimizer, naming what it received', () => {
    expect(() => get({ class_name: 'LossScaleOptimizer', config: { optimizer: null } })).toThrow(
      new TypeError(`Expected inner_optimizer to be an optimizer’s {class_name, config} in ${OWNER}, received null`),
    );
  });
});

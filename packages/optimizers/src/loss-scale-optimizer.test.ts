import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Adam } from './adam';
import { Adadelta } from './adadelta';
import { LossScaleOptimizer, get, serialize } from './get-optimizer';
import { SGD } from './sgd';
import { makeVariable, stepWith } from '@dendrite/optimizers/testing';

/** Keras 3's `LossScaleOptimizer.get_config()` of an Adam, as a `.keras` file holds it. */
const KERAS_3_CONFIG = {
  name: 'loss_scale_optimizer',
  inner_optimizer: {
    module: 'keras.optimizers',
    class_name: 'Adam',
    config: { name: 'adam', learning_rate: 0.01, weight_decay: null, clipnorm: null, global_clipnorm: null, clipvalue: null, use_ema: false, ema_momentum: 0.99, ema_overwrite_frequency: null, loss_scale_factor: null, gradient_accumulation_steps: null, beta_1: 0.8, beta_2: 0.999, epsilon: 1e-7, amsgrad: false },
    registered_name: null,
  },
  initial_scale: 32768,
  dynamic_growth_steps: 2000,
};

describeEachBackend('LossScaleOptimizer read from a file', () => {
  it('is its inner optimizer, with the inner hyperparameters (Keras 3 config)', () => {
    const optimizer = get({ class_name: 'LossScaleOptimizer', config: KERAS_3_CONFIG }) as Adam;
    expect(optimizer).toBeInstanceOf(Adam);
    expect([optimizer.learningRate, optimizer.beta1, optimizer.name]).toEqual([0.01, 0.8, 'adam']);
    expect(serialize(optimizer).class_name).toBe('Adam');
    expect(LossScaleOptimizer.className).toBe('LossScaleOptimizer');
  });

  it('reads tf.keras 2.x’s spellings: LossScaleOptimizerV3 with dynamic, and the experimental optimizer key', () => {
    const v3 = get({ class_name: 'LossScaleOptimizerV3', config: { inner_optimizer: { class_name: 'SGD', config: { learning_rate: 0.1, momentum: 0.9, is_legacy_optimizer: false } }, dynamic: true, initial_scale: 32768, dynamic_growth_steps: 2000, is_legacy_optimizer: false } });
    expect([v3.className, v3.currentLearningRate(), (v3 as SGD).momentum]).toEqual(['SGD', 0.1, 0.9]);
    const v1 = get({ class_name: 'LossScaleOptimizerV1', config: { optimizer: { class_name: 'Adadelta', config: { learning_rate: 1 } }, loss_scale: 'dynamic' } });
    expect(v1).toBeInstanceOf(Adadelta);
  });

  it('steps as the inner optimizer would (float32 training needs no scaling), leaking nothing', async () => {
    const wrapped = get({ class_name: 'LossScaleOptimizer', config: KERAS_3_CONFIG });
    const plain = get(KERAS_3_CONFIG.inner_optimizer);
    const [a, b] = [makeVariable([1, -2]), makeVariable([1, -2])];
    stepWith(wrapped, a, [0.5, -1]); // the first steps make the slots
    stepWith(plain, b, [0.5, -1]);
    await expectNoLeakedTensors(() => {
      for (const gradient of [[0.2, 0.3], [-0.4, 0.1]]) {
        stepWith(wrapped, a, gradient);
        stepWith(plain, b, gradient);
      }
    });
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    tf.dispose([a, b]);
    wrapped.dispose();
    plain.dispose();
  });

  it('refuses what Keras refuses, naming the key', () => {
    const inner = KERAS_3_CONFIG.inner_optimizer;
    expect(() => get({ class_name: 'LossScaleOptimizer', config: { initial_scale: 2 } })).toThrow('Expected inner_optimizer to be an optimizer’s {class_name, config} in the config of optimizer LossScaleOptimizer, received undefined');
    expect(() => get({ class_name: 'LossScaleOptimizer', config: { inner_optimizer: inner, clipnorm: 1 } })).toThrow(
      'Expected clipnorm to be null in the config of optimizer LossScaleOptimizer (set it on the inner optimizer), received 1',
    );
    expect(get({ class_name: 'LossScaleOptimizer', config: { inner_optimizer: inner, clipnorm: null, use_ema: false, ema_momentum: 0.99 } })).toBeInstanceOf(Adam);
    expect(() => get({ class_name: 'LossScaleOptimizer', config: { inner_optimizer: inner, scale: 2 } })).toThrow(
      'Expected config keys of optimizer LossScaleOptimizer among [inner_optimizer, initial_scale, dynamic_growth_steps, name], received unknown [scale]',
    );
    expect(() => get({ class_name: 'LossScaleOptimizer', config: { inner_optimizer: inner, initial_scale: -1 } })).toThrow('Expected initial_scale to be a finite number > 0');
    expect(() => get('LossScaleOptimizer', { learningRate: 0.1 })).toThrow('registered with fromConfig only');
  });
});

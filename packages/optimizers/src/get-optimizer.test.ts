import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { Adam, adam } from './adam';
import { get, registerOptimizer, serialize } from './get-optimizer';
import { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { cosineDecay } from './schedules/cosine-decay';
import { SGD } from './sgd';
import { EVERY_OPTIMIZER } from './testing/every-optimizer';
import { makeVariable } from '@dendrite/optimizers/testing';

describeEachBackend('optimizers.get and configs', () => {
  it('resolves names in Keras’s spellings to optimizers with Keras’s defaults', () => {
    expect(get('adam')).toBeInstanceOf(Adam);
    expect(get('Adam')).toBeInstanceOf(Adam);
    expect(get('rmsprop')).toBeInstanceOf(RMSprop);
    expect(get('RMSProp')).toBeInstanceOf(RMSprop);
    expect(get('SGD')).toBeInstanceOf(SGD);
    expect(get('sgd').getConfig().learning_rate).toBe(0.01);
    expect(['adagrad', 'adamax', 'nadam', 'adamw'].map((name) => get(name).className)).toEqual(['Adagrad', 'Adamax', 'Nadam', 'AdamW']);
    expect(['adadelta', 'Adadelta', 'ftrl', 'Ftrl', 'lion', 'Lion', 'adafactor', 'Adafactor'].map((name) => get(name).className)).toEqual(['Adadelta', 'Adadelta', 'Ftrl', 'Ftrl', 'Lion', 'Lion', 'Adafactor', 'Adafactor']);
  });

  it('resolves {class_name, config} and passes instances through', () => {
    const optimizer = get({ class_name: 'Adam', config: { learning_rate: 0.01 } }) as Adam;
    expect([optimizer.className, optimizer.learningRate, optimizer.beta1]).toEqual(['Adam', 0.01, 0.9]);
    const instance = adam();
    expect(get(instance)).toBe(instance);
  });

  it('names the loops in which Keras 3’s build makes the slots, for files that number them', () => {
    expect(get({ class_name: 'Adam', config: { amsgrad: true } }).slotBuildOrder()).toEqual([['momentum', 'velocity'], ['velocity_hat']]);
    expect(get('adam').slotBuildOrder()).toEqual([['momentum', 'velocity']]);
    expect(get({ class_name: 'RMSprop', config: { momentum: 0.5, centered: true } }).slotBuildOrder()).toEqual([['velocity'], ['momentum'], ['average_gradient']]);
    expect(get('adadelta').slotBuildOrder()).toEqual([['accumulated_grad'], ['accumulated_delta_var']]);
    expect(get('nadam').slotBuildOrder()).toEqual([['momentum', 'velocity']]);
  });

  it('lists the known optimizers for an unknown name', () => {
    expect(() => get('adamm')).toThrow('Unknown optimizer "adamm": expected one of SGD, Adagrad, RMSprop, Adam, Adamax, Nadam, AdamW, Adadelta, Ftrl, Lion, Adafactor, LossScaleOptimizer');
  });

  it('writes Keras’s snake_case config', () => {
    expect(serialize(adam({ learningRate: 0.01, amsgrad: true, clipNorm: 1 }))).toEqual({
      class_name: 'Adam',
      config: { name: 'adam', learning_rate: 0.01, weight_decay: null, clipnorm: 1, global_clipnorm: null, clipvalue: null, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: true },
    });
    expect(get('rmsprop').getConfig()).toMatchObject({ rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false });
    expect(get('sgd').getConfig()).toMatchObject({ name: 'SGD', momentum: 0, nesterov: false });
    expect(get('adagrad').getConfig()).toMatchObject({ initial_accumulator_value: 0.1, epsilon: 1e-7 });
    expect(get('adamw').getConfig()).toMatchObject({ name: 'adamw', weight_decay: 0.004, amsgrad: false });
  });

  it.each(EVERY_OPTIMIZER)('%s: getConfig → fromConfig round-trips', (_name, make) => {
    const optimizer = make();
    const serialized = serialize(optimizer);
    const copy = get(JSON.parse(JSON.stringify(serialized)));
    expect(copy).not.toBe(optimizer);
    expect(copy.constructor).toBe(optimizer.constructor);
    expect(serialize(copy)).toEqual(serialized);
  });

  it('round-trips a schedule as the learning rate', () => {
    const optimizer = adam({ learningRate: cosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 0.1, warmupSteps: 5 }) });
    const config = optimizer.getConfig();
    expect(config.learning_rate).toEqual({
      class_name: 'CosineDecay',
      config: { initial_learning_rate: 0, decay_steps: 10, alpha: 0, warmup_target: 0.1, warmup_steps: 5 },
    });
    const copy = Adam.fromConfig(config);
    copy.iterations = 5;
    expect(copy.currentLearningRate()).toBeCloseTo(0.1, 12);
  });

  it('reads a config saved by Keras 3, with its options that are off', () => {
    const kerasConfig = {
      name: 'adam', learning_rate: 0.0005, weight_decay: null, clipnorm: null, global_clipnorm: null, clipvalue: null,
      use_ema: false, ema_momentum: 0.99, ema_overwrite_frequency: null, loss_scale_factor: null, gradient_accumulation_steps: null,
      beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false,
    };
    const optimizer = get({ class_name: 'Adam', config: kerasConfig });
    expect(optimizer.currentLearningRate()).toBe(0.0005);
    expect(() => get({ class_name: 'Adam', config: { ...kerasConfig, use_ema: true } })).toThrow(
      'Expected use_ema to be off (null or false) in the config of optimizer Adam, which Dendrite does not support, received true',
    );
    expect(() => get({ class_name: 'SGD', config: { learning_rate: 0.1, beta_1: 0.9 } })).toThrow('Expected config keys of optimizer SGD among [name, learning_rate, weight_decay, clipnorm, global_clipnorm, clipvalue, momentum, nesterov], received unknown [beta_1]');
  });

  it('registers custom optimizers', () => {
    class SignDescent extends Optimizer {
      static override className = 'SignDescent';
      constructor(args: { learningRate?: number } = {}) {
        super(args, { learningRate: 0.1, name: 'sign_descent' });
      }
      slotNames(): string[] {
        return [];
      }
      protected updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number): void {
        variable.assign(tf.sub(variable, tf.mul(tf.sign(gradient), learningRate)));
      }
      protected ownConfig(): Record<string, unknown> {
        return {};
      }
    }
    registerOptimizer(SignDescent);
    const optimizer = get({ class_name: 'SignDescent', config: { learning_rate: 0.5 } });
    expect(optimizer.currentLearningRate()).toBe(0.5);
    const w = makeVariable([0, 0]);
    const g = tf.tensor1d([3, -0.1]);
    optimizer.applyGradients([[g, w]]);
    expect(Array.from(w.dataSync())).toEqual([-0.5, 0.5]);
    tf.dispose([w, g]);
  });
});

import { describe, expect, it } from 'vitest';
import * as optimizers from './index';
import { Optimizer } from './optimizer';
import { LearningRateSchedule } from './schedules/learning-rate-schedule';

type Constructible<T> = { className: string; new (args: never): T };

/** Every class the package exports that derives from `base`, abstract ones included. */
function exportedSubclasses<T>(base: abstract new (...args: never[]) => T): Array<Constructible<T>> {
  const exported: unknown[] = Object.values(optimizers);
  return exported.filter((value): value is Constructible<T> => typeof value === 'function' && value.prototype instanceof base);
}

const FACTORIES = {
  sgd: optimizers.sgd,
  adagrad: optimizers.adagrad,
  rmsprop: optimizers.rmsprop,
  adam: optimizers.adam,
  adamw: optimizers.adamw,
  adamax: optimizers.adamax,
  nadam: optimizers.nadam,
  adadelta: optimizers.adadelta,
  ftrl: optimizers.ftrl,
  lion: optimizers.lion,
  adafactor: optimizers.adafactor,
};

describe('unknown option keys', () => {
  it('finds every optimizer and schedule class the package exports', () => {
    expect(exportedSubclasses(Optimizer).map((cls) => cls.className).sort()).toEqual(['Adadelta', 'Adafactor', 'Adagrad', 'Adam', 'AdamW', 'Adamax', 'Ftrl', 'Lion', 'Nadam', 'Optimizer', 'RMSprop', 'SGD'].sort());
    expect(exportedSubclasses(LearningRateSchedule).length).toBe(7);
  });

  it.each(exportedSubclasses(Optimizer).map((cls) => [cls.className, cls] as const))('%s refuses a bogus key, naming it and the class', (className, cls) => {
    expect(() => new cls({ bogusOption: 1 } as never)).toThrow(TypeError);
    expect(() => new cls({ bogusOption: 1 } as never)).toThrow(`Unknown option "bogusOption" in ${className}; expected one of "`);
  });

  it.each(exportedSubclasses(LearningRateSchedule).map((cls) => [cls.className, cls] as const))('schedule %s refuses a bogus key', (className, cls) => {
    expect(() => new cls({ bogusOption: 1 } as never)).toThrow(`Unknown option "bogusOption" in ${className}`);
  });

  it.each(Object.entries(FACTORIES))('%s() names the spelling meant for Keras’s lr, clipvalue and global_clipnorm', (_name, factory) => {
    for (const [key, meant] of [['lr', 'learningRate'], ['clipvalue', 'clipValue'], ['global_clipnorm', 'globalClipNorm'], ['weight_decay', 'weightDecay']]) {
      expect(() => factory({ [key]: 0.5 } as never)).toThrow(new RegExp(`^Unknown option "${key}" in \\w+: did you mean "${meant}"\\?$`));
    }
  });

  it('names the spelling meant, as the issue’s examples', () => {
    expect(() => optimizers.sgd({ lr: 1e-3 } as never)).toThrow(new TypeError('Unknown option "lr" in SGD: did you mean "learningRate"?'));
    expect(() => optimizers.adam({ beta_1: 0.9 } as never)).toThrow(new TypeError('Unknown option "beta_1" in Adam: did you mean "beta1"?'));
    expect(() => optimizers.sgd({ clipvalue: 1 } as never)).toThrow(new TypeError('Unknown option "clipvalue" in SGD: did you mean "clipValue"?'));
    expect(() => optimizers.rmsprop({ learningRate: 0.01, centred: true } as never)).toThrow('Unknown option "centred" in RMSprop: did you mean "centered"?');
    expect(() => optimizers.sgd({ beta1: 0.9 } as never)).toThrow('Unknown option "beta1" in SGD; expected one of');
    expect(() => optimizers.lion({ beta_1: 0.9 } as never)).toThrow(new TypeError('Unknown option "beta_1" in Lion: did you mean "beta1"?'));
    expect(() => optimizers.ftrl({ l1_regularization_strength: 0.1 } as never)).toThrow('Unknown option "l1_regularization_strength" in Ftrl: did you mean "l1RegularizationStrength"?');
    expect(() => optimizers.adafactor({ beta_2_decay: -0.8 } as never)).toThrow('Unknown option "beta_2_decay" in Adafactor: did you mean "beta2Decay"?');
    expect(() => optimizers.exponentialDecay({ initialLearningRate: 0.1, decay_steps: 10, decayRate: 0.5 } as never)).toThrow(
      'Unknown option "decay_steps" in ExponentialDecay: did you mean "decaySteps"?',
    );
  });

  it('checks optimizers.get’s options as the constructor does', () => {
    expect(() => optimizers.get('adam', { lr: 0.1 } as never)).toThrow(new TypeError('Unknown option "lr" in Adam: did you mean "learningRate"?'));
    expect(optimizers.get('Adam', { learningRate: 0.01, beta1: 0.8 }).getConfig()).toMatchObject({ learning_rate: 0.01, beta_1: 0.8 });
    expect(optimizers.get('sgd', 0.2).currentLearningRate()).toBe(0.2);
    expect(() => optimizers.get(optimizers.adam(), { learningRate: 0.1 })).toThrow("Expected an optimizer name with options (get('adam', { learningRate: 0.01 })), received options with");
  });

  it('still reads configs from files leniently: Keras keys a class does not take are named as before', () => {
    const schedule = optimizers.getSchedule({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: false, name: 'ExponentialDecay' } });
    expect(schedule.call(10)).toBeCloseTo(0.05, 12);
    expect(() => optimizers.get({ class_name: 'SGD', config: { learning_rate: 0.1, beta_1: 0.9 } })).toThrow('Expected config keys of optimizer SGD among');
    expect(() => optimizers.getSchedule({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5 } })).toThrow(
      'Expected config keys of schedule "CosineDecay" among',
    );
  });

  it('checks the options objects of clipGradients and excludeFromWeightDecay', () => {
    expect(() => optimizers.clipGradients([], { clipnorm: 1 } as never)).toThrow(new TypeError('Unknown option "clipnorm" in clipGradients: did you mean "clipNorm"?'));
    expect(() => optimizers.adamw().excludeFromWeightDecay({ variable_names: ['bias'] } as never)).toThrow('Unknown option "variable_names" in excludeFromWeightDecay: did you mean "variableNames"?');
  });

  it('does not check a user’s subclass that declares no option keys', () => {
    class Plain extends optimizers.SGD {}
    expect(new Plain({ learningRate: 0.5, ownOption: 1 } as never).currentLearningRate()).toBe(0.5);
  });
});

describe('a number where Keras and tfjs take the learning rate first', () => {
  it.each(Object.entries(FACTORIES))('%s(0.05) is the learning rate', (_name, factory) => {
    expect(factory(0.05).currentLearningRate()).toBe(0.05);
  });

  it('refuses a second positional argument (tfjs’s beta1, momentum…) instead of ignoring it', () => {
    expect(() => (optimizers.adam as (...args: unknown[]) => unknown)(0.01, 0.9)).toThrow(
      new TypeError('Expected one argument to adam (an options object or the learning rate), received 2: pass the others as options, e.g. adam({ learningRate: 0.01, … })'),
    );
  });

  it.each(Object.entries(FACTORIES))('%s(0.01, 0.9) is refused, naming the factory', (name, factory) => {
    expect(() => (factory as (...args: unknown[]) => unknown)(0.01, 0.9)).toThrow(`Expected one argument to ${name} (an options object or the learning rate), received 2`);
  });

  it('refuses a number given to a constructor, which takes options', () => {
    expect(() => new optimizers.SGD(0.01 as never)).toThrow(new TypeError('Expected the options of SGD to be an object, received 0.01'));
  });
});

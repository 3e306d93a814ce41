import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { get } from './get-optimizer';
import type { SGD } from './sgd';

describeEachBackend('optimizer configs', () => {
  it("reads Keras's clipvalue and global_clipnorm into their options", () => {
    const byValue = get({ class_name: 'SGD', config: { learning_rate: 0.1, clipvalue: 0.5 } });
    expect(byValue.getConfig()).toMatchObject({ clipvalue: 0.5, global_clipnorm: null });
    const byGlobalNorm = get({ class_name: 'SGD', config: { learning_rate: 0.1, global_clipnorm: 2 } });
    expect(byGlobalNorm.getConfig()).toMatchObject({ clipvalue: null, global_clipnorm: 2 });
  });

  it.each(['ema_overwrite_frequency', 'loss_scale_factor', 'gradient_accumulation_steps'])('refuses %s when it is set, naming it', (key) => {
    expect(() => get({ class_name: 'SGD', config: { learning_rate: 0.1, [key]: 4 } })).toThrow(
      new Error(`Expected ${key} to be off (null or false) in the config of optimizer SGD, which Dendrite does not support, received 4`),
    );
  });

  it("ignores Keras 2's decay and jit_compile", () => {
    const optimizer = get({ class_name: 'SGD', config: { learning_rate: 0.1, momentum: 0.5, decay: 0, jit_compile: true } }) as SGD;
    expect([optimizer.currentLearningRate(), optimizer.momentum]).toEqual([0.1, 0.5]);
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import { dense } from '@dendrite/layers';
import type { LossName, MetricName } from '@dendrite/losses';
import type { OptimizerName } from '@dendrite/optimizers';
import { sequential } from '../sequential';
import type { CompileArgs } from './compile';

// Misspelled identifiers are type errors (each @ts-expect-error fails typecheck if it compiles)
// and still errors at run time for JavaScript users.
describe('compile identifier types', () => {
  const model = () => sequential({ layers: [dense({ units: 2, inputShape: [3] })] });

  it("accepts Keras's names in Keras's and tfjs-layers' spellings", () => {
    expectTypeOf<'adam' | 'RMSprop' | 'sgd'>().toMatchTypeOf<OptimizerName>();
    expectTypeOf<'mse' | 'categorical_crossentropy' | 'categoricalCrossentropy' | 'Huber'>().toMatchTypeOf<LossName>();
    expectTypeOf<'accuracy' | 'acc' | 'auc' | 'sparseCategoricalAccuracy' | 'mae' | 'binary_crossentropy'>().toMatchTypeOf<MetricName>();
    const args: CompileArgs = { optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy', 'sparse_top_k_categorical_accuracy'] };
    expect(() => model().compile(args)).not.toThrow();
  });

  it('rejects a misspelled optimizer, loss or metric', () => {
    expectTypeOf<'adamm'>().not.toMatchTypeOf<OptimizerName>();
    expectTypeOf<'msee'>().not.toMatchTypeOf<LossName>();
    expectTypeOf<'accuraccy'>().not.toMatchTypeOf<MetricName>();
    // @ts-expect-error 'adamm' is not an optimizer
    expect(() => model().compile({ optimizer: 'adamm', loss: 'mse' })).toThrow(/adamm/);
    // @ts-expect-error 'msee' is not a loss
    const misspelledLoss: CompileArgs = { optimizer: 'adam', loss: 'msee' };
    expect(misspelledLoss.loss).toBe('msee');
    // @ts-expect-error 'accuraccy' is not a metric
    const misspelledMetric: CompileArgs = { optimizer: 'adam', loss: 'mse', metrics: ['accuraccy'] };
    expect(misspelledMetric.metrics).toEqual(['accuraccy']);
  });
});

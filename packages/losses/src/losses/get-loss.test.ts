import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { read } from '../testing/read';
import { mae, mse, MSE, KLD } from './aliases';
import { BinaryCrossentropy, binaryCrossentropy } from './binary-crossentropy';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { deserialize, get, isLossName, lossFunctionName, serialize } from './get-loss';
import { Huber } from './huber';
import { KLDivergence } from './kl-divergence';
import { LossFunctionWrapper } from './loss';
import { MeanSquaredError, meanSquaredError } from './mean-squared-error';

describeEachBackend('losses.get', () => {
  it('resolves every Keras spelling and alias', () => {
    for (const name of ['binary_crossentropy', 'binaryCrossentropy', 'BinaryCrossentropy', 'bce', 'BCE']) expect(get(name)).toBeInstanceOf(BinaryCrossentropy);
    const byName: Record<string, string> = {
      mse: 'MeanSquaredError',
      MSE: 'MeanSquaredError',
      mean_squared_error: 'MeanSquaredError',
      mae: 'MeanAbsoluteError',
      mape: 'MeanAbsolutePercentageError',
      msle: 'MeanSquaredLogarithmicError',
      kld: 'KLDivergence',
      KLD: 'KLDivergence',
      kl_divergence: 'KLDivergence',
      kullback_leibler_divergence: 'KLDivergence',
      huber: 'Huber',
      huber_loss: 'Huber',
      logcosh: 'LogCosh',
      sparse_categorical_crossentropy: 'SparseCategoricalCrossentropy',
      categorical_hinge: 'CategoricalHinge',
      squared_hinge: 'SquaredHinge',
      hinge: 'Hinge',
      poisson: 'Poisson',
      cosine_similarity: 'CosineSimilarity',
    };
    for (const [name, className] of Object.entries(byName)) expect(get(name).className, name).toBe(className);
    expect(isLossName('mean_absolute_error')).toBe(true);
    expect(isLossName('accuracy')).toBe(false);
  });

  it('deserializes {class_name, config}, and round-trips serialize', () => {
    const loss = get({ class_name: 'CategoricalCrossentropy', config: { from_logits: true, label_smoothing: 0.1 } });
    expect(loss).toBeInstanceOf(CategoricalCrossentropy);
    expect(serialize(loss)).toEqual({
      class_name: 'CategoricalCrossentropy',
      config: { name: 'categorical_crossentropy', reduction: 'sum_over_batch_size', from_logits: true, label_smoothing: 0.1, axis: -1 },
    });
    expect(serialize(deserialize(serialize(new Huber({ delta: 2, name: 'h' }))))).toEqual({ class_name: 'Huber', config: { name: 'h', reduction: 'sum_over_batch_size', delta: 2 } });
    expect(() => get({ class_name: 'Huber', config: { delta: 0 } })).toThrow('Expected delta to be a finite number > 0, received 0 in loss "huber_loss"');
    expect(() => get({ class_name: 'MeanSquaredError', config: { from_logits: true } })).toThrow(/received unknown \[from_logits\]/);
  });

  it('passes a Loss through and wraps a function, named after it', () => {
    const instance = new KLDivergence();
    expect(get(instance)).toBe(instance);
    const wrapped = get(meanSquaredError);
    expect(wrapped).toBeInstanceOf(LossFunctionWrapper);
    expect(wrapped.name).toBe('mean_squared_error');
    expect(read(wrapped.apply(tf.tensor2d([[1]]), tf.tensor2d([[3]])))).toEqual([4]);
    expect(get((t: tf.Tensor, p: tf.Tensor) => tf.sub(t, p)).name).toBe('custom_loss');
  });

  it('names the Keras function behind a loss, for resolving accuracy', () => {
    expect(lossFunctionName(new BinaryCrossentropy({ name: 'bce_1' }))).toBe('binary_crossentropy');
    expect(lossFunctionName(get('scce'))).toBe('sparse_categorical_crossentropy');
    expect(lossFunctionName(get(binaryCrossentropy))).toBe('binary_crossentropy');
    expect(lossFunctionName(new MeanSquaredError({ name: 'm' }))).toBe('mean_squared_error');
    expect(lossFunctionName(get(function myLoss(t: tf.Tensor) { return t; }))).toBe('myLoss');
  });

  it('exports the Keras short names as the same functions', () => {
    expect([mse, MSE, mae.name, KLD.name]).toEqual([meanSquaredError, meanSquaredError, 'mean_absolute_error', 'kl_divergence']);
  });

  it('names unknown identifiers and lists the known ones', () => {
    expect(() => get('mean_squared_eror')).toThrow(/^Unknown loss "mean_squared_eror": expected one of MeanSquaredError, MeanAbsoluteError/);
    expect(() => get(42 as never)).toThrow('Expected a loss name, a {class_name, config} object, a Loss or a function, received 42');
    expect(() => get({ class_name: 'Nope', config: {} })).toThrow(/^Unknown loss "Nope"/);
  });
});

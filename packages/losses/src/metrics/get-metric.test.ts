import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { BinaryCrossentropy } from '../losses/binary-crossentropy';
import { meanAbsoluteError } from '../losses/mean-absolute-error';
import { binaryAccuracy, sparseCategoricalAccuracy } from './accuracy-functions';
import { AUC } from './auc';
import { deserialize, get, serialize } from './get-metric';
import type { Metric } from './metric';

/** The class name and name of a resolved metric (disposed). */
function described(metric: Metric): [string, string] {
  const result: [string, string] = [metric.className, metric.name];
  metric.dispose();
  return result;
}

describeEachBackend('metrics.get', () => {
  it('resolves accuracy from the loss and shapes, keeping the name it was given', () => {
    expect(described(get('accuracy', { lossName: 'binary_crossentropy' }))).toEqual(['BinaryAccuracy', 'accuracy']);
    expect(described(get('acc', { yTrueShape: [32], yPredShape: [32, 10] }))).toEqual(['SparseCategoricalAccuracy', 'acc']);
    expect(described(get('Accuracy', { lossName: 'categorical_crossentropy', yTrueShape: [4, 3], yPredShape: [4, 3] }))).toEqual(['CategoricalAccuracy', 'Accuracy']);
    expect(described(get({ class_name: 'Accuracy', config: {} }))).toEqual(['Accuracy', 'accuracy']);
  });

  it('resolves Keras names and aliases, naming the metric by the string given, as Keras 3', () => {
    const byName: Record<string, string> = {
      mae: 'MeanAbsoluteError',
      mse: 'MeanSquaredError',
      MSE: 'MeanSquaredError',
      rmse: 'RootMeanSquaredError',
      mape: 'MeanAbsolutePercentageError',
      msle: 'MeanSquaredLogarithmicError',
      mean_absolute_error: 'MeanAbsoluteError',
      binary_accuracy: 'BinaryAccuracy',
      categorical_accuracy: 'CategoricalAccuracy',
      sparse_categorical_accuracy: 'SparseCategoricalAccuracy',
      top_k_categorical_accuracy: 'TopKCategoricalAccuracy',
      sparse_top_k_categorical_accuracy: 'SparseTopKCategoricalAccuracy',
      AUC: 'AUC',
      auc: 'AUC',
      Precision: 'Precision',
      recall: 'Recall',
      mean: 'Mean',
    };
    for (const [name, className] of Object.entries(byName)) expect(described(get(name)), name).toEqual([className, name]);
  });

  it('turns a loss name, a Loss or a loss config into the streaming mean of that loss', () => {
    const metric = get('binary_crossentropy');
    expect(metric.name).toBe('binary_crossentropy');
    tf.tidy(() => metric.updateState(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.8], [0.4]])));
    expect(metric.resultValue()).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 5);
    metric.dispose();
    expect(described(get('kld'))).toEqual(['MeanMetricWrapper', 'kld']);
    expect(described(get(new BinaryCrossentropy({ fromLogits: true, name: 'bce_logits' })))).toEqual(['MeanMetricWrapper', 'bce_logits']);
    const fromConfig = get({ class_name: 'BinaryCrossentropy', config: { from_logits: true } });
    tf.tidy(() => fromConfig.updateState(tf.tensor2d([[1]]), tf.tensor2d([[0]])));
    expect(fromConfig.resultValue()).toBeCloseTo(Math.LN2, 5);
    fromConfig.dispose();
  });

  it('wraps functions under their Keras names, and passes metrics through', () => {
    expect(described(get(binaryAccuracy))).toEqual(['MeanMetricWrapper', 'binary_accuracy']);
    expect(described(get(sparseCategoricalAccuracy))).toEqual(['MeanMetricWrapper', 'sparse_categorical_accuracy']);
    expect(described(get(meanAbsoluteError))).toEqual(['MeanMetricWrapper', 'mean_absolute_error']);
    expect(described(get((t: tf.Tensor) => t))).toEqual(['MeanMetricWrapper', 'custom_metric']);
    const auc = new AUC();
    expect(get(auc)).toBe(auc);
    auc.dispose();
  });

  it('deserializes configs and round-trips serialize', () => {
    const auc = get({ class_name: 'AUC', config: { curve: 'PR', num_thresholds: 50 } });
    const serialized = serialize(auc);
    expect(serialized).toEqual({ class_name: 'AUC', config: { name: 'auc', num_thresholds: 50, curve: 'PR', summation_method: 'interpolation', from_logits: false } });
    const again = deserialize(serialized);
    expect(serialize(again)).toEqual(serialized);
    [auc, again].forEach((metric) => metric.dispose());
  });

  it('names unknown identifiers', () => {
    expect(() => get('acuracy')).toThrow(/^Unknown metric "acuracy": expected accuracy, acc, one of Accuracy, BinaryAccuracy/);
    expect(() => get({ class_name: 'SpecificityAtSensitivity', config: {} })).toThrow(/^Unknown metric class "SpecificityAtSensitivity": expected one of Accuracy/);
    expect(() => get(7 as never)).toThrow('Expected a metric name, a {class_name, config} object, a Metric, a Loss or a function, received 7');
    expect(() => get({ class_name: 'Precision', config: { thresholds: 2 } })).toThrow('Expected thresholds to be a number in [0, 1], received 2 in metric "precision"');
  });
});

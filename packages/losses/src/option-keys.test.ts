import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectNoLeakedTensors } from '@dendrite/test-utils';
import * as losses from './losses/index';
import { Loss, LossFunctionWrapper } from './losses/loss';
import * as metrics from './metrics/index';
import { MeanMetricWrapper, WeightedMean } from './metrics/mean';
import { Metric } from './metrics/metric';

type Constructible<T> = { className: string; name: string; new (args: never): T };

/** Every class in `namespace` that derives from `base`, abstract ones included. */
function subclasses<T>(namespace: object, base: abstract new (...args: never[]) => T): Array<Constructible<T>> {
  const exported: unknown[] = Object.values(namespace);
  return exported.filter((value): value is Constructible<T> => typeof value === 'function' && value.prototype instanceof base);
}

/** Classes whose constructor takes its options first (the wrappers take a function, WeightedMean a name). */
const OPTIONS_FIRST = (cls: unknown) => cls !== LossFunctionWrapper && cls !== MeanMetricWrapper && cls !== WeightedMean;

describe('unknown option keys in losses and metrics', () => {
  it('finds every loss and metric class, registered ones included', () => {
    const lossNames = subclasses(losses, Loss).map((cls) => cls.className);
    expect(lossNames).toEqual(expect.arrayContaining(['MeanSquaredError', 'BinaryCrossentropy', 'CategoricalCrossentropy', 'SparseCategoricalCrossentropy', 'Huber', 'CosineSimilarity', 'KLDivergence', 'LogCosh', 'Poisson', 'Hinge', 'SquaredHinge', 'CategoricalHinge', 'MeanAbsoluteError', 'MeanAbsolutePercentageError', 'MeanSquaredLogarithmicError']));
    const metricNames = subclasses(metrics, Metric).map((cls) => cls.className);
    expect(metricNames).toEqual(expect.arrayContaining(['Mean', 'Sum', 'Accuracy', 'BinaryAccuracy', 'CategoricalAccuracy', 'SparseCategoricalAccuracy', 'TopKCategoricalAccuracy', 'SparseTopKCategoricalAccuracy', 'MeanSquaredError', 'MeanAbsoluteError', 'MeanAbsolutePercentageError', 'MeanSquaredLogarithmicError', 'RootMeanSquaredError', 'Precision', 'Recall', 'AUC']));
  });

  it.each(subclasses(losses, Loss).filter(OPTIONS_FIRST).map((cls) => [cls.className, cls] as const))('loss %s refuses a bogus key', (className, cls) => {
    expect(() => new cls({ bogusOption: 1 } as never)).toThrow(TypeError);
    expect(() => new cls({ bogusOption: 1 } as never)).toThrow(`Unknown option "bogusOption" in ${className}; expected one of "`);
  });

  it.each(subclasses(metrics, Metric).filter(OPTIONS_FIRST).map((cls) => [cls.className, cls] as const))('metric %s refuses a bogus key, creating no state', async (className, cls) => {
    await expectNoLeakedTensors(() => {
      expect(() => new cls({ bogusOption: 1 } as never)).toThrow(TypeError);
      expect(() => new cls({ bogusOption: 1 } as never)).toThrow(`Unknown option "bogusOption" in ${className}; expected one of "`);
    });
  });

  it('checks the function wrappers’ options too', () => {
    const fn = (t: tf.Tensor) => t;
    expect(() => new LossFunctionWrapper(fn, { reductions: 'sum' } as never)).toThrow('Unknown option "reductions" in LossFunctionWrapper: did you mean "reduction"?');
  });

  it('names the spelling meant for Keras’s snake_case keys', () => {
    expect(() => new losses.CategoricalCrossentropy({ from_logits: true } as never)).toThrow(new TypeError('Unknown option "from_logits" in CategoricalCrossentropy: did you mean "fromLogits"?'));
    expect(() => new losses.BinaryCrossentropy({ label_smoothing: 0.1 } as never)).toThrow('Unknown option "label_smoothing" in BinaryCrossentropy: did you mean "labelSmoothing"?');
    expect(() => new losses.SparseCategoricalCrossentropy({ ignore_class: -1 } as never)).toThrow('did you mean "ignoreClass"?');
    expect(() => new losses.MeanSquaredError({ reduction: 'sum', nme: 'x' } as never)).toThrow('Unknown option "nme" in MeanSquaredError: did you mean "name"?');
    expect(() => new metrics.BinaryAccuracy({ treshold: 0.7 } as never)).toThrow('Unknown option "treshold" in BinaryAccuracy: did you mean "threshold"?');
    expect(() => new metrics.AUC({ num_thresholds: 10 } as never)).toThrow('Unknown option "num_thresholds" in AUC: did you mean "numThresholds"?');
    expect(() => new metrics.Precision({ top_k: 1 } as never)).toThrow('Unknown option "top_k" in Precision: did you mean "topK"?');
    expect(() => new metrics.TopKCategoricalAccuracy({ K: 3 } as never)).toThrow('Unknown option "K" in TopKCategoricalAccuracy: did you mean "k"?');
  });

  it('refuses a bare number where the class takes options (Keras’s Huber(2.0), TopKCategoricalAccuracy(3))', () => {
    expect(() => new losses.Huber(2 as never)).toThrow(new TypeError('Expected the options of Huber to be an object, received 2'));
    expect(() => new metrics.TopKCategoricalAccuracy(3 as never)).toThrow('Expected the options of TopKCategoricalAccuracy to be an object, received 3');
  });

  it('checks the options of the loss and metric functions', () => {
    const yTrue = tf.tensor2d([[0, 1]]);
    const yPred = tf.tensor2d([[0.3, 0.7]]);
    expect(() => losses.categoricalCrossentropy(yTrue, yPred, { from_logits: true } as never)).toThrow(new TypeError('Unknown option "from_logits" in categoricalCrossentropy: did you mean "fromLogits"?'));
    expect(() => losses.binaryCrossentropy(yTrue, yPred, { axes: 0 } as never)).toThrow('Unknown option "axes" in binaryCrossentropy: did you mean "axis"?');
    expect(() => losses.sparseCategoricalCrossentropy(tf.tensor1d([1]), yPred, { from_logit: true } as never)).toThrow('did you mean "fromLogits"?');
    expect(() => losses.huber(yTrue, yPred, { Delta: 2 } as never)).toThrow('Unknown option "Delta" in huber: did you mean "delta"?');
    expect(() => losses.cosineSimilarity(yTrue, yPred, { dim: 1 } as never)).toThrow('Unknown option "dim" in cosineSimilarity; expected one of "axis"');
    expect(() => metrics.binaryAccuracy(yTrue, yPred, { threshhold: 0.3 } as never)).toThrow('did you mean "threshold"?');
    expect(() => metrics.topKCategoricalAccuracy(yTrue, yPred, { top_k: 1 } as never)).toThrow('Unknown option "top_k" in topKCategoricalAccuracy; expected one of "k"');
    tf.dispose([yTrue, yPred]);
  });

  it('checks the options objects of the helpers: metrics.get’s context, alignShapes, validateLabels, confusionCounts', () => {
    const yTrue = tf.tensor1d([1, 0]);
    const yPred = tf.tensor1d([0.8, 0.4]);
    expect(() => metrics.get('accuracy', { loss_name: 'binary_crossentropy' } as never)).toThrow('Unknown option "loss_name" in metrics.get: did you mean "lossName"?');
    expect(() => metrics.resolveAccuracy({ lossname: 'mse' } as never)).toThrow('Unknown option "lossname" in resolveAccuracy: did you mean "lossName"?');
    expect(() => losses.alignShapes(yTrue, yPred, 'test', { broadcasts: false } as never)).toThrow('Unknown option "broadcasts" in alignShapes: did you mean "broadcast"?');
    expect(() => losses.validateLabels([0, 1], 'y', { num_classes: 2 } as never)).toThrow('Unknown option "num_classes" in validateLabels: did you mean "numClasses"?');
    expect(() => metrics.confusionCounts(yTrue, yPred, [0.5], { owner: 'test', sample_weight: yTrue } as never)).toThrow('did you mean "sampleWeight"?');
    tf.dispose([yTrue, yPred]);
  });

  it('refuses options given in place of yTrue, naming a typo first', () => {
    expect(() => (losses.categoricalCrossentropy as (...args: unknown[]) => unknown)({ from_logits: true })).toThrow('Unknown option "from_logits" in categoricalCrossentropy: did you mean "fromLogits"?');
    expect(() => (losses.categoricalCrossentropy as (...args: unknown[]) => unknown)({ fromLogits: true })).toThrow(
      new TypeError('Expected categoricalCrossentropy(yTrue, yPred, options?), received the options {"fromLogits":true} in place of yTrue: pass them third, or make CategoricalCrossentropy with them (new CategoricalCrossentropy(options))'),
    );
  });

  it('still reads configs from files leniently, with the same message for keys no class reads', () => {
    const loss = losses.get({ class_name: 'BinaryCrossentropy', config: { name: 'bce', reduction: 'sum_over_batch_size', from_logits: true, label_smoothing: 0, axis: -1, dtype: 'float32' } });
    expect(loss.getConfig()).toMatchObject({ from_logits: true });
    expect(() => losses.get({ class_name: 'MeanSquaredError', config: { name: 'mse', from_logits: true } })).toThrow('Expected config keys of loss MeanSquaredError among [name, reduction], received unknown [from_logits]');
    const auc = metrics.get({ class_name: 'AUC', config: { name: 'auc', num_thresholds: 50, curve: 'PR', dtype: 'float32' } });
    expect(auc.getConfig()).toMatchObject({ num_thresholds: 50, curve: 'PR' });
    auc.dispose();
    expect(() => metrics.get({ class_name: 'BinaryAccuracy', config: { name: 'acc', k: 3 } })).toThrow('Expected config keys of metric BinaryAccuracy among [name, threshold], received unknown [k]');
  });

  it('does not check a user’s subclass that declares no option keys', () => {
    class Scaled extends losses.MeanSquaredError {}
    expect(new Scaled({ name: 'scaled', scale: 2 } as never).name).toBe('scaled');
  });
});

import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { MeanAbsolutePercentageError, MeanSquaredLogarithmicError, RootMeanSquaredError } from './regression-metrics';

describeEachBackend('regression metrics’ other names and shapes', () => {
  it('name MAPE, MSLE and RMSE as Keras; RMSE broadcasts a size-1 axis and names shapes it cannot pair', () => {
    const metrics = [new MeanAbsolutePercentageError(), new MeanSquaredLogarithmicError(), new RootMeanSquaredError()];
    expect(metrics.map((metric) => metric.name)).toEqual(['mean_absolute_percentage_error', 'mean_squared_logarithmic_error', 'root_mean_squared_error']);
    const rmse = metrics[2];
    // [2, 1] targets against [2, 2] predictions: squared errors 1, 0 | 0, 4: the root of their mean, √(5/4).
    tf.tidy(() => rmse.updateState(tf.tensor2d([[1], [2]]), tf.tensor2d([[2, 1], [2, 4]])));
    expect(rmse.resultValue()).toBeCloseTo(Math.sqrt(5 / 4), 6);
    expect(() => tf.tidy(() => rmse.updateState(tf.zeros([2, 3]), tf.zeros([2, 2])))).toThrow(
      new Error('Expected yTrue and yPred to have compatible shapes, received [2, 3] and [2, 2] in metric "root_mean_squared_error"'),
    );
    metrics.forEach((metric) => metric.dispose());
  });
});

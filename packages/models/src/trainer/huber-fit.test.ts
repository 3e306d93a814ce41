import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { sequential } from '../sequential';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

/** The course's own Huber loss, written with tf.where(tf.less(...)) as a Keras user would. */
function courseHuber(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const error = tf.sub(yTrue, yPred);
  const isSmall = tf.less(tf.abs(error), 1);
  const squared = tf.div(tf.square(error), 2);
  const linear = tf.sub(tf.abs(error), 0.5);
  return tf.where(isSmall, squared, linear);
}

// y = 2x − 1 and one outlier: errors both inside and beyond delta. Huber's gradient is bounded,
// so the fit follows the seven points on the line rather than the outlier.
const x = [[-2], [-1], [0], [1], [2], [3], [4], [5]];
const y = [[-5], [-3], [-1], [1], [3], [5], [7], [30]];

describeEachBackend('losses with comparisons train through fit', () => {
  const losses: Array<[string, 'huber' | typeof courseHuber]> = [
    ["loss: 'huber'", 'huber'],
    ['a custom loss with tf.where(tf.less(...))', courseHuber],
  ];
  it.each(losses)('%s: the loss falls and nothing leaks', async (_name, loss) => {
    setSeed(14);
    const model = sequential({ layers: [dense({ units: 1, inputShape: [1] })] });
    model.compile({ optimizer: sgd({ learningRate: 0.05 }), loss });
    const first = await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
    const history = await expectNoLeakedTensors(() => model.fit(x, y, { epochs: 150, batchSize: 4, verbose: 0 }));
    // The outlier alone leaves (|30 − 9| − ½) / 8 ≈ 2.56 at the line's weights.
    expect(history.history.loss[149]).toBeLessThan(first.history.loss[0]);
    expect(history.history.loss[149]).toBeLessThan(2.6);
    const [kernel, bias] = model.getWeights().map((weight) => weight.dataSync()[0]);
    expect(Math.abs(kernel - 2)).toBeLessThan(0.25);
    expect(Math.abs(bias + 1)).toBeLessThan(0.5);
    await expectNoLeakedTensors(() => model.evaluate(x, y, { batchSize: 4 }));
    model.dispose();
  });
});

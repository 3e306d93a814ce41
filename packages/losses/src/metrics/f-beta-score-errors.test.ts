import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { read } from '../testing/read';
import { F1Score, FBetaScore } from './f-beta-score';

describeEachBackend('FBetaScore’s arguments', () => {
  it('refuses a beta of another type as a TypeError and a non-positive or infinite one as a RangeError', () => {
    const message = (received: string) => `Expected beta to be a finite number > 0, received ${received} in metric "fbeta_score"`;
    expect(() => new FBetaScore({ beta: '2' as never })).toThrow(new TypeError(message('"2"')));
    expect(() => new FBetaScore({ beta: -1 })).toThrow(new RangeError(message('-1')));
    expect(() => new FBetaScore({ beta: Infinity })).toThrow(new RangeError(message('Infinity')));
    expect(() => new FBetaScore({ threshold: 1.5 })).toThrow(new RangeError('Expected threshold to be a number in [0, 1], received 1.5 in metric "fbeta_score"'));
  });

  it('takes a threshold of 1 (nothing predicted) and names shapes it cannot count', () => {
    const metric = new F1Score({ threshold: 1 });
    tf.tidy(() => metric.updateState(tf.tensor2d([[1, 0], [0, 1]]), tf.tensor2d([[1, 0.5], [0.2, 0.9]])));
    expectArraysClose(read(metric.result()), [0, 0], 1e-7);
    const shapes = (a: number[], b: number[]) => () => tf.tidy(() => metric.updateState(tf.zeros(a), tf.zeros(b)));
    const message = (a: string, b: string) => new Error(`Expected yTrue and yPred of shape [batch, classes], received [${a}] and [${b}] in metric "f1_score"`);
    expect(shapes([2, 2], [2, 3])).toThrow(message('2, 2', '2, 3'));
    expect(shapes([2, 2], [2, 2, 1])).toThrow(message('2, 2', '2, 2, 1'));
    expect(shapes([2, 2, 1], [2, 2])).toThrow(message('2, 2, 1', '2, 2'));
    expect(() => metric.updateState([[1, 0]] as never, tf.zeros([1, 2]))).toThrow(new Error('Expected yTrue to be a tf.Tensor, received [[1,0]] in metric "f1_score"'));
    expect(() => metric.updateState(tf.zeros([1, 2]), 'p' as never)).toThrow(new Error('Expected yPred to be a tf.Tensor, received "p" in metric "f1_score"'));
    metric.dispose();
  });
});

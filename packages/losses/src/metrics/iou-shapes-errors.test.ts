import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { IoU } from './iou';
import { BinaryIoU, OneHotMeanIoU } from './iou-variants';

describeEachBackend('IoU’s shapes and arguments', () => {
  it('takes sample weights of shape [batch, 1] as [batch] (Keras’s docstring example)', () => {
    const metric = new IoU({ numClasses: 2, targetClassIds: [0] });
    tf.tidy(() => metric.updateState(tf.tensor1d([0, 0, 1, 1]), tf.tensor1d([0, 1, 0, 1]), tf.tensor2d([[0.3], [0.3], [0.3], [0.1]])));
    expect(metric.resultValue()).toBeCloseTo(0.33333334, 5);
    metric.dispose();
  });

  it('one-hot labels and scores: the classes along the last axis on rank 3', () => {
    // One image of two pixels, two classes: labels [0, 1], predictions [0, 0].
    // Confusion [[1, 0], [1, 0]]: IoU 1 / (1 + 2 − 1) = ½ for class 0, 0 for class 1, mean ¼
    // (along axis 1 instead, both pixels would be right: 1).
    const metric = new OneHotMeanIoU({ numClasses: 2 });
    tf.tidy(() => metric.updateState(tf.tensor3d([[[1, 0], [0, 1]]]), tf.tensor3d([[[0.9, 0.1], [0.8, 0.2]]])));
    expect(metric.resultValue()).toBeCloseTo(0.25, 5);
    metric.dispose();
  });

  it('names what it refuses', () => {
    const metric = new IoU({ numClasses: 3, targetClassIds: [0] });
    expect(() => metric.updateState(tf.tensor1d([0, 1, 2]), tf.tensor1d([0, 1]))).toThrow(new Error('Expected as many labels as predictions, received 3 and 2 in metric "io_u"'));
    expect(() => metric.updateState([0] as never, tf.tensor1d([0]))).toThrow(new Error('Expected yTrue to be a tf.Tensor, received [0] in metric "io_u"'));
    expect(() => metric.updateState(tf.tensor1d([0]), 0 as never)).toThrow(new Error('Expected yPred to be a tf.Tensor, received 0 in metric "io_u"'));
    metric.dispose();
    expect(() => new IoU({ numClasses: 3, targetClassIds: [] })).toThrow(new TypeError('Expected targetClassIds to be a non-empty list of class ids, received [] in metric "io_u"'));
    expect(() => new IoU({ numClasses: 3, targetClassIds: 1 as never })).toThrow(new TypeError('Expected targetClassIds to be a non-empty list of class ids, received 1 in metric "io_u"'));
    expect(() => new IoU({ numClasses: 3, targetClassIds: [-1] })).toThrow(new RangeError('Expected targetClassIds in [0, 3), received -1 in metric "io_u"'));
    expect(() => new IoU({ numClasses: 3, targetClassIds: [0.5] })).toThrow(new RangeError('Expected targetClassIds in [0, 3), received 0.5 in metric "io_u"'));
    expect(() => new BinaryIoU({ threshold: Number.NaN })).toThrow(new RangeError('Expected threshold to be a finite number, received NaN in metric "binary_io_u"'));
  });
});

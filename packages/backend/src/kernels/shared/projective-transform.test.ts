import { describe, expect, it } from 'vitest';
import { tf } from '../../tf/index';
import { describeEachBackend } from '@dendrite/test-utils';
import { mapCoordinate, projectiveTransform } from './projective-transform';

describe('mapCoordinate', () => {
  it('wraps periodically and reflects half-sample symmetrically at any distance', () => {
    // len 3: wrap … a b c | a b c | a b c …
    expect([-4, -3, -1, 3, 4, 6, 7].map((c) => mapCoordinate(c, 3, 'wrap'))).toEqual([2, 0, 2, 0, 1, 0, 1]);
    // reflect … c b a | a b c | c b a | a b c …
    expect([-1, -3, -4, 3, 5, 6, 8].map((c) => mapCoordinate(c, 3, 'reflect'))).toEqual([0, 2, 2, 2, 0, 0, 2]);
    expect([-2.5, 7].map((c) => mapCoordinate(c, 3, 'nearest'))).toEqual([0, 2]);
    expect(mapCoordinate(-2.5, 3, 'constant')).toBe(-2.5);
    expect(mapCoordinate(5, 1, 'wrap')).toBe(0);
  });

  it('samples bilinearly, filling outside with the fill value in constant mode', () => {
    const out = new Float32Array(3);
    // A 1×3 row shifted by half a pixel: x samples 0.5, 1.5, 2.5.
    projectiveTransform([10, 20, 30], [1, 1, 3, 1], [1, 0, 0.5, 0, 1, 0, 0, 0], 1, 'bilinear', 'constant', -10, [1, 3], out);
    expect(Array.from(out)).toEqual([15, 25, 10]);
  });
});

describeEachBackend('the Transform kernel', () => {
  it('transforms every image of a batch with its own matrix and wraps beyond one image', () => {
    const batch = tf.tensor4d([1, 2, 3, 4, 1, 2, 3, 4], [2, 2, 2, 1]);
    const transforms = tf.tensor2d([[-1, 0, 1, 0, 1, 0, 0, 0], [1, 0, 0, 0, -1, 1, 0, 0]]);
    const flipped = tf.image.transform(batch, transforms, 'bilinear', 'nearest');
    expect(Array.from(flipped.dataSync())).toEqual([2, 1, 4, 3, 3, 4, 1, 2]);
    const nine = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const shifted = tf.image.transform(nine, tf.tensor2d([[1, 0, 0, 0, 1, 2, 0, 0]]), 'nearest', 'wrap');
    expect(Array.from(shifted.dataSync())).toEqual([7, 8, 9, 1, 2, 3, 4, 5, 6]);
    tf.dispose([batch, transforms, flipped, nine, shifted]);
  });
});

import { describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { tf } from '../tf/index';
import { aboutCenter, rotationMatrix, shiftMatrix } from './affine-matrix';
import { FILL_MODES, isFillMode, transformImages } from './transform-images';

const nine = () => tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);

describe('transformImages', () => {
  it('samples each image through its matrix with the fill mode, freeing what it makes', async () => {
    await tf.setBackend('cpu');
    const x = nine();
    const before = tf.memory().numTensors;
    // The output pixel (r, c) samples (r, c + 1): the image moves left by one, wrapping.
    const moved = transformImages(x, [shiftMatrix(0, 1)], { fillMode: 'wrap', interpolation: 'nearest' });
    expect(Array.from(moved.dataSync())).toEqual([2, 3, 1, 5, 6, 4, 8, 9, 7]);
    // ImageDataGenerator's sign: a positive angle brings the left column, bottom up, to the top row.
    const turned = transformImages(x, [aboutCenter(rotationMatrix(Math.PI / 2), 3, 3)], { interpolation: 'nearest' });
    expect(Array.from(turned.dataSync())).toEqual([7, 4, 1, 8, 5, 2, 9, 6, 3]);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([x, moved, turned]);
  });

  it('wants one matrix per image and knows the fill modes', () => {
    const x = nine();
    expect(() => transformImages(x, [])).toThrow('Expected one transform matrix per image (1), received 0');
    expect(FILL_MODES).toEqual(['reflect', 'wrap', 'constant', 'nearest']);
    expect(isFillMode('wrap')).toBe(true);
    expect(isFillMode('mirror')).toBe(false);
    x.dispose();
  });
});

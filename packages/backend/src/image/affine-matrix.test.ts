import { describe, expect, it } from 'vitest';
import {
  IDENTITY_MATRIX, aboutCenter, isIdentityMatrix, multiplyMatrices, rotationMatrix, shearMatrix, shiftMatrix, toTfTransform, zoomMatrix,
} from './affine-matrix';

const rounded = (values: number[]) => values.map((v) => Math.round(v * 1e9) / 1e9 + 0);

describe('affine matrices', () => {
  it('multiply, and know the identity', () => {
    expect(multiplyMatrices([1, 2, 0, 0, 1, 0, 0, 0, 1], [1, 0, 3, 0, 1, 4, 0, 0, 1])).toEqual([1, 2, 11, 0, 1, 4, 0, 0, 1]);
    expect(isIdentityMatrix([...IDENTITY_MATRIX])).toBe(true);
    expect(isIdentityMatrix(shiftMatrix(0, 1e-9))).toBe(false);
  });

  it('build rotations, shifts, shears and zooms on (row, column) coordinates', () => {
    expect(rounded(rotationMatrix(Math.PI / 2))).toEqual([0, -1, 0, 1, 0, 0, 0, 0, 1]);
    expect(shiftMatrix(2, -1)).toEqual([1, 0, 2, 0, 1, -1, 0, 0, 1]);
    expect(rounded(shearMatrix(Math.PI / 6))).toEqual(rounded([1, -0.5, 0, 0, Math.cos(Math.PI / 6), 0, 0, 0, 1]));
    expect(zoomMatrix(2, 3)).toEqual([2, 0, 0, 0, 3, 0, 0, 0, 1]);
  });

  it('act about the image centre', () => {
    // A zoom by 2 about the centre of a 3×5 image keeps the centre pixel (1, 2) in place.
    const zoom = aboutCenter(zoomMatrix(2, 2), 3, 5);
    expect(zoom).toEqual([2, 0, -1, 0, 2, -2, 0, 0, 1]);
    // A quarter turn about (1, 1) of a 3×3 image sends output (0, 0) to input (1 - 1, 1 + 1) = (0, 2).
    const turn = aboutCenter(rotationMatrix(Math.PI / 2), 3, 3);
    expect(rounded([turn[2], turn[5]])).toEqual([2, 0]);
  });

  it('convert to tf.image.transform’s (x, y) order', () => {
    expect(toTfTransform(shiftMatrix(2, 1))).toEqual([1, 0, 1, 0, 1, 2, 0, 0]);
    expect(toTfTransform([1, 2, 3, 4, 5, 6, 0, 0, 1])).toEqual([5, 4, 6, 2, 1, 3, 0, 0]);
  });
});

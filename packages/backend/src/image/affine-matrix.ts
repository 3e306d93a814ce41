/**
 * 3×3 affine matrices on (row, column, 1) image coordinates, as Keras's
 * `apply_affine_transform` builds them: each maps an output pixel to the input point it samples.
 * Both `@dendrite/augment` (ImageDataGenerator) and the random image layers of
 * `@dendrite/layers` compose their transforms from these; each picks its own signs at the call
 * site (Keras's `RandomRotation` turns the other way from `ImageDataGenerator`'s rotation).
 */

/** A 3×3 matrix, row-major, on (row, column, 1) coordinates. */
export type Matrix3 = [number, number, number, number, number, number, number, number, number];

/** The matrix that leaves every pixel where it is. */
export const IDENTITY_MATRIX: Readonly<Matrix3> = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/**
 * `a · b` for 3×3 matrices: the transform that samples through `a`, then through `b`.
 *
 * @example
 * ```ts
 * multiplyMatrices(shiftMatrix(1, 0), zoomMatrix(2, 2)); // [2, 0, 1, 0, 2, 0, 0, 0, 1]
 * ```
 */
export function multiplyMatrices(a: Readonly<Matrix3>, b: Readonly<Matrix3>): Matrix3 {
  const out = new Array(9).fill(0) as Matrix3;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c] += a[r * 3 + k] * b[k * 3 + c];
  return out;
}

/** Whether a matrix is exactly the identity (leaves every pixel where it is). */
export function isIdentityMatrix(matrix: Readonly<Matrix3>): boolean {
  return matrix.every((value, i) => value === IDENTITY_MATRIX[i]);
}

/**
 * A rotation by `angle` radians: the output pixel (r, c) samples
 * (cos·r − sin·c, sin·r + cos·c). ImageDataGenerator passes its angle as it is, Keras's
 * `RandomRotation` its negation; wrap it in {@link aboutCenter} to turn about the image centre.
 */
export function rotationMatrix(angle: number): Matrix3 {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [cos, -sin, 0, sin, cos, 0, 0, 0, 1];
}

/**
 * A shift: the output pixel (r, c) samples (r + rowOffset, c + columnOffset), so positive offsets
 * move the image up and left (ImageDataGenerator's `tx`, `ty`); pass negated offsets to move it
 * down and right (Keras's `RandomTranslation`).
 */
export function shiftMatrix(rowOffset: number, columnOffset: number): Matrix3 {
  return [1, 0, rowOffset, 0, 1, columnOffset, 0, 0, 1];
}

/** A shear by `angle` radians, as Keras's `apply_affine_transform`: (r, c) samples (r − sin·c, cos·c). */
export function shearMatrix(angle: number): Matrix3 {
  return [1, -Math.sin(angle), 0, 0, Math.cos(angle), 0, 0, 0, 1];
}

/**
 * A zoom: (r, c) samples (rowZoom·r, columnZoom·c), so a zoom above 1 shows less of the image
 * (Keras's convention in both ImageDataGenerator and `RandomZoom`).
 */
export function zoomMatrix(rowZoom: number, columnZoom: number): Matrix3 {
  return [rowZoom, 0, 0, 0, columnZoom, 0, 0, 0, 1];
}

/**
 * `matrix` moved to act about the centre of a `height × width` image, ((h − 1)/2, (w − 1)/2), as
 * Keras's `transform_matrix_offset_center`.
 *
 * @example
 * ```ts
 * aboutCenter(rotationMatrix(Math.PI / 2), 3, 3); // a quarter turn about pixel (1, 1)
 * ```
 */
export function aboutCenter(matrix: Readonly<Matrix3>, height: number, width: number): Matrix3 {
  const centerRow = (height - 1) / 2;
  const centerColumn = (width - 1) / 2;
  return multiplyMatrices(multiplyMatrices(shiftMatrix(centerRow, centerColumn), matrix), shiftMatrix(-centerRow, -centerColumn));
}

/**
 * The 8 numbers of `tf.image.transform` (`[a0, a1, a2, b0, b1, b2, c0, c1]`, mapping an output
 * (x = column, y = row) to an input point) for a (row, column) matrix.
 *
 * @example
 * ```ts
 * toTfTransform(shiftMatrix(2, 1)); // [1, 0, 1, 0, 1, 2, 0, 0]
 * ```
 */
export function toTfTransform(matrix: Readonly<Matrix3>): number[] {
  return [matrix[4], matrix[3], matrix[5], matrix[1], matrix[0], matrix[2], 0, 0];
}

/**
 * Keras's affine image transform (`keras.preprocessing.image.apply_affine_transform`) as 3×3
 * matrices on (row, column) coordinates, and their conversion to the 8 numbers
 * `tf.image.transform` takes.
 */

/** A 3×3 matrix, row-major. */
export type Matrix3 = [number, number, number, number, number, number, number, number, number];

/** One image's random transform, in Keras's `transform_parameters` names. */
export interface TransformParameters {
  /** Rotation in degrees, counter-clockwise. */
  theta: number;
  /** Shift along rows (height), in pixels. */
  tx: number;
  /** Shift along columns (width), in pixels. */
  ty: number;
  /** Shear angle in degrees. */
  shear: number;
  /** Zoom along rows; > 1 shows less of the image (Keras's convention). */
  zx: number;
  /** Zoom along columns. */
  zy: number;
  flipHorizontal: boolean;
  flipVertical: boolean;
  /** Added to every channel, then clipped to the image's range. */
  channelShiftIntensity: number;
  /** Brightness factor (1 keeps the image), or null for none. */
  brightness: number | null;
}

/** The transform that leaves an image as it is. */
export const IDENTITY_PARAMETERS: TransformParameters = {
  theta: 0, tx: 0, ty: 0, shear: 0, zx: 1, zy: 1, flipHorizontal: false, flipVertical: false, channelShiftIntensity: 0, brightness: null,
};

/** `a · b` for 3×3 matrices. */
export function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const out = new Array(9).fill(0) as Matrix3;
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) out[r * 3 + c] += a[r * 3 + k] * b[k * 3 + c];
  return out;
}

const IDENTITY: Matrix3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** Whether a matrix leaves every pixel where it is. */
export function isIdentity(m: Matrix3): boolean {
  return m.every((value, i) => value === IDENTITY[i]);
}

/**
 * The matrix mapping an output pixel (row, column, 1) to the input point it samples, for an image
 * of `height × width`: Keras's rotation · shift · shear · zoom about the image centre, followed by
 * the flips (which Keras applies after the affine step; folding them in is exact).
 */
export function transformMatrix(p: TransformParameters, height: number, width: number): Matrix3 {
  let matrix = IDENTITY;
  if (p.theta !== 0) {
    const t = (p.theta * Math.PI) / 180;
    matrix = multiply(matrix, [Math.cos(t), -Math.sin(t), 0, Math.sin(t), Math.cos(t), 0, 0, 0, 1]);
  }
  if (p.tx !== 0 || p.ty !== 0) matrix = multiply(matrix, [1, 0, p.tx, 0, 1, p.ty, 0, 0, 1]);
  if (p.shear !== 0) {
    const s = (p.shear * Math.PI) / 180;
    matrix = multiply(matrix, [1, -Math.sin(s), 0, 0, Math.cos(s), 0, 0, 0, 1]);
  }
  if (p.zx !== 1 || p.zy !== 1) matrix = multiply(matrix, [p.zx, 0, 0, 0, p.zy, 0, 0, 0, 1]);
  if (matrix !== IDENTITY) {
    // Keras's transform_matrix_offset_center: about (h/2 - 0.5, w/2 - 0.5).
    const ox = height / 2 - 0.5;
    const oy = width / 2 - 0.5;
    matrix = multiply(multiply([1, 0, ox, 0, 1, oy, 0, 0, 1], matrix), [1, 0, -ox, 0, 1, -oy, 0, 0, 1]);
  }
  if (p.flipHorizontal) matrix = multiply(matrix, [1, 0, 0, 0, -1, width - 1, 0, 0, 1]);
  if (p.flipVertical) matrix = multiply(matrix, [-1, 0, height - 1, 0, 1, 0, 0, 0, 1]);
  return matrix;
}

/**
 * The 8 numbers of `tf.image.transform` (`[a0, a1, a2, b0, b1, b2, c0, c1]`, mapping an output
 * (x = column, y = row) to an input point) for a (row, column) matrix.
 */
export function toTfTransform(m: Matrix3): number[] {
  return [m[4], m[3], m[5], m[1], m[0], m[2], 0, 0];
}

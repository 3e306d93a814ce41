/**
 * Keras's affine image transform (`keras.preprocessing.image.apply_affine_transform`) composed
 * from the (row, column) matrices of @dendrite/backend, with ImageDataGenerator's signs.
 */
import { type Matrix3, IDENTITY_MATRIX, aboutCenter, multiplyMatrices, rotationMatrix, shearMatrix, shiftMatrix, zoomMatrix } from '@dendrite/backend/internal';

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

/**
 * The matrix mapping an output pixel (row, column, 1) to the input point it samples, for an image
 * of `height × width`: Keras's rotation · shift · shear · zoom about the image centre, followed by
 * the flips (which Keras applies after the affine step; folding them in is exact).
 */
export function transformMatrix(p: TransformParameters, height: number, width: number): Matrix3 {
  const steps: Matrix3[] = [];
  // Stryker disable next-line ConditionalExpression: a rotation of 0 is the exact identity matrix, a step that changes nothing
  if (p.theta !== 0) steps.push(rotationMatrix((p.theta * Math.PI) / 180));
  // Stryker disable next-line ConditionalExpression: a shift of (0, 0) is the exact identity matrix, a step that changes nothing
  if (p.tx !== 0 || p.ty !== 0) steps.push(shiftMatrix(p.tx, p.ty));
  // Stryker disable next-line ConditionalExpression: a shear of 0 is the exact identity matrix, a step that changes nothing
  if (p.shear !== 0) steps.push(shearMatrix((p.shear * Math.PI) / 180));
  if (p.zx !== 1 || p.zy !== 1) steps.push(zoomMatrix(p.zx, p.zy));
  let matrix: Matrix3 = steps.length === 0 ? [...IDENTITY_MATRIX] : aboutCenter(steps.reduce((a, b) => multiplyMatrices(a, b)), height, width);
  if (p.flipHorizontal) matrix = multiplyMatrices(matrix, aboutCenter(zoomMatrix(1, -1), height, width));
  if (p.flipVertical) matrix = multiplyMatrices(matrix, aboutCenter(zoomMatrix(-1, 1), height, width));
  return matrix;
}


import { type Draw, uniform } from '@dendrite/backend';
import type { TransformParameters } from './affine';
import type { ResolvedOptions, ShiftRange } from './generator-options';

function shift(draw: Draw, range: ShiftRange | undefined, size: number): number {
  if (range === undefined || range === 0 || (Array.isArray(range) && range.length === 0)) return 0;
  if (Array.isArray(range)) {
    // Keras: a value from the list, with a random sign.
    const entry = range[Math.floor(draw() * range.length)];
    // Stryker disable next-line ArithmeticOperator: dividing by a sign of ±1 is multiplying by it
    const value = entry * (draw() < 0.5 ? -1 : 1);
    return Math.max(...range) < 1 ? value * size : value;
  }
  const value = uniform(draw, -range, range);
  return range < 1 ? value * size : value;
}

/**
 * One image's random transform, drawn as Keras's `get_random_transform` draws it: rotation, height
 * and width shifts, shear, two independent zooms, flips with probability ½, a channel shift and a
 * brightness factor — each only when its option is set.
 */
export function drawTransform(options: ResolvedOptions, height: number, width: number, draw: Draw): TransformParameters {
  const theta = options.rotationRange ? uniform(draw, -options.rotationRange, options.rotationRange) : 0;
  const tx = shift(draw, options.heightShiftRange, height);
  const ty = shift(draw, options.widthShiftRange, width);
  const shear = options.shearRange ? uniform(draw, -options.shearRange, options.shearRange) : 0;
  const [low, high] = options.zoomRange;
  const zoomed = !(low === 1 && high === 1);
  const zx = zoomed ? uniform(draw, low, high) : 1;
  const zy = zoomed ? uniform(draw, low, high) : 1;
  const flipHorizontal = options.horizontalFlip ? draw() < 0.5 : false;
  const flipVertical = options.verticalFlip ? draw() < 0.5 : false;
  const channelShiftIntensity = options.channelShiftRange ? uniform(draw, -options.channelShiftRange, options.channelShiftRange) : 0;
  const brightness = options.brightnessRange ? uniform(draw, options.brightnessRange[0], options.brightnessRange[1]) : null;
  return { theta, tx, ty, shear, zx, zy, flipHorizontal, flipVertical, channelShiftIntensity, brightness };
}

/** Whether the options ask for any random transform at all. */
export function transforms(options: ResolvedOptions): boolean {
  const set = (range: ShiftRange | undefined) => (Array.isArray(range) ? range.length > 0 : Boolean(range));
  return Boolean(
    options.rotationRange || set(options.widthShiftRange) || set(options.heightShiftRange) || options.shearRange ||
      options.zoomRange[0] !== 1 || options.zoomRange[1] !== 1 || options.horizontalFlip || options.verticalFlip ||
      options.channelShiftRange || options.brightnessRange,
  );
}

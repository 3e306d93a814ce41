import { type FillMode, checkOptionKeys, describeValue, isFillMode, optionKeys } from '@dendrite/backend/internal';

/** How points outside the image are filled, as Keras's `fill_mode` (from @dendrite/backend). */
export type { FillMode };

/** A shift range: a fraction of the size (< 1), pixels (≥ 1), or a list of pixel values to choose from (either sign). */
export type ShiftRange = number | number[];

/**
 * Options of {@link ImageDataGenerator}, Keras's arguments in camelCase; a snake_case key is
 * refused with the camelCase one meant (`rotation_range` → `rotationRange`), as every option key.
 */
export interface ImageDataGeneratorOptions {
  /** Subtract the data set's per-channel mean (computed by `fit`). */
  featurewiseCenter?: boolean;
  /** Subtract each image's own mean. */
  samplewiseCenter?: boolean;
  /** Divide by the data set's per-channel standard deviation (computed by `fit`). */
  featurewiseStdNormalization?: boolean;
  /** Divide each image by its own standard deviation. */
  samplewiseStdNormalization?: boolean;
  /** Random rotations up to this many degrees either way. */
  rotationRange?: number;
  /** Random horizontal shifts: a fraction of the width (< 1), pixels (≥ 1), or a list of pixel values. */
  widthShiftRange?: ShiftRange;
  /** Random vertical shifts: a fraction of the height (< 1), pixels (≥ 1), or a list of pixel values. */
  heightShiftRange?: ShiftRange;
  /** Random shear up to this many degrees either way (counter-clockwise). */
  shearRange?: number;
  /** `z` for [1 − z, 1 + z], or `[low, high]`. */
  zoomRange?: number | [number, number];
  /** `[low, high]` brightness factors. */
  brightnessRange?: [number, number];
  /** Random shifts added to every channel, up to this much either way. */
  channelShiftRange?: number;
  /** How points outside the image are filled: `'nearest'` (default), `'constant'`, `'reflect'` or `'wrap'`. */
  fillMode?: FillMode;
  /** The fill value of `fillMode: 'constant'`. */
  cval?: number;
  /** Flip half the images left to right. */
  horizontalFlip?: boolean;
  /** Flip half the images upside down. */
  verticalFlip?: boolean;
  /** Multiplies every value (after the random transform), as `1 / 255`. */
  rescale?: number;
  /** Runs on each batch `[n, h, w, c]` before `rescale` (a function of tensors; must not keep them). */
  preprocessingFunction?: (batch: import('@dendrite/backend').tf.Tensor4D) => import('@dendrite/backend').tf.Tensor4D;
  /** The fraction held out for `subset: 'validation'` in `flow` and `flowFromDirectory`. */
  validationSplit?: number;
  /** Only `'channels_last'`. */
  dataFormat?: 'channels_last';
}

/** The keys of {@link ImageDataGeneratorOptions}, which {@link resolveOptions} checks. */
// Stryker disable BooleanLiteral: optionKeys reads only the record's keys, never its values
export const GENERATOR_OPTION_KEYS = optionKeys<ImageDataGeneratorOptions>({
  featurewiseCenter: true, samplewiseCenter: true, featurewiseStdNormalization: true, samplewiseStdNormalization: true,
  rotationRange: true, widthShiftRange: true, heightShiftRange: true, shearRange: true, zoomRange: true, brightnessRange: true,
  channelShiftRange: true, fillMode: true, cval: true, horizontalFlip: true, verticalFlip: true, rescale: true,
  preprocessingFunction: true, validationSplit: true, dataFormat: true,
});
// Stryker restore BooleanLiteral

/** A checked copy of the options: snake_case keys renamed, ranges validated, zoom as `[low, high]`. */
export interface ResolvedOptions extends Omit<ImageDataGeneratorOptions, 'zoomRange'> {
  zoomRange: [number, number];
  fillMode: FillMode;
  cval: number;
}

function fail(option: string, expected: string, received: unknown): Error {
  return new Error(`Expected ${option} to be ${expected} in ImageDataGenerator, received ${describeValue(received)}`);
}

/**
 * Validates {@link ImageDataGeneratorOptions}.
 *
 * @param raw - the options given
 * @param keys - the keys to check them against; null for a user's subclass, which declares none
 * @throws TypeError for an unknown key, naming the one meant (`rotation_range` → `rotationRange`)
 * @throws Error naming the option, what was expected and what was received
 */
export function resolveOptions(raw: ImageDataGeneratorOptions, keys: readonly string[] | null = GENERATOR_OPTION_KEYS): ResolvedOptions {
  if (keys !== null) checkOptionKeys(raw, keys, 'ImageDataGenerator');
  const o: ImageDataGeneratorOptions = { ...raw };
  for (const key of ['rotationRange', 'shearRange', 'channelShiftRange'] as const) {
    const value = o[key];
    if (value !== undefined && !(value >= 0 && Number.isFinite(value))) throw fail(key, 'a number ≥ 0', value);
  }
  for (const key of ['widthShiftRange', 'heightShiftRange'] as const) {
    const value = o[key];
    const ok = value === undefined || (typeof value === 'number' && value >= 0) || (Array.isArray(value) && value.every((v) => typeof v === 'number'));
    if (!ok) throw fail(key, 'a number ≥ 0 or a list of numbers', value);
  }
  let zoomRange: [number, number] = [1, 1];
  if (typeof o.zoomRange === 'number') {
    if (!(o.zoomRange >= 0 && o.zoomRange < 1)) throw fail('zoomRange', 'a number in [0, 1) or [low, high]', o.zoomRange);
    zoomRange = [1 - o.zoomRange, 1 + o.zoomRange];
  } else if (o.zoomRange !== undefined) {
    if (!Array.isArray(o.zoomRange) || o.zoomRange.length !== 2 || !(o.zoomRange[0] > 0 && o.zoomRange[1] >= o.zoomRange[0])) throw fail('zoomRange', 'a number in [0, 1) or [low, high] with 0 < low ≤ high', o.zoomRange);
    zoomRange = [o.zoomRange[0], o.zoomRange[1]];
  }
  if (o.brightnessRange !== undefined && !(Array.isArray(o.brightnessRange) && o.brightnessRange.length === 2 && o.brightnessRange[0] >= 0 && o.brightnessRange[1] >= o.brightnessRange[0])) {
    throw fail('brightnessRange', '[low, high] with 0 ≤ low ≤ high', o.brightnessRange);
  }
  const fillMode = o.fillMode ?? 'nearest';
  if (!isFillMode(fillMode)) throw fail('fillMode', 'one of "nearest", "constant", "reflect", "wrap"', fillMode);
  if (o.validationSplit !== undefined && !(o.validationSplit >= 0 && o.validationSplit < 1)) throw fail('validationSplit', 'a number in [0, 1)', o.validationSplit);
  if (o.rescale !== undefined && !Number.isFinite(o.rescale)) throw fail('rescale', 'a finite number', o.rescale);
  if (o.dataFormat !== undefined && o.dataFormat !== 'channels_last') throw fail('dataFormat', '"channels_last"', o.dataFormat);
  if (o.preprocessingFunction !== undefined && typeof o.preprocessingFunction !== 'function') throw fail('preprocessingFunction', 'a function', typeof o.preprocessingFunction);
  return { ...o, zoomRange, fillMode, cval: o.cval ?? 0 };
}

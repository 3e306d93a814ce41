import { checkOptionKeys, describeValue, nodeModules, optionKeys } from '@dendrite/backend/internal';
import { type DecodedImage, type DecodeImageOptions, decodeImage } from './decode-image';

/** Colour modes of Keras's `load_img`. */
export type ColorMode = 'grayscale' | 'rgb' | 'rgba';

/** Options of {@link loadImage}. */
export interface LoadImageOptions {
  /** 'rgb' (default), 'grayscale' or 'rgba'. */
  colorMode?: ColorMode;
  /** `[height, width]` to resize to. */
  targetSize?: [number, number];
  /** Resampling for `targetSize`: 'nearest' (Keras's default, as PIL) or 'bilinear' (half-pixel centres, no antialiasing). */
  interpolation?: 'nearest' | 'bilinear';
  /** The most pixels the file may declare (PIL's decompression-bomb limit, 178 956 970, by default). */
  maxPixels?: number;
}

const LOAD_IMAGE_KEYS = optionKeys<LoadImageOptions>({ colorMode: true, targetSize: true, interpolation: true, maxPixels: true });

const CHANNELS: Record<ColorMode, number> = { grayscale: 1, rgb: 3, rgba: 4 };

/** PIL's `convert('L')` luma of the RGBA pixel at byte `offset`. */
function luma(data: Uint8Array, offset: number): number {
  return (data[offset] * 19595 + data[offset + 1] * 38470 + data[offset + 2] * 7471 + 0x8000) >> 16;
}

/** Channel `channel` of the RGBA pixel at byte `offset` in a colour mode: the luma for grayscale. */
function channelValue(data: Uint8Array, offset: number, channel: number, grayscale: boolean): number {
  return grayscale ? luma(data, offset) : data[offset + channel];
}

/** PIL's nearest: the source pixel under each target pixel's centre. */
function resizeNearest(image: DecodedImage, values: Uint8Array, height: number, width: number, channels: number, grayscale: boolean): void {
  const sy = image.height / height;
  const sx = image.width / width;
  const columnOffsets = new Int32Array(width);
  for (let x = 0; x < width; x++) columnOffsets[x] = Math.min(image.width - 1, Math.floor((x + 0.5) * sx)) * 4;
  let out = 0;
  for (let y = 0; y < height; y++) {
    const rowOffset = Math.min(image.height - 1, Math.floor((y + 0.5) * sy)) * image.width * 4;
    for (let x = 0; x < width; x++) {
      const source = rowOffset + columnOffsets[x];
      for (let c = 0; c < channels; c++) values[out++] = channelValue(image.data, source, c, grayscale);
    }
  }
}

/**
 * Bilinear between the four source pixels around each target pixel's centre (half-pixel centres,
 * edges clamped, no antialiasing). The column taps and weights are computed once per image; the
 * four products are summed in a fixed order and rounded, so results do not depend on the layout.
 */
function resizeBilinear(image: DecodedImage, values: Uint8Array, height: number, width: number, channels: number, grayscale: boolean): void {
  const sy = image.height / height;
  const sx = image.width / width;
  const leftOffsets = new Int32Array(width);
  const rightOffsets = new Int32Array(width);
  const rightWeights = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.max(0, (x + 0.5) * sx - 0.5);
    const x0 = Math.min(image.width - 1, Math.floor(fx));
    leftOffsets[x] = x0 * 4;
    rightOffsets[x] = Math.min(image.width - 1, x0 + 1) * 4;
    rightWeights[x] = fx - x0;
  }
  const data = image.data;
  let out = 0;
  for (let y = 0; y < height; y++) {
    const fy = Math.max(0, (y + 0.5) * sy - 0.5);
    const y0 = Math.min(image.height - 1, Math.floor(fy));
    const top = y0 * image.width * 4;
    const bottom = Math.min(image.height - 1, y0 + 1) * image.width * 4;
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const wx = rightWeights[x];
      const topLeft = (1 - wy) * (1 - wx);
      const topRight = (1 - wy) * wx;
      const bottomLeft = wy * (1 - wx);
      const bottomRight = wy * wx;
      const left = leftOffsets[x];
      const right = rightOffsets[x];
      for (let c = 0; c < channels; c++) {
        const sum =
          topLeft * channelValue(data, top + left, c, grayscale) +
          topRight * channelValue(data, top + right, c, grayscale) +
          bottomLeft * channelValue(data, bottom + left, c, grayscale) +
          bottomRight * channelValue(data, bottom + right, c, grayscale);
        values[out++] = Math.round(sum);
      }
    }
  }
}

/**
 * Converts a decoded image to a colour mode and resizes it to `targetSize`, as Keras's `load_img`
 * (PIL) + `img_to_array`, into one flat `[h, w, c]` array.
 *
 * @throws TypeError for an unknown option (`color_mode` → `colorMode`)
 * @throws Error naming colorMode, targetSize or interpolation when it is not one Keras knows
 */
export function toArray(image: DecodedImage, options: LoadImageOptions = {}): { values: Uint8Array; shape: [number, number, number] } {
  checkOptionKeys(options, LOAD_IMAGE_KEYS, 'loadImage');
  if (options.targetSize !== undefined && !(Array.isArray(options.targetSize) && options.targetSize.length === 2 && options.targetSize.every((size) => Number.isInteger(size) && size > 0))) {
    throw new Error(`Expected targetSize to be [height, width] of positive integers in loadImage, received ${describeValue(options.targetSize)}`);
  }
  const mode = options.colorMode ?? 'rgb';
  if (!(mode in CHANNELS)) throw new Error(`Expected colorMode to be "grayscale", "rgb" or "rgba", received ${describeValue(mode)}`);
  const channels = CHANNELS[mode];
  const [height, width] = options.targetSize ?? [image.height, image.width];
  const interpolation = options.interpolation ?? 'nearest';
  if (interpolation !== 'nearest' && interpolation !== 'bilinear') throw new Error(`Expected interpolation to be "nearest" or "bilinear", received ${describeValue(interpolation)}`);
  const values = new Uint8Array(height * width * channels);
  const resize = interpolation === 'nearest' ? resizeNearest : resizeBilinear;
  resize(image, values, height, width, channels, mode === 'grayscale');
  return { values, shape: [height, width, channels] };
}

/**
 * Reads and decodes an image file, as it lies (no colour conversion, no resizing).
 *
 * @param options `maxPixels`: the most pixels the file may declare
 * @throws Error naming the file when it cannot be read (a folder, missing) or decoded
 */
export function readImageFile(path: string, options: DecodeImageOptions = {}): DecodedImage {
  const { fs } = nodeModules(`to read "${path}"`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(path));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`Expected an image file at "${path}", received ${code === 'EISDIR' ? 'a folder' : code === 'ENOENT' ? 'nothing' : `an unreadable path (${message})`}`);
  }
  return decodeImage(bytes, path, options);
}

/**
 * Reads an image file into `[h, w, c]` uint8 values, as Keras's `load_img` + `img_to_array`.
 *
 * @throws TypeError for an unknown option (`target_size` → `targetSize`)
 * @throws Error naming the file when it cannot be read or decoded
 */
export function loadImage(path: string, options: LoadImageOptions = {}): { values: Uint8Array; shape: [number, number, number] } {
  checkOptionKeys(options, LOAD_IMAGE_KEYS, 'loadImage');
  return toArray(readImageFile(path, { maxPixels: options.maxPixels }), options);
}

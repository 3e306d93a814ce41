import { nodeModules } from '@dendrite/backend';
import { type DecodedImage, decodeImage } from './decode-image';

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
}

const CHANNELS: Record<ColorMode, number> = { grayscale: 1, rgb: 3, rgba: 4 };

/** One pixel's values in a colour mode: PIL's `convert('L')` luma for grayscale. */
function pixel(data: Uint8Array, p: number, mode: ColorMode, out: number[]): void {
  const r = data[p * 4];
  const g = data[p * 4 + 1];
  const b = data[p * 4 + 2];
  if (mode === 'grayscale') out[0] = (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
  else {
    out[0] = r;
    out[1] = g;
    out[2] = b;
    if (mode === 'rgba') out[3] = data[p * 4 + 3];
  }
}

/** Converts and resizes a decoded image to `[h, w, c]` values. */
export function toArray(image: DecodedImage, options: LoadImageOptions = {}): { values: Uint8Array | Float32Array; shape: [number, number, number] } {
  const mode = options.colorMode ?? 'rgb';
  if (!(mode in CHANNELS)) throw new Error(`Expected colorMode to be "grayscale", "rgb" or "rgba", received ${JSON.stringify(mode)}`);
  const channels = CHANNELS[mode];
  const [height, width] = options.targetSize ?? [image.height, image.width];
  const values = new Uint8Array(height * width * channels);
  const scratch = [0, 0, 0, 0];
  const interpolation = options.interpolation ?? 'nearest';
  if (interpolation !== 'nearest' && interpolation !== 'bilinear') throw new Error(`Expected interpolation to be "nearest" or "bilinear", received ${JSON.stringify(interpolation)}`);
  const sy = image.height / height;
  const sx = image.width / width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * channels;
      if (interpolation === 'nearest') {
        // PIL's nearest: the source pixel under the target pixel's centre.
        const source = Math.min(image.height - 1, Math.floor((y + 0.5) * sy)) * image.width + Math.min(image.width - 1, Math.floor((x + 0.5) * sx));
        pixel(image.data, source, mode, scratch);
        for (let c = 0; c < channels; c++) values[out + c] = scratch[c];
      } else {
        const fy = Math.max(0, (y + 0.5) * sy - 0.5);
        const fx = Math.max(0, (x + 0.5) * sx - 0.5);
        const y0 = Math.min(image.height - 1, Math.floor(fy));
        const x0 = Math.min(image.width - 1, Math.floor(fx));
        const y1 = Math.min(image.height - 1, y0 + 1);
        const x1 = Math.min(image.width - 1, x0 + 1);
        const wy = fy - y0;
        const wx = fx - x0;
        const sum = [0, 0, 0, 0];
        for (const [py, px, weight] of [[y0, x0, (1 - wy) * (1 - wx)], [y0, x1, (1 - wy) * wx], [y1, x0, wy * (1 - wx)], [y1, x1, wy * wx]]) {
          pixel(image.data, py * image.width + px, mode, scratch);
          for (let c = 0; c < channels; c++) sum[c] += weight * scratch[c];
        }
        for (let c = 0; c < channels; c++) values[out + c] = Math.round(sum[c]);
      }
    }
  }
  return { values, shape: [height, width, channels] };
}

/**
 * Reads an image file into `[h, w, c]` uint8 values, as Keras's `load_img` + `img_to_array`.
 *
 * @throws Error naming the file when it cannot be read or decoded
 */
export function loadImage(path: string, options: LoadImageOptions = {}): { values: Uint8Array | Float32Array; shape: [number, number, number] } {
  const { fs } = nodeModules(`to read "${path}"`);
  return toArray(decodeImage(new Uint8Array(fs.readFileSync(path)), path), options);
}

/**
 * The formats the fuzz suite mutates: which files make one set, which file is loaded, and how a
 * successful load of a mutated set is judged.
 */

/**
 * How a load that succeeded after a mutation is judged:
 * - `exact`: the data must equal the seed's (the format carries checksums: a change must be refused);
 * - `payload`: equal, or the mutation only changed bytes inside the value ranges (a valid, different file);
 * - `shape`: the first part of the digest (the shape) must be unchanged (JPEG: any table change is a valid image);
 * - `any`: any successful load (no redundancy in the format to tell damage from a different file).
 */
export type Tolerance = 'exact' | 'payload' | 'shape' | 'any';

/** One format: the file loaded (others its writer puts beside it are found), whether a model writes it, how loads are judged. */
export interface FormatSpec {
  files: readonly string[];
  model?: boolean;
  tolerance: Tolerance;
  /** A text format (mutations also swap tokens). */
  text?: boolean;
}

const FORMAT_SPECS = {
  keras: { files: ['model.keras'], model: true, tolerance: 'exact' },
  h5: { files: ['model.h5'], model: true, tolerance: 'payload' },
  'model-json': { files: ['model.json'], model: true, tolerance: 'payload' },
  dndr: { files: ['model.dndr'], model: true, tolerance: 'payload' },
  idx: { files: ['images-idx3-ubyte'], tolerance: 'payload' },
  'idx-gz': { files: ['images-idx3-ubyte.gz'], tolerance: 'exact' },
  npy: { files: ['array.npy'], tolerance: 'payload' },
  npz: { files: ['arrays.npz'], tolerance: 'exact' },
  'npz-deflated': { files: ['arrays.npz'], tolerance: 'exact' },
  'cifar-pickle': { files: ['data_batch_1'], tolerance: 'payload' },
  'cifar-binary': { files: ['data_batch_1.bin'], tolerance: 'payload' },
  'cifar-tar-gz': { files: ['cifar-10-python.tar.gz'], tolerance: 'exact' },
  // Text without redundancy: a damaged CSV that parses is a valid, different table (the hostile
  // tokens — NaN, empty, `1 2`, `0x10` — are pinned by csv.test.ts). It must still never hang or bloat.
  csv: { files: ['table.csv'], tolerance: 'any', text: true },
  png: { files: ['image.png'], tolerance: 'exact' },
  jpeg: { files: ['image.jpg'], tolerance: 'shape' },
  // No checksum and no field writers must fill (biSizeImage may be 0, pixels may start anywhere
  // after the header): a damaged BMP that decodes is a valid, different one. Sizes are still bounded.
  bmp: { files: ['image.bmp'], tolerance: 'any' },
  ppm: { files: ['image.ppm'], tolerance: 'payload' },
} as const satisfies Record<string, FormatSpec>;

/** A format's name. */
export type FormatName = keyof typeof FORMAT_SPECS;

/** Every format Dendrite reads, by name. */
export const FORMATS: Readonly<Record<FormatName, FormatSpec>> = FORMAT_SPECS;

/** The model formats (their readers live in `@dendrite/models`). */
export const MODEL_FORMATS = (Object.keys(FORMATS) as FormatName[]).filter((name) => FORMATS[name].model === true);

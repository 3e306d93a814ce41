import { type LoadOptions, checkLoadOptions } from '../sources/locate-file';
import { type IdxFiles, type ImageDataset, loadIdxDataset } from './image-classification';

const BASE = 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/';

function fashionFile(stem: string, sha256: string) {
  return { name: `${stem}.gz`, aliases: [stem], kerasName: `fashion-mnist/${stem}.gz`, url: `${BASE}${stem}.gz`, sha256 };
}

const FASHION_FILES: IdxFiles = {
  trainImages: fashionFile('train-images-idx3-ubyte', 'b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7'),
  trainLabels: fashionFile('train-labels-idx1-ubyte', '0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056'),
  testImages: fashionFile('t10k-images-idx3-ubyte', 'cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa'),
  testLabels: fashionFile('t10k-labels-idx1-ubyte', '8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05'),
};

/** The ten Fashion-MNIST classes, in label order. */
export const FASHION_MNIST_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

/**
 * Fashion-MNIST, as `keras.datasets.fashion_mnist.load_data()`: 60 000 + 10 000 grayscale 28×28
 * images of clothing in ten classes ({@link FASHION_MNIST_CLASSES}).
 *
 * @throws TypeError (a rejection) for an unknown option
 * @throws Error (a rejection) naming the file when it decompresses past `limits`
 */
export async function fashionMnist(options: LoadOptions = {}): Promise<ImageDataset> {
  const load = checkLoadOptions(options, 'fashionMnist');
  return loadIdxDataset('fashion-mnist', FASHION_FILES, load);
}

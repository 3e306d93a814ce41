import * as dn from 'dendrite';
import type { DataIndex } from './data-index';

/** One dataset as shipped: raw bytes, 784 per image, and labels. */
export interface ImageSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** A dataset's training and test slices. */
export interface DemoDataset {
  train: ImageSet;
  test: ImageSet;
}

/** Class names of each dataset. */
export const CLASS_NAMES: Record<'mnist' | 'fashion', string[]> = {
  mnist: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  fashion: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
};

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Expected the demo data at ${url}, received HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** `data/index.json`: which datasets the build shipped. */
export async function loadDataIndex(): Promise<DataIndex> {
  const response = await fetch('data/index.json');
  if (!response.ok) throw new Error(`Expected data/index.json (written by scripts/make-data.ts), received HTTP ${response.status}`);
  return (await response.json()) as DataIndex;
}

const cache = new Map<string, Promise<DemoDataset>>();

/** Fetches a dataset's slices once. */
export function loadDataset(name: 'mnist' | 'fashion'): Promise<DemoDataset> {
  let loaded = cache.get(name);
  if (loaded === undefined) {
    loaded = (async () => {
      const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
        ['train-images', 'train-labels', 'test-images', 'test-labels'].map((part) => fetchBytes(`data/${name}-${part}.bin`)),
      );
      return {
        train: { images: trainImages, labels: trainLabels, count: trainLabels.length },
        test: { images: testImages, labels: testLabels, count: testLabels.length },
      };
    })();
    cache.set(name, loaded);
  }
  return loaded;
}

/** Images `start…start+count` of a set as a float tensor in [0, 1] of shape `[count, ...imageShape]`. */
export function imageTensor(set: ImageSet, start: number, count: number, imageShape: number[]): dn.tf.Tensor {
  const pixels = new Float32Array(count * 784);
  const bytes = set.images.subarray(start * 784, (start + count) * 784);
  for (let i = 0; i < pixels.length; i++) pixels[i] = bytes[i] / 255;
  return dn.tf.tensor(pixels, [count, ...imageShape]);
}

/** Labels `start…start+count` as integers (`sparse`) or one-hot rows. */
export function labelTensor(set: ImageSet, start: number, count: number, sparse: boolean): dn.tf.Tensor {
  const labels = set.labels.subarray(start, start + count);
  if (sparse) return dn.tf.tensor1d(Float32Array.from(labels));
  const oneHot = new Float32Array(count * 10);
  labels.forEach((label, row) => (oneHot[row * 10 + label] = 1));
  return dn.tf.tensor2d(oneHot, [count, 10]);
}

import { maybeGunzip } from '../formats/gzip';
import { parseIdx } from '../formats/idx';
import { type DatasetFile, type LoadOptions, locateFile, readBytes } from '../sources/locate-file';

/** Typed values with their shape, as every loader returns them (feed them to `model.fit` as they are). */
export interface ArrayWithShape<T extends ArrayLike<number> = Uint8Array | Int32Array | Float32Array> {
  values: T;
  shape: number[];
}

/** A split of a data set: inputs and labels. */
export interface Split<X extends ArrayWithShape = ArrayWithShape, Y extends ArrayWithShape = ArrayWithShape> {
  x: X;
  y: Y;
}

/** What image classification loaders return: uint8 images and integer labels. */
export interface ImageDataset {
  train: Split<ArrayWithShape<Uint8Array>, ArrayWithShape<Int32Array>>;
  test: Split<ArrayWithShape<Uint8Array>, ArrayWithShape<Int32Array>>;
}

/** The four IDX files of an MNIST-format data set. */
export type IdxFiles = Record<'trainImages' | 'trainLabels' | 'testImages' | 'testLabels', DatasetFile>;

async function readIdx(dataset: string, file: DatasetFile, options: LoadOptions) {
  const path = await locateFile(dataset, file, options);
  return parseIdx(maybeGunzip(readBytes(path), path, options.limits), path);
}

function checkedSplit(dataset: string, images: { values: ArrayLike<number>; shape: number[] }, labels: { values: ArrayLike<number>; shape: number[] }, split: string) {
  if (images.shape[0] !== labels.shape[0]) {
    throw new Error(`Expected as many ${dataset} ${split} labels as images, received ${labels.shape[0]} labels for ${images.shape[0]} images`);
  }
  return {
    x: { values: images.values as Uint8Array, shape: images.shape },
    y: { values: Int32Array.from(labels.values), shape: [labels.shape[0]] },
  };
}

/** Loads an MNIST-format data set (four IDX files, raw or gzipped). */
export async function loadIdxDataset(dataset: string, files: IdxFiles, options: LoadOptions): Promise<ImageDataset> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
    readIdx(dataset, files.trainImages, options),
    readIdx(dataset, files.trainLabels, options),
    readIdx(dataset, files.testImages, options),
    readIdx(dataset, files.testLabels, options),
  ]);
  return {
    train: checkedSplit(dataset, trainImages, trainLabels, 'train'),
    test: checkedSplit(dataset, testImages, testLabels, 'test'),
  };
}

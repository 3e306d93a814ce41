import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '@dendrite/test-utils';
import { writeBmp, writePng } from '../../../augment/src/testing/write-images';
import { imageDatasetFromDirectory, type ImageBatch } from './image-dataset-from-directory';

const tempDir = useTempDirs('image-dataset-');

/** `root/cats/*.png` (dark, grey value 10·i) and `root/dogs/*.bmp` (bright), 4×4 pixels. */
function writeFolders(): string {
  const root = tempDir();
  mkdirSync(join(root, 'cats'));
  mkdirSync(join(root, 'dogs'));
  for (let index = 0; index < 3; index++) {
    writeFileSync(join(root, 'cats', `${index}.png`), writePng(4, 4, () => [10 * index, 10 * index, 10 * index, 255]));
    writeFileSync(join(root, 'dogs', `${index}.bmp`), writeBmp(4, 4, () => [200 + index, 200 + index, 200 + index, 255]));
  }
  writeFileSync(join(root, 'cats', 'readme.txt'), 'not an image');
  return root;
}

async function collect(dataset: AsyncIterable<unknown>): Promise<Array<[ImageBatch, { values: ArrayLike<number>; shape: number[] }]>> {
  const batches = [];
  for await (const batch of dataset) batches.push(batch as [ImageBatch, { values: ArrayLike<number>; shape: number[] }]);
  return batches;
}

describe('imageDatasetFromDirectory', () => {
  it('reads class folders in order, resized, as float batches with int labels', async () => {
    const root = writeFolders();
    const dataset = imageDatasetFromDirectory(root, { imageSize: [2, 2], batchSize: 4, shuffle: false });
    expect(dataset.classNames).toEqual(['cats', 'dogs']);
    const batches = await collect(dataset);
    expect(batches.map(([images]) => images.shape)).toEqual([[4, 2, 2, 3], [2, 2, 2, 3]]);
    expect(Array.from(batches[0][0].values.filter((_, index) => index % 12 === 0))).toEqual([0, 10, 20, 200]);
    expect(Array.from(batches[0][1].values)).toEqual([0, 0, 0, 1]);
  });

  it('splits with a seed and encodes categorical labels in grayscale', async () => {
    const root = writeFolders();
    const [training, validation] = imageDatasetFromDirectory(root, { imageSize: [4, 4], colorMode: 'grayscale', labelMode: 'categorical', validationSplit: 0.5, subset: 'both', seed: 5 });
    const [[trainImages, trainLabels]] = await collect(training);
    const [[validationImages]] = await collect(validation);
    expect(trainImages.shape).toEqual([3, 4, 4, 1]);
    expect(validationImages.shape).toEqual([3, 4, 4, 1]);
    expect(trainLabels.shape).toEqual([3, 2]);
  });
});

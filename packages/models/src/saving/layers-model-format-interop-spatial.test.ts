import { afterEach, beforeAll, describe, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import * as L from '@dendrite/layers';
import { useBackend } from '@dendrite/test-utils';
import { type InteropCase, expectTfjsLoadsOurs, expectWeLoadTfjs, flat, image, ourMerge, ours, pair, sequence, theirMerge, theirs } from '../testing/tfjs-interop';

// Convolution, pooling, reshaping and merging layers that tfjs-layers 4.22 has too, in both directions.
beforeAll(() => useBackend('cpu'));
afterEach(() => L.resetUniqueNames());

const img = [6, 6, 2];
const seq = [5, 3];
const CASES: InteropCase[] = [
  ['Conv1D', ours(() => L.conv1d({ filters: 2, kernelSize: 2, padding: 'same' }), seq), theirs((s) => tfl.layers.conv1d({ filters: 2, kernelSize: 2, padding: 'same', inputShape: s }), seq), sequence()],
  ['Conv2D', ours(() => L.conv2d({ filters: 3, kernelSize: 3, strides: 2, activation: 'relu' }), img), theirs((s) => tfl.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, activation: 'relu', inputShape: s }), img), image()],
  ['Conv2DTranspose', ours(() => L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }), img), theirs((s) => tfl.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', inputShape: s }), img), image()],
  ['DepthwiseConv2D', ours(() => L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }), img), theirs((s) => tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, inputShape: s }), img), image()],
  ['SeparableConv2D', ours(() => L.separableConv2d({ filters: 3, kernelSize: 3 }), img), theirs((s) => tfl.layers.separableConv2d({ filters: 3, kernelSize: 3, inputShape: s }), img), image()],
  ['MaxPooling1D', ours(() => L.maxPooling1d({ poolSize: 2 }), seq), theirs((s) => tfl.layers.maxPooling1d({ poolSize: 2, inputShape: s }), seq), sequence()],
  ['AveragePooling1D', ours(() => L.averagePooling1d({ poolSize: 2, padding: 'same' }), seq), theirs((s) => tfl.layers.averagePooling1d({ poolSize: 2, padding: 'same', inputShape: s }), seq), sequence()],
  ['MaxPooling2D', ours(() => L.maxPooling2d({ poolSize: 2 }), img), theirs((s) => tfl.layers.maxPooling2d({ poolSize: 2, inputShape: s }), img), image()],
  ['AveragePooling2D', ours(() => L.averagePooling2d({ poolSize: 3, strides: 1, padding: 'same' }), img), theirs((s) => tfl.layers.averagePooling2d({ poolSize: 3, strides: 1, padding: 'same', inputShape: s }), img), image()],
  ['GlobalMaxPooling1D', ours(() => L.globalMaxPooling1d(), seq), theirs((s) => tfl.layers.globalMaxPooling1d({ inputShape: s }), seq), sequence()],
  ['GlobalAveragePooling1D', ours(() => L.globalAveragePooling1d(), seq), theirs((s) => tfl.layers.globalAveragePooling1d({ inputShape: s }), seq), sequence()],
  ['GlobalMaxPooling2D', ours(() => L.globalMaxPooling2d(), img), theirs((s) => tfl.layers.globalMaxPooling2d({ inputShape: s }), img), image()],
  ['GlobalAveragePooling2D', ours(() => L.globalAveragePooling2d(), img), theirs((s) => tfl.layers.globalAveragePooling2d({ inputShape: s }), img), image()],
  ['Flatten', ours(() => L.flatten(), seq), theirs((s) => tfl.layers.flatten({ inputShape: s }), seq), sequence()],
  ['Reshape', ours(() => L.reshape({ targetShape: [3, 5] }), seq), theirs((s) => tfl.layers.reshape({ targetShape: [3, 5], inputShape: s }), seq), sequence()],
  ['Permute', ours(() => L.permute({ dims: [2, 1] }), seq), theirs((s) => tfl.layers.permute({ dims: [2, 1], inputShape: s }), seq), sequence()],
  ['RepeatVector', ours(() => L.repeatVector({ n: 2 }), [4]), theirs((s) => tfl.layers.repeatVector({ n: 2, inputShape: s }), [4]), flat()],
  ['ZeroPadding2D', ours(() => L.zeroPadding2d({ padding: [1, 2] }), img), theirs((s) => tfl.layers.zeroPadding2d({ padding: [1, 2], inputShape: s }), img), image()],
  ['Cropping2D', ours(() => L.cropping2d({ cropping: 1 }), img), theirs((s) => tfl.layers.cropping2D({ cropping: 1, inputShape: s }), img), image()],
  ['UpSampling2D (nearest)', ours(() => L.upSampling2d({ size: 2 }), img), theirs((s) => tfl.layers.upSampling2d({ size: [2, 2], inputShape: s }), img), image()],
  ['Rescaling', ours(() => L.rescaling({ scale: 0.5, offset: 1 }), img), theirs((s) => tfl.layers.rescaling({ scale: 0.5, offset: 1, inputShape: s }), img), image()],
  ['Add', ourMerge(() => L.add()), theirMerge(() => tfl.layers.add()), pair],
  ['Multiply', ourMerge(() => L.multiply()), theirMerge(() => tfl.layers.multiply()), pair],
  ['Average', ourMerge(() => L.average()), theirMerge(() => tfl.layers.average()), pair],
  ['Maximum', ourMerge(() => L.maximum()), theirMerge(() => tfl.layers.maximum()), pair],
  ['Minimum', ourMerge(() => L.minimum()), theirMerge(() => tfl.layers.minimum()), pair],
  ['Concatenate', ourMerge(() => L.concatenate()), theirMerge(() => tfl.layers.concatenate()), pair],
  ['Dot', ourMerge(() => L.dot({ axes: 1, normalize: true })), theirMerge(() => tfl.layers.dot({ axes: 1, normalize: true })), pair],
];

describe.each(CASES)('%s', (_label, build, buildTheirs, inputs) => {
  it('saved by Dendrite as model.json loads in tfjs-layers, predicting the same', () => expectTfjsLoadsOurs(build, inputs));
  it('saved by tfjs-layers loads in Dendrite, predicting the same', () => expectWeLoadTfjs(buildTheirs, inputs));
});

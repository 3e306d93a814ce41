export { BACKENDS_UNDER_TEST, describeEachBackend, useBackend, computeOn } from './backends';
export { expectNoLeakedTensors, expectArraysClose, maxRelativeError, valuesWithoutLeak } from './expectations';
export { seededArray, seededIntArray } from './random-data';
export { useTempDirs } from './temp-dirs';
export { sharedFolderPresent } from './shared-folder';

export { BACKENDS_UNDER_TEST, describeEachBackend, useBackend, computeOn } from '@dendrite/backend/testing';
export { expectNoLeakedTensors, expectArraysClose, maxRelativeError, valuesWithoutLeak } from '@dendrite/backend/testing';
export { seededArray, seededIntArray } from '@dendrite/backend/testing';
export { useTempDirs } from './temp-dirs';
export { sharedFolderPresent, skipWithoutSharedFolder, type SkippableContext } from './shared-folder';

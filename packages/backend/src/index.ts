/**
 * @dendrite/backend: the tfjs-core namespace with every gradient registered, backend selection
 * (cuda → native → wasm SIMD → cpu), a wasm backend that can train every Dendrite layer quickly,
 * seeding, and the affine image transforms shared by the image layers and ImageDataGenerator.
 *
 * @packageDocumentation
 */
export { tf } from './tf/index';
export { dilateKernel } from './ops/dilate-kernel';
export { randomDropout } from './ops/random-dropout';
export { fusedDense, type FusedDenseArgs, type TapeFusedActivation } from './ops/fused-dense';
export { isSoftmaxOutput, markSoftmaxOutput } from './ops/softmax-output';
export { uploadRows, type RowSource } from './ops/upload-rows';
export { ADAM_UPDATE, fusedAdamUpdate, type AdamTensors, type AdamStepAttributes } from './ops/adam-update';
export { nodeModules, writeFileAtomic, writeFileAtomicSync, type NodeModules } from './node/node-modules';
export { crc32, readZip, writeZip } from './archive/zip';
import '@tensorflow/tfjs-backend-cpu';
export { CPU_KERNEL_OVERRIDES } from './kernels/cpu/index';
import { lowerWasmPriority } from './select/default-priority';
export { installWasmKernels, uninstallWasmKernels, wasmKernelsInstalled, WASM_KERNEL_OVERRIDES } from './kernels/wasm/index';
export type { WasmKernelOverride } from './kernels/wasm/index';
export { BACKEND_NAMES, isBackendName, parseBackendPreference, type BackendName } from './select/backend-names';
export { selectBackend, getBackendInfo, type BackendInfo, type SelectBackendOptions } from './select/select-backend';
export { defaultRuntimeProbes, listCudaDevices, type RuntimeProbes } from './select/runtime-probes';
export { setSeed, clearSeed, getSeed, random, nextSeed, createRandom } from './seed/seed';
export { uniform, uniformDraws, type Draw } from './seed/uniform';
export {
  IDENTITY_MATRIX, multiplyMatrices, isIdentityMatrix, rotationMatrix, shiftMatrix, shearMatrix, zoomMatrix, aboutCenter, toTfTransform, type Matrix3,
} from './image/affine-matrix';
export { transformImages, FILL_MODES, isFillMode, type FillMode, type ImageInterpolation, type TransformImagesOptions } from './image/transform-images';
export { ObjectRegistry, UnknownObjectError, isKerasSerialized, normalizeIdentifier, type KerasSerialized, type FromConfig, type FromFunction } from './serialization/object-registry';
export { withCustomObjects, findCustomObject, type CustomObjects } from './serialization/custom-object-scope';
export { toSnakeCase, toCamelCase, keysToSnakeCase, keysToCamelCase } from './serialization/case-conversion';
export type { CamelCaseName, KerasSpellings } from './serialization/identifier-name';
export { describeValue } from './errors/describe-value';
export {
  checkOptionKeys, classOptionKeys, optionKeys, splitOptionKeys, suggestOptionKey, unknownOptionMessage, type OptionKeyRecord, type OptionKeysDeclarer,
} from './errors/option-keys';

lowerWasmPriority();

/**
 * `@dendrite/backend/internal`: the pieces Dendrite's own packages share — argument and option-key
 * checks, `describeValue`, the serialization registry and case conversion, zip and atomic writes,
 * affine image transforms, and the fused ops the layers and optimizers call.
 *
 * **For Dendrite's own packages; no semver promise.** Names here may change or go in any release
 * (as vercel/ai's `ai/internal`). User code imports `@dendrite/backend` (or `dendrite`).
 *
 * Importing this entry sets up the backend exactly as `@dendrite/backend` does (gradients, kernels,
 * backend priorities), and shares its state (seed, registries, custom-object scope) with it.
 *
 * @packageDocumentation
 */
import '../index';

// Errors: how every package checks its arguments, names a bad value and refuses an unknown option key.
export { describeValue } from './errors/describe-value';
export {
  checkOptionKeys, classOptionKeys, optionKeys, splitOptionKeys, suggestOptionKey, unknownOptionMessage, type OptionKeyRecord, type OptionKeysDeclarer,
} from './errors/option-keys';
export {
  checkNumber, checkInteger, checkPositiveInteger, checkSeed, checkBoolean, checkOneOf, checkTuple, checkShape, expectedMessage, argumentError, layerOwner, atLeast, inInterval,
  FINITE, NON_NEGATIVE, POSITIVE, FRACTION, CLOSED_FRACTION, STEP_COUNT, type NumberRule,
} from './errors/argument-checks';

// Serialization: the `{class_name, config}` registries and Keras's spellings.
export { ObjectRegistry, isKerasSerialized, normalizeIdentifier, type KerasSerialized, type FromConfig, type FromFunction } from '../serialization/object-registry';
export { findCustomObject } from '../serialization/custom-object-scope';
export { toSnakeCase, toCamelCase, keysToSnakeCase, keysToCamelCase } from '../serialization/case-conversion';
export type { CamelCaseName, KerasSpellings } from '../serialization/identifier-name';

// Files: the `.keras` zip container and writes that never leave half a file.
export { crc32, readZip, writeZip, decompressionBudget, DEFAULT_DECOMPRESSION_LIMITS, type DecompressionLimits } from '../archive/zip';
export { nodeModules, writeFileAtomic, writeFileAtomicSync, type NodeModules } from '../node/node-modules';

// Images: the affine matrices and the transform shared by the image layers and ImageDataGenerator.
export {
  IDENTITY_MATRIX, multiplyMatrices, isIdentityMatrix, rotationMatrix, shiftMatrix, shearMatrix, zoomMatrix, aboutCenter, toTfTransform, type Matrix3,
} from '../image/affine-matrix';
export { transformImages, FILL_MODES, isFillMode, type FillMode, type ImageInterpolation, type TransformImagesOptions } from '../image/transform-images';

// Seeding: the generator behind every seeded stream (layers with their own `seed` keep its state).
export { mulberry32Bits } from '../seed/seed';

// Ops: fused and seeded kernels the layers, optimizers and trainer call.
export { dilateKernel } from '../ops/dilate-kernel';
export { randomDropout } from '../ops/random-dropout';
export { fusedDense, type FusedDenseArgs, type TapeFusedActivation } from '../ops/fused-dense';
export { isSoftmaxOutput, markSoftmaxOutput, softmaxLogits } from '../ops/softmax-output';
export { keepsSoftmaxLogits, withSoftmaxLogits } from '../ops/softmax-logits-scope';
export { insideTidy } from '../ops/inside-tidy';
export { SOFTMAX_CROSSENTROPY, softmaxCrossentropyWithLogits } from '../ops/softmax-crossentropy-with-logits';
export { uploadRows, type RowSource } from '../ops/upload-rows';
export { ADAM_UPDATE, fusedAdamUpdate, type AdamTensors, type AdamStepAttributes } from '../ops/adam-update';

// Kernels: the override lists the install functions of the main entry register.
export { CPU_KERNEL_OVERRIDES } from '../kernels/cpu/index';
export { WASM_KERNEL_OVERRIDES, type WasmKernelOverride } from '../kernels/wasm/index';

/**
 * @dendrite/backend: the tfjs-core namespace with every gradient registered, backend selection
 * (cuda → native → wasm SIMD → cpu), a wasm backend that can train every Dendrite layer quickly,
 * and seeding.
 *
 * The pieces Dendrite's packages share among themselves (argument checks, registries, zip, affine
 * transforms, fused ops) are on `@dendrite/backend/internal`, which carries no semver promise.
 *
 * @packageDocumentation
 */
export { tf } from './tf/index';
import '@tensorflow/tfjs-backend-cpu';
// Registers Dendrite's cpu kernel overrides (the affine Transform, the pooling and resize gradients).
import './kernels/cpu/index';
import { lowerWasmPriority } from './select/default-priority';
export { installWasmKernels, uninstallWasmKernels, wasmKernelsInstalled } from './kernels/wasm/index';
export { BACKEND_NAMES, isBackendName, parseBackendPreference, type BackendName } from './select/backend-names';
export { selectBackend, getBackendInfo, type BackendInfo, type SelectBackendOptions } from './select/select-backend';
export { defaultRuntimeProbes, listCudaDevices, type RuntimeProbes } from './select/runtime-probes';
export { setSeed, clearSeed, getSeed, random, nextSeed, createRandom, getRandomState, setRandomState, type RandomState } from './seed/seed';
export { uniform, uniformDraws, type Draw } from './seed/uniform';
// Keras's `custom_object_scope`, and the error a load raises for a name no registry knows: user API.
export { withCustomObjects, type CustomObjects } from './serialization/custom-object-scope';
export { UnknownObjectError } from './serialization/object-registry';

lowerWasmPriority();

import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { definePackageConfig } from '@dendrite/tsup-config';
import { tfjsGradientsEsbuildPlugin } from '@dendrite/tfjs-gradients-plugin';

const shimPath = fileURLToPath(new URL('./src/tf/core-internals.ts', import.meta.url));
const wasmNames = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/**
 * Ships tfjs-backend-wasm's binaries beside dist/index.js, where `bundledWasmPaths()` points
 * (`new URL('./tfjs-backend-wasm-simd.wasm', import.meta.url)`), so bundled pages find them.
 */
function copyWasmBinaries(): void {
  const wasmEntry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  for (const name of wasmNames) copyFileSync(join(dirname(wasmEntry), name), join('dist', name));
}

export default defineConfig(
  definePackageConfig({
    // Declarations come from tooling/tsup/emit-declarations.mjs (per-file tsc output): the bundled
    // `.d.ts` writes the `tf` namespace (tfjs-core re-exported with Dendrite's additions) as JavaScript.
    dts: false,
    entry: { index: 'src/index.ts', 'internal/index': 'src/internal/index.ts', 'testing/index': 'src/testing/index.ts' },
    // One copy of every module for all entries (shared chunks), in ESM and CJS alike: `internal` and
    // `testing` must share the main entry's module state (seed, registries, custom-object scope).
    splitting: true,
    noExternal: [/register_all_(gradients|chained_ops)/],
    // Optional dependencies, imported only in a browser that has the GPU API (select/gpu-probes.ts).
    external: ['@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-backend-webgpu'],
    esbuildPlugins: [tfjsGradientsEsbuildPlugin(shimPath)],
    onSuccess: async () => copyWasmBinaries(),
  }),
);

import { defineConfig } from 'vite';

/**
 * The demo's Vite config. `vite build` copies the wasm binaries @dendrite/backend points at with
 * `new URL('./….wasm', import.meta.url)`; the dev server must not pre-bundle that package, or the
 * URLs would point into node_modules/.vite/deps where the files are not.
 */
export default defineConfig({
  base: './',
  optimizeDeps: { exclude: ['@dendrite/backend', 'dendrite'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 10_000 },
  worker: { format: 'es' },
});

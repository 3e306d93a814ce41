import { defineConfig } from 'vite';

/**
 * `DEMO_CROSS_ORIGIN_ISOLATED=1` makes `dev` and `preview` send the two headers that make a page
 * cross-origin isolated (`crossOriginIsolated`, SharedArrayBuffer), which threaded wasm needs.
 * Off by default: every resource of the demo is its own, so the headers cost nothing, but the
 * threaded build is not what the end-to-end tests check.
 */
const crossOriginIsolation = process.env.DEMO_CROSS_ORIGIN_ISOLATED === '1'
  ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
  : undefined;

/**
 * The demo's Vite config. `vite build` copies the wasm binaries @dendrite/backend points at with
 * `new URL('./….wasm', import.meta.url)`; the dev server must not pre-bundle that package, or the
 * URLs would point into node_modules/.vite/deps where the files are not.
 */
export default defineConfig({
  base: './',
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  optimizeDeps: { exclude: ['@dendrite/backend', 'dendrite'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 10_000 },
  worker: { format: 'es' },
});

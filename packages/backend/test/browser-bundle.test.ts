import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { tfjsGradientsEsbuildPlugin } from '@dendrite/tfjs-gradients-plugin';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const shim = fileURLToPath(new URL('../src/tf/core-internals.ts', import.meta.url));

it('bundles for a browser: no Node built-in is imported, and tfjs-node is only probed by name at run time', async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [tfjsGradientsEsbuildPlugin(shim)],
  });
  expect(result.errors).toEqual([]);
  const code = result.outputFiles[0].text;
  expect(code).not.toMatch(/from\s+["']node:/);
  expect(code).not.toMatch(/require\(["']node:/);
  expect(code).not.toMatch(/(from\s+|require\()["']@tensorflow\/tfjs-node/);
  // The gradients and the wasm backend are inside the bundle.
  expect(code).toContain('Conv2DBackpropFilter');
  expect(code).toContain('tfjs-backend-wasm-simd.wasm');
});

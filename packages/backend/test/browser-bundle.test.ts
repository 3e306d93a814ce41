import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { tfjsGradientsEsbuildPlugin } from '@dendrite/tfjs-gradients-plugin';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const shim = fileURLToPath(new URL('../src/tf/core-internals.ts', import.meta.url));

// Node's built-in modules, by the names a bundle could import them under.
const NODE_BUILTIN = /^(node:|(assert|buffer|child_process|crypto|events|fs|http|https|module|net|os|path|process|stream|url|util|worker_threads|zlib)(\/|$))/;

it('bundles for a browser: no Node built-in is imported, and tfjs-node is only probed by name at run time', async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [tfjsGradientsEsbuildPlugin(shim)],
  });
  expect(result.errors).toEqual([]);
  // Every import esbuild followed or left external, from every module of the bundle (the thread
  // workers' source held in strings, which runs only in Node or a worker, is not an import).
  const imports = Object.entries(result.metafile!.inputs).flatMap(([file, input]) => input.imports.map((entry) => `${entry.path} (from ${file})`));
  expect(imports.length).toBeGreaterThan(100);
  expect(imports.filter((path) => NODE_BUILTIN.test(path))).toEqual([]);
  expect(imports.filter((path) => path.startsWith('@tensorflow/tfjs-node') || path.includes('/tfjs-node/'))).toEqual([]);
  const code = result.outputFiles[0].text;
  // The gradients and the wasm backend are inside the bundle.
  expect(code).toContain('Conv2DBackpropFilter');
  expect(code).toContain('tfjs-backend-wasm-simd.wasm');
});

import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tfjsGradientsVitePlugin } from '@dendrite/tfjs-gradients-plugin';
import { repositoryRoot, sourceAliases } from '@dendrite/vitest-config';
import { build } from 'vite';

/**
 * Builds a page whose script imports the workspace packages from their TypeScript source (the
 * aliases and gradient plugin the unit tests use), for browser tests of code not yet built:
 * `folder/index.html` and `folder/assets/`. tfjs-backend-wasm's binaries are copied beside the
 * bundle, where `new URL('./….wasm', import.meta.url)` of the source points once bundled.
 *
 * @param script the page's module script (`import * as dn from 'dendrite'; …`)
 * @param folder an empty folder to build in; the page is served from it
 * @example
 * ```ts
 * await buildSourcePage(`import * as dn from 'dendrite'; window.dn = dn;`, folder);
 * const server = await serveFolder(folder);
 * ```
 */
export async function buildSourcePage(script: string, folder: string): Promise<void> {
  const source = path.join(folder, 'source');
  await mkdir(source, { recursive: true });
  await writeFile(path.join(source, 'main.js'), script);
  await writeFile(
    path.join(source, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>dendrite</title><link rel="icon" href="data:,"><script type="module" src="./main.js"></script>\n',
  );
  await build({
    root: source,
    configFile: false,
    logLevel: 'error',
    base: './',
    plugins: [tfjsGradientsVitePlugin(path.join(repositoryRoot, 'packages/backend/src/tf/core-internals.ts'))],
    resolve: { alias: sourceAliases() },
    build: { outDir: folder, emptyOutDir: false, target: 'es2022', minify: false, chunkSizeWarningLimit: 100_000 },
  });
  const wasmFolder = path.dirname(createRequire(path.join(repositoryRoot, 'packages/backend/package.json')).resolve('@tensorflow/tfjs-backend-wasm'));
  for (const name of await readdir(wasmFolder)) {
    if (name.endsWith('.wasm')) await copyFile(path.join(wasmFolder, name), path.join(folder, 'assets', name));
  }
}

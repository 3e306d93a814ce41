// @ts-check
/**
 * tfjs-core ships its gradients only as ESM files with extensionless relative imports, which plain
 * Node cannot load, and its CommonJS bundle registers none. These plugins let esbuild (tsup, for
 * our dist) and Vite (vitest, for tests against src) compile `register_all_gradients` into
 * `@dendrite/backend` while every tfjs-core internal it touches is redirected to one shim module
 * that re-exports the public `@tensorflow/tfjs-core`: one copy of tfjs-core at run time, not two.
 */
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The side-effect imports that the backend package makes: gradients, and chained ops (`x.reshape()`). */
export const GRADIENTS_ENTRY = '@tensorflow/tfjs-core/dist/register_all_gradients';
export const CHAINED_OPS_ENTRY = '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
const ENTRIES = new Map([
  [GRADIENTS_ENTRY, 'register_all_gradients.js'],
  [CHAINED_OPS_ENTRY, 'public/chained_ops/register_all_chained_ops.js'],
]);

/** Internal tfjs-core op files the gradients use that the public API does not export. */
const BUNDLED_OPS = new Set([
  'avg_pool_3d_grad',
  'avg_pool_grad',
  'conv2d_backprop_filter',
  'conv2d_backprop_input',
  'conv3d_backprop_filter',
  'conv3d_backprop_input',
  'depthwise_conv2d_native_backprop_filter',
  'depthwise_conv2d_native_backprop_input',
  'local_response_normalization_backprop',
  'max_pool_3d_grad',
  'max_pool_grad',
]);

/**
 * Decides where one import made from inside tfjs-core's dist resolves.
 *
 * @param {string} specifier the import as written
 * @param {string} importer absolute path of the importing file
 * @param {string} shimPath absolute path of the shim module
 * @returns {string | undefined} an absolute path, or undefined when the import is not ours to map
 */
export function resolveGradientImport(specifier, importer, shimPath) {
  if (!specifier.startsWith('.')) return undefined;
  const coreDist = coreDistDirectory();
  if (!importer.startsWith(coreDist)) return undefined;
  // Only the files we compile in are redirected; tfjs-core's own modules (when a browser bundle
  // includes tfjs-core itself) resolve as usual.
  if (!isCompiledIn(path.relative(coreDist, importer).replace(/\.js$/, ''))) return undefined;
  const target = path.resolve(path.dirname(importer), specifier);
  const relative = path.relative(coreDist, target).split(path.sep).join('/');
  return isCompiledIn(relative) ? `${target}.js` : shimPath;
}

/** Whether a tfjs-core dist module (relative path, no extension) is compiled into our build. */
function isCompiledIn(relative) {
  const normalized = relative.split(path.sep).join('/');
  return (
    normalized.startsWith('gradients/') ||
    normalized === 'register_all_gradients' ||
    normalized.startsWith('public/chained_ops/') ||
    (normalized.startsWith('ops/') && BUNDLED_OPS.has(normalized.slice('ops/'.length)))
  );
}

let cachedCoreDist;
function coreDistDirectory() {
  cachedCoreDist ??= path.dirname(require.resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js', {
    paths: [process.cwd(), path.resolve(import.meta.dirname ?? '.', '../../packages/backend')],
  }));
  return cachedCoreDist + path.sep;
}

/**
 * esbuild plugin for tsup.
 *
 * @param {string} shimPath absolute path of the shim module
 * @returns {import('esbuild').Plugin}
 */
export function tfjsGradientsEsbuildPlugin(shimPath) {
  return {
    name: 'dendrite-tfjs-gradients',
    setup(build) {
      build.onResolve({ filter: /register_all_(gradients|chained_ops)$/ }, (args) =>
        ENTRIES.has(args.path) ? { path: `${coreDistDirectory()}${ENTRIES.get(args.path)}` } : undefined,
      );
      build.onResolve({ filter: /^\./ }, (args) => {
        const resolved = resolveGradientImport(args.path, args.importer, shimPath);
        return resolved ? { path: resolved } : undefined;
      });
    },
  };
}

/**
 * Vite plugin for vitest; pair it with `server.deps.inline` on tfjs-core's dist.
 *
 * @param {string} shimPath absolute path of the shim module
 * @returns {import('vite').Plugin}
 */
export function tfjsGradientsVitePlugin(shimPath) {
  return {
    name: 'dendrite-tfjs-gradients',
    enforce: 'pre',
    resolveId(source, importer) {
      if (ENTRIES.has(source)) return `${coreDistDirectory()}${ENTRIES.get(source)}`;
      if (!importer) return undefined;
      return resolveGradientImport(source, importer.split('?')[0], shimPath);
    },
  };
}

// @ts-check
/**
 * Module hooks for a child process that runs the packages' TypeScript `src/` in plain Node (with
 * tsx), as the tests' Vite aliases do, starting in about a second (vite-node takes tens under load):
 * `@dendrite/<name>[/<sub>]` resolves to `packages/<name>/src[/<sub>]/index.ts`, and tfjs-core's
 * extensionless ESM imports (`./ops/add`) get their `.js`. Registered by `register-source-hooks.mjs`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** @param {string} name @param {string | undefined} sub */
function sourceOf(name, sub) {
  for (const folder of ['packages', 'tooling']) {
    const source = path.join(root, folder, name === 'dendrite' ? 'dendrite' : name, 'src', sub ?? '', 'index.ts');
    if (existsSync(source)) return pathToFileURL(source).href;
  }
  return undefined;
}

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, next) {
  const match = /^(?:@dendrite\/([^/]+)|(dendrite))(?:\/(.+))?$/.exec(specifier);
  if (match) {
    const url = sourceOf(match[1] ?? match[2], match[3]);
    if (url) return next(url, context);
  }
  try {
    return await next(specifier, context);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (!specifier.startsWith('.') || !context.parentURL?.includes('/node_modules/') || (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_UNSUPPORTED_DIR_IMPORT')) throw error;
    for (const suffix of ['.js', '/index.js']) {
      try {
        return await next(specifier + suffix, context);
      } catch {
        // the next spelling
      }
    }
    throw error;
  }
}

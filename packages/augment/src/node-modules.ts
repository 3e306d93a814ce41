/**
 * Node's `fs` and `path`, loaded lazily so that the package imports in a browser (where only
 * `flowFromDirectory` and `loadImage` need them).
 *
 * @throws Error saying that `operation` needs Node
 */
export function nodeModules(operation: string): { fs: typeof import('node:fs'); path: typeof import('node:path') } {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (!get) throw new Error(`Expected Node.js (≥ 20.16) to ${operation}, received a runtime without node: modules`);
  return { fs: get('node:fs') as typeof import('node:fs'), path: get('node:path') as typeof import('node:path') };
}

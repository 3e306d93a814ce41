/** Node built-ins, loaded lazily so the package imports in a browser. */
export interface NodeModules {
  fs: typeof import('node:fs');
  path: typeof import('node:path');
  os: typeof import('node:os');
  zlib: typeof import('node:zlib');
  crypto: typeof import('node:crypto');
  module: typeof import('node:module');
}

/**
 * Node's built-in modules.
 *
 * @throws Error saying that `operation` needs Node
 */
export function nodeModules(operation: string): NodeModules {
  const processObject = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const get = processObject?.getBuiltinModule;
  if (get == null) throw new Error(`Expected Node.js (≥ 20.16) to ${operation}, received a runtime without node: modules`);
  return {
    fs: get('node:fs') as NodeModules['fs'],
    path: get('node:path') as NodeModules['path'],
    os: get('node:os') as NodeModules['os'],
    zlib: get('node:zlib') as NodeModules['zlib'],
    crypto: get('node:crypto') as NodeModules['crypto'],
    module: get('node:module') as NodeModules['module'],
  };
}

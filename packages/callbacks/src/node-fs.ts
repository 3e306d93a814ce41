/** Node's built-in modules the file-writing callbacks use. */
export interface NodeModules {
  fs: typeof import('node:fs');
  path: typeof import('node:path');
  os: typeof import('node:os');
}

type GetBuiltinModule = (id: string) => unknown;

/**
 * `node:fs`, `node:path` and `node:os`, loaded when a callback first touches a file (through
 * `process.getBuiltinModule`, so bundlers leave them out and the package imports in a browser).
 *
 * @param owner - the callback asking, for the error
 * @throws Error outside Node (≥ 20.16)
 *
 * @internal
 */
export function nodeFs(owner: string): NodeModules {
  const get = (globalThis as { process?: { getBuiltinModule?: GetBuiltinModule } }).process?.getBuiltinModule;
  if (typeof get !== 'function') {
    throw new Error(`Expected Node.js (≥ 20.16) for ${owner}, which writes files, received a runtime without node:fs (a browser?)`);
  }
  return { fs: get('node:fs') as NodeModules['fs'], path: get('node:path') as NodeModules['path'], os: get('node:os') as NodeModules['os'] };
}

/**
 * Writes `text` to a temporary name beside `file`, then renames it over `file`: a crash
 * mid-write leaves the previous file whole.
 *
 * @internal
 */
export function writeTextAtomic(file: string, text: string, owner: string): void {
  const { fs, path } = nodeFs(owner);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

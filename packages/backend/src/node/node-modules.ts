/** Node's built-in modules Dendrite's packages touch: files, paths, compression, hashes, resolution. */
export interface NodeModules {
  fs: typeof import('node:fs');
  path: typeof import('node:path');
  os: typeof import('node:os');
  zlib: typeof import('node:zlib');
  crypto: typeof import('node:crypto');
  module: typeof import('node:module');
}

/**
 * Node's built-in modules, loaded when first needed through `process.getBuiltinModule`, so that
 * bundlers leave them out and every package still imports in a browser.
 *
 * @param purpose what needs them, as the error says it (`'for CSVLogger, which writes files'`,
 *   `'to read ZIP archives'`)
 * @throws Error `Expected Node.js (≥ 20.16) <purpose>, received a runtime without node:fs (a browser?)`
 */
export function nodeModules(purpose: string): NodeModules {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof get !== 'function') throw new Error(`Expected Node.js (≥ 20.16) ${purpose}, received a runtime without node:fs (a browser?)`);
  return {
    fs: get('node:fs') as NodeModules['fs'],
    path: get('node:path') as NodeModules['path'],
    os: get('node:os') as NodeModules['os'],
    zlib: get('node:zlib') as NodeModules['zlib'],
    crypto: get('node:crypto') as NodeModules['crypto'],
    module: get('node:module') as NodeModules['module'],
  };
}

/** A temporary name beside `file`, unique to this process and call. */
function temporaryName(file: string): string {
  return `${file}.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Writes `data` to a temporary name beside `file` (making its folder), then renames it over
 * `file`: a crash mid-write leaves the previous file whole, and a failed write leaves no
 * temporary file behind.
 *
 * @param purpose for the error outside Node (see {@link nodeModules})
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string, purpose = 'to write files'): Promise<void> {
  const { fs, path } = nodeModules(purpose);
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = temporaryName(file);
  try {
    await fs.promises.writeFile(temporary, data);
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

/** {@link writeFileAtomic}, synchronously (for callbacks and caches that write between steps). */
export function writeFileAtomicSync(file: string, data: Uint8Array | string, purpose = 'to write files'): void {
  const { fs, path } = nodeModules(purpose);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = temporaryName(file);
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

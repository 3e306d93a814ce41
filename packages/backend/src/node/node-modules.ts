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

let temporaryCount = 0;

/**
 * A temporary name beside `file`, unique to this process and call, and recognisable as Dendrite's:
 * `dir/.model.keras.dendrite-tmp-<pid>-<n>` (hidden, named after the file it becomes).
 */
function temporaryName(file: string, path: NodeModules['path']): string {
  temporaryCount += 1;
  return path.join(path.dirname(file), `.${path.basename(file)}.dendrite-tmp-${process.pid}-${temporaryCount}`);
}

/** The pid in a temporary name of `base` — this module's, or the `base.tmp-<pid>-…` of earlier versions — or undefined. */
function temporaryPid(entry: string, base: string): number | undefined {
  const prefixes = [`.${base}.dendrite-tmp-`, `${base}.tmp-`];
  const prefix = prefixes.find((candidate) => entry.startsWith(candidate));
  if (prefix === undefined) return undefined;
  const pid = Number(/^(\d+)-/.exec(entry.slice(prefix.length))?.[1]);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files of writes to `file` that a killed process left (their pid is gone), so
 * that a crash leaves at most one stray file, and only until the next save to the same place.
 */
export function removeStaleTemporaries(file: string, modules: Pick<NodeModules, 'fs' | 'path'>): void {
  const { fs, path } = modules;
  const base = path.basename(file);
  let entries: string[];
  try {
    entries = fs.readdirSync(path.dirname(path.resolve(file)));
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = temporaryPid(entry, base);
    if (pid !== undefined && !processIsAlive(pid)) fs.rmSync(path.join(path.dirname(path.resolve(file)), entry), { force: true, recursive: true });
  }
}

/**
 * Writes `data` to a temporary name beside `file` (making its folder), then renames it over
 * `file`: a crash mid-write leaves the previous file whole, and a failed write leaves no
 * temporary file behind. The temporary is `.<name>.dendrite-tmp-<pid>-<n>`; ones a killed process
 * left are removed by the next write to the same file.
 *
 * @param purpose for the error outside Node (see {@link nodeModules})
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string, purpose = 'to write files'): Promise<void> {
  const { fs, path } = nodeModules(purpose);
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  removeStaleTemporaries(file, { fs, path });
  const temporary = temporaryName(file, path);
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
  removeStaleTemporaries(file, { fs, path });
  const temporary = temporaryName(file, path);
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

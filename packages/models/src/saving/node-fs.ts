/** Node's fs and path, loaded lazily so that the package still imports in a browser. */
export interface NodeFs {
  promises: {
    writeFile(path: string, data: Uint8Array | string): Promise<void>;
    readFile(path: string): Promise<Uint8Array>;
    rename(from: string, to: string): Promise<void>;
    rm(path: string, options?: { force?: boolean; recursive?: boolean }): Promise<void>;
    mkdir(path: string, options?: { recursive?: boolean }): Promise<string | undefined>;
  };
}

/**
 * `node:fs`, or an Error saying that file paths need Node.
 *
 * @throws Error outside Node
 */
export function nodeFs(operation: string): { fs: NodeFs; dirname(path: string): string } {
  const processObject = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const get = processObject?.getBuiltinModule;
  if (get == null) throw new Error(`Expected Node.js (≥ 20.16) for ${operation} to a file path, received a runtime without node:fs`);
  const path = get('node:path') as { dirname(path: string): string };
  return { fs: get('node:fs') as NodeFs, dirname: path.dirname };
}

/**
 * Writes a file atomically: to a temporary name beside it, then renamed over it, so a crash
 * mid-write leaves the previous file intact.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const { fs, dirname } = nodeFs('saving');
  await fs.promises.mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  try {
    await fs.promises.writeFile(temporary, data);
    await fs.promises.rename(temporary, path);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

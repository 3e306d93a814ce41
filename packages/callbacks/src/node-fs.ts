/** Node's fs and path, loaded when a callback first writes, so the package imports in a browser. */
export function nodeFs(owner: string): { fs: typeof import('node:fs'); path: typeof import('node:path') } {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (get == null) throw new Error(`Expected Node.js (≥ 20.16) for ${owner} to write files, received a runtime without node:fs`);
  return { fs: get('node:fs') as typeof import('node:fs'), path: get('node:path') as typeof import('node:path') };
}

/** Writes text to a temporary name beside `file`, then renames it over `file`. */
export function writeTextAtomic(file: string, text: string, owner: string): void {
  const { fs, path } = nodeFs(owner);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}-${Date.now()}`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

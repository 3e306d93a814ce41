import { type NodeModules, nodeModules, writeFileAtomicSync } from '@dendrite/backend/internal';

/**
 * Node's built-in modules for a callback that writes files, loaded when it first touches one
 * (the package still imports in a browser).
 *
 * @param owner - the callback asking, for the error
 * @throws Error outside Node (≥ 20.16), naming the callback
 *
 * @internal
 */
export function nodeFs(owner: string): NodeModules {
  return nodeModules(`for ${owner}, which writes files`);
}

/**
 * Writes `text` to a temporary name beside `file`, then renames it over `file`: a crash
 * mid-write leaves the previous file whole.
 *
 * @internal
 */
export function writeTextAtomic(file: string, text: string, owner: string): void {
  writeFileAtomicSync(file, text, `for ${owner}, which writes files`);
}

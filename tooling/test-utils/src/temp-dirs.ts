import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Temporary folders for a test file: each call of the returned function makes a new folder under
 * the OS temp dir (`dendrite-<prefix>-…`), and every one is removed after each test.
 *
 * @example
 * ```ts
 * const tempDir = useTempDirs('keras');
 * it('saves', async () => { await model.save(join(tempDir(), 'm.keras')); });
 * ```
 */
export function useTempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `dendrite-${prefix}-`));
    dirs.push(dir);
    return dir;
  };
}

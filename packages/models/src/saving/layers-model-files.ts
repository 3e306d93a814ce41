import { writeFileAtomic } from '@dendrite/backend/internal';
import { nodeFs } from './node-fs';

/** A weight file's size and SHA-256, as `model.json`'s `weightFiles` records them for the load to check. */
export interface WeightFileCheck {
  bytes: number;
  sha256: string;
}

/** The weight files Dendrite writes beside `model.json` (and `weights.bin`, the name of earlier versions). */
const OWN_WEIGHT_FILE = /^weights(\.[0-9a-f]{16})?\.bin$/;

/**
 * Writes `model.json` and its weights as one switch: the weights go to a file named after their
 * SHA-256 (`weights.<16 hex>.bin`), then `model.json` naming that file replaces the old one in one
 * rename. A kill at any point leaves either the old pair or the new one; weight files of earlier
 * saves are removed after the switch (or by the next save, if the kill came first).
 *
 * @param json `model.json` without its weight file name and checks, which this fills in
 */
export async function writeLayersModelFiles(directory: string, json: { weightsManifest: Array<{ paths: string[] }> } & Record<string, unknown>, weights: Uint8Array): Promise<void> {
  const { fs, crypto } = nodeFs('saving');
  const sha256 = crypto.createHash('sha256').update(weights).digest('hex');
  const file = `weights.${sha256.slice(0, 16)}.bin`;
  const manifest = { ...json, weightsManifest: json.weightsManifest.map((group) => ({ ...group, paths: [file] })), weightFiles: { [file]: { bytes: weights.length, sha256 } } };
  await writeFileAtomic(`${directory}/${file}`, weights);
  await writeFileAtomic(`${directory}/model.json`, JSON.stringify(manifest));
  for (const entry of await fs.promises.readdir(directory)) {
    if (OWN_WEIGHT_FILE.test(entry) && entry !== file) await fs.promises.rm(`${directory}/${entry}`, { force: true });
  }
}

/**
 * Reads one weight file `model.json` names: inside `directory` (no `..`, absolute path or symlink
 * leading out), a regular file, its size and (when recorded) SHA-256 as `model.json` says — the
 * size checked before the file is read, and against `maxBytes` (what the manifest's weights still need).
 *
 * @throws Error naming `model.json` and the file
 */
export async function readWeightFile(directory: string, file: unknown, jsonPath: string, check: WeightFileCheck | undefined, maxBytes: number): Promise<Uint8Array> {
  const { fs, path, crypto } = nodeFs('loading');
  if (typeof file !== 'string' || file.length === 0) throw new Error(`Expected weight file names (strings) in the weightsManifest of "${jsonPath}", received ${JSON.stringify(file)}`);
  if (file.includes('..') || file.startsWith('/') || file.includes('\\') || /^[A-Za-z]:/.test(file)) {
    throw new Error(`Expected weight files inside "${directory}", received the path "${file}" in "${jsonPath}"`);
  }
  const location = `${directory}/${file}`;
  let real: string;
  let stat: import('node:fs').Stats;
  try {
    [real, stat] = [await fs.promises.realpath(location), await fs.promises.stat(location)];
  } catch (error) {
    throw new Error(`Expected the weight file "${file}" that "${jsonPath}" names, received ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const root = await fs.promises.realpath(directory);
  if (path.relative(root, real).startsWith('..') || path.isAbsolute(path.relative(root, real))) {
    throw new Error(`Expected weight files inside "${directory}", received "${file}" in "${jsonPath}", a link to "${real}" outside it`);
  }
  if (!stat.isFile()) throw new Error(`Expected the weight file "${file}" that "${jsonPath}" names to be a file, received a ${stat.isDirectory() ? 'folder' : 'special file'}`);
  if (check !== undefined && stat.size !== check.bytes) {
    throw new Error(`Expected ${check.bytes} bytes of weights for "${jsonPath}", received ${stat.size} in "${file}": the weights do not belong to this model.json (a torn or mixed save)`);
  }
  if (stat.size > maxBytes) throw new Error(`Expected at most ${maxBytes} more bytes of weights for "${jsonPath}" (its weightsManifest), received "${file}" of ${stat.size} bytes`);
  const bytes = new Uint8Array(await fs.promises.readFile(location));
  if (check !== undefined && crypto.createHash('sha256').update(bytes).digest('hex') !== check.sha256) {
    throw new Error(`Expected "${file}" with the SHA-256 "${jsonPath}" records, received different bytes: the weights do not belong to this model.json (a torn or mixed save)`);
  }
  return bytes;
}

/** The `weightFiles` checks of a `model.json`, by file name (none for files tfjs-layers wrote). */
export function weightFileChecks(json: { weightFiles?: unknown }, jsonPath: string): Map<string, WeightFileCheck> {
  const checks = new Map<string, WeightFileCheck>();
  if (json.weightFiles === undefined) return checks;
  if (typeof json.weightFiles !== 'object' || json.weightFiles === null) throw new Error(`Expected "weightFiles" in "${jsonPath}" to be an object, received ${JSON.stringify(json.weightFiles)}`);
  for (const [file, check] of Object.entries(json.weightFiles as Record<string, Partial<WeightFileCheck>>)) {
    if (typeof check?.bytes !== 'number' || typeof check.sha256 !== 'string') throw new Error(`Expected {bytes, sha256} for "${file}" in the weightFiles of "${jsonPath}", received ${JSON.stringify(check)}`);
    checks.set(file, { bytes: check.bytes, sha256: check.sha256 });
  }
  return checks;
}

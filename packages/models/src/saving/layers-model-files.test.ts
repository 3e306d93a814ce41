import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { loadLayersModel } from '../load-model';
import { type LayersModelJson, saveLayersModel } from './layers-model-format';

const tempDir = useTempDirs('model-json');
beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

const makeModel = (units = 2) => sequential({ layers: [dense({ units, inputShape: [3] })] });
const readJson = (dir: string) => JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as LayersModelJson & { weightFiles: Record<string, { bytes: number; sha256: string }> };

it('switches model.json and its weights as one: the weight file is named by its hash, recorded with size and SHA-256, and the old one goes', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'weights.bin'), 'from an earlier version');
  const first = makeModel();
  await saveLayersModel(first, dir);
  const [file] = readJson(dir).weightsManifest[0].paths;
  expect(file).toMatch(/^weights\.[0-9a-f]{16}\.bin$/);
  expect(readJson(dir).weightFiles[file].bytes).toBe(32);
  const second = makeModel(3);
  await saveLayersModel(second, dir);
  const [next] = readJson(dir).weightsManifest[0].paths;
  expect(next).not.toBe(file);
  expect(readdirSync(dir).sort()).toEqual(['model.json', next]);
  const loaded = await loadLayersModel(dir);
  expect(loaded.countParams()).toBe(12);
  [first, second, loaded].forEach((model) => model.dispose());
});

it("refuses a model.json whose weights are another save's (the torn pair of a kill between two writes), naming the file", async () => {
  const dir = tempDir();
  const model = makeModel();
  await saveLayersModel(model, dir);
  const jsonPath = join(dir, 'model.json');
  const [file] = readJson(dir).weightsManifest[0].paths;
  const bytes = readFileSync(join(dir, file));
  bytes[0] ^= 1;
  writeFileSync(join(dir, file), bytes);
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected "${file}" with the SHA-256 "${jsonPath}" records, received different bytes`);
  writeFileSync(join(dir, file), bytes.subarray(0, 28));
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected 32 bytes of weights for "${jsonPath}", received 28 in "${file}"`);
  model.dispose();
});

it('refuses a weight file that is a link out of the folder or a folder, and a larger file than the manifest declares, unread', async () => {
  const dir = tempDir();
  const outside = tempDir();
  const model = makeModel();
  await saveLayersModel(model, dir);
  const jsonPath = join(dir, 'model.json');
  const json = readJson(dir);
  const [file] = json.weightsManifest[0].paths;
  const withFile = (name: string) => writeFileSync(jsonPath, JSON.stringify({ ...json, weightFiles: undefined, weightsManifest: [{ ...json.weightsManifest[0], paths: [name] }] }));
  writeFileSync(join(outside, 'secret.bin'), readFileSync(join(dir, file)));
  symlinkSync(join(outside, 'secret.bin'), join(dir, 'link.bin'));
  withFile('link.bin');
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected weight files inside "${dir}", received "link.bin" in "${jsonPath}", a link to "${join(outside, 'secret.bin')}" outside it`);
  mkdirSync(join(dir, 'folder.bin'));
  withFile('folder.bin');
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected the weight file "folder.bin" that "${jsonPath}" names to be a file, received a folder`);
  writeFileSync(join(dir, 'big.bin'), new Uint8Array(1 << 20));
  withFile('big.bin');
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected at most 32 more bytes of weights for "${jsonPath}" (its weightsManifest), received "big.bin" of 1048576 bytes`);
  withFile('C:/weights.bin');
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected weight files inside "${dir}", received the path "C:/weights.bin"`);
  model.dispose();
});

it('refuses int32 declared for a float32 kernel instead of reinterpreting its bits', async () => {
  const dir = tempDir();
  const model = makeModel();
  await saveLayersModel(model, dir);
  const jsonPath = join(dir, 'model.json');
  const json = readJson(dir);
  const weights = json.weightsManifest[0].weights.map((spec) => (spec.name === 'dense/kernel' ? { ...spec, dtype: 'int32' } : spec));
  writeFileSync(jsonPath, JSON.stringify({ ...json, weightsManifest: [{ ...json.weightsManifest[0], weights }] }));
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected weight "dense/kernel" of dtype float32 in "${jsonPath}", received int32`);
  model.dispose();
});

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { readZip, writeZip } from '@dendrite/backend/internal';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { useBackend, useTempDirs } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { loadModel } from '../load-model';
import { saveLayersModel } from './layers-model-format';
import { saveModelBytes } from './model-io';

const tempDir = useTempDirs('model-errors');
beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

const makeModel = () => sequential({ layers: [dense({ units: 2, inputShape: [3] })] });

it('names the file for a config.json or model_config that is JSON but not an object', async () => {
  const model = makeModel();
  const files = readZip(await saveModelBytes(model, 'keras'), 'model.keras');
  const bytes = writeZip([...files].map(([name, data]) => [name, name === 'config.json' ? new TextEncoder().encode('null') : data]));
  await expect(loadModel(bytes)).rejects.toThrow('Expected a JSON object in config.json of "the given bytes", received null');
  model.dispose();
});

it('says what save() and loadWeights() expected for an empty path, a wrong type and a folder', async () => {
  const model = makeModel();
  await expect(model.save('')).rejects.toThrow(new RangeError(`Expected a file path, URL or IO handler for save() of model "${model.name}", received an empty string`));
  await expect(model.save(42 as never)).rejects.toThrow(new TypeError(`Expected a file path, URL or IO handler for save() of model "${model.name}", received number`));
  const dir = tempDir();
  mkdirSync(join(dir, 'folder'));
  await expect(model.loadWeights(join(dir, 'folder'))).rejects.toThrow(`Expected a model file at "${join(dir, 'folder')}", received a folder`);
  model.dispose();
});

it('refuses weight file names in model.json that are not strings', async () => {
  const model = makeModel();
  const dir = tempDir();
  await saveLayersModel(model, dir);
  const jsonPath = join(dir, 'model.json');
  const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
  writeFileSync(jsonPath, JSON.stringify({ ...json, weightsManifest: [{ ...json.weightsManifest[0], paths: [5] }] }));
  await expect(loadModel(dir)).rejects.toThrow(`Expected weight file names (strings) in the weightsManifest of "${jsonPath}", received 5`);
  model.dispose();
});

it('refuses a .dndr with any changed byte (a damaged config key would load a different model), and a model.json topology missing a key', async () => {
  const model = sequential({ layers: [dense({ units: 2, activation: 'relu', inputShape: [3] })] });
  const dir = tempDir();
  const path = join(dir, 'model.dndr');
  await model.save(path);
  const text = Buffer.from(readFileSync(path)).toString('latin1');
  writeFileSync(path, Buffer.from(text.replace('"activation":"relu"', '"aativation":"relu"'), 'latin1'));
  await expect(loadModel(path)).rejects.toThrow(`Expected a Dendrite archive in "${path}", received a damaged or truncated file (its CRC-32 does not match its bytes)`);
  await saveLayersModel(model, dir);
  const jsonPath = join(dir, 'model.json');
  writeFileSync(jsonPath, readFileSync(jsonPath, 'utf8').replace('"class_name":"Dense"', '"clas_name":"Dense"'));
  await expect(loadModel(jsonPath)).rejects.toThrow(
    `Expected the key "class_name" of modelTopology.config.layers[0] in "${jsonPath}" to be a string, received undefined`,
  );
  model.dispose();
});

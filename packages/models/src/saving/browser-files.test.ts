import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { saveLayersModel } from './layers-model-format';
import { loadModel, saveModel, saveModelBytes } from './model-io';
import { isBrowserModelFiles } from './browser-files';

beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

const makeModel = () => sequential({ layers: [dense({ units: 3, activation: 'relu', inputShape: [4] }), dense({ units: 2 })] });

/** The model's and the loaded model's predictions agree exactly, and predicting leaks nothing. */
async function expectSamePredictions(model: ReturnType<typeof makeModel>, loadedModel: unknown): Promise<void> {
  const loaded = loadedModel as ReturnType<typeof makeModel>;
  const x = tf.tensor2d(seededArray(8, 5), [2, 4]);
  const before = tf.memory().numTensors;
  const [expected, actual] = [model.predict(x, { verbose: 0 }) as tf.Tensor, loaded.predict(x, { verbose: 0 }) as tf.Tensor];
  expectArraysClose(await actual.data(), await expected.data(), 0);
  tf.dispose([expected, actual]);
  expect(tf.memory().numTensors).toBe(before);
  x.dispose();
}

/** model.json, then its weight file, as a page's File objects. */
function layersModelFiles(folder: string): File[] {
  const names = ['model.json', ...readdirSync(folder).filter((name) => name.endsWith('.bin'))];
  expect(names).toHaveLength(2);
  return names.map((name) => new File([readFileSync(join(folder, name))], name));
}

describe('loadModel of a page’s files', () => {
  it('loads a .keras and a .h5 File, and a Blob, with identical predictions', async () => {
    const model = makeModel();
    await expectSamePredictions(model, await loadModel(new File([(await saveModelBytes(model, 'keras')) as Uint8Array<ArrayBuffer>], 'model.keras')));
    await expectSamePredictions(model, await loadModel([new File([(await saveModelBytes(model, 'h5')) as Uint8Array<ArrayBuffer>], 'keras_model.h5')]));
    await expectSamePredictions(model, await loadModel(new Blob([(await saveModelBytes(model, 'keras')) as Uint8Array<ArrayBuffer>])));
  });

  it('loads model.json with its weight file, in any order', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dendrite-files-'));
    try {
      const model = makeModel();
      await saveLayersModel(model, folder);
      const files = layersModelFiles(folder);
      await expectSamePredictions(model, await loadModel(files));
      await expectSamePredictions(model, await loadModel([...files].reverse()));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names the files when they are not one model, and the weight file model.json misses', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dendrite-files-'));
    try {
      await saveLayersModel(makeModel(), folder);
      const [json, weights] = layersModelFiles(folder);
      await expect(loadModel([weights, new File([new Uint8Array(4)], 'other.bin')])).rejects.toThrow(
        `Expected one .keras or .h5 file, or one model.json with its weight files, received 2 files (${weights.name}, other.bin)`,
      );
      await expect(loadModel([json, new File([new Uint8Array(4)], 'other.bin')])).rejects.toThrow(
        `Expected the weight file "${weights.name}" that "model.json" names, received only other.bin: pass model.json together with its weight files`,
      );
      await expect(loadModel([new File(['{"modelTopology": '], 'model.json')])).rejects.toThrow(/^Expected TF.js model JSON in "model.json", received text that does not parse/);
      await expect(loadModel(new File(['hello'], 'notes.txt'))).rejects.toThrow('Expected a .keras archive, an HDF5 file, a TF.js model.json or a Dendrite archive in "notes.txt", received a file starting with bytes [68 65 6c 6c 6f]');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('tells files from bytes, paths and IO handlers', () => {
    expect(isBrowserModelFiles(new Blob([]))).toBe(true);
    expect(isBrowserModelFiles([new File([], 'a.keras')])).toBe(true);
    expect(isBrowserModelFiles(new Uint8Array(4))).toBe(false);
    expect(isBrowserModelFiles([])).toBe(false);
    expect(isBrowserModelFiles('model.keras')).toBe(false);
    expect(isBrowserModelFiles({ load: async () => ({}) })).toBe(false);
  });
});

describe('saveModel to downloads://name.keras', () => {
  it('asks for a page outside one', async () => {
    await expect(saveModel(makeModel(), 'downloads://my-model.keras')).rejects.toThrow(
      'Expected a browser page to download "my-model.keras", received a runtime without a document: in Node, save to a file path',
    );
  });
});

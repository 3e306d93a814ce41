/**
 * Every model file in `../shared/realworld-models/` (files real Keras 2.0.4–3.x and TensorFlow.js
 * wrote, taken from public repositories) loads, predicts its seeded `input.json` within 1e-4 of
 * `ref.json` (an independent h5py + numpy forward pass), then survives a save as `.keras`, `.h5` and
 * `model.json` and a reload. CI keeps `shared/` beside the clone: when it is missing this suite fails
 * rather than skips, so a moved folder cannot turn it green.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, useBackend, useTempDirs } from '@dendrite/test-utils';
import type { Model } from '../model';
import { formatSummary } from '../summary';
import { loadModel } from '../index';

const SHARED = join(__dirname, '../../../../../shared/realworld-models');
const MODEL_FILE = /^model\.json$|\.(h5|hdf5|hd5|keras)$/i;

/**
 * Files that need a feature another part of issue 14/15 adds, with the reason. A listed file still
 * runs: it is expected to fail until that lands, so a fixed file shows up as an unexpected pass.
 */
const WAITING_FOR: Record<string, string> = {};

interface ArrayJson {
  shape: number[];
  dtype?: string;
  data: number[];
}

const tempDir = useTempDirs('realworld');
beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

function readArray(path: string): ArrayJson {
  return JSON.parse(readFileSync(path, 'utf8')) as ArrayJson;
}

function predictValues(model: Model, input: ArrayJson): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor(input.data, input.shape, input.dtype === 'int32' ? 'int32' : 'float32');
    const y = model.predict(x) as tf.Tensor;
    return y.dataSync() as Float32Array;
  });
}

/** Predicts `input` with `model`, matches `ref`, and frees the model; no tensor outlives it. */
function expectMatches(model: Model, input: ArrayJson, ref: ArrayJson): void {
  try {
    formatSummary(model);
    expectArraysClose(predictValues(model, input), ref.data, 1e-4);
  } finally {
    model.dispose();
  }
}

function modelFolders(): string[] {
  return existsSync(SHARED) ? readdirSync(SHARED, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() : [];
}

it('finds ../shared/realworld-models beside the repository (CI has it)', () => {
  expect(existsSync(SHARED), `expected the real-world model files at ${SHARED}`).toBe(true);
  expect(modelFolders().length).toBeGreaterThanOrEqual(20);
});

describe('real-world model files', () => {
  for (const folder of modelFolders()) {
    const waiting = WAITING_FOR[folder];
    const test = waiting === undefined ? it : it.fails;
    test(`${folder}: loads, predicts ref within 1e-4, and round-trips .keras, .h5 and model.json${waiting ? ` (waiting for ${waiting})` : ''}`, async () => {
      const dir = join(SHARED, folder);
      const file = readdirSync(dir).find((name) => MODEL_FILE.test(name));
      expect(file, `a model file in ${dir}`).toBeDefined();
      const input = readArray(join(dir, 'input.json'));
      const ref = readArray(join(dir, 'ref.json'));
      const before = tf.memory().numTensors;

      const model = await loadModel(join(dir, file!));
      const out = tempDir();
      try {
        expect(model.built, 'built on load, so summary() works before any data').toBe(true);
        formatSummary(model);
        expectArraysClose(predictValues(model, input), ref.data, 1e-4);
        await model.save(join(out, 'model.keras'));
        await model.save(join(out, 'model.h5'));
        await model.save(join(out, 'tfjs', 'model.json'));
      } finally {
        model.dispose();
      }
      for (const saved of ['model.keras', 'model.h5', 'tfjs/model.json']) {
        resetUniqueNames();
        expectMatches(await loadModel(join(out, saved)), input, ref);
      }
      expect(tf.memory().numTensors).toBe(before);
    }, 120_000);
  }
});

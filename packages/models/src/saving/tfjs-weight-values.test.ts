import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { loadModel, sequential } from '../index';
import type { LayersModelJson } from './layers-model-format';
import { type TfjsWeightSpec, storedBytes, weightValues } from './tfjs-weight-values';

const tempDir = useTempDirs('tfjs-weights');
beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

const bytesOf = (array: Uint8Array | Uint16Array) => new Uint8Array(array.buffer.slice(array.byteOffset, array.byteOffset + array.byteLength));

it('dequantizes uint8 and uint16 affinely (q · scale + min) and widens float16, as tfjs-core decodes them', () => {
  const uint8: TfjsWeightSpec = { name: 'w', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', min: -1, scale: 0.5 } };
  expect(storedBytes(uint8, 'm.json')).toBe(3);
  expect(Array.from(weightValues(uint8, Uint8Array.of(0, 2, 255)))).toEqual([-1, 0, 126.5]);
  const uint16: TfjsWeightSpec = { name: 'w', shape: [2], dtype: 'float32', quantization: { dtype: 'uint16', min: 1, scale: 0.25 } };
  expect(storedBytes(uint16, 'm.json')).toBe(4);
  expect(Array.from(weightValues(uint16, bytesOf(Uint16Array.of(4, 1000))))).toEqual([2, 251]);
  // 0x3c00 = 1, 0xc000 = −2, 0x3555 ≈ 1/3, 0x0001 the smallest subnormal, 0x7c00 = ∞.
  const half: TfjsWeightSpec = { name: 'w', shape: [5], dtype: 'float32', quantization: { dtype: 'float16' } };
  expect(storedBytes(half, 'm.json')).toBe(10);
  expect(Array.from(weightValues(half, bytesOf(Uint16Array.of(0x3c00, 0xc000, 0x3555, 0x0001, 0x7c00))))).toEqual([1, -2, 0.333251953125, 2 ** -24, Number.POSITIVE_INFINITY]);
  const ints: TfjsWeightSpec = { name: 'w', shape: [2], dtype: 'int32', quantization: { dtype: 'uint8', min: 0, scale: 0.9 } };
  expect(Array.from(weightValues(ints, Uint8Array.of(1, 3)))).toEqual([1, 3]);
  expect(() => storedBytes({ name: 'w', shape: [1], dtype: 'float32', quantization: { dtype: 'uint8' } }, 'm.json')).toThrow('Expected the uint8 quantization of "w" in "m.json" to have numbers min and scale');
});

/** A tfjs-converter `--quantize_*` output of `model`'s weights: one group per layer, each split in two shards. */
function convertedModelJson(saved: LayersModelJson, weights: Float32Array[], quantize: (values: Float32Array) => { bytes: Uint8Array; quantization?: TfjsWeightSpec['quantization'] }, dir: string): LayersModelJson {
  const specs = saved.weightsManifest[0].weights;
  const groups: LayersModelJson['weightsManifest'] = [];
  for (let layer = 0; layer < specs.length; layer += 2) {
    const parts = [layer, layer + 1].map((i) => ({ spec: specs[i], ...quantize(weights[i]) }));
    const bytes = new Uint8Array(parts.reduce((n, part) => n + part.bytes.length, 0));
    let at = 0;
    for (const part of parts) {
      bytes.set(part.bytes, at);
      at += part.bytes.length;
    }
    const cut = Math.floor(bytes.length / 2);
    const paths = [`group${layer / 2 + 1}-shard1of2.bin`, `group${layer / 2 + 1}-shard2of2.bin`];
    writeFileSync(join(dir, paths[0]), bytes.subarray(0, cut));
    writeFileSync(join(dir, paths[1]), bytes.subarray(cut));
    groups.push({ paths, weights: parts.map((part) => ({ ...part.spec, ...(part.quantization ? { quantization: part.quantization } : {}) })) });
  }
  // tensorflowjs_converter --input_format keras wraps the Keras config in model_config.
  const modelTopology = { keras_version: '2.4.0', backend: 'tensorflow', model_config: saved.modelTopology } as unknown as LayersModelJson['modelTopology'];
  return { ...saved, modelTopology, weightsManifest: groups, format: 'layers-model', convertedBy: 'TensorFlow.js Converter v3.18.0' };
}

it('loads a tfjs-converter model.json with several groups and shards, model_config wrapping, and quantized or float16 weights', async () => {
  const model = sequential({ layers: [dense({ units: 4, activation: 'relu', inputShape: [3] }), dense({ units: 2 })] });
  const originals = [Float32Array.from(seededArray(12, 1)), Float32Array.from(seededArray(4, 2)), Float32Array.from(seededArray(8, 3)), Float32Array.from(seededArray(2, 4))];
  const tensors = originals.map((values, i) => tf.tensor(values, model.weights[i].shape));
  model.setWeights(tensors);
  const dir = tempDir();
  await model.save(join(dir, 'model.json'));
  const saved = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as LayersModelJson;
  const x = tf.tensor2d(seededArray(6, 5), [2, 3]);
  const before = tf.memory().numTensors;

  const uint8 = (values: Float32Array) => {
    const min = Math.min(...values);
    const scale = (Math.max(...values) - min) / 255 || 1;
    return { bytes: Uint8Array.from(values, (v) => Math.round((v - min) / scale)), quantization: { dtype: 'uint8' as const, min, scale } };
  };
  const float16 = (values: Float32Array) => ({ bytes: bytesOf(Uint16Array.from(values, () => 0x3800)), quantization: { dtype: 'float16' as const } });
  for (const [name, quantize] of [['uint8', uint8], ['float16', float16]] as const) {
    const out = join(dir, name);
    mkdirSync(out);
    writeFileSync(join(out, 'model.json'), JSON.stringify(convertedModelJson(saved, originals, quantize, out)));
    const loaded = await loadModel(join(out, 'model.json'));
    const expectedWeights = originals.map((values) => {
      const { bytes, quantization } = quantize(values);
      return quantization.dtype === 'float16' ? new Float32Array(values.length).fill(0.5) : Float32Array.from(bytes, (q) => q * quantization.scale + quantization.min);
    });
    loaded.getWeights().forEach((weight, i) => {
      expectArraysClose(weight, expectedWeights[i], 1e-6);
      weight.dispose();
    });
    const y = loaded.predict(x) as tf.Tensor;
    const reference = model.predict(x) as tf.Tensor;
    if (name === 'uint8') expectArraysClose(y, reference, 0.05);
    tf.dispose([y, reference]);
    loaded.dispose();
  }
  expect(tf.memory().numTensors).toBe(before);
  tf.dispose([...tensors, x]);
  model.dispose();
});

it('refuses a TF.js graph model and a TF SavedModel, saying what each is and what loads', async () => {
  const dir = tempDir();
  const graph = join(dir, 'graph');
  mkdirSync(graph);
  writeFileSync(join(graph, 'model.json'), JSON.stringify({ format: 'graph-model', generatedBy: '2.10.0', convertedBy: 'TensorFlow.js Converter v3.18.0', modelTopology: { node: [], library: {}, versions: {} }, weightsManifest: [] }));
  await expect(loadModel(join(graph, 'model.json'))).rejects.toThrow(`Expected a TF.js layers model in "${graph}/model.json", received a TF.js graph model (format "graph-model"`);
  await expect(loadModel(graph)).rejects.toThrow(/only Keras and TF.js layers models load here/);
  const savedModel = join(dir, 'saved');
  mkdirSync(join(savedModel, 'variables'), { recursive: true });
  writeFileSync(join(savedModel, 'saved_model.pb'), Uint8Array.of(0x08, 0x01, 0x12, 0x00));
  await expect(loadModel(savedModel)).rejects.toThrow(`Expected a Keras or TF.js layers model in "${savedModel}", received a TensorFlow SavedModel (saved_model.pb): only Keras (.keras, .h5) and TF.js layers models (model.json) load`);
  await expect(loadModel(join(savedModel, 'saved_model.pb'))).rejects.toThrow(/received a TensorFlow SavedModel/);
});

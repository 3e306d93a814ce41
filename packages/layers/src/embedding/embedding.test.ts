import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { getMask } from '../engine/masking';
import { InputLayer } from '../engine/input-layer';
import { embedding } from './embedding';

afterEach(() => resetUniqueNames());

const table = [[0, 0], [1, 2], [3, 4], [5, 6]];

describeEachBackend('Embedding', () => {
  it.each([
    ['int32 indices', () => embedding({ inputDim: 10, outputDim: 4 }), 'int32', [3, 5], [3, 5, 4]],
    ['inputLength', () => embedding({ inputDim: 10, outputDim: 2, inputLength: 5 }), 'int32', [3, 5], [3, 5, 2]],
    ['float indices, regularized, constrained', () => embedding({ inputDim: 10, outputDim: 4, embeddingsRegularizer: 'l2', embeddingsConstraint: 'unit_norm' }), 'float32', [2, 3], [2, 3, 4]],
    ['rank-3 indices', () => embedding({ inputDim: 10, outputDim: 2 }), 'int32', [2, 3, 2], [2, 3, 2, 2]],
  ] as const)('passes runLayerTest (%s)', async (_name, makeLayer, inputDtype, shape, outputShape) => {
    await runLayerTest({ makeLayer, inputShape: [...shape], inputDtype, inputRange: [0, 10], expectedOutputShape: [...outputShape], expectedWeightShapes: [[10, outputShape.at(-1)!]] });
  });

  it('passes runLayerTest with maskZero', async () => {
    const makeLayer = () => embedding({ inputDim: 10, outputDim: 3, maskZero: true });
    await runLayerTest({ makeLayer, inputShape: [2, 6], inputDtype: 'int32', inputRange: [0, 10], expectedOutputShape: [2, 6, 3], expectedWeightShapes: [[10, 3]] });
  });

  it('looks rows up, casts float indices, and masks index 0', async () => {
    const layer = embedding({ inputDim: 4, outputDim: 2, maskZero: true });
    layer.build([1, 4]);
    layer.setWeights([tf.tensor2d(table)]);
    const ids = tf.tensor2d([[2, 1, 0, 3]], [1, 4], 'int32');
    const floats = tf.tensor2d([[2.7, 1, 0, 3.2]]);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(ids);
      expectArraysClose(y, [3, 4, 1, 2, 0, 0, 5, 6], 0);
      expect(Array.from(getMask(y)!.dataSync())).toEqual([1, 1, 0, 1]);
      const z = layer.apply(floats);
      expectArraysClose(z, y, 0);
      tf.dispose([y, getMask(y)!, z, getMask(z)!]);
    });
    tf.dispose([ids, floats]);
    layer.dispose();
  });

  it('gives the table the gradient of every position that looked a row up', () => {
    const layer = embedding({ inputDim: 4, outputDim: 2 });
    layer.build([2, 3]);
    layer.setWeights([tf.tensor2d(table)]);
    const rows = [[1, 3, 1], [0, 1, 2]];
    const ids = tf.tensor2d(rows, [2, 3], 'int32');
    const upstream = Array.from(seededArray(2 * 3 * 2, 8));
    const projection = tf.tensor3d(upstream, [2, 3, 2]);
    const variable = layer.embeddings!.read();
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(ids), projection)) as tf.Scalar, [variable]);
    const expected = table.map(() => [0, 0]);
    rows.flat().forEach((row, position) => {
      expected[row][0] += upstream[2 * position];
      expected[row][1] += upstream[2 * position + 1];
    });
    expectArraysClose(grads[variable.name], expected.flat(), 1e-6);
    tf.dispose([ids, projection, value, ...Object.values(grads)]);
    layer.dispose();
  });

  it('counts the IMDB model’s 2,560,000 parameters and takes its input shape from inputLength', () => {
    const layer = embedding({ inputDim: 10000, outputDim: 256, inputLength: 200 });
    expect(layer.batchInputShape).toEqual([null, 200]);
    const output = layer.apply(new InputLayer({ batchShape: [null, null], dtype: 'int32' }).output);
    expect(output.shape).toEqual([null, 200, 256]);
    expect(layer.countParams()).toBe(2560000);
    expect(layer.getConfig()).toMatchObject({ input_dim: 10000, output_dim: 256, input_length: 200, mask_zero: false, batch_input_shape: [null, 200] });
    expect(layer.getConfig().embeddings_initializer).toEqual({ class_name: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } });
    layer.dispose();
  });

  it('rejects bad arguments and inputs, naming the layer', () => {
    expect(() => embedding({ inputDim: 0, outputDim: 2 })).toThrow('Expected inputDim to be an integer ≥ 1, received 0 in layer "embedding"');
    expect(() => embedding({ inputDim: 3, outputDim: 2.5 })).toThrow('Expected outputDim to be an integer ≥ 1, received 2.5 in layer "embedding_1"');
    expect(() => embedding({ inputDim: 3, outputDim: 2, embeddingsInitializer: 'unifrm' })).toThrow(/Unknown initializer "unifrm"/);
    const layer = embedding({ inputDim: 3, outputDim: 2, inputLength: 4, name: 'words' });
    expect(() => layer.computeOutputShape([null, 5])).toThrow('Expected inputs of 4 steps (inputLength) in layer "words", received shape [null, 5]');
  });
});

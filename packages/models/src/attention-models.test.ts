import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { additiveAttention, attention, dense, embedding, globalAveragePooling1d, input, multiHeadAttention, resetUniqueNames } from '@dendrite/layers';
import { describeEachBackend, expectArraysClose, seededArray, useTempDirs } from '@dendrite/test-utils';
import { model } from './functional';
import type { Model } from './model';
import { loadModel } from './load-model';

const tempDir = useTempDirs('attention');

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

/** A small decoder-like classifier: masked tokens, causal self-attention, then dense attention over them. */
function attentionModel(): Model {
  const tokens = input({ shape: [6], name: 'tokens' });
  const embedded = embedding({ inputDim: 10, outputDim: 8, maskZero: true }).apply(tokens);
  const attended = multiHeadAttention({ numHeads: 2, keyDim: 4, dropout: 0.1 }).apply([embedded, embedded], { useCausalMask: true });
  const luong = attention({ useScale: true }).apply([attended, embedded]);
  const bahdanau = additiveAttention().apply([attended, luong]);
  const pooled = globalAveragePooling1d().apply(bahdanau);
  return model({ inputs: tokens, outputs: dense({ units: 1, activation: 'sigmoid' }).apply(pooled) });
}

const tokenBatch = () => tf.tensor2d([[1, 4, 2, 0, 0, 0], [3, 3, 9, 8, 1, 0], [5, 0, 0, 0, 0, 0], [7, 6, 5, 4, 3, 2]], [4, 6]);

describeEachBackend('attention layers in a functional model', () => {
  it('fits, evaluates and predicts without leaking tensors, and training moves every attention weight', async () => {
    setSeed(1);
    const m = attentionModel();
    // Weights of order 1 (Embedding starts at ±0.05), so that every score matters to the loss.
    const values = m.weights.map((weight, index) => tf.tensor(seededArray(tf.util.sizeFromShape(weight.shape), 20 + index), weight.shape));
    m.setWeights(values);
    tf.dispose(values);
    m.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    const x = tokenBatch();
    const y = tf.tensor2d([[1], [0], [1], [0]]);
    const before = m.getWeights();
    await m.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0 }); // builds the optimizer's slots
    const count = tf.memory().numTensors;
    const history = await m.fit(x, y, { epochs: 3, batchSize: 2, verbose: 0 });
    await m.evaluate(x, y, { verbose: 0 });
    tf.dispose(m.predict(x) as tf.Tensor);
    expect(tf.memory().numTensors).toBe(count);
    expect(history.history.loss.every(Number.isFinite)).toBe(true);
    const after = m.getWeights();
    const moved = m.weights.map((weight, index) => [weight.path, before[index].sub(after[index]).abs().max().dataSync()[0] > 0] as const);
    expect(moved.filter(([, changed]) => !changed).map(([p]) => p)).toEqual([]);
    tf.dispose([x, y, ...before, ...after]);
    m.dispose();
  });

  it('shows the attention layers, their shapes and parameter counts in summary()', () => {
    const m = attentionModel();
    const table = m.summary({ printFn: null });
    // Keras 2's layout cuts long names; 3 × (8·2·4 + 2·4) + (2·4·8 + 8) parameters.
    expect(table).toMatch(/multi_head_attention \(MultiHead\s+\(None, 6, 8\)\s+288\s/);
    expect(table).toMatch(/attention \(Attention\)\s+\(None, 6, 8\)\s+1\s/);
    expect(table).toMatch(/additive_attention \(AdditiveAtt\s+\(None, 6, 8\)\s+8\s/);
    m.dispose();
  });
});

describeEachBackend('attention layers saved and loaded', () => {
  it.each(['keras', 'h5', 'model.json'])('round-trips through %s with the same predictions', async (format) => {
    const m = attentionModel();
    const values = m.weights.map((weight, index) => tf.tensor(seededArray(tf.util.sizeFromShape(weight.shape), 10 + index), weight.shape));
    m.setWeights(values);
    const path = format === 'model.json' ? join(tempDir(), 'model.json') : join(tempDir(), `attention.${format}`);
    await m.save(path);
    const loaded = await loadModel(path);
    expect(loaded.weights.map((weight) => weight.shape)).toEqual(m.weights.map((weight) => weight.shape));
    const x = tokenBatch();
    const expected = m.predict(x) as tf.Tensor;
    const got = loaded.predict(x) as tf.Tensor;
    expectArraysClose(got, expected, 1e-5);
    tf.dispose([x, expected, got, ...values]);
    m.dispose();
    loaded.dispose();
  });
});

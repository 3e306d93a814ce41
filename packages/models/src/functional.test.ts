import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { type SymbolicTensor, concatenate, dense, deserializeLayer, input, resetUniqueNames, serializeLayer } from '@dendrite/layers';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { sgd } from '@dendrite/optimizers';
import { Functional, model } from './functional';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

/** Seed 003's wide-and-deep model with an auxiliary output. */
function wideAndDeep() {
  const wide = input({ shape: [5], name: 'wide_input' });
  const deep = input({ shape: [6], name: 'deep_input' });
  const hidden1 = dense({ units: 30, activation: 'relu' }).apply(deep);
  const hidden2 = dense({ units: 30, activation: 'relu' }).apply(hidden1);
  const merged = concatenate().apply([wide, hidden2]);
  const output = dense({ units: 1, name: 'main_output' }).apply(merged);
  const aux = dense({ units: 1, name: 'aux_output' }).apply(hidden2);
  return model({ inputs: [wide, deep], outputs: [output, aux] });
}

describeEachBackend('Functional', () => {
  it('computes through a graph with two inputs and two outputs', async () => {
    setSeed(3);
    const m = wideAndDeep();
    // Keras's order: deepest first (deep_input is 4 calls from the outputs), ties by the walk back from the outputs.
    expect(m.layers.map((layer) => layer.name)).toEqual(['deep_input', 'dense', 'wide_input', 'dense_1', 'concatenate', 'main_output', 'aux_output']);
    expect(m.outputNames).toEqual(['main_output', 'aux_output']);
    const wide = tf.tensor2d(seededArray(4 * 5, 1), [4, 5]);
    const deep = tf.tensor2d(seededArray(4 * 6, 2), [4, 6]);
    await expectNoLeakedTensors(() => {
      const [main, aux] = m.predict([wide, deep]) as tf.Tensor[];
      expect(main.shape).toEqual([4, 1]);
      expect(aux.shape).toEqual([4, 1]);
      tf.dispose([main, aux]);
    });
    tf.dispose([wide, deep]);
    m.dispose();
  });

  it('fits per-output losses with lossWeights and logs each output', async () => {
    setSeed(4);
    const m = wideAndDeep();
    m.compile({ optimizer: 'sgd', loss: ['mse', 'mse'], lossWeights: [0.9, 0.1], metrics: ['mae'] });
    const samples = 32;
    const xWide = { values: seededArray(samples * 5, 5), shape: [samples, 5] };
    const xDeep = { values: seededArray(samples * 6, 6), shape: [samples, 6] };
    const y = { values: seededArray(samples, 7), shape: [samples, 1] };
    await m.fit({ wide_input: xWide, deep_input: xDeep }, { main_output: y, aux_output: y }, { epochs: 1, verbose: 0 });
    const history = await expectNoLeakedTensors(() =>
      m.fit({ wide_input: xWide, deep_input: xDeep }, { main_output: y, aux_output: y }, { epochs: 3, verbose: 0 }),
    );
    expect(Object.keys(history.history)).toEqual(['loss', 'main_output_loss', 'aux_output_loss', 'main_output_mae', 'aux_output_mae']);
    const [total, main, aux] = ['loss', 'main_output_loss', 'aux_output_loss'].map((key) => history.history[key][2]);
    expect(total).toBeCloseTo(0.9 * main + 0.1 * aux, 4);
    expect(history.history.loss[2]).toBeLessThan(history.history.loss[0]);
    m.dispose();
  });

  it('round-trips through its Keras config and computes the same', () => {
    setSeed(5);
    const m = wideAndDeep();
    const config = JSON.parse(JSON.stringify(serializeLayer(m)));
    expect(config.class_name).toBe('Functional');
    expect(config.config.input_layers).toEqual([['wide_input', 0, 0], ['deep_input', 0, 0]]);
    expect(config.config.layers[4].inbound_nodes).toEqual([[['wide_input', 0, 0, {}], ['dense_1', 0, 0, {}]]]);
    const rebuilt = deserializeLayer(config) as Functional;
    const weights = m.getWeights();
    rebuilt.setWeights(weights);
    const inputs = [tf.ones([2, 5]), tf.ones([2, 6])];
    const [a] = m.predict(inputs) as tf.Tensor[];
    const [b, bAux] = rebuilt.predict(inputs) as tf.Tensor[];
    expectArraysClose(b, a);
    tf.dispose([weights, inputs, a, b, bAux]);
    m.dispose();
    rebuilt.dispose();
  });

  it('says when an output cannot be reached from the inputs', () => {
    const a = input({ shape: [2], name: 'a' });
    const b = input({ shape: [2], name: 'b' });
    const out = dense({ units: 1, name: 'needs_b' }).apply(b);
    expect(() => model({ inputs: a, outputs: out })).toThrow(/Graph disconnected: cannot reach b\/output_0 \(from input layer "b"\) from the model's inputs \[a\/output_0\]; it is needed by needs_b/);
  });

  it('nests a model as a layer', async () => {
    const innerInput = input({ shape: [3] });
    const inner = model({ inputs: innerInput, outputs: dense({ units: 2 }).apply(innerInput), name: 'inner' });
    const outerInput = input({ shape: [3] });
    const outer = model({ inputs: outerInput, outputs: dense({ units: 1 }).apply(inner.apply(outerInput) as never) });
    expect(outer.countParams()).toBe(3 * 2 + 2 + 2 + 1);
    outer.compile({ optimizer: 'adam', loss: 'mse' });
    const history = await outer.fit([[1, 2, 3]], [[1]], { epochs: 2, verbose: 0 });
    expect(history.history.loss).toHaveLength(2);
    outer.dispose();
  });
});

describeEachBackend('functional outputs by name', () => {
  it('takes outputs as an object, as keras.Model(inputs, outputs={...}): losses, weights and targets by key, predict returns an object', async () => {
    const source = input({ shape: [1] });
    const first = dense({ units: 1, kernelInitializer: 'ones', biasInitializer: 'zeros' }).apply(source);
    const second = dense({ units: 1, kernelInitializer: 'zeros', biasInitializer: 'ones' }).apply(source);
    const byName = model({ inputs: source, outputs: { same: first, one: second } });
    expect(byName.outputNames).toEqual(['one', 'same']);
    byName.compile({ optimizer: sgd({ learningRate: 0 }), loss: { same: 'mse', one: 'mae' }, lossWeights: { same: 1, one: 3 } });
    const x = tf.tensor2d([[1], [2], [4]]);
    const y = { same: tf.tensor2d([[1], [2], [2]]), one: tf.tensor2d([[1], [3], [1]]) };
    // same: squared errors 0, 0, 4 → 4/3; one: absolute errors 0, 2, 0 → 2/3.
    const logs = (await expectNoLeakedTensors(() => byName.evaluate(x, y, { verbose: 0, returnDict: true }))) as Record<string, number>;
    expectArraysClose([logs.loss, logs.same_loss, logs.one_loss], [4 / 3 + 3 * (2 / 3), 4 / 3, 2 / 3]);
    const predicted = byName.predict(x, { verbose: 0 }) as Record<string, tf.Tensor>;
    expect(Array.from(predicted.one.dataSync())).toEqual([1, 1, 1]);
    tf.dispose([predicted.one, predicted.same, x, y.same, y.one]);
    byName.dispose();
  });
});

it('exposes model.input, model.output and layer.output, as Keras, for feature-extraction models', () => {
  const source = input({ shape: [3] });
  const hidden = dense({ units: 2 });
  const out = dense({ units: 1 });
  const base = model({ inputs: source, outputs: out.apply(hidden.apply(source)) });
  expect(base.input).toBe(source);
  expect(base.output).toBe(base.outputs[0]);
  const features = model({ inputs: base.input, outputs: base.layers.map((layer) => layer.output as SymbolicTensor) });
  const x = tf.ones([2, 3]);
  const values = features.predict(x, { verbose: 0 }) as tf.Tensor[];
  expect(values.map((value) => value.shape)).toEqual([[2, 3], [2, 2], [2, 1]]);
  tf.dispose([x, ...values]);
  expect(() => dense({ units: 1, name: 'unused' }).output).toThrow('Expected layer "unused" to have been called once on symbolic tensors for its output, received 0 calls');
  base.dispose();
});

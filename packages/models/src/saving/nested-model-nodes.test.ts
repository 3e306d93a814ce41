import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, input, resetUniqueNames, serializeLayer } from '@dendrite/layers';
import { model as functionalModel } from '../functional';
import { sequential } from '../sequential';
import { withBuiltModelNodes, withDendriteModelNodes, withKeras3ModelNodes, withoutBuiltModelNodes } from './nested-model-nodes';

afterEach(() => resetUniqueNames());

/** A Sequential called twice and a functional model called once, inside a functional model. */
function nested() {
  const a = input({ shape: [3], name: 'a' });
  const b = input({ shape: [3], name: 'b' });
  const shared = sequential({ name: 'shared', layers: [dense({ units: 3, inputShape: [3] })] });
  const headInput = input({ shape: [3] });
  const head = functionalModel({ name: 'head', inputs: headInput, outputs: dense({ units: 2 }).apply(headInput) as never });
  const outputs = [head.apply(shared.apply(a) as never), shared.apply(b)];
  return functionalModel({ inputs: [a, b], outputs: outputs as never });
}

type Entry = { name: string; inbound_nodes: unknown[] };
const nodesOf = (config: Record<string, unknown>, name: string) => (config.layers as Entry[]).find((entry) => entry.name === name)?.inbound_nodes;

it('counts the calls of nested models from node 1, as tfjs-layers does, and back', () => {
  const before = tf.memory().numTensors;
  const m = nested();
  const serialized = serializeLayer(m);
  expect(serialized.config.output_layers).toEqual([
    ['head', 0, 0],
    ['shared', 1, 0],
  ]);
  const built = withBuiltModelNodes(serialized);
  expect(nodesOf(built.config, 'head')).toEqual([[['shared', 1, 0, {}]]]);
  expect(built.config.output_layers).toEqual([
    ['head', 1, 0],
    ['shared', 2, 0],
  ]);
  expect(withoutBuiltModelNodes(built)).toEqual(serialized);
  // Counted from 0 already (Dendrite's own model.json files before tfjs-layers' count): left as it is.
  expect(withoutBuiltModelNodes(serialized)).toEqual(serialized);
  m.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

/** A Keras 3 functional config: `inner` (a functional model) called once on x, `after` on its output. */
function keras3Config(outputLayers: unknown) {
  const tensor = (layer: string, node: number) => ({ class_name: '__keras_tensor__', config: { shape: [null, 3], dtype: 'float32', keras_history: [layer, node, 0] } });
  const innerConfig = { name: 'inner', layers: [], input_layers: [['inner_in', 0, 0]], output_layers: [['inner_dense', 0, 0]] };
  return {
    module: 'keras.src.models.functional',
    class_name: 'Functional',
    config: {
      name: 'outer',
      layers: [
        { class_name: 'InputLayer', config: { name: 'x' }, name: 'x', inbound_nodes: [] },
        { class_name: 'Functional', config: innerConfig, name: 'inner', inbound_nodes: [{ args: [tensor('x', 0)], kwargs: {} }] },
        { class_name: 'Dense', config: { name: 'after' }, name: 'after', inbound_nodes: [{ args: [tensor('inner', 0)], kwargs: {} }] },
      ],
      input_layers: [['x', 0, 0]],
      output_layers: outputLayers,
    },
  };
}

it('reads Keras 3 configs as functional_from_config does: output_layers to a nested functional model less one, inbound nodes as they are', () => {
  const read = (outputLayers: unknown) => (withDendriteModelNodes(keras3Config(outputLayers)) as { config: Record<string, unknown> }).config;
  const config = read([['inner', 1, 0], ['after', 0, 0]]);
  expect(config.output_layers).toEqual([['inner', 0, 0], ['after', 0, 0]]);
  expect(nodesOf(config, 'after')).toEqual(nodesOf(keras3Config(null).config, 'after'));
  // Keras 3.11+ writes one output flat; a dict of outputs is read the same way.
  expect(read(['inner', 1, 0]).output_layers).toEqual(['inner', 0, 0]);
  expect(read({ y: ['inner', 1, 0] }).output_layers).toEqual({ y: ['inner', 0, 0] });
  // Dendrite's .keras files before counted from 0 (Keras never writes 0 there): left as they are.
  expect(read([['inner', 0, 0], ['after', 0, 0]]).output_layers).toEqual([['inner', 0, 0], ['after', 0, 0]]);
});

it('writes Keras 3 configs with output_layers to nested functional models from 1, not those to a Sequential, inbound nodes unchanged', () => {
  const m = nested();
  const serialized = serializeLayer(m);
  const written = withKeras3ModelNodes(serialized);
  expect(written.config.output_layers).toEqual([
    ['head', 1, 0],
    ['shared', 1, 0],
  ]);
  expect(nodesOf(written.config, 'head')).toEqual(nodesOf(serialized.config, 'head'));
  m.dispose();
});

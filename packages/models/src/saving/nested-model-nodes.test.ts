import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, input, resetUniqueNames, serializeLayer } from '@dendrite/layers';
import { model as functionalModel } from '../functional';
import { sequential } from '../sequential';
import { withBuiltModelNodes, withoutBuiltModelNodes } from './nested-model-nodes';

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

import { afterEach, beforeAll, expect, it } from 'vitest';
import * as L from '@dendrite/layers';
import { useBackend } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { kerasWeightPaths } from './keras-weight-paths';

beforeAll(() => useBackend('cpu'));
afterEach(() => L.resetUniqueNames());

it('places variables where Keras 3 saving_lib does: layers by snake_case class, numbered per class; sublayers by attribute', () => {
  const model = sequential({
    layers: [
      L.inputLayer({ shape: [6] }),
      L.embedding({ inputDim: 20, outputDim: 4, name: 'words' }),
      L.bidirectional({ layer: L.lstm({ units: 3, returnSequences: true }) }),
      L.lstm({ units: 2 }),
      L.batchNormalization({}),
      L.dense({ units: 4, name: 'hidden' }),
      L.dense({ units: 1, name: 'out' }),
    ],
  });
  const paths = kerasWeightPaths(model).map(({ path, weights }) => [path, weights.map((w) => w.shape.join('x'))]);
  expect(paths).toEqual([
    ['', []],
    ['layers/embedding', ['20x4']],
    ['layers/bidirectional', []],
    ['layers/bidirectional/backward_layer', []],
    ['layers/bidirectional/backward_layer/cell', ['4x12', '3x12', '12']],
    ['layers/bidirectional/forward_layer', []],
    ['layers/bidirectional/forward_layer/cell', ['4x12', '3x12', '12']],
    ['layers/lstm', []],
    ['layers/lstm/cell', ['6x8', '2x8', '8']],
    ['layers/batch_normalization', ['2', '2', '2', '2']],
    ['layers/dense', ['2x4', '4']],
    ['layers/dense_1', ['4x1', '1']],
  ]);
  model.dispose();
});

it('numbers a functional model\'s layers in Keras\'s order (by depth, then walk order), so same-class weights do not swap', async () => {
  const { model } = await import('../functional');
  const x = L.input({ shape: [3], name: 'x' });
  const a2 = L.dense({ units: 2, name: 'a2' }).apply(L.dense({ units: 3, name: 'a1' }).apply(x));
  const b = L.dense({ units: 2, name: 'b' }).apply(x);
  const out = L.dense({ units: 1, name: 'out' }).apply(L.concatenate({ name: 'concat' }).apply([b as never, a2 as never]));
  const graph = model({ inputs: x, outputs: out as never });
  // Keras (ops/function.py map_graph): x at depth 4, a1 at 3, then b and a2 at 2 in walk order.
  expect(graph.layers.map((layer) => layer.name)).toEqual(['x', 'a1', 'b', 'a2', 'concat', 'out']);
  expect(kerasWeightPaths(graph).map(({ path, layer }) => `${path}=${layer.name}`)).toEqual([
    '=functional',
    'layers/input_layer=x',
    'layers/dense=a1',
    'layers/dense_1=b',
    'layers/dense_2=a2',
    'layers/concatenate=concat',
    'layers/dense_3=out',
  ]);
  graph.dispose();
});

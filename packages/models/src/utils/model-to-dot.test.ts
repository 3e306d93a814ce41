import { afterEach, expect, it } from 'vitest';
import { Concatenate, Layer, dense, input, resetUniqueNames } from '@dendrite/layers';
import { useBackend } from '@dendrite/test-utils';
import { model } from '../functional';
import { Model } from '../model';
import { sequential } from '../sequential';
import { modelToDot } from './model-to-dot';

useBackend('cpu');
afterEach(() => resetUniqueNames());

/** The `"a" -> "b"` edges of a DOT text, in order. */
const edgesOf = (dot: string) => [...dot.matchAll(/^\s*"([^"]+)" -> "([^"]+)"/gm)].map((match) => `${match[1]} -> ${match[2]}`);
/** The node ids of a DOT text, in order. */
const nodesOf = (dot: string) => [...dot.matchAll(/^\s*"([^"]+)" \[label=</gm)].map((match) => match[1]);

function twoInputModel() {
  const wide = input({ shape: [5], name: 'wide' });
  const deep = input({ shape: [6], name: 'deep' });
  const hidden = dense({ units: 30, activation: 'relu', name: 'hidden' }).apply(deep);
  const merged = new Concatenate({ name: 'merged' }).apply([wide, hidden] as never);
  return model({ inputs: [wide, deep], outputs: dense({ units: 1, name: 'out' }).apply(merged as never) as never, name: 'wide_and_deep' });
}

it('draws a Sequential as a chain of boxes, name (Class), with shapes when asked', () => {
  const net = sequential({ name: 'mlp', layers: [dense({ units: 3, inputShape: [2], name: 'd1' }), dense({ units: 4, activation: 'softmax', name: 'd2' })] });
  const dot = modelToDot(net, { showShapes: true, showLayerActivations: true, showDtype: true, showTrainable: true });
  expect(dot.startsWith('digraph "mlp" {\n  graph [rankdir="TB", concentrate=true, dpi=200, splines="ortho"];\n  node [shape="record"];\n')).toBe(true);
  expect(nodesOf(dot)).toEqual(['d1', 'd2']);
  expect(edgesOf(dot)).toEqual(['d1 -> d2']);
  expect(dot).toContain('<b>d1</b> (Dense)');
  expect(dot).toContain('Input shape: <b>(None, 2)</b>');
  expect(dot).toContain('Output shape: <b>(None, 3)</b>');
  expect(dot).toContain('Input shape: <b>(None, 3)</b></font></td><td bgcolor="white"><font point-size="14">Output shape: <b>(None, 4)</b>');
  expect(dot).toContain('Activation: <b>softmax</b>');
  expect(dot).toContain('Output dtype: <b>float32</b>');
  expect(dot).toContain('<b>Trainable</b>');
  const plain = modelToDot(net, { showLayerNames: false, rankdir: 'LR', dpi: 96 });
  expect(plain).toContain('rankdir="LR", concentrate=true, dpi=96');
  expect(plain).toContain('<b>Dense</b>');
  expect(plain).not.toContain('d1</b>');
  expect(plain).not.toContain('shape:');
  net.dispose();
});

it('follows the functional graph of a two-input model, input layers drawn without an input shape', () => {
  const net = twoInputModel();
  const dot = modelToDot(net, { showShapes: true });
  expect(nodesOf(dot)).toEqual(net.layers.map((layer) => layer.name));
  expect(new Set(nodesOf(dot))).toEqual(new Set(['wide', 'deep', 'hidden', 'merged', 'out']));
  expect(edgesOf(dot)).toEqual(['deep -> hidden', 'wide -> merged', 'hidden -> merged', 'merged -> out']);
  expect(dot).toContain('<b>wide</b> (InputLayer)</font></td></tr><tr><td bgcolor="white"><font point-size="14">Output shape: <b>(None, 5)</b>');
  expect(dot).toContain('Input shape: <b>[(None, 5), (None, 30)]</b>');
  expect(dot).toContain('Output shape: <b>(None, 35)</b>');
  net.dispose();
});

it('draws a nested model as one box, or with expandNested as a dashed cluster wired to its inner layers', () => {
  const inner = sequential({ name: 'encoder', layers: [dense({ units: 8, inputShape: [4], name: 'enc_1' }), dense({ units: 2, name: 'enc_2' })] });
  const x = input({ shape: [4], name: 'x' });
  const outer = model({ inputs: x, outputs: dense({ units: 1, name: 'head' }).apply(inner.apply(x) as never) as never, name: 'outer' });
  const collapsed = modelToDot(outer, { showShapes: true });
  expect(nodesOf(collapsed)).toEqual(['x', 'encoder', 'head']);
  expect(edgesOf(collapsed)).toEqual(['x -> encoder', 'encoder -> head']);
  expect(collapsed).toContain('<b>encoder</b> (Sequential)');
  expect(collapsed).toContain('Output shape: <b>(None, 2)</b>');
  const expanded = modelToDot(outer, { expandNested: true });
  expect(expanded).toContain('  subgraph "cluster_encoder" {\n    graph [label="encoder", labeljust="l", style="dashed"];\n    "enc_1" [label=<');
  expect(nodesOf(expanded)).toEqual(['x', 'enc_1', 'enc_2', 'head']);
  expect(edgesOf(expanded)).toEqual(['enc_1 -> enc_2', 'x -> enc_1', 'enc_2 -> head']);
  outer.dispose();
});

it('draws a subclassed model as one box, escapes names, and refuses unbuilt models and bad options', () => {
  class Doubler extends Model {
    static override className = 'Doubler';
    override call(inputs: never): never {
      return inputs;
    }
  }
  const subclassed = new Doubler({ name: 'a<b>&"c"' });
  subclassed.built = true;
  const dot = modelToDot(subclassed);
  expect(dot).toContain('  "a<b>&\\"c\\"" [label=<');
  expect(dot).toContain('digraph "a<b>&\\"c\\"" {');
  expect(dot).toContain('<b>a&lt;b&gt;&amp;&quot;c&quot;</b> (Doubler)');
  expect(edgesOf(dot)).toEqual([]);
  expect(() => modelToDot(sequential({ name: 'empty' }))).toThrow('Expected model "empty" to be built before plotting, received an unbuilt model');
  const net = sequential({ layers: [dense({ units: 1, inputShape: [1] })] });
  expect(() => modelToDot(net, { rankdir: 'tb' as never })).toThrow("Expected rankdir to be one of 'TB', 'LR', 'BT', 'RL', received");
  expect(() => modelToDot(net, { dpi: 0 })).toThrow('Expected dpi to be a positive number, received');
  expect(() => modelToDot(net, { show_shapes: true } as never)).toThrow(new TypeError('Unknown option "show_shapes" in modelToDot: did you mean "showShapes"?'));
  net.dispose();
  expect(Layer).toBeDefined();
});

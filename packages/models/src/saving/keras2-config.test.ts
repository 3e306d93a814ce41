import { afterEach, expect, it } from 'vitest';
import { concatenate, dense, input, inputLayer, resetUniqueNames, serializeLayer, spatialDropout1d } from '@dendrite/layers';
import { model as functionalModel } from '../functional';
import { sequential } from '../sequential';
import { keras2Config } from './keras2-config';

afterEach(() => resetUniqueNames());

const model = () => sequential({ name: 'seq', layers: [inputLayer({ shape: [5, 3] }), spatialDropout1d({ rate: 0.2 }), dense({ units: 2 })] });

it('writes Keras 2 .h5 configs: InputLayer kept with batch_input_shape, SpatialDropout without trainable', () => {
  const m = model();
  const serialized = serializeLayer(m);
  const before = JSON.stringify(serialized);
  const converted = keras2Config(serialized, 'h5');
  const [input, dropout, last] = converted.config.layers as Array<{ class_name: string; config: Record<string, unknown> }>;
  expect(input).toMatchObject({ class_name: 'InputLayer', config: { batch_input_shape: [null, 5, 3], name: input.config.name } });
  expect(Object.keys(input.config)[0]).toBe('batch_input_shape');
  expect(input.config).not.toHaveProperty('batch_shape');
  expect(dropout.config).not.toHaveProperty('trainable');
  expect(last.config).toHaveProperty('trainable', true);
  expect(converted.config).toMatchObject({ name: 'seq' });
  expect(JSON.stringify(serialized)).toBe(before);
  m.dispose();
});

it('writes Keras 2 .h5 configs of models nested in a model the same way', () => {
  const inner = model();
  const features = input({ shape: [5, 3] });
  const outer = functionalModel({ inputs: features, outputs: inner.apply(features) as never, name: 'outer' });
  const converted = keras2Config(serializeLayer(outer), 'h5');
  const nested = (converted.config.layers as Array<{ class_name: string; config: { layers?: Array<{ class_name: string; config: Record<string, unknown> }> } }>).find((layer) => layer.class_name === 'Sequential')!;
  const [nestedInput, nestedDropout] = nested.config.layers!;
  expect(nestedInput.config).toHaveProperty('batch_input_shape', [null, 5, 3]);
  expect(nestedInput.config).not.toHaveProperty('batch_shape');
  expect(nestedDropout.config).not.toHaveProperty('trainable');
  outer.dispose();
});

it('writes tfjs-layers topologies: a Sequential\'s InputLayer folded into its first layer', () => {
  const m = model();
  const converted = keras2Config(serializeLayer(m), 'tfjs');
  const layers = converted.config.layers as Array<{ class_name: string; config: Record<string, unknown> }>;
  expect(layers.map((layer) => layer.class_name)).toEqual(['SpatialDropout1D', 'Dense']);
  expect(layers[0].config).toMatchObject({ batch_input_shape: [null, 5, 3], trainable: true });
  expect(layers[1].config).not.toHaveProperty('batch_input_shape');
  expect(Object.keys(converted.config)).toEqual(['name', 'layers']);
  m.dispose();
});

it('writes tfjs-layers topologies: a functional model\'s InputLayers with batch_input_shape, only the keys tfjs-layers reads', () => {
  const wide = input({ shape: [2], name: 'wide' });
  const deep = input({ shape: [3], name: 'deep' });
  const m = functionalModel({ name: 'wide_deep', inputs: [wide, deep], outputs: concatenate().apply([wide, dense({ units: 2 }).apply(deep)]) as never });
  const serialized = serializeLayer(m);
  const before = JSON.stringify(serialized);
  const converted = keras2Config(serialized, 'tfjs');
  expect(converted.class_name).toBe('Functional');
  expect(Object.keys(converted.config)).toEqual(['name', 'layers', 'input_layers', 'output_layers']);
  const layers = converted.config.layers as Array<{ class_name: string; config: Record<string, unknown> }>;
  expect(layers.filter((layer) => layer.class_name === 'InputLayer').map((layer) => layer.config)).toEqual([
    { batch_input_shape: [null, 3], dtype: 'float32', sparse: false, name: 'deep' },
    { batch_input_shape: [null, 2], dtype: 'float32', sparse: false, name: 'wide' },
  ]);
  expect(converted.config.input_layers).toEqual(serialized.config.input_layers);
  expect(JSON.stringify(serialized)).toBe(before);
  m.dispose();
});

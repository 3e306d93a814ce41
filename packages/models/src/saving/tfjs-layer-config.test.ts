import { expect, it } from 'vitest';
import { layerConfigFromTfjs, tfjsLayerConfig, topologyFromTfjs } from './tfjs-layer-config';

const lstm = (name: string, goBackwards: boolean) => ({ class_name: 'LSTM', config: { name, units: 2, go_backwards: goBackwards, recurrent_activation: 'sigmoid' } });

it.each([
  ['L2 and L1 regularizers as L1L2', { class_name: 'Dense', config: { kernel_regularizer: { class_name: 'L2', config: { l2: 0.01 } }, bias_regularizer: { class_name: 'L1', config: { l1: 0.1 } } } }, { class_name: 'Dense', config: { kernel_regularizer: { class_name: 'L1L2', config: { l1: 0, l2: 0.01 } }, bias_regularizer: { class_name: 'L1L2', config: { l1: 0.1, l2: 0 } } } }],
  ["LeakyReLU's negative_slope as alpha", { class_name: 'LeakyReLU', config: { name: 'leaky', negative_slope: 0.2 } }, { class_name: 'LeakyReLU', config: { name: 'leaky', alpha: 0.2 } }],
  ["Bidirectional's layer under its own name, without the backward layer tfjs-layers derives", { class_name: 'Bidirectional', config: { name: 'bi', layer: lstm('forward_lstm', false), backward_layer: lstm('backward_lstm', true) } }, { class_name: 'Bidirectional', config: { name: 'bi', layer: lstm('lstm', false) } }],
  ['a layer tfjs-layers would compute differently under Dendrite>', { class_name: 'UpSampling2D', config: { size: [2, 2], interpolation: 'bilinear' } }, { class_name: 'Dendrite>UpSampling2D', config: { size: [2, 2], interpolation: 'bilinear' } }],
])('writes %s for tfjs-layers, and reads it back', (_label, ours, theirs) => {
  const before = JSON.stringify(ours);
  expect(tfjsLayerConfig(ours)).toEqual(theirs);
  expect(JSON.stringify(ours)).toBe(before);
  // Dendrite rebuilds the backward layer from `layer`, as tfjs-layers does.
  const { backward_layer: _backward, ...expected } = ours.config as Record<string, unknown>;
  const back = layerConfigFromTfjs(theirs);
  expect(back.class_name).toBe(ours.class_name);
  if (ours.class_name !== 'Bidirectional') expect(back.config).toEqual(expected);
});

it("reads an unmarked hard_sigmoid as tfjs-layers' and Keras 2's function, legacy_hard_sigmoid, and writes it back so", () => {
  const gru = { class_name: 'GRU', config: { units: 2, recurrent_activation: 'hard_sigmoid' } };
  const bidirectional = { class_name: 'Bidirectional', config: { name: 'bi', layer: { class_name: 'LSTM', config: { name: 'lstm', activation: 'hard_sigmoid', recurrent_activation: 'sigmoid' } } } };
  const read = topologyFromTfjs({ class_name: 'Sequential', config: { name: 's', layers: [gru, bidirectional] } });
  const [readGru, readBidirectional] = read.config.layers as Array<{ config: Record<string, unknown> }>;
  expect(readGru.config.recurrent_activation).toBe('legacy_hard_sigmoid');
  expect((readBidirectional.config.layer as { config: Record<string, unknown> }).config).toEqual({ name: 'lstm', activation: 'legacy_hard_sigmoid', recurrent_activation: 'sigmoid' });
  expect(tfjsLayerConfig(readGru as typeof gru)).toEqual(gru);
  // Keras 3's hard_sigmoid is marked for tfjs-layers, and read back as it is.
  const written = tfjsLayerConfig(gru);
  expect(written.class_name).toBe('Dendrite>GRU');
  expect(layerConfigFromTfjs(written)).toEqual(gru);
});

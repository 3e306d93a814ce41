import { afterEach, beforeAll, describe, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from '@dendrite/backend';
import * as L from '@dendrite/layers';
import { useBackend } from '@dendrite/test-utils';
import { type InteropCase, expectTfjsLoadsOurs, expectWeLoadTfjs, flat, ours, sequence, theirs } from '../testing/tfjs-interop';

// Core, embedding, normalization, recurrent, activation and noise layers that tfjs-layers 4.22 has too, in both directions.
// tfjs-layers' recurrent layers are built with recurrentActivation 'sigmoid' (Keras 3's default): its default,
// hard_sigmoid, is Keras 2's function (see layers-model-format-interop-limits.test.ts). Without a constraint:
// tfjs-layers 4.22 keeps one tensor per constraint it reads from a model.json.
beforeAll(() => useBackend('cpu'));
afterEach(() => L.resetUniqueNames());

const seq = [5, 3];
const tokens = () => tf.tensor2d([1, 2, 3, 4, 9, 0, 5, 6, 7, 8], [2, 5]);
const CASES: InteropCase[] = [
  [
    'Dense with L2 and L1 regularizers',
    ours(() => L.dense({ units: 3, activation: 'tanh', kernelRegularizer: 'l2', biasRegularizer: 'l1' }), [4]),
    theirs((s) => tfl.layers.dense({ units: 3, activation: 'tanh', kernelRegularizer: tfl.regularizers.l2(), biasRegularizer: tfl.regularizers.l1(), inputShape: s }), [4]),
    flat(),
  ],
  ['BatchNormalization', ours(() => L.batchNormalization({}), [4]), theirs((s) => tfl.layers.batchNormalization({ inputShape: s }), [4]), flat()],
  ['LayerNormalization', ours(() => L.layerNormalization({}), seq), theirs((s) => tfl.layers.layerNormalization({ inputShape: s }), seq), sequence()],
  ['Embedding', ours(() => L.embedding({ inputDim: 10, outputDim: 4 }), [5]), theirs((s) => tfl.layers.embedding({ inputDim: 10, outputDim: 4, inputShape: s }), [5]), tokens],
  ['SimpleRNN', ours(() => L.simpleRNN({ units: 4, returnSequences: true }), seq), theirs((s) => tfl.layers.simpleRNN({ units: 4, returnSequences: true, inputShape: s }), seq), sequence()],
  ['LSTM', ours(() => L.lstm({ units: 4 }), seq), theirs((s) => tfl.layers.lstm({ units: 4, recurrentActivation: 'sigmoid', inputShape: s }), seq), sequence()],
  ['GRU without reset_after', ours(() => L.gru({ units: 4, resetAfter: false }), seq), theirs((s) => tfl.layers.gru({ units: 4, recurrentActivation: 'sigmoid', inputShape: s }), seq), sequence()],
  // tfjs-layers' default recurrent activation, Keras 2's hard sigmoid: Dendrite's legacy_hard_sigmoid.
  ['LSTM with hard_sigmoid (tfjs-layers default)', ours(() => L.lstm({ units: 4, recurrentActivation: 'legacy_hard_sigmoid' }), seq), theirs((s) => tfl.layers.lstm({ units: 4, inputShape: s }), seq), sequence()],
  ['GRU with hard_sigmoid (tfjs-layers default)', ours(() => L.gru({ units: 4, resetAfter: false, recurrentActivation: 'legacy_hard_sigmoid' }), seq), theirs((s) => tfl.layers.gru({ units: 4, inputShape: s }), seq), sequence()],
  [
    'Bidirectional(LSTM)',
    ours(() => L.bidirectional({ layer: L.lstm({ units: 3, returnSequences: true }) }), seq),
    theirs((s) => tfl.layers.bidirectional({ layer: tfl.layers.lstm({ units: 3, returnSequences: true, recurrentActivation: 'sigmoid' }) as tfl.RNN, inputShape: s }), seq),
    sequence(),
  ],
  [
    'Bidirectional(GRU) summed',
    ours(() => L.bidirectional({ layer: L.gru({ units: 3, resetAfter: false }), mergeMode: 'sum' }), seq),
    theirs((s) => tfl.layers.bidirectional({ layer: tfl.layers.gru({ units: 3, recurrentActivation: 'sigmoid' }) as tfl.RNN, mergeMode: 'sum', inputShape: s }), seq),
    sequence(),
  ],
  ['RNN(LSTMCell)', ours(() => L.rnn({ cell: L.lstmCell({ units: 3 }) }), seq), theirs((s) => tfl.layers.rnn({ cell: tfl.layers.lstmCell({ units: 3, recurrentActivation: 'sigmoid' }), inputShape: s }), seq), sequence()],
  ['RNN(SimpleRNNCell)', ours(() => L.rnn({ cell: L.simpleRNNCell({ units: 3 }) }), seq), theirs((s) => tfl.layers.rnn({ cell: tfl.layers.simpleRNNCell({ units: 3 }), inputShape: s }), seq), sequence()],
  ['Activation', ours(() => L.activation({ activation: 'softplus' }), [4]), theirs((s) => tfl.layers.activation({ activation: 'softplus', inputShape: s }), [4]), flat()],
  ['ReLU with max_value', ours(() => L.reLU({ maxValue: 0.5 }), [4]), theirs((s) => tfl.layers.reLU({ maxValue: 0.5, inputShape: s }), [4]), flat()],
  ['LeakyReLU', ours(() => L.leakyReLU({ negativeSlope: 0.2 }), [4]), theirs((s) => tfl.layers.leakyReLU({ alpha: 0.2, inputShape: s }), [4]), flat()],
  ['ELU', ours(() => L.elu({}), [4]), theirs((s) => tfl.layers.elu({ inputShape: s }), [4]), flat()],
  ['PReLU', ours(() => L.pReLU({}), [4]), theirs((s) => tfl.layers.prelu({ inputShape: s }), [4]), flat()],
  ['Softmax', ours(() => L.softmax({}), [4]), theirs((s) => tfl.layers.softmax({ inputShape: s }), [4]), flat()],
  ['ThresholdedReLU', ours(() => L.thresholdedReLU({ theta: 0.1 }), [4]), theirs((s) => tfl.layers.thresholdedReLU({ theta: 0.1, inputShape: s }), [4]), flat()],
  ['Dropout', ours(() => L.dropout({ rate: 0.3 }), [4]), theirs((s) => tfl.layers.dropout({ rate: 0.3, inputShape: s }), [4]), flat()],
  ['AlphaDropout', ours(() => L.alphaDropout({ rate: 0.3 }), [4]), theirs((s) => tfl.layers.alphaDropout({ rate: 0.3, inputShape: s }), [4]), flat()],
  ['GaussianNoise', ours(() => L.gaussianNoise({ stddev: 0.3 }), [4]), theirs((s) => tfl.layers.gaussianNoise({ stddev: 0.3, inputShape: s }), [4]), flat()],
  ['GaussianDropout', ours(() => L.gaussianDropout({ rate: 0.3 }), [4]), theirs((s) => tfl.layers.gaussianDropout({ rate: 0.3, inputShape: s }), [4]), flat()],
  ['SpatialDropout1D', ours(() => L.spatialDropout1d({ rate: 0.3 }), seq), theirs((s) => tfl.layers.spatialDropout1d({ rate: 0.3, inputShape: s }), seq), sequence()],
];

describe.each(CASES)('%s', (_label, build, buildTheirs, inputs) => {
  it('saved by Dendrite as model.json loads in tfjs-layers, predicting the same', () => expectTfjsLoadsOurs(build, inputs));
  it('saved by tfjs-layers loads in Dendrite, predicting the same', () => expectWeLoadTfjs(buildTheirs, inputs));
});

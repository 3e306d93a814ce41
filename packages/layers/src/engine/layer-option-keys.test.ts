import { describe, expect, it } from 'vitest';
import { lstmCell } from '../recurrent/lstm-cell';
import { registeredLayerClasses } from './layer-registry';
import '../index';

/** Valid minimal options of every built-in layer; a registered class missing here fails the sweep. */
const MINIMAL_ARGS: Record<string, () => Record<string, unknown>> = {
  InputLayer: () => ({ shape: [3] }),
  Dense: () => ({ units: 2 }),
  Dropout: () => ({ rate: 0.5 }),
  SpatialDropout1D: () => ({ rate: 0.5 }),
  SpatialDropout2D: () => ({ rate: 0.5 }),
  GaussianNoise: () => ({ stddev: 0.1 }),
  GaussianDropout: () => ({ rate: 0.5 }),
  AlphaDropout: () => ({ rate: 0.5 }),
  Add: () => ({}),
  Subtract: () => ({}),
  Multiply: () => ({}),
  Average: () => ({}),
  Maximum: () => ({}),
  Minimum: () => ({}),
  Concatenate: () => ({}),
  Dot: () => ({ axes: 1 }),
  Flatten: () => ({}),
  Reshape: () => ({ targetShape: [2, 2] }),
  Permute: () => ({ dims: [2, 1] }),
  RepeatVector: () => ({ n: 2 }),
  ZeroPadding1D: () => ({}),
  ZeroPadding2D: () => ({}),
  Cropping1D: () => ({}),
  Cropping2D: () => ({}),
  UpSampling1D: () => ({}),
  UpSampling2D: () => ({}),
  Conv1D: () => ({ filters: 2, kernelSize: 3 }),
  Conv2D: () => ({ filters: 2, kernelSize: 3 }),
  Conv2DTranspose: () => ({ filters: 2, kernelSize: 3 }),
  DepthwiseConv2D: () => ({ kernelSize: 3 }),
  SeparableConv2D: () => ({ filters: 2, kernelSize: 3 }),
  MaxPooling1D: () => ({}),
  MaxPooling2D: () => ({}),
  AveragePooling1D: () => ({}),
  AveragePooling2D: () => ({}),
  GlobalMaxPooling1D: () => ({}),
  GlobalMaxPooling2D: () => ({}),
  GlobalAveragePooling1D: () => ({}),
  GlobalAveragePooling2D: () => ({}),
  BatchNormalization: () => ({}),
  LayerNormalization: () => ({}),
  Embedding: () => ({ inputDim: 10, outputDim: 2 }),
  Activation: () => ({ activation: 'relu' }),
  ReLU: () => ({}),
  LeakyReLU: () => ({}),
  ELU: () => ({}),
  PReLU: () => ({}),
  Softmax: () => ({}),
  ThresholdedReLU: () => ({}),
  SimpleRNNCell: () => ({ units: 2 }),
  LSTMCell: () => ({ units: 2 }),
  GRUCell: () => ({ units: 2 }),
  RNN: () => ({ cell: lstmCell({ units: 2 }) }),
  SimpleRNN: () => ({ units: 2 }),
  LSTM: () => ({ units: 2 }),
  GRU: () => ({ units: 2 }),
  Bidirectional: () => ({ layer: new (registeredLayerClasses().get('LSTM') as unknown as new (args: object) => object)({ units: 2 }) }),
  Rescaling: () => ({ scale: 0.5 }),
  Resizing: () => ({ height: 2, width: 2 }),
  CenterCrop: () => ({ height: 2, width: 2 }),
  RandomRotation: () => ({ factor: 0.1 }),
  RandomZoom: () => ({ heightFactor: 0.1 }),
  RandomTranslation: () => ({ heightFactor: 0.1, widthFactor: 0.1 }),
  RandomFlip: () => ({}),
  RandomContrast: () => ({ factor: 0.1 }),
  Lambda: () => ({ function: (x: unknown) => x }),
  Normalization: () => ({}),
  Discretization: () => ({ numBins: 3 }),
  CategoryEncoding: () => ({ numTokens: 3 }),
  Hashing: () => ({ numBins: 3 }),
  StringLookup: () => ({}),
  IntegerLookup: () => ({}),
  TextVectorization: () => ({}),
  Attention: () => ({}),
  AdditiveAttention: () => ({}),
  MultiHeadAttention: () => ({ numHeads: 2, keyDim: 2 }),
  TFOpLambda: () => ({ function: 'math.add' }),
  SlicingOpLambda: () => ({ function: '__operators__.getitem' }),
};

describe('option keys of every registered layer', () => {
  const classes = [...registeredLayerClasses()].filter(([name]) => !['Sequential', 'Functional'].includes(name));

  it.each(classes)('%s takes its minimal options and refuses an unknown key', (name, layerClass) => {
    const make = MINIMAL_ARGS[name];
    expect(make, `add minimal options for ${name} to MINIMAL_ARGS`).toBeDefined();
    const construct = (args: Record<string, unknown>) => new (layerClass as unknown as new (args: object) => object)(args);
    expect(() => construct(make())).not.toThrow();
    expect(() => construct({ ...make(), bogusOption: 1 })).toThrow(TypeError);
    expect(() => construct({ ...make(), bogusOption: 1 })).toThrow(`Unknown option "bogusOption" in layer ${name}`);
  });
});

describe('layer options', () => {
  it('names the spelling meant for a Keras key', () => {
    const Dense = registeredLayerClasses().get('Dense') as unknown as new (args: object) => object;
    expect(() => new Dense({ units: 2, kernel_initializer: 'he_normal' })).toThrow('Unknown option "kernel_initializer" in layer Dense: did you mean "kernelInitializer"?');
  });

  it('refuses options that are not an object', () => {
    const Flatten = registeredLayerClasses().get('Flatten') as unknown as new (args: unknown) => object;
    expect(() => new Flatten(3)).toThrow(new TypeError('Expected the options of layer Flatten to be an object, received 3'));
    expect(() => new Flatten(null)).toThrow('Expected the options of layer Flatten to be an object, received null');
  });
});

import { activation, batchNormalization, conv2d, dense, dropout, flatten, type Layer, maxPooling2d, regularizers } from '@dendrite/layers';
import type { Experiment } from './experiment';
import { fitMnist } from './mnist-mlp';

/** Seed 001's DNN variants on MNIST (eval accuracy from its table), trained with Adam, batch 128. */
const VARIANTS: Array<{ name: string; description: string; seed: number; layers: () => Layer[] }> = [
  { name: 'dnn-original', description: '512-256-10', seed: 0.9822, layers: () => [dense({ units: 512, activation: 'relu', inputShape: [784] }), dense({ units: 256, activation: 'relu' }), dense({ units: 10, activation: 'softmax' })] },
  { name: 'dnn-remove-layer', description: '512-10', seed: 0.9826, layers: () => [dense({ units: 512, activation: 'relu', inputShape: [784] }), dense({ units: 10, activation: 'softmax' })] },
  {
    name: 'dnn-l2',
    description: '512-256-10 with L2 (1e-5) on the hidden kernels',
    seed: 0.9795,
    layers: () => [dense({ units: 512, activation: 'relu', inputShape: [784], kernelRegularizer: regularizers.l2(1e-5) }), dense({ units: 256, activation: 'relu', kernelRegularizer: regularizers.l2(1e-5) }), dense({ units: 10, activation: 'softmax' })],
  },
  {
    name: 'dnn-dropout',
    description: '512-dropout 0.4-256-dropout 0.2-10',
    seed: 0.982,
    layers: () => [dense({ units: 512, activation: 'relu', inputShape: [784] }), dropout({ rate: 0.4 }), dense({ units: 256, activation: 'relu' }), dropout({ rate: 0.2 }), dense({ units: 10, activation: 'softmax' })],
  },
  {
    name: 'dnn-batchnorm',
    description: 'Dense-BatchNormalization-relu ×2, softmax',
    seed: 0.9814,
    layers: () => [dense({ units: 512, inputShape: [784] }), batchNormalization(), activation({ activation: 'relu' }), dense({ units: 256 }), batchNormalization(), activation({ activation: 'relu' }), dense({ units: 10, activation: 'softmax' })],
  },
  {
    name: 'dnn-l2-dropout',
    description: 'L2 and dropout together',
    seed: 0.9846,
    layers: () => [dense({ units: 512, activation: 'relu', inputShape: [784], kernelRegularizer: regularizers.l2(1e-5) }), dropout({ rate: 0.4 }), dense({ units: 256, activation: 'relu', kernelRegularizer: regularizers.l2(1e-5) }), dropout({ rate: 0.2 }), dense({ units: 10, activation: 'softmax' })],
  },
  {
    name: 'dnn-l2-batchnorm',
    description: 'L2 and batch normalization together',
    seed: 0.9802,
    layers: () => [dense({ units: 512, inputShape: [784], kernelRegularizer: regularizers.l2(1e-5) }), batchNormalization(), activation({ activation: 'relu' }), dense({ units: 256, kernelRegularizer: regularizers.l2(1e-5) }), batchNormalization(), activation({ activation: 'relu' }), dense({ units: 10, activation: 'softmax' })],
  },
  {
    name: 'dnn-dropout-batchnorm',
    description: 'dropout and batch normalization together',
    seed: 0.9814,
    layers: () => [dense({ units: 512, inputShape: [784] }), batchNormalization(), activation({ activation: 'relu' }), dropout({ rate: 0.4 }), dense({ units: 256 }), batchNormalization(), activation({ activation: 'relu' }), dropout({ rate: 0.2 }), dense({ units: 10, activation: 'softmax' })],
  },
];

/** Seed 001's DNN table, one experiment per row (20 epochs each; the seed trained longer). */
export const DNN_EXPERIMENTS: Experiment[] = VARIANTS.map((variant) => ({
  name: variant.name,
  description: `Seed 001 DNN table: ${variant.description}, Adam, batch 128, 20 epochs`,
  seedResult: { metric: 'accuracy', value: variant.seed, note: 'eval accuracy' },
  run: (context) => fitMnist(context, variant.layers(), { optimizer: 'adam' }, 20, 128),
}));

/** Seed 001's CNN+DNN on MNIST (99.15 %), channels last. */
export const mnistCnn: Experiment = {
  name: 'mnist-cnn',
  description: 'Seed 001: conv32-pool-conv64-pool-dense128-dropout-dense10 on 28×28×1 MNIST, Adam, batch 128, 5 epochs',
  seedResult: { metric: 'accuracy', value: 0.9915, note: 'eval accuracy' },
  run: (context) =>
    fitMnist(
      { ...context, reshape: [28, 28, 1] } as never,
      [
        conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
        maxPooling2d(),
        conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
        maxPooling2d(),
        flatten(),
        dense({ units: 128, activation: 'relu' }),
        dropout({ rate: 0.5 }),
        dense({ units: 10, activation: 'softmax' }),
      ],
      { optimizer: 'adam' },
      5,
      128,
    ),
};

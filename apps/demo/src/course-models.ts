import * as dn from 'dendrite';

/** The course's models the demo trains. */
export type CourseModelName = 'mnist-mlp' | 'mnist-cnn' | 'fashion-mlp';

/** One choice of the Train panel: the model, its data, its defaults as the seed trained it. */
export interface CourseModel {
  name: CourseModelName;
  title: string;
  dataset: 'mnist' | 'fashion';
  /** The input shape of one image. */
  imageShape: number[];
  /** Integer labels (sparse crossentropy, seed 003) or one-hot (categorical, seeds 000/001). */
  sparseLabels: boolean;
  defaults: { optimizer: string; learningRate: number; batchSize: number; epochs: number; dropout: number };
  /** The layers, with `dropout` as the rate of every Dropout layer (0: none). */
  layers(dropout: number): dn.layers.Layer[];
}

const dropoutLayer = (rate: number): dn.layers.Layer[] => (rate > 0 ? [dn.layers.dropout({ rate })] : []);

/**
 * The three models of `apps/experiments` (`mnist-mlp.ts`, `dnn-table.ts`, `small-data.ts`), written
 * again here because those files also load the data through Node's file system.
 */
export const COURSE_MODELS: Record<CourseModelName, CourseModel> = {
  'mnist-mlp': {
    name: 'mnist-mlp',
    title: 'MNIST MLP 784-128-128-10 (seed 000)',
    dataset: 'mnist',
    imageShape: [784],
    sparseLabels: false,
    defaults: { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 5, dropout: 0.3 },
    layers: (dropout) => [
      dn.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
      ...dropoutLayer(dropout),
      dn.layers.dense({ units: 128, activation: 'relu' }),
      ...dropoutLayer(dropout),
      dn.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  },
  'mnist-cnn': {
    name: 'mnist-cnn',
    title: 'MNIST CNN conv32-pool-conv64-pool-dense128 (seed 001)',
    dataset: 'mnist',
    imageShape: [28, 28, 1],
    sparseLabels: false,
    defaults: { optimizer: 'adam', learningRate: 0.001, batchSize: 128, epochs: 3, dropout: 0.5 },
    layers: (dropout) => [
      dn.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
      dn.layers.maxPooling2d({}),
      dn.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      dn.layers.maxPooling2d({}),
      dn.layers.flatten({}),
      dn.layers.dense({ units: 128, activation: 'relu' }),
      ...dropoutLayer(dropout),
      dn.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  },
  'fashion-mlp': {
    name: 'fashion-mlp',
    title: 'Fashion-MNIST MLP Flatten-300-100-10 (seed 003)',
    dataset: 'fashion',
    imageShape: [28, 28],
    sparseLabels: true,
    defaults: { optimizer: 'sgd', learningRate: 0.01, batchSize: 32, epochs: 10, dropout: 0 },
    layers: (dropout) => [
      dn.layers.flatten({ inputShape: [28, 28] }),
      dn.layers.dense({ units: 300, activation: 'relu' }),
      ...dropoutLayer(dropout),
      dn.layers.dense({ units: 100, activation: 'relu' }),
      ...dropoutLayer(dropout),
      dn.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  },
};

/** The optimizers offered, by Keras name. */
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop', 'adagrad', 'nadam', 'adamw'] as const;

/** A compiled model of `choice`, ready to fit. */
export function buildCourseModel(choice: CourseModel, options: { optimizer: string; learningRate: number; dropout: number }): dn.Model {
  const model = dn.sequential({ layers: choice.layers(options.dropout), name: choice.name.replace('-', '_') });
  const optimizer = dn.optimizers.get(options.optimizer, { learningRate: options.learningRate });
  model.compile({ optimizer, loss: choice.sparseLabels ? 'sparse_categorical_crossentropy' : 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

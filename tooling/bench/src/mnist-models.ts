/** The bench's MNIST models and data, shared by the benches and the profiling scripts. */
import { mnist, scaleImages, toCategorical } from '@dendrite/datasets';
import { conv2d, dense, dropout, flatten, maxPooling2d } from '@dendrite/layers';
import { type Model, sequential } from '@dendrite/models';

/** Which model: seed 000's MLP 784-128-128-10 (dropout 0.3) or the CNN conv32-pool-conv64-pool-dense128-dropout-dense10. */
export type MnistModelKind = 'mlp' | 'cnn';

/** The input shape of one image for `kind`. */
export const inputShapeOf = (kind: MnistModelKind): number[] => (kind === 'mlp' ? [784] : [28, 28, 1]);

/** A new, compiled model of `kind` (Adam, categorical crossentropy, accuracy). */
export function mnistModel(kind: MnistModelKind): Model {
  const inputShape = inputShapeOf(kind);
  const layers =
    kind === 'mlp'
      ? [dense({ units: 128, activation: 'relu', inputShape }), dropout({ rate: 0.3 }), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.3 }), dense({ units: 10, activation: 'softmax' })]
      : [
          conv2d({ filters: 32, kernelSize: 3, activation: 'relu', inputShape }),
          maxPooling2d(),
          conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
          maxPooling2d(),
          flatten(),
          dense({ units: 128, activation: 'relu' }),
          dropout({ rate: 0.5 }),
          dense({ units: 10, activation: 'softmax' }),
        ];
  const model = sequential({ layers });
  model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
  return model;
}

/** MNIST's 60 000 training images scaled to [0, 1] in `kind`'s shape, and one-hot labels. */
export async function mnistTrain(kind: MnistModelKind) {
  const { train } = await mnist();
  return { x: scaleImages(train.x, [60000, ...inputShapeOf(kind)]), y: toCategorical(train.y, 10) };
}

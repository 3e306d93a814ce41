import { dense } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import { adam } from '@dendrite/optimizers';
import type { Experiment } from './experiment';

/** Seed 001's XOR: a small MLP learns what a perceptron cannot. */
export const xorMlp: Experiment = {
  name: 'xor-mlp',
  description: 'Seed 001: XOR learned by a 2-8-1 MLP (tanh, sigmoid), Adam',
  seedResult: { metric: 'accuracy', value: 1 },
  async run(context) {
    const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const y = [[0], [1], [1], [0]];
    const model = sequential({ layers: [dense({ units: 8, activation: 'tanh', inputShape: [2] }), dense({ units: 1, activation: 'sigmoid' })] });
    model.compile({ optimizer: adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
    const start = performance.now();
    const epochs = context.epochs ?? 300;
    const history = await model.fit(x, y, { epochs, batchSize: 4, verbose: context.verbose === 1 ? 0 : context.verbose });
    const seconds = (performance.now() - start) / 1000 / epochs;
    const [loss, accuracy] = (await model.evaluate(x, y)) as number[];
    model.dispose();
    return { test: { loss, accuracy }, history: history.history, secondsPerEpoch: seconds };
  },
};

import { imdb, padSequences, reuters, toCategorical, vectorizeSequences } from '@dendrite/datasets';
import { dense, dropout, embedding, globalMaxPooling1d } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import type { Experiment, ExperimentContext } from './experiment';
import { EpochTimer } from './timing';

const limited = <T>(items: T[], context: ExperimentContext) => (context.limit === undefined ? items : items.slice(0, context.limit));

/** Seed 000: IMDB with an Embedding (10 000 × 256), dropout, global max pooling, 128, sigmoid (85.26 %). */
export const imdbEmbedding: Experiment = {
  name: 'imdb-embedding',
  description: 'Seed 000: IMDB, Embedding(10000, 256) on 200 words, dropout 0.3, GlobalMaxPooling1D, Dense(128), sigmoid, Adam, batch 500, 20 epochs',
  seedResult: { metric: 'accuracy', value: 0.8526, note: '20 epochs' },
  async run(context) {
    const { train, test } = await imdb({ numWords: 10000, searchDirs: context.searchDirs });
    const x = padSequences(limited(train.x, context), { maxlen: 200 });
    const xTest = padSequences(limited(test.x, context), { maxlen: 200 });
    const y = { values: Float32Array.from(limited(Array.from(train.y), context)), shape: [x.shape[0], 1] };
    const yTest = { values: Float32Array.from(limited(Array.from(test.y), context)), shape: [xTest.shape[0], 1] };
    const model = sequential({
      layers: [embedding({ inputDim: 10000, outputDim: 256, inputLength: 200 }), dropout({ rate: 0.3 }), globalMaxPooling1d(), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.5 }), dense({ units: 1, activation: 'sigmoid' })],
    });
    if (context.verbose > 0) model.summary();
    model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
    const timer = new EpochTimer();
    const history = await model.fit(x, y, { epochs: context.epochs ?? 20, batchSize: 500, validationData: [xTest, yTest], verbose: context.verbose, callbacks: [timer] });
    const [loss, accuracy] = (await model.evaluate(xTest, yTest)) as number[];
    model.dispose();
    return { test: { loss, accuracy }, history: history.history, secondsPerEpoch: timer.mean };
  },
};

/** Seed 004: multi-hot IMDB reviews into Dense(16)-Dense(16)-sigmoid, RMSprop, batch 512, 20 epochs. */
export const imdbDense: Experiment = {
  name: 'imdb-dense',
  description: 'Seed 004: IMDB as 10 000-dimensional multi-hot vectors, Dense(16)-Dense(16)-Dense(1, sigmoid), RMSprop, batch 512, 20 epochs',
  async run(context) {
    const { train, test } = await imdb({ numWords: 10000, searchDirs: context.searchDirs });
    const x = vectorizeSequences(limited(train.x, context));
    const y = { values: Float32Array.from(limited(Array.from(train.y), context)), shape: [x.shape[0], 1] };
    const model = sequential({ layers: [dense({ units: 16, activation: 'relu', inputShape: [10000] }), dense({ units: 16, activation: 'relu' }), dense({ units: 1, activation: 'sigmoid' })] });
    model.compile({ optimizer: 'rmsprop', loss: 'binary_crossentropy', metrics: ['accuracy'] });
    const timer = new EpochTimer();
    const history = await model.fit(x, y, { epochs: context.epochs ?? 20, batchSize: 512, validationSplit: 0.4, verbose: context.verbose, callbacks: [timer] });
    const xTest = vectorizeSequences(limited(test.x, context));
    const yTest = { values: Float32Array.from(limited(Array.from(test.y), context)), shape: [xTest.shape[0], 1] };
    const [loss, accuracy] = (await model.evaluate(xTest, yTest)) as number[];
    model.dispose();
    return { test: { loss, accuracy }, history: history.history, secondsPerEpoch: timer.mean };
  },
};

/**
 * Seed 004: Reuters topics from multi-hot vectors, Dense(64)-Dense(64)-Dense(46, softmax), the
 * notes' protocol: the first 1 000 training wires validate (`x_val = x_train[:1000]`), the other
 * 7 982 train, 20 epochs of batch 512. The wires are Keras's, in Keras's order (NumPy's shuffle).
 */
export const reutersDense: Experiment = {
  name: 'reuters-dense',
  description: 'Seed 004: Reuters, 10 000-dimensional multi-hot, Dense(64)-Dense(64)-Dense(46, softmax), RMSprop, batch 512, 20 epochs, first 1 000 wires for validation',
  seedResult: { metric: 'val_accuracy', value: 0.803, note: 'epoch 20 of 20, x_train[:1000] held out' },
  async run(context) {
    const { train, test } = await reuters({ numWords: 10000, searchDirs: context.searchDirs });
    const wires = limited(train.x, context);
    const labels = Int32Array.from(limited(Array.from(train.y), context));
    // x_val = x_train[:1000]; a CI slice keeps a fifth for validation.
    const held = Math.min(1000, Math.floor(wires.length / 5));
    const xVal = vectorizeSequences(wires.slice(0, held));
    const yVal = toCategorical(labels.subarray(0, held), 46);
    const x = vectorizeSequences(wires.slice(held));
    const y = toCategorical(labels.subarray(held), 46);
    const model = sequential({ layers: [dense({ units: 64, activation: 'relu', inputShape: [10000] }), dense({ units: 64, activation: 'relu' }), dense({ units: 46, activation: 'softmax' })] });
    model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const timer = new EpochTimer();
    const history = await model.fit(x, y, { epochs: context.epochs ?? 20, batchSize: 512, validationData: [xVal, yVal], verbose: context.verbose, callbacks: [timer] });
    const [loss, accuracy] = (await model.evaluate(vectorizeSequences(limited(test.x, context)), toCategorical(Int32Array.from(limited(Array.from(test.y), context)), 46))) as number[];
    model.dispose();
    const valAccuracy = history.history.val_accuracy.at(-1)!;
    return { test: { loss, accuracy, val_accuracy: valAccuracy }, history: history.history, secondsPerEpoch: timer.mean };
  },
};

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { textDatasetFromDirectory } from '@dendrite/datasets';
import { dense, dropout, embedding, globalMaxPooling1d, textVectorization } from '@dendrite/layers';
import { sequential } from '@dendrite/models';
import type { Experiment } from './experiment';
import { EpochTimer } from './timing';

/** Where the unpacked Large Movie Review Dataset is looked for: `<dir>/aclImdb` or `<dir>/imdb/aclImdb`. */
export function aclImdbCandidates(searchDirs: readonly string[]): string[] {
  return searchDirs.flatMap((dir) => [join(dir, 'aclImdb'), join(dir, 'imdb', 'aclImdb')]);
}

/**
 * The aclImdb folder (with `train/` and `test/`, each holding `neg/` and `pos/`).
 *
 * @throws Error saying where to put it when it is in none of the search folders
 */
export function locateAclImdb(searchDirs: readonly string[]): string {
  const candidates = aclImdbCandidates(searchDirs);
  const found = candidates.find((dir) => existsSync(join(dir, 'train', 'pos')) && existsSync(join(dir, 'test', 'neg')));
  if (found === undefined) {
    throw new Error(`Expected the raw IMDB reviews (aclImdb_v1.tar.gz from https://ai.stanford.edu/~amaas/data/sentiment/, unpacked) at one of: ${candidates.join(', ')}; put the aclImdb folder there`);
  }
  return found;
}

const BATCH = 500;
const WORDS = 10000;
const LENGTH = 200;

/**
 * Seed 000's IMDB model trained from the raw reviews, as Keras users do it: the `aclImdb` folders
 * through `textDatasetFromDirectory`, a `TextVectorization` adapted on the training texts
 * (10 000 words, 200 tokens), then Embedding(10 000, 256), dropout 0.3, global max pooling,
 * Dense(128), dropout 0.5, sigmoid, Adam, batch 500.
 */
export const imdbRaw: Experiment = {
  name: 'imdb-raw',
  description: "Seed 000's IMDB model on the raw aclImdb reviews: textDatasetFromDirectory + TextVectorization(10 000 words, 200 tokens) into Embedding(10000, 256), dropout 0.3, GlobalMaxPooling1D, Dense(128), sigmoid, Adam, batch 500, 20 epochs",
  seedResult: { metric: 'accuracy', value: 0.8526, note: "seed 000's 20 epochs on Keras's preprocessed imdb.npz" },
  async run(context) {
    const root = locateAclImdb(context.searchDirs);
    const options = { batchSize: BATCH, labelMode: 'binary' as const, classNames: ['neg', 'pos'], seed: 1337 };
    const batches = context.limit === undefined ? -1 : Math.max(1, Math.ceil(context.limit / BATCH));
    const train = textDatasetFromDirectory(join(root, 'train'), options).take(batches);
    const test = textDatasetFromDirectory(join(root, 'test'), { ...options, shuffle: false }).take(batches);
    const vectorize = textVectorization({ maxTokens: WORDS, outputSequenceLength: LENGTH });
    await vectorize.adapt(train.map((batch) => (batch as [string[], unknown])[0]));
    const vectorized = (dataset: typeof train) => dataset.map((batch) => {
      const [texts, labels] = batch as [string[], { values: Float32Array; shape: number[] }];
      return { xs: vectorize.apply(texts), ys: labels };
    });
    const model = sequential({
      layers: [embedding({ inputDim: WORDS, outputDim: 256, inputLength: LENGTH }), dropout({ rate: 0.3 }), globalMaxPooling1d(), dense({ units: 128, activation: 'relu' }), dropout({ rate: 0.5 }), dense({ units: 1, activation: 'sigmoid' })],
    });
    if (context.verbose > 0) model.summary();
    model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
    const timer = new EpochTimer();
    const history = await model.fit(vectorized(train), { epochs: context.epochs ?? 20, verbose: context.verbose, callbacks: [timer] });
    const [loss, accuracy] = (await model.evaluate(vectorized(test))) as number[];
    model.dispose();
    return { test: { loss, accuracy }, history: history.history, secondsPerEpoch: timer.mean };
  },
};

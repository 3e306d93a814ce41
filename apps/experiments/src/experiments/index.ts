import type { Experiment } from './experiment';
import { DNN_EXPERIMENTS, mnistCnn } from './dnn-table';
import { kerasMnistBasic, mnistAdam, mnistDropoutSgd, mnistHiddenSgd, mnistRmsprop, mnistSingleSgd } from './mnist-mlp';
import { fashionMlp, irisMlp, perceptronIris } from './small-data';
import { bostonKfold } from './boston-kfold';
import { SWEEPS } from './sweeps';
import { xorMlp } from './xor-mlp';
import { imdbDense, imdbEmbedding, reutersDense } from './text-and-search';
import { imdbRaw } from './imdb-raw';
import { californiaSearch } from './california-search';
import { californiaSequential, californiaWideDeep } from './california';

export type { Experiment, ExperimentContext, ExperimentResult } from './experiment';

/** Every experiment, by name (the names are the CLI's interface). */
export const EXPERIMENTS: ReadonlyMap<string, Experiment> = new Map(
  [
    mnistSingleSgd,
    mnistHiddenSgd,
    mnistDropoutSgd,
    mnistRmsprop,
    mnistAdam,
    ...DNN_EXPERIMENTS,
    mnistCnn,
    kerasMnistBasic,
    fashionMlp,
    irisMlp,
    xorMlp,
    perceptronIris,
    bostonKfold,
    imdbEmbedding,
    imdbDense,
    imdbRaw,
    reutersDense,
    californiaSearch,
    californiaSequential,
    californiaWideDeep,
    ...SWEEPS,
  ].map((e) => [e.name, e]),
);

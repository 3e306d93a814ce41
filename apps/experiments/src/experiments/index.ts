import type { Experiment } from './experiment';
import { mnistAdam, mnistRmsprop } from './mnist-mlp';
import { xorMlp } from './xor-mlp';

export type { Experiment, ExperimentContext, ExperimentResult } from './experiment';

/** Every experiment, by name (the names are the CLI's interface). */
export const EXPERIMENTS: ReadonlyMap<string, Experiment> = new Map([mnistAdam, mnistRmsprop, xorMlp].map((e) => [e.name, e]));

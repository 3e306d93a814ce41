import type { BackendInfo } from '@dendrite/backend';
import type { History } from '@dendrite/models';
import type { PlotAxes } from '../plot';

/** What an experiment is given to run. */
export interface ExperimentContext {
  /** Epochs to train (the experiment's own default when undefined). */
  epochs?: number;
  /** 0 silent, 1 progress bar, 2 a line per epoch. */
  verbose: 0 | 1 | 2;
  /** Use only this many training samples (CI smoke runs). */
  limit?: number;
  /** Extra folders holding data sets (`../shared/datasets`). */
  searchDirs: string[];
  backend: BackendInfo;
}

/** What an experiment reports. */
export interface ExperimentResult {
  /** Test metrics by name (`accuracy`, `loss`, `mae`). */
  test: Record<string, number>;
  history: History['history'];
  secondsPerEpoch: number;
  /** How `--plot` draws `history` when its steps are not epochs (a search's candidates). */
  plotAxes?: PlotAxes;
}

/** One of the seeds' experiments. */
export interface Experiment {
  name: string;
  /** Which course note it reproduces, and what it shows. */
  description: string;
  /** The seed's reported value to print beside ours. */
  seedResult?: { metric: string; value: number; note?: string };
  run(context: ExperimentContext): Promise<ExperimentResult>;
}

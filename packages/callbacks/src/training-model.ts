import type { tf } from '@dendrite/backend';

/**
 * The model as callbacks see it: a small interface, so that @dendrite/callbacks does not depend
 * on @dendrite/models (which implements it).
 */
export interface TrainingModel {
  /** The model's name. */
  readonly name: string;
  /** Set to true to end `fit` after the current batch (EarlyStopping, TerminateOnNaN). */
  stopTraining: boolean;
  /** Copies of every weight value; the caller disposes them. */
  getWeights(): tf.Tensor[];
  /** Sets every weight (shapes checked). */
  setWeights(weights: tf.Tensor[]): void;
  /** Each weight with its Keras path (`dense/kernel`), for logging (TensorBoard histograms). */
  namedWeights(): Array<{ name: string; value: tf.Tensor }>;
  /** The optimizer's learning rate now (a schedule evaluated at the current step). */
  getLearningRate(): number;
  /** Replaces the optimizer's learning rate (ReduceLROnPlateau, LearningRateScheduler). */
  setLearningRate(rate: number): void;
  /** Saves the whole model (architecture, weights, optimizer state) to `path`, atomically. */
  save(path: string): Promise<void>;
  /** Saves only the weights to `path`, atomically. */
  saveWeights(path: string): Promise<void>;
  /** Loads weights saved by {@link saveWeights}; on failure the model is unchanged. */
  loadWeights(path: string): Promise<void>;
  /** Saves weights and optimizer state, for resuming an interrupted run (BackupAndRestore). */
  saveTrainingState(path: string): Promise<void>;
  /** Restores {@link saveTrainingState}'s files; on failure the model is unchanged. */
  loadTrainingState(path: string): Promise<void>;
  /** The model's layers, where BackupAndRestore finds the seeded layers' own random streams. */
  readonly layers?: readonly RandomStreamLayer[];
}

/**
 * A layer as BackupAndRestore sees it: its name and, for layers with their own `seed` (Dropout,
 * noise, random augmentation), the position of their random streams (`RandomStateful` in
 * @dendrite/layers).
 */
export interface RandomStreamLayer {
  /** The layer's name, unique in its model. */
  readonly name: string;
  /** Where each own stream is, by its path in the layer; empty without a `seed`. */
  getRandomStates?(): Record<string, number>;
  /** Puts the streams back where `getRandomStates` found them. */
  setRandomStates?(states: Record<string, number>): void;
}

/** Numbers a hook reports: `loss`, `accuracy`, `val_loss`, … (read lazily for batch hooks). */
export type Logs = Record<string, number>;

/** What `fit`/`evaluate`/`predict` tell the callbacks before they start, as Keras's `params`. */
export interface TrainingParams {
  /** Epochs `fit` runs to (counting `initialEpoch`). */
  epochs: number;
  /** Batches per epoch, or null when unknown (a dataset without `stepsPerEpoch`). */
  steps: number | null;
  /** 0 silent, 1 progress bar, 2 one line per epoch. */
  verbose: 0 | 1 | 2;
  /** Names of the logged values, loss first (`loss`, `accuracy`, `val_loss`, `val_accuracy`). */
  metrics: string[];
  /** Samples per batch, when known. */
  batchSize?: number;
  /** Samples per epoch, when known. */
  samples?: number;
}

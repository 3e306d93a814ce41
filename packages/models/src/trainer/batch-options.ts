import { optionKeys } from '@dendrite/backend/internal';
import type { DataLike } from './data-adapters/host-array';

/** Options of `model.trainOnBatch` and `model.testOnBatch`, as Keras's (camelCase). */
export interface BatchOptions {
  /** Weight of each sample in the loss. */
  sampleWeight?: DataLike;
  /** Weight of each class index in the loss (trainOnBatch only). */
  classWeight?: Record<number, number>;
  /** Return `{loss, accuracy, …}` instead of a list. */
  returnDict?: boolean;
}

/** The keys `trainOnBatch` reads. */
// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
export const TRAIN_ON_BATCH_KEYS = optionKeys<BatchOptions>({ sampleWeight: true, classWeight: true, returnDict: true });

/** The keys `testOnBatch` reads. */
// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
export const TEST_ON_BATCH_KEYS = optionKeys<Omit<BatchOptions, 'classWeight'>>({ sampleWeight: true, returnDict: true });

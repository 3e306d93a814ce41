import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import type { FitOptions, Model, ModelData, TargetData } from '@dendrite/models';
import { kFold, type Split } from './k-fold';
import { rowCount, takeRows } from './take-rows';

/** How a fold's model is scored: `neg_loss` (−loss, the default), a metric `evaluate` logs, or a function. */
export type Scoring = 'neg_loss' | string | ((model: Model, x: ModelData, y: TargetData) => number | Promise<number>);

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions {
  /** A number of K folds (5) or the splits themselves ({@link kFold}, {@link stratifiedKFold}). */
  folds?: number | Split[];
  /** Options of every fold's `fit`. */
  fit?: FitOptions;
  /** How each fold is scored (`neg_loss`). */
  scoring?: Scoring;
}

/** What {@link crossValidate} measured, per fold, as scikit-learn's `cross_validate`. */
export interface CrossValidateResult {
  testScore: number[];
  fitTime: number[];
  scoreTime: number[];
}

const CROSS_VALIDATE_KEYS = optionKeys<CrossValidateOptions>({ folds: true, fit: true, scoring: true });

/** Scores a fitted model on (x, y). */
export async function scoreModel(model: Model, x: ModelData, y: TargetData, scoring: Scoring = 'neg_loss'): Promise<number> {
  if (typeof scoring === 'function') return scoring(model, x, y);
  const logs = (await model.evaluate(x, y, { verbose: 0, returnDict: true })) as Record<string, number>;
  if (scoring === 'neg_loss') return -logs.loss;
  if (!(scoring in logs)) throw new RangeError(`Expected scoring to be "neg_loss" or a metric evaluate logs (${Object.keys(logs).join(', ')}), received "${scoring}"`);
  return logs[scoring];
}

/**
 * Trains a fresh model on each fold's training rows and scores it on its test rows, as
 * scikit-learn's `cross_validate` (and Keras's manual K-fold loop). Every model and gathered tensor is
 * disposed.
 *
 * @param buildModel builds and compiles a fresh model
 * @throws TypeError for an unknown option; RangeError for an unknown scoring metric
 * @example
 * ```ts
 * const { testScore } = await crossValidate(buildModel, x, y, { folds: 4, fit: { epochs: 80, batchSize: 16, verbose: 0 }, scoring: 'mae' });
 * ```
 */
export async function crossValidate(buildModel: () => Model | Promise<Model>, x: ModelData, y: TargetData, options: CrossValidateOptions = {}): Promise<CrossValidateResult> {
  checkOptionKeys(options, CROSS_VALIDATE_KEYS, 'crossValidate');
  const splits = Array.isArray(options.folds) ? options.folds : kFold(rowCount(x), { nSplits: options.folds ?? 5 });
  const result: CrossValidateResult = { testScore: [], fitTime: [], scoreTime: [] };
  for (const split of splits) {
    const parts = [takeRows(x, split.train), takeRows(y, split.train), takeRows(x, split.test), takeRows(y, split.test)] as const;
    const model = await buildModel();
    try {
      const fitStart = performance.now();
      await model.fit(parts[0], parts[1], options.fit ?? {});
      const scoreStart = performance.now();
      result.testScore.push(await scoreModel(model, parts[2], parts[3], options.scoring));
      result.fitTime.push((scoreStart - fitStart) / 1000);
      result.scoreTime.push((performance.now() - scoreStart) / 1000);
    } finally {
      model.dispose();
      tf.dispose(parts.filter((part): part is never => part instanceof tf.Tensor));
    }
  }
  return result;
}

import { checkOptionKeys, normalizeIdentifier, optionKeys } from '@dendrite/backend/internal';

/** What resolving `'accuracy'` looks at: the loss and the shapes of one batch. */
export interface MetricContext {
  /** The Keras function name of the loss (`binary_crossentropy`, any spelling); see `lossFunctionName`. */
  lossName?: string;
  /** The shape of the targets of one batch. */
  yTrueShape?: readonly number[];
  /** The shape of the predictions of one batch. */
  yPredShape?: readonly number[];
}

/** The keys of {@link MetricContext}. */
export const METRIC_CONTEXT_KEYS = optionKeys<MetricContext>({ lossName: true, yTrueShape: true, yPredShape: true });

/** The accuracy `'accuracy'` stands for. */
export type AccuracyKind = 'binary' | 'sparse_categorical' | 'categorical';

const BINARY_LOSSES = new Set(['binarycrossentropy', 'bce']);
const SPARSE_LOSSES = new Set(['sparsecategoricalcrossentropy', 'scce']);

/**
 * Picks the accuracy `metrics: ['accuracy']` means, as Keras: **binary** when the loss is the
 * binary crossentropy or the predictions' last axis is 1; **sparse categorical** when the loss is
 * the sparse categorical crossentropy, or the targets have one axis fewer than the predictions, or
 * a last axis of 1 against several classes; **categorical** otherwise.
 *
 * @param contextOrLossName the loss name and shapes, as an object or as three arguments
 * @returns `'binary'`, `'sparse_categorical'` or `'categorical'`
 * @example
 * ```ts
 * resolveAccuracy({ lossName: 'binary_crossentropy' });       // 'binary'
 * resolveAccuracy('mse', [32], [32, 10]);                      // 'sparse_categorical'
 * resolveAccuracy({ yTrueShape: [32, 10], yPredShape: [32, 10] }); // 'categorical'
 * ```
 */
export function resolveAccuracy(contextOrLossName?: MetricContext | string, yTrueShape?: readonly number[], yPredShape?: readonly number[]): AccuracyKind {
  if (typeof contextOrLossName === 'object') checkOptionKeys(contextOrLossName, METRIC_CONTEXT_KEYS, 'resolveAccuracy');
  const context: MetricContext = typeof contextOrLossName === 'object' ? contextOrLossName : { lossName: contextOrLossName, yTrueShape, yPredShape };
  const loss = context.lossName ? normalizeIdentifier(context.lossName) : '';
  const trueShape = context.yTrueShape;
  const predShape = context.yPredShape;
  const predLast = predShape?.[predShape.length - 1];
  if (BINARY_LOSSES.has(loss) || predLast === 1) return 'binary';
  if (SPARSE_LOSSES.has(loss)) return 'sparse_categorical';
  if (trueShape && predShape && (trueShape.length < predShape.length || (trueShape[trueShape.length - 1] === 1 && (predLast ?? 0) > 1))) {
    return 'sparse_categorical';
  }
  return 'categorical';
}

/**
 * @dendrite/callbacks: Keras's callbacks. They see the model through `TrainingModel`, a small
 * interface @dendrite/models implements.
 *
 * @packageDocumentation
 */
export { Callback } from './callback';
export { CallbackList, type HookName } from './callback-list';
export type { Logs, TrainingModel, TrainingParams } from './training-model';
export { History } from './history';
export { ProgbarLogger, type ProgbarLoggerOptions, type ProgressStream } from './progbar-logger';
export { formatValue, formatDuration, formatPerStep } from './format-value';

export { Callback } from './callback';
export { CallbackList } from './callback-list';
export type { Logs, TrainingModel, TrainingParams } from './training-model';

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
export { EarlyStopping, earlyStopping, type EarlyStoppingOptions } from './early-stopping';
export { ReduceLROnPlateau, reduceLROnPlateau, type ReduceLROnPlateauOptions } from './reduce-lr-on-plateau';
export { LearningRateScheduler, TerminateOnNaN, LambdaCallback, learningRateScheduler, terminateOnNaN, lambdaCallback, type LambdaHooks } from './simple-callbacks';
export { CSVLogger, csvLogger, type CSVLoggerOptions } from './csv-logger';
export { ModelCheckpoint, modelCheckpoint, type ModelCheckpointOptions } from './model-checkpoint';
export { BackupAndRestore, backupAndRestore, type BackupAndRestoreOptions } from './backup-and-restore';
export { pythonFormat } from './python-format';
export { resolveMode, improves, type MonitorMode } from './monitor';
export { TensorBoard, tensorBoard, type TensorBoardOptions } from './tensorboard';
export { crc32c, maskedCrc32c, tfRecord } from './tensorboard-format';

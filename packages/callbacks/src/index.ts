/**
 * @dendrite/callbacks: Keras's callbacks. They see the model through `TrainingModel`, a small
 * interface @dendrite/models implements. Each callback comes as a class and a factory
 * (`new EarlyStopping({...})` or `earlyStopping({...})`).
 *
 * @packageDocumentation
 */
export { Callback } from './callback';
export { CallbackList, type HookName } from './callback-list';
export type { Logs, RandomStreamLayer, TrainingModel, TrainingParams } from './training-model';

export { History, history } from './history';
export { ProgbarLogger, progbarLogger, type ProgbarLoggerOptions, type ProgressStream } from './progbar-logger';
export { EarlyStopping, earlyStopping, type EarlyStoppingOptions } from './early-stopping';
export { ModelCheckpoint, modelCheckpoint, type ModelCheckpointOptions } from './model-checkpoint';
export { ReduceLROnPlateau, reduceLROnPlateau, type ReduceLROnPlateauOptions } from './reduce-lr-on-plateau';
export { LearningRateScheduler, learningRateScheduler, type LearningRateSchedule, type LearningRateSchedulerOptions } from './learning-rate-scheduler';
export { CSVLogger, csvLogger, type CSVLoggerOptions } from './csv-logger';
export { TerminateOnNaN, terminateOnNaN, type TerminateOnNaNOptions } from './terminate-on-nan';
export { LambdaCallback, lambdaCallback, type LambdaHooks } from './lambda-callback';
export { BackupAndRestore, backupAndRestore, type BackupAndRestoreOptions } from './backup-and-restore';
export { TensorBoard, tensorBoard, type TensorBoardOptions } from './tensorboard';

export { formatValue, formatDuration, formatElapsed, formatPerStep } from './format-value';
export { pythonFormat, formatValueWithSpec, type PythonFormatValue } from './python-format';
export { pythonRepr } from './python-float';
export { resolveMode, improves, type MonitorMode } from './monitor';
export { crc32c, maskedCrc32c } from './crc32c';
export { tfRecord } from './tf-record';
export { ProtoWriter } from './proto-writer';
export { fileVersionEvent, scalarEvent, histogramEvent, histogramProto } from './tensorboard-events';

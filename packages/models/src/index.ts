/**
 * @dendrite/models: Sequential, functional and subclassed models, and the trainer.
 *
 * @packageDocumentation
 */
export { Model, type ModelArgs } from './model';
export { outputsByName, type ModelOutput, type TensorMap } from './model-output';
export { Sequential, sequential, type SequentialArgs } from './sequential';
export { Functional, model, type FunctionalArgs } from './functional';
export { formatSummary, pythonShape, type SummaryOptions } from './summary';
export { CompiledModel, compileModel, type CompileArgs } from './trainer/compile';
export type { MetricIdentifier } from './trainer/metric-set';
export { type FitOptions, History } from './trainer/fit';
export type { EvaluateOptions } from './trainer/evaluate';
export type { PredictOptions } from './trainer/predict';
export type { BatchOptions } from './trainer/batch-options';
export type { ModelContract, StepData } from './contracts/model-contract';
export type { ModelData, TargetData } from './trainer/data-adapters/select-adapter';
export type { ArrayWithShape, DataLike } from './trainer/data-adapters/host-array';
export type { BatchElement, BatchSource } from './trainer/data-adapters/iterable-adapter';
export { registerClass, type SerializableClass } from './saving/register-class';
export { saveModel, saveModelBytes, saveModelWeights, loadModelWeights, type ModelLocation, type ModelSource } from './saving/model-io';
export type { LoadModelOptions } from './saving/load-model-options';
export { plotModel, type PlotModelOptions, type ModelPlot } from './utils/plot-model';
export { modelToDot, type ModelToDotOptions } from './utils/model-to-dot';
export { dotToSvg, svgPixelSize } from './utils/dot-to-svg';
export { svgToPng } from './utils/svg-to-png';
export { saveLayersModel, toModelArtifacts, type LayersModelJson, type LayersModelLocation } from './saving/layers-model-format';
export { loadModel, loadLayersModel } from './load-model';

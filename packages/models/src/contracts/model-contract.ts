import type { tf } from '@dendrite/backend';
import type { TrainingModel } from '@dendrite/callbacks';
import type { CallArgs, Layer, Shape, SymbolicTensor, TensorOrList } from '@dendrite/layers';
import type { Optimizer } from '@dendrite/optimizers';
import type { ModelOutput, TensorMap } from '../model-output';
import type { CompileArgs, CompileTarget, CompiledModel } from '../trainer/compile';

/** One batch as a step receives it. */
export interface StepData {
  x: tf.Tensor[];
  y: tf.Tensor[];
  sampleWeight?: tf.Tensor;
}

/**
 * What the trainer (`trainer/`), the file formats (`saving/`) and the summary see of a model — as
 * callbacks see it through `TrainingModel`. `Model` implements it; those folders import this file,
 * never `model.ts`, so the model can use them without an import cycle.
 */
export interface ModelContract extends Layer, TrainingModel, CompileTarget {
  /** The model's name (a layer's). */
  readonly name: string;
  /** Set to true to end `fit` after the current batch. */
  stopTraining: boolean;
  /** What `compile` resolved: optimizer, losses, metrics; undefined before `compile`. */
  compiled?: CompiledModel;
  /** The optimizer `compile` resolved, or `undefined` before `compile`. */
  readonly optimizer: Optimizer | undefined;
  /** The model's layers. */
  readonly layers: Layer[];
  /**
   * Whether the model's layers are its own graph (Sequential, functional), so its architecture is a
   * config and Keras saves the layers under `layers/`; false for a subclassed model, whose
   * architecture is code.
   */
  readonly isContainer: boolean;
  /** Output names (declared, or shown by a subclassed model's first call, `['output']` before). */
  readonly outputNames: string[];
  /** Output names the model's definition fixes; undefined for a subclassed model. */
  readonly declaredOutputNames: string[] | undefined;
  /** Input names the model's definition fixes; undefined when it takes the structure of its data. */
  readonly declaredInputNames: string[] | undefined;
  /** Whether {@link outputNames} are final. */
  readonly hasKnownOutputs: boolean;
  /** Input shapes with the batch axis, when known. */
  readonly inputShapes: Shape[] | undefined;
  /** Records a subclassed model's output names (the trainer does, from its first call). */
  noteOutputNames(names: string[]): void;
  /** Runs the model on tensors (a subclassed model also by name) or on symbolic tensors. */
  apply(inputs: SymbolicTensor | SymbolicTensor[], args?: CallArgs): SymbolicTensor;
  apply(inputs: TensorOrList | TensorMap, args?: CallArgs): tf.Tensor;
  apply(inputs: TensorOrList | TensorMap | SymbolicTensor | SymbolicTensor[], args?: CallArgs): ModelOutput | SymbolicTensor | SymbolicTensor[];
  /** Configures training (a loaded file's compile settings go through it). */
  compile(args: CompileArgs): void;
  /** The compiled state, or an Error saying `compile` must come first. */
  requireCompiled(method: string): CompiledModel;
  /** One training step (Keras's `train_step`, overridable). */
  trainStep(data: StepData): void;
  /** One evaluation step (Keras's `test_step`). */
  testStep(data: StepData): void;
  /** One prediction step on a batch of inputs in the model's input order. */
  predictStep(x: tf.Tensor[]): ModelOutput;
}

/** Whether a layer is a model whose layers are its own graph (see {@link ModelContract.isContainer}). */
export function isContainerModel(layer: Layer): layer is ModelContract {
  return (layer as Partial<ModelContract>).isContainer === true;
}

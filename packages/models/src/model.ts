import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import type { Logs, TrainingModel } from '@dendrite/callbacks';
import type { Optimizer } from '@dendrite/optimizers';
import { type CallArgs, Layer, type LayerArgs, type Shape, type SymbolicTensor, type TensorOrList } from '@dendrite/layers';
import { type CompileArgs, type CompiledModel, compileModel } from './trainer/compile';
import { type EvaluateOptions, evaluateModel } from './trainer/evaluate';
import { type FitOptions, fitModel, type History } from './trainer/fit';
import { type PredictOptions, predictModel } from './trainer/predict';
import { defaultTestStep, defaultTrainStep } from './trainer/steps';
import type { ModelContract, StepData } from './contracts/model-contract';
import { packInputs } from './trainer/model-structure';
import { type ModelOutput, type TensorMap, isTensorMap } from './model-output';
import { type BatchOptions, TEST_ON_BATCH_KEYS, TRAIN_ON_BATCH_KEYS } from './trainer/batch-options';
import type { ModelData, TargetData } from './trainer/data-adapters/select-adapter';
import { isBatchSource } from './trainer/data-adapters/iterable-adapter';

/** Whether `fit(stream, {...})` passed its options where the targets go (a stream carries its targets). */
function optionsInPlaceOfTargets(x: unknown, y: unknown): boolean {
  if (!isBatchSource(x) || y == null || typeof y !== 'object' || Array.isArray(y) || y instanceof tf.Tensor) return false;
  return !('values' in y && 'shape' in y);
}
import { formatSummary, type SummaryOptions } from './summary';
import { modelPersistence } from './saving/model-persistence';
import { type ModelLocation, loadModelWeights, saveModel, saveModelWeights } from './saving/model-io';

/** Arguments of {@link Model}'s constructor (a subclassed model passes them to `super`). */
export type ModelArgs = Pick<LayerArgs, 'name' | 'trainable'>;

const MODEL_KEYS = optionKeys<ModelArgs>({ name: true, trainable: true });

/**
 * The base of every model, and the class to extend for subclassed models (override `call`):
 * compile, fit, evaluate, predict, summary. A model is a layer, so models nest.
 *
 * @example
 * ```ts
 * class TwoLayers extends Model {
 *   hidden = dense({ units: 32, activation: 'relu' });
 *   out = dense({ units: 1 });
 *   override call(inputs: TensorOrList, args: CallArgs) { return this.out.apply(this.hidden.apply(inputs, args), args); }
 * }
 * const m = new TwoLayers();
 * m.compile({ optimizer: 'adam', loss: 'mse' });
 * await m.fit(x, y, { epochs: 5 });
 * ```
 */
export class Model extends Layer implements TrainingModel, ModelContract {
  static override className = 'Model';
  /** Set to true to end `fit` after the current batch. */
  stopTraining = false;
  /** What `compile` resolved: optimizer, losses, metrics. */
  compiled?: CompiledModel;

  /**
   * The optimizer `compile` resolved (Keras's and tfjs-layers' `model.optimizer`), or `undefined`
   * before `compile`: `model.optimizer.learningRate` reads and sets the rate.
   */
  get optimizer(): Optimizer | undefined {
    return this.compiled?.optimizer;
  }
  /** The output names a subclassed model's first call showed (see {@link outputNames}). */
  private calledOutputNames?: string[];
  /** Input names of the object a call was given, while {@link apply} passes it as a list. */
  private namedInputs?: string[];

  /**
   * @param args `name` and `trainable`
   * @throws TypeError for an unknown option key of `new Model(...)` (a subclass passing its own
   *   options on is not checked)
   */
  constructor(args: ModelArgs = {}) {
    if (new.target === Model) checkOptionKeys(args, MODEL_KEYS, 'Model');
    super(args);
    // Layers cast what they need (Embedding wants integer indices); the model passes data as given.
    this.autoCastInputs = false;
    // Inputs by name reach `call` as the object they were given (see apply), as Keras's dicts.
    const call = this.call;
    this.call = (inputs: TensorOrList, callArgs: CallArgs) => {
      const names = this.namedInputs;
      this.namedInputs = undefined;
      const given = names === undefined ? inputs : Object.fromEntries(names.map((name, index) => [name, (inputs as tf.Tensor[])[index]]));
      return call.call(this, given as TensorOrList, callArgs);
    };
  }

  /**
   * Runs the model, as {@link Layer.apply}; a subclassed model may also take its inputs as an
   * object by name (`{ text, image }`), which its `call` receives as given.
   */
  override apply(inputs: SymbolicTensor | SymbolicTensor[], args?: CallArgs): SymbolicTensor;
  override apply(inputs: TensorOrList | TensorMap, args?: CallArgs): tf.Tensor;
  override apply(inputs: TensorOrList | TensorMap | SymbolicTensor | SymbolicTensor[], args?: CallArgs): ModelOutput | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: TensorOrList | TensorMap | SymbolicTensor | SymbolicTensor[], args: CallArgs = {}): unknown {
    if (!isTensorMap(inputs)) return super.apply(inputs, args);
    const names = Object.keys(inputs);
    this.namedInputs = names;
    try {
      return super.apply(names.map((name) => inputs[name]), args);
    } finally {
      this.namedInputs = undefined;
    }
  }

  /** A subclassed model computes here; Sequential and functional models define it themselves. */
  call(_inputs: TensorOrList, _args: CallArgs): TensorOrList {
    throw new Error(`Expected model "${this.name}" (${this.className}) to override call(inputs, args), received the base Model.call`);
  }

  /** The model's layers. */
  get layers(): Layer[] {
    return [...this.trackedLayers];
  }

  /** False: a subclassed model's architecture is code (Sequential and functional models say true). */
  get isContainer(): boolean {
    return false;
  }

  /**
   * Output names, for per-output losses, targets by name and logs (`dense_2_loss`): the output
   * layers' names for functional and Sequential models; for a subclassed model what its first
   * call returned (`output`, `output_1`…, or the keys of an object), `['output']` before.
   */
  get outputNames(): string[] {
    return this.declaredOutputNames ?? this.calledOutputNames ?? ['output'];
  }

  /** Output names the model's definition fixes (functional, Sequential); undefined for a subclassed model. */
  get declaredOutputNames(): string[] | undefined {
    return undefined;
  }

  /** Input names the model's definition fixes; undefined when it takes the structure of its data (subclassed). */
  get declaredInputNames(): string[] | undefined {
    return undefined;
  }

  /** Whether {@link outputNames} are final: declared, or shown by a subclassed model's call. */
  get hasKnownOutputs(): boolean {
    return this.declaredOutputNames !== undefined || this.calledOutputNames !== undefined;
  }

  /** Records a subclassed model's output names (the trainer does, from its first call). */
  noteOutputNames(names: string[]): void {
    this.calledOutputNames = [...names];
  }

  /** Input shapes with the batch axis, when known (for checking data against the model). */
  get inputShapes(): Shape[] | undefined {
    return this.batchInputShape ? [this.batchInputShape] : undefined;
  }

  /**
   * A layer by name or by index in {@link layers}.
   *
   * @throws Error listing the layer names when none matches
   */
  getLayer(nameOrIndex: string | number): Layer {
    const layers = this.layers;
    const found = typeof nameOrIndex === 'number' ? layers[nameOrIndex] : layers.find((layer) => layer.name === nameOrIndex);
    if (found === undefined) {
      const what = typeof nameOrIndex === 'number' ? `an index below ${layers.length}` : `one of ${layers.map((l) => l.name).join(', ')}`;
      throw new Error(`Expected ${what} in model "${this.name}", received ${JSON.stringify(nameOrIndex)}`);
    }
    return found;
  }

  /** Configures training: optimizer, loss (one, or one per output), metrics, loss weights. */
  compile(args: CompileArgs): void {
    this.compiled?.dispose();
    this.compiled = compileModel(this, args);
  }

  /**
   * Trains for a number of epochs; returns the History. A dataset or generator carries its targets:
   * `fit(flow, { epochs })`, as Keras's `fit(generator, epochs=…)`.
   */
  fit(x: ModelData, y?: TargetData | FitOptions, options: FitOptions = {}): Promise<History> {
    if (optionsInPlaceOfTargets(x, y)) return fitModel(this, x, undefined, y as FitOptions);
    return fitModel(this, x, y as TargetData | undefined, options);
  }

  /** Loss, then metrics in compile order (a number when there are no metrics, a record with `returnDict`). */
  evaluate(x: ModelData, y?: TargetData | EvaluateOptions, options: EvaluateOptions = {}): Promise<number | number[] | Logs> {
    if (optionsInPlaceOfTargets(x, y)) return evaluateModel(this, x, undefined, y as EvaluateOptions);
    return evaluateModel(this, x, y as TargetData | undefined, options);
  }

  /**
   * Predictions, computed in batches, in the structure the model returns (a tensor, a list, or a
   * subclassed model's object by output name); the caller disposes the returned tensors.
   */
  predict(x: ModelData, options: PredictOptions = {}): ModelOutput {
    return predictModel(this, x, options);
  }

  /** Predictions for one batch. */
  predictOnBatch(x: ModelData): ModelOutput {
    return predictModel(this, x, { batchSize: Number.MAX_SAFE_INTEGER, verbose: 0 });
  }

  /**
   * One training step on one batch, as Keras's `train_on_batch(x, y, sample_weight, class_weight,
   * return_dict)`: returns the loss (then metrics) of that batch.
   *
   * @throws TypeError for an unknown option
   */
  async trainOnBatch(x: ModelData, y: TargetData, options: BatchOptions = {}): Promise<number | number[] | Logs> {
    checkOptionKeys(options, TRAIN_ON_BATCH_KEYS, 'trainOnBatch');
    const { sampleWeight, classWeight, returnDict } = options;
    const history = await fitModel(this, x, y, { epochs: 1, batchSize: Number.MAX_SAFE_INTEGER, shuffle: false, verbose: 0, sampleWeight, classWeight });
    const logs: Logs = Object.fromEntries(Object.keys(history.history).map((key) => [key, history.history[key][0]]));
    if (returnDict) return logs;
    const values = Object.values(logs);
    return values.length === 1 ? values[0] : values;
  }

  /**
   * Loss (then metrics) of one batch, without training, as Keras's `test_on_batch(x, y,
   * sample_weight, return_dict)`.
   *
   * @throws TypeError for an unknown option
   */
  async testOnBatch(x: ModelData, y: TargetData, options: Omit<BatchOptions, 'classWeight'> = {}): Promise<number | number[] | Logs> {
    checkOptionKeys(options, TEST_ON_BATCH_KEYS, 'testOnBatch');
    return evaluateModel(this, x, y, { batchSize: Number.MAX_SAFE_INTEGER, verbose: 0, sampleWeight: options.sampleWeight, returnDict: options.returnDict });
  }

  /**
   * One training step: forward pass, loss, gradients, optimizer update, metric updates — from the
   * one forward pass. Override for custom training logic, as Keras's `train_step`.
   */
  trainStep(data: StepData): void {
    defaultTrainStep(this, data);
  }

  /** One evaluation step: forward pass, loss and metric updates. Override as Keras's `test_step`. */
  testStep(data: StepData): void {
    defaultTestStep(this, data);
  }

  /** One prediction step: the model on one batch of inputs (in the model's input order). */
  predictStep(x: tf.Tensor[]): ModelOutput {
    return this.apply(packInputs(this, x), { training: false }) as ModelOutput;
  }

  /**
   * Keras's summary table — `Model: "sequential"`, `Layer (type)`, `Output Shape`, `Param #`
   * (and `Connected to` for functional models), total, trainable and non-trainable counts — printed
   * (unless `printFn` is null) and returned.
   */
  summary(options: SummaryOptions = {}): string {
    const text = formatSummary(this, options);
    const print = options.printFn === undefined ? console.log : options.printFn;
    print?.(text);
    return text;
  }

  // TrainingModel, for callbacks.
  namedWeights(): Array<{ name: string; value: tf.Tensor }> {
    return this.weights.map((weight) => ({ name: weight.path, value: weight.read() }));
  }

  getLearningRate(): number {
    return this.requireCompiled('getLearningRate').getLearningRate();
  }

  setLearningRate(rate: number): void {
    this.requireCompiled('setLearningRate').setLearningRate(rate);
  }

  /**
   * Saves the whole model in the format its location names: `.keras` (Keras 3), `.h5` (Keras's
   * legacy HDF5), `…/model.json` or `indexeddb://`/`localstorage://`/`downloads://`/`http(s)://`
   * or a tfjs IO handler (TF.js Layers), any other path Dendrite's archive. Written atomically.
   */
  save(location: ModelLocation): Promise<void> {
    return saveModel(this, location);
  }

  /** Saves the weights and optimizer state: `.weights.h5` (Keras 3), `.h5` (Keras 2) or Dendrite's archive. */
  saveWeights(path: string): Promise<void> {
    return saveModelWeights(this, path);
  }

  /** Loads weights saved in any of those formats (or a `.keras` archive's); a failed load changes nothing. */
  loadWeights(path: string): Promise<void> {
    return loadModelWeights(this, path);
  }

  saveTrainingState(path: string): Promise<void> {
    return modelPersistence.saveTrainingState(this, path);
  }

  loadTrainingState(path: string): Promise<void> {
    return modelPersistence.loadTrainingState(this, path);
  }

  /** The compiled state, or an Error saying `compile` must come first. */
  requireCompiled(method: string): CompiledModel {
    if (this.compiled === undefined) {
      throw new Error(`Expected model "${this.name}" to be compiled before ${method}(), received an uncompiled model: call compile({optimizer, loss}) first`);
    }
    return this.compiled;
  }

  override dispose(): void {
    this.compiled?.dispose();
    super.dispose();
  }
}



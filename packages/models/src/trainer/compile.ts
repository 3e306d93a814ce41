import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import * as losses from '@dendrite/losses';
import * as optimizers from '@dendrite/optimizers';
import { MetricSet, type MetricIdentifier } from './metric-set';

type LossIdentifier = losses.LossIdentifier;

/** What `compile` needs of its model: the name (for messages) and the outputs. */
export interface CompileTarget {
  readonly name: string;
  readonly outputNames: string[];
  readonly hasKnownOutputs: boolean;
}

/** Arguments of `model.compile`, as Keras's. */
export interface CompileArgs {
  /** An optimizer, its name (`'adam'`) or `{class_name, config}`. */
  optimizer: optimizers.OptimizerIdentifier;
  /** One loss for every output, a list (one per output) or a map by output name. */
  loss: LossIdentifier | LossIdentifier[] | Record<string, LossIdentifier>;
  /** Metrics: a list for every output, a list of lists, or a map by output name. */
  metrics?: MetricIdentifier[] | MetricIdentifier[][] | Record<string, MetricIdentifier | MetricIdentifier[]>;
  /** Weights of the per-output losses in the total (a list or a map by output name). */
  lossWeights?: number[] | Record<string, number>;
  /**
   * Metrics weighted by `sampleWeight` and `classWeight` (as `metrics`' forms), as Keras's
   * `weighted_metrics`; `metrics` themselves count every sample alike.
   */
  weightedMetrics?: MetricIdentifier[] | MetricIdentifier[][] | Record<string, MetricIdentifier | MetricIdentifier[]>;
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const COMPILE_KEYS = optionKeys<CompileArgs>({ optimizer: true, loss: true, metrics: true, lossWeights: true, weightedMetrics: true });

/** Metric identifiers as saved configs hold them: names, Metric instances by name, functions by name. */
function serializeMetrics(metrics: CompileArgs['metrics']): unknown {
  if (metrics === undefined) return [];
  return JSON.parse(JSON.stringify(metrics, (_key, value) => (typeof value === 'function' ? value.name || 'custom_metric' : typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { name?: unknown }).name === 'string' && 'updateState' in value ? (value as { name: string }).name : value)));
}

/** What compile's arguments resolve to once the model's outputs are known. */
interface ResolvedCompile {
  givenLosses: LossIdentifier[];
  lossFunctions: losses.Loss[];
  lossWeights: number[];
  metrics: MetricSet;
}

function perOutput<T>(value: T | T[] | Record<string, T>, names: string[], what: string, isSingle: (v: unknown) => boolean): T[] {
  if (isSingle(value)) return names.map(() => value as T);
  if (Array.isArray(value)) {
    if (value.length !== names.length) throw new Error(`Expected ${names.length} ${what} (one per output: ${names.join(', ')}), received ${value.length}`);
    return value;
  }
  const record = value as Record<string, T>;
  const unknown = Object.keys(record).filter((key) => !names.includes(key));
  if (unknown.length > 0) throw new Error(`Expected ${what} keyed by output names (${names.join(', ')}), received unknown keys [${unknown.join(', ')}]`);
  return names.map((name) => record[name]);
}

const isSingleLoss = (value: unknown) =>
  typeof value === 'string' || typeof value === 'function' || value instanceof losses.Loss || (typeof value === 'object' && value !== null && 'class_name' in value);

/**
 * What `compile` resolves: the optimizer, one loss per output with its weight, and the metrics.
 * The trainer's steps use it; nothing here reads values back except `readResults`.
 */
export class CompiledModel {
  readonly optimizer: optimizers.Optimizer;
  private resolved?: ResolvedCompile;

  /**
   * @throws TypeError for an unknown key (`Unknown option "loss_weights" in compile: did you mean "lossWeights"?`)
   * @throws Error without an optimizer or a loss, or when the losses, metrics or weights do not
   *   match the outputs
   */
  constructor(
    private readonly model: CompileTarget,
    private readonly args: CompileArgs,
  ) {
    checkOptionKeys(args, COMPILE_KEYS, 'compile');
    if (args == null || args.optimizer == null) throw new Error(`Expected compile({optimizer, loss}) for model "${model.name}", received no optimizer`);
    if (args.loss == null) throw new Error(`Expected compile({optimizer, loss}) for model "${model.name}", received no loss`);
    this.optimizer = optimizers.get(args.optimizer as never);
    // A subclassed model shows its outputs on its first call: until then, per-output losses wait.
    if (model.hasKnownOutputs) this.resolve();
  }

  /** Per-output losses, weights and metrics for the model's outputs (resolved once they are known). */
  private resolve(): ResolvedCompile {
    if (this.resolved !== undefined) return this.resolved;
    const args = this.args;
    const outputs = this.model.outputNames;
    const givenLosses = perOutput(args.loss, outputs, 'losses', isSingleLoss);
    const lossFunctions = givenLosses.map((loss) => losses.get(loss as never));
    const lossWeights =
      args.lossWeights === undefined ? outputs.map(() => 1) : perOutput(args.lossWeights, outputs, 'lossWeights', (v) => typeof v === 'number');
    const metrics = new MetricSet(outputs, args.metrics ?? [], lossFunctions, args.weightedMetrics ?? []);
    this.resolved = { givenLosses, lossFunctions, lossWeights, metrics };
    return this.resolved;
  }

  /** One loss per output. */
  get lossFunctions(): losses.Loss[] {
    return this.resolve().lossFunctions;
  }

  /** The weight of each output's loss in the total. */
  get lossWeights(): number[] {
    return this.resolve().lossWeights;
  }

  /** The loss trackers and metrics. */
  get metrics(): MetricSet {
    return this.resolve().metrics;
  }

  /** Serializable compile arguments (for saving). */
  get compileConfig(): Record<string, unknown> {
    const args = this.args;
    const { givenLosses, lossFunctions, lossWeights } = this.resolve();
    return {
      optimizer: optimizers.serialize(this.optimizer),
      // Names stay names; loss objects keep their class and config, so custom ones reload once registered.
      loss: lossFunctions.map((loss, index) => (typeof givenLosses[index] === 'string' || loss instanceof losses.LossFunctionWrapper ? loss.name : losses.serialize(loss))),
      metrics: serializeMetrics(args.metrics),
      ...(args.weightedMetrics === undefined ? {} : { weighted_metrics: serializeMetrics(args.weightedMetrics) }),
      loss_weights: lossWeights,
    };
  }

  /** The total loss (weighted per-output losses plus `extraLosses`, the layers' penalties) and each output's loss. */
  computeLoss(y: tf.Tensor[], predictions: tf.Tensor[], sampleWeight: tf.Tensor | undefined, extraLosses: tf.Tensor[]): { total: tf.Scalar; perOutput: tf.Scalar[] } {
    if (y.length !== predictions.length) {
      throw new Error(`Expected ${predictions.length} targets for model "${this.model.name}" (outputs ${this.model.outputNames.join(', ')}), received ${y.length}`);
    }
    const perOutputLosses = this.lossFunctions.map((loss, index) => loss.apply(y[index], predictions[index], sampleWeight) as tf.Scalar);
    const weighted = perOutputLosses.map((loss, index) => (this.lossWeights[index] === 1 ? loss : tf.mul(loss, this.lossWeights[index])));
    const penalties = extraLosses.map((loss) => tf.sum(loss));
    const total = (weighted.length + penalties.length === 1 ? weighted[0] : tf.addN([...weighted, ...penalties])) as tf.Scalar;
    return { total, perOutput: perOutputLosses };
  }

  /** One optimizer update from `tf.variableGrads`'s gradients. */
  applyGradients(grads: Record<string, tf.Tensor>, variables: tf.Variable[]): void {
    // As [gradient, variable] pairs: the optimizer need not rebuild a name table every step.
    this.optimizer.applyGradients(variables.map((variable): [tf.Tensor, tf.Variable] => [grads[variable.name], variable]));
  }

  updateMetrics(y: tf.Tensor[], predictions: tf.Tensor[], sampleWeight: tf.Tensor | undefined, total: tf.Tensor, perOutputLosses: tf.Tensor[]): void {
    this.metrics.update(y, predictions, sampleWeight, total, perOutputLosses);
  }

  /** Starts every loss tracker and metric over (nothing to do before the outputs are known). */
  resetMetrics(): void {
    this.resolved?.metrics.reset();
  }

  /** Names of the logged values: `loss`, per-output losses, then metrics in compile order. */
  metricNames(): string[] {
    return this.metrics.names();
  }

  /** Every logged value, read back from the backend once. */
  readResults(): number[] {
    return this.metrics.read();
  }

  /** {@link readResults}, without blocking the thread on asynchronous backends. */
  readResultsAsync(): Promise<number[]> {
    return this.metrics.readAsync();
  }

  getLearningRate(): number {
    return this.optimizer.currentLearningRate();
  }

  setLearningRate(rate: number): void {
    this.optimizer.learningRate = rate;
  }

  dispose(): void {
    this.resolved?.metrics.dispose();
    this.optimizer.dispose();
  }
}

/** Resolves `compile`'s arguments for a model. */
export function compileModel(model: CompileTarget, args: CompileArgs): CompiledModel {
  return new CompiledModel(model, args);
}

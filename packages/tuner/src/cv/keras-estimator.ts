import { tf } from '@dendrite/backend';
import type { FitOptions, History, Model, ModelData, TargetData } from '@dendrite/models';

/** The model-building function of an estimator: scikit-learn passes the parameters as keyword arguments. */
export type BuildFromParams<P> = (params: P) => Model | Promise<Model>;

/**
 * A Keras model seen as a scikit-learn estimator, as `keras.wrappers.scikit_learn.KerasRegressor`
 * and `KerasClassifier`: `fit` builds a fresh model from the parameters and trains it, `score`
 * rates it (higher is better), `setParams`/`clone` let a search try other parameters.
 */
export abstract class KerasEstimator<P extends object = Record<string, unknown>> {
  /** The fitted model (after {@link fit}); the estimator disposes it on the next fit or {@link dispose}. */
  model: Model | undefined;

  constructor(readonly build: BuildFromParams<P>, protected params: Partial<P> = {}, protected readonly fitDefaults: FitOptions = {}) {}

  /** `regressor` or `classifier`: scikit-learn's `_estimator_type`, which picks the default folds. */
  abstract get estimatorType(): 'regressor' | 'classifier';

  /** The score of the fitted model on (x, y): higher is better. */
  abstract score(x: ModelData, y: TargetData): Promise<number>;

  /** A new unfitted estimator of the same kind with these parameters. */
  abstract clone(params?: Partial<P>): KerasEstimator<P>;

  /** The parameters passed to build. */
  getParams(): Partial<P> {
    return { ...this.params };
  }

  /** Sets parameters (merged into the current ones) and returns the estimator. */
  setParams(params: Partial<P>): this {
    this.params = { ...this.params, ...params };
    return this;
  }

  /** Builds a model from the parameters and trains it; `fitOptions` override the defaults given at construction. */
  async fit(x: ModelData, y: TargetData, fitOptions: FitOptions = {}): Promise<History> {
    this.model?.dispose();
    this.model = await this.build(this.params as P);
    return this.model.fit(x, y, { ...this.fitDefaults, ...fitOptions });
  }

  /** The fitted model's predictions (the caller disposes the tensor). */
  predict(x: ModelData): tf.Tensor {
    return this.fitted('predict').predict(x, { verbose: 0 }) as tf.Tensor;
  }

  /** Frees the fitted model. */
  dispose(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  protected fitted(method: string): Model {
    if (this.model === undefined) throw new Error(`Expected ${method}() after fit() on this ${this.constructor.name}, received an estimator that is not fitted yet`);
    return this.model;
  }
}

/** `KerasRegressor`: scores as the wrapper does, `−loss`. */
export class KerasRegressor<P extends object = Record<string, unknown>> extends KerasEstimator<P> {
  get estimatorType(): 'regressor' {
    return 'regressor';
  }

  async score(x: ModelData, y: TargetData): Promise<number> {
    const result = await this.fitted('score').evaluate(x, y, { verbose: 0 });
    return -(Array.isArray(result) ? result[0] : (result as number));
  }

  clone(params: Partial<P> = this.params): KerasRegressor<P> {
    return new KerasRegressor(this.build, { ...params }, this.fitDefaults);
  }
}

/** `KerasClassifier`: scores by the model's `accuracy` (or `acc`) metric, as the wrapper does. */
export class KerasClassifier<P extends object = Record<string, unknown>> extends KerasEstimator<P> {
  get estimatorType(): 'classifier' {
    return 'classifier';
  }

  /**
   * @throws Error when the model was not compiled with an accuracy metric
   */
  async score(x: ModelData, y: TargetData): Promise<number> {
    const logs = (await this.fitted('score').evaluate(x, y, { verbose: 0, returnDict: true })) as Record<string, number>;
    const name = Object.keys(logs).find((key) => key === 'accuracy' || key === 'acc' || key.endsWith('_accuracy'));
    if (name === undefined) throw new Error(`Expected the model of a KerasClassifier compiled with metrics: ['accuracy'] to score it, received only ${Object.keys(logs).join(', ')}`);
    return logs[name];
  }

  clone(params: Partial<P> = this.params): KerasClassifier<P> {
    return new KerasClassifier(this.build, { ...params }, this.fitDefaults);
  }
}

/**
 * A scikit-learn-shaped regressor around a build function: `kerasRegressor(buildModel)`.
 *
 * @param build builds and compiles a model from the parameters (`build_model(n_hidden=1, …)`)
 * @param params parameters to start with
 * @param fitDefaults fit options every fit uses unless overridden
 */
export function kerasRegressor<P extends object>(build: BuildFromParams<P>, params: Partial<P> = {}, fitDefaults: FitOptions = {}): KerasRegressor<P> {
  return new KerasRegressor(build, params, fitDefaults);
}

/** A scikit-learn-shaped classifier around a build function (compile it with `metrics: ['accuracy']`). */
export function kerasClassifier<P extends object>(build: BuildFromParams<P>, params: Partial<P> = {}, fitDefaults: FitOptions = {}): KerasClassifier<P> {
  return new KerasClassifier(build, params, fitDefaults);
}

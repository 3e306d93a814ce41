import type { Model } from '@dendrite/models';
import type { HyperParameters } from './hyperparameters/hyperparameters';

/** A function building a compiled model from the trial's hyperparameters (`build_model(hp)`). */
export type BuildModel = (hp: HyperParameters) => Model | Promise<Model>;

/**
 * A class holding the model-building logic, as KerasTuner's `HyperModel`: override `build(hp)`.
 *
 * @example
 * ```ts
 * class MyHyperModel extends HyperModel {
 *   build(hp: HyperParameters) { ... return model; }
 * }
 * ```
 */
export abstract class HyperModel {
  /** Builds and compiles the model of one trial. */
  abstract build(hp: HyperParameters): Model | Promise<Model>;
}

/** A build function from a function or a {@link HyperModel}. */
export function toBuildModel(hypermodel: BuildModel | HyperModel): BuildModel {
  if (typeof hypermodel === 'function') return hypermodel;
  // Duck-typed: the worker command loads HyperModel from its own entry point.
  if (typeof (hypermodel as HyperModel | undefined)?.build === 'function') return (hp) => hypermodel.build(hp);
  throw new TypeError(`Expected hypermodel to be a function of hp or a HyperModel, received ${typeof hypermodel}`);
}

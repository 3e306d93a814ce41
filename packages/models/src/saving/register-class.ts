import { Constraint, Initializer, Layer, Regularizer, constraints, initializers, registerLayer, regularizers } from '@dendrite/layers';
import { Loss, Metric, metrics, registerLoss } from '@dendrite/losses';
import { LearningRateSchedule, Optimizer, registerOptimizer, registerSchedule } from '@dendrite/optimizers';

/** A class `registerClass` accepts: a Keras class name and a way to rebuild an instance from its config. */
export interface SerializableClass {
  new (...args: never[]): unknown;
  readonly prototype: object;
  className: string;
  fromConfig(config: Record<string, unknown>): unknown;
}

/**
 * Registers a user class so that saved models naming it load (Keras's
 * `register_keras_serializable`, tfjs's `serialization.registerClass`): a Layer, Initializer,
 * Regularizer, Constraint, Loss, Metric, Optimizer or LearningRateSchedule subclass with a static
 * `className` and `fromConfig`. Loading only ever calls registered `fromConfig`s; nothing in a file
 * is evaluated.
 *
 * @example
 * ```ts
 * class Scale extends Layer { static override className = 'Scale'; … }
 * registerClass(Scale);
 * const model = await loadModel('scaled.keras');
 * ```
 * @throws Error for a class without a `className`, or one that extends none of those bases
 */
export function registerClass(cls: SerializableClass, aliases: readonly string[] = []): void {
  const described = typeof cls === 'function' ? `class ${(cls as { name?: string }).name || '(anonymous)'}` : String(cls);
  if (typeof cls !== 'function' || typeof cls.className !== 'string' || cls.className.length === 0 || typeof cls.fromConfig !== 'function') {
    throw new Error(`Expected a class with a static className and fromConfig for registerClass, received ${described}`);
  }
  // The base classes' own static className would register the subclass under the base's name.
  if (cls.className === Object.getPrototypeOf(cls)?.className) {
    throw new Error(`Expected ${described} to set its own static className for registerClass, received the inherited "${cls.className}"`);
  }
  const proto = cls.prototype;
  const as = <T>(value: SerializableClass) => value as unknown as T;
  if (proto instanceof Layer) registerLayer(as(cls), aliases);
  else if (proto instanceof Initializer) initializers.registerInitializer(as(cls), aliases);
  else if (proto instanceof Regularizer) regularizers.registerRegularizer(as(cls), aliases);
  else if (proto instanceof Constraint) constraints.registerConstraint(as(cls), aliases);
  else if (proto instanceof Loss) registerLoss(as(cls), aliases);
  else if (proto instanceof Metric) metrics.registerMetric(as(cls), aliases);
  else if (proto instanceof Optimizer || proto instanceof LearningRateSchedule) {
    if (aliases.length > 0) throw new Error(`Expected no aliases for ${described} (optimizers and schedules register under their className only), received [${aliases.join(', ')}]`);
    if (proto instanceof Optimizer) registerOptimizer(as(cls));
    else registerSchedule(as(cls));
  }
  else {
    throw new Error(`Expected a subclass of Layer, Initializer, Regularizer, Constraint, Loss, Metric, Optimizer or LearningRateSchedule for registerClass, received ${described}`);
  }
}

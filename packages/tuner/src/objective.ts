import { describeValue } from '@dendrite/backend/internal';

/** Whether a lower or a higher objective value is better. */
export type Direction = 'min' | 'max';

const MAX_METRICS = /(^|_)(acc|accuracy|auc|precision|recall|f1_score|fbeta_score|r2_score|true_positives|true_negatives|cosine_similarity|iou|mean_iou|specificity_at_sensitivity|sensitivity_at_specificity|precision_at_recall|recall_at_precision)$/;
const MIN_METRICS = /(^|_)(loss|mse|mae|mape|msle|rmse|error|crossentropy|hinge|squared_hinge|categorical_hinge|logcosh|log_cosh|kl_divergence|kld|poisson|false_positives|false_negatives|huber)$/;

/**
 * The direction of a logged metric, inferred as Keras infers it: `loss` and errors are minimized,
 * accuracies and AUC maximized (a `val_` prefix is ignored); undefined when unknown.
 */
export function inferDirection(name: string): Direction | undefined {
  const metric = name.replace(/^val_/, '');
  if (MAX_METRICS.test(metric)) return 'max';
  if (MIN_METRICS.test(metric)) return 'min';
  return undefined;
}

/**
 * What a search optimizes, as KerasTuner's `Objective(name, direction)`.
 *
 * @example `new Objective('val_mae', 'min')`
 */
export class Objective {
  /**
   * @throws RangeError for a direction other than `min` or `max`
   */
  constructor(
    /** The logged metric, as `fit`'s History names it. */
    readonly name: string,
    /** `min` or `max`. */
    readonly direction: Direction,
  ) {
    if (direction !== 'min' && direction !== 'max') throw new RangeError(`Expected direction "min" or "max" for objective "${name}", received ${describeValue(direction)}`);
  }

  /** Whether `candidate` is better than `reference`. */
  better(candidate: number, reference: number): boolean {
    return this.direction === 'min' ? candidate < reference : candidate > reference;
  }

  /** KerasTuner's text: `Objective(name="val_loss", direction="min")`. */
  toString(): string {
    return `Objective(name="${this.name}", direction="${this.direction}")`;
  }
}

/**
 * An {@link Objective} from a metric name (direction inferred) or an objective.
 *
 * @throws RangeError when the direction of the name cannot be inferred
 */
export function toObjective(objective: string | Objective | { name: string; direction: Direction }): Objective {
  if (objective instanceof Objective) return objective;
  if (typeof objective === 'object' && objective !== null) return new Objective(objective.name, objective.direction);
  if (typeof objective !== 'string') throw new TypeError(`Expected objective to be a metric name or an Objective, received ${describeValue(objective)}`);
  const direction = inferDirection(objective);
  if (direction === undefined) {
    throw new RangeError(`Could not infer optimization direction ("min" or "max") for unknown metric "${objective}". Please specify the objective as an Objective: new Objective("${objective}", "max")`);
  }
  return new Objective(objective, direction);
}

import { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';

/**
 * Gradients as `applyGradients` takes them: keyed by variable name, as `tf.variableGrads` gives
 * them, or `[gradient, variable]` pairs, as Keras's `apply_gradients` takes them.
 */
export type Gradients = Record<string, tf.Tensor> | ReadonlyArray<GradientPair>;

/** A gradient and the variable it belongs to; a null gradient (no path to the loss) is skipped. */
export type GradientPair = readonly [tf.Tensor | null | undefined, tf.Variable];

/**
 * Turns either form of {@link Gradients} into `[gradient, variable]` pairs and checks them.
 * Gradients keyed by name are matched with `variables` by name, or, without `variables`, with
 * the variables tfjs has registered under that name. Pairs whose gradient is null are skipped.
 *
 * @param owner for messages: `optimizer "adam"`
 * @throws Error for a name with no variable, a gradient whose shape differs from its variable's,
 *   a variable listed twice, or pairs that are all null
 * @example
 * ```ts
 * const { grads } = tf.variableGrads(loss);
 * toGradientPairs(grads, undefined, 'optimizer "adam"'); // [[grad, variable], …]
 * ```
 */
export function toGradientPairs(gradients: Gradients, variables: readonly tf.Variable[] | undefined, owner: string): Array<[tf.Tensor, tf.Variable]> {
  const pairs: Array<[tf.Tensor, tf.Variable]> = [];
  if (Array.isArray(gradients)) {
    const given = gradients as ReadonlyArray<GradientPair>;
    for (const [gradient, variable] of given) if (gradient != null) pairs.push([gradient, variable]);
    if (pairs.length === 0 && given.length > 0) {
      throw new Error(`Expected a gradient for at least one variable in ${owner}, received only null gradients for [${given.map(([, v]) => v.name).join(', ')}]`);
    }
  } else {
    const byName = variables === undefined ? tf.engine().registeredVariables : Object.fromEntries(variables.map((variable) => [variable.name, variable]));
    for (const [name, gradient] of Object.entries(gradients)) {
      const variable = byName[name];
      if (variable === undefined) {
        const where = variables === undefined ? 'a registered tf.Variable' : `one in the variables [${variables.map((v) => v.name).join(', ')}]`;
        throw new Error(`Expected gradient "${name}" to name ${where} in ${owner}, received no such variable`);
      }
      if (gradient != null) pairs.push([gradient, variable]);
    }
  }
  const seen = new Set<tf.Variable>();
  for (const [gradient, variable] of pairs) {
    if (!(variable instanceof tf.Variable)) throw new Error(`Expected a tf.Variable with each gradient in ${owner}, received ${describeValue(variable)}`);
    if (seen.has(variable)) throw new Error(`Expected each variable once in ${owner}, received "${variable.name}" twice`);
    seen.add(variable);
    if (!tf.util.arraysEqual(gradient.shape, variable.shape)) {
      throw new Error(`Expected the gradient of variable "${variable.name}" to have shape [${variable.shape}] in ${owner}, received [${gradient.shape}]`);
    }
  }
  return pairs;
}

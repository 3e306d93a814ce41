import { expect } from 'vitest';
import { tf } from '@dendrite/backend';

/** Options of {@link expectLossGradientsMatchFiniteDifferences}. */
export interface FiniteDifferenceOptions {
  /** Step of the central differences (1e-2: float32 round-off stays well below the tolerance). */
  delta?: number;
  /** Allowed |numeric − analytic|: `absolute + relative · |numeric|`. */
  absolute?: number;
  relative?: number;
}

/**
 * Test helper: checks the gradients tfjs computes for `loss` against central finite differences,
 * entry by entry of every variable: `(loss(v + δ) − loss(v − δ)) / 2δ`. Every variable gets its
 * value back afterwards; no tensor is leaked.
 *
 * @param loss the scalar to differentiate (it may call layers, in training mode or not)
 * @param variables the variables to differentiate with respect to (weights, or an input wrapped
 *   in `tf.variable`)
 * @throws an assertion error naming the variable and entry that differ
 * @example
 * ```ts
 * expectLossGradientsMatchFiniteDifferences(() => tf.sum(layer.apply(x)) as tf.Scalar, [layer.weights[0].read()]);
 * ```
 */
export function expectLossGradientsMatchFiniteDifferences(loss: () => tf.Scalar, variables: tf.Variable[], options: FiniteDifferenceOptions = {}): void {
  const delta = options.delta ?? 1e-2;
  const absolute = options.absolute ?? 1e-3;
  const relative = options.relative ?? 2e-2;
  const { value, grads } = tf.variableGrads(loss, variables);
  const analytic = variables.map((variable) => {
    const grad = grads[variable.name];
    expect(grad, `gradient of ${variable.name}`).toBeDefined();
    return Float32Array.from(grad.dataSync());
  });
  tf.dispose([value, ...Object.values(grads)]);
  const evaluate = () => tf.tidy(() => loss().dataSync()[0]);
  variables.forEach((variable, index) => {
    const base = Float32Array.from(variable.dataSync());
    const lossAt = (entry: number, offset: number) => {
      const moved = base.slice();
      moved[entry] += offset;
      tf.tidy(() => variable.assign(tf.tensor(moved, variable.shape, variable.dtype)));
      return evaluate();
    };
    for (let entry = 0; entry < base.length; entry++) {
      const numeric = (lossAt(entry, delta) - lossAt(entry, -delta)) / (2 * delta);
      const difference = Math.abs(numeric - analytic[index][entry]);
      expect(difference, `d loss / d ${variable.name}[${entry}]: numeric ${numeric}, analytic ${analytic[index][entry]}`).toBeLessThanOrEqual(
        absolute + relative * Math.abs(numeric),
      );
    }
    tf.tidy(() => variable.assign(tf.tensor(base, variable.shape, variable.dtype)));
  });
}

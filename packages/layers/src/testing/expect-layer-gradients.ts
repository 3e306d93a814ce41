import { expect } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectNoLeakedTensors, seededArray } from '@dendrite/backend/testing';
import type { Layer } from '@dendrite/layers';

/** What {@link expectLayerGradientsMatchFiniteDifferences} checks. */
export interface GradientCheck {
  /** The layer (built on the first call if needed). */
  layer: Layer;
  /** Input shape, batch included; keep it small. */
  inputShape: number[];
  /** Input values (seeded values in [−1, 1) by default); max pooling wants well-separated values. */
  inputValues?: Float32Array;
  /** Finite-difference step (1e-2). */
  step?: number;
  /** Allowed |numeric − analytic| / max(|numeric|, floor) (1e-2). */
  tolerance?: number;
  /** Gradient size below which the error is compared absolutely, to `tolerance · floor` (5e-2). */
  floor?: number;
  /** Entries checked per tensor (8). */
  samples?: number;
}

function sampleIndices(size: number, samples: number): number[] {
  if (size <= samples) return [...Array(size).keys()];
  return Array.from({ length: samples }, (_, i) => Math.floor(((i + 0.5) * size) / samples));
}

/**
 * A test helper: compares the gradients of `sum(layer(x) · r)` (r a fixed random projection)
 * with respect to the input and every trainable weight against central finite differences in
 * float32, on the current backend, and checks that no tensor leaks.
 *
 * @param check the layer, input shape and tolerances
 * @example
 * ```ts
 * await expectLayerGradientsMatchFiniteDifferences({ layer: conv2d({ filters: 2, kernelSize: 2 }), inputShape: [1, 4, 4, 2] });
 * ```
 */
export async function expectLayerGradientsMatchFiniteDifferences(check: GradientCheck): Promise<void> {
  const { layer, inputShape } = check;
  const step = check.step ?? 1e-2;
  const tolerance = check.tolerance ?? 1e-2;
  const floor = check.floor ?? 5e-2;
  const inputValues = check.inputValues ?? seededArray(tf.util.sizeFromShape(inputShape), 7);
  const input = tf.tensor(inputValues, inputShape);
  const first = layer.apply(input);
  const projection = tf.tensor(seededArray(first.size, 11), first.shape);
  first.dispose();
  const loss = (x: tf.Tensor) => tf.sum(tf.mul(layer.apply(x), projection)) as tf.Scalar;
  const lossAt = (x: tf.Tensor) => tf.tidy(() => loss(x).dataSync()[0]);

  await expectNoLeakedTensors(() => {
    const failures: string[] = [];
    const compare = (name: string, index: number, analytic: number, numeric: number) => {
      if (Math.abs(numeric - analytic) > tolerance * Math.max(Math.abs(numeric), floor)) {
        failures.push(`${name}[${index}]: analytic ${analytic}, finite differences ${numeric}`);
      }
    };

    const inputGradient = tf.grad(loss)(input);
    const analyticInput = inputGradient.dataSync().slice();
    inputGradient.dispose();
    for (const index of sampleIndices(inputValues.length, check.samples ?? 8)) {
      const shifted = (delta: number) => {
        const values = inputValues.slice();
        values[index] += delta;
        const x = tf.tensor(values, inputShape);
        const value = lossAt(x);
        x.dispose();
        return value;
      };
      compare('input', index, analyticInput[index], (shifted(step) - shifted(-step)) / (2 * step));
    }

    const variables = layer.trainableWeights.map((weight) => weight.read());
    const { value, grads }: { value?: tf.Scalar; grads: tf.NamedTensorMap } = variables.length > 0 ? tf.variableGrads(() => loss(input), variables) : { grads: {} };
    for (const [position, variable] of variables.entries()) {
      const analytic = grads[variable.name].dataSync().slice();
      const original = variable.dataSync().slice();
      const shifted = (index: number, delta: number) => {
        const values = original.slice();
        values[index] += delta;
        tf.tidy(() => variable.assign(tf.tensor(values, variable.shape)));
        return lossAt(input);
      };
      for (const index of sampleIndices(original.length, check.samples ?? 8)) {
        compare(layer.trainableWeights[position].name, index, analytic[index], (shifted(index, step) - shifted(index, -step)) / (2 * step));
      }
      tf.tidy(() => variable.assign(tf.tensor(original, variable.shape)));
    }
    tf.dispose([...(value ? [value] : []), ...Object.values(grads)]);
    expect(failures, `gradients of layer "${layer.name}"`).toEqual([]);
  });
  tf.dispose([input, projection]);
}

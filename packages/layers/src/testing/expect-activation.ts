import { expect } from 'vitest';
import { tf } from '@dendrite/backend';
import { expectArraysClose, expectNoLeakedTensors } from '@dendrite/backend/testing';

/** Inputs every elementwise activation is checked at, including large values for saturation. */
export const CHECK_POINTS = [-1000, -30, -3.5, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2.5, 3.5, 30, 1000];

/** How {@link expectActivation} checks one activation against a plain-JS float64 formula. */
export interface ActivationCheck {
  /** The activation under test, applied to a 1-D tensor. */
  activation: (x: tf.Tensor) => tf.Tensor;
  /** The same function in float64 JavaScript. */
  reference: (x: number) => number;
  /** Inputs to check; {@link CHECK_POINTS} by default. */
  points?: readonly number[];
  /** Where the function has no derivative: gradients there are not compared. */
  kinks?: readonly number[];
  /** Largest relative error of values and gradients; 1e-4 and 1e-3 by default. */
  valueTolerance?: number;
  gradientTolerance?: number;
}

/**
 * Test helper: the activation's values equal `reference` at every point, its `tf.grad` gradient
 * equals the central finite difference `(f(x + h) − f(x − h)) / 2h` of `reference` (h = 1e-5,
 * in float64), and neither leaves a tensor behind.
 */
export async function expectActivation(check: ActivationCheck): Promise<void> {
  const { activation, reference, points = CHECK_POINTS, kinks = [], valueTolerance = 1e-4, gradientTolerance = 1e-3 } = check;
  await expectNoLeakedTensors(() => {
    const values = tf.tidy(() => activation(tf.tensor1d(points as number[])).dataSync());
    expectArraysClose(values, points.map(reference), valueTolerance);
    const gradients = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(activation(x)))(tf.tensor1d(points as number[])).dataSync());
    const h = 1e-5;
    points.forEach((x, i) => {
      if (kinks.some((kink) => Math.abs(kink - x) <= h)) return;
      const difference = (reference(x + h) - reference(x - h)) / (2 * h);
      const error = Math.abs(gradients[i] - difference) / Math.max(1, Math.abs(difference));
      expect(error, `gradient at ${x}: tf.grad ${gradients[i]}, finite difference ${difference}`).toBeLessThanOrEqual(gradientTolerance);
    });
  });
}

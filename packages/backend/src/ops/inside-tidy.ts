import * as tf from '@tensorflow/tfjs-core';

/**
 * Whether the caller runs inside a `tf.tidy`, or any other scope of tfjs's engine whose end
 * disposes the tensors made in it that it neither returns nor keeps: `tf.variableGrads`,
 * `tf.grad(s)`, `tf.valueAndGrad(s)`, an optimizer's `minimize`, `tf.engine().startScope()`.
 * At the top level (no scope open) it is false: a tensor made there lives until disposed by hand.
 *
 * This is the one place Dendrite reads tfjs-core's engine state: the stack of open scopes,
 * `tf.engine().state.scopeStack`, which `startScope` pushes and `endScope` pops (tfjs-core
 * 4.22.0, the exact version `@dendrite/backend` depends on). `inside-tidy.test.ts` pins that
 * shape — empty at the top level, one entry per open scope — so an upgrade that changes it fails
 * there. Should the stack be missing, the answer is false: the cautious one, since a tensor kept
 * for a scope that does not exist would never be freed.
 *
 * @returns true inside a scope that will free what it does not return
 * @example
 * ```ts
 * insideTidy(); // false
 * tf.tidy(() => insideTidy()); // true
 * ```
 */
export function insideTidy(): boolean {
  const scopes: unknown = tf.engine().state.scopeStack;
  return Array.isArray(scopes) && scopes.length > 0;
}

import { tf } from '@dendrite/backend';

/**
 * Checks that labels hold no NaN or infinity, reading them back from the backend — so call it
 * where a read is cheap (once per data set, as `fit` does on its host copy), not in a train step.
 *
 * @throws Error naming the owner, the first bad value and its position
 */
export function validateLabels(yTrue: tf.Tensor | ArrayLike<number>, owner: string): void {
  const values = yTrue instanceof tf.Tensor ? yTrue.dataSync() : yTrue;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new Error(`Expected finite labels in ${owner}, received ${values[i]} at flat index ${i}`);
    }
  }
}

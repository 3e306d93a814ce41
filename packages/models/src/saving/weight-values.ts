import { tf } from '@dendrite/backend';
import type { LayerVariable } from '@dendrite/layers';
import type { ModelContract } from '../contracts/model-contract';

/** A weight and the values a file holds for it, checked against its shape. */
export interface WeightAssignment {
  weight: LayerVariable;
  values: Float32Array | Int32Array;
}

/** Sets `values` (in `model.weights` order) on the model's weights. */
export function setWeightValues(model: ModelContract, values: ReadonlyArray<Float32Array | Int32Array>): void {
  // In a tidy: a value that does not fit its shape frees the tensors made before it.
  tf.tidy(() => model.setWeights(model.weights.map((weight, index) => tf.tensor(values[index], weight.shape, weight.dtype === 'int32' ? 'int32' : 'float32'))));
}

/**
 * The assigned values in `model.weights` order.
 *
 * @throws Error naming a weight of the model the file holds no value for
 */
export function valuesInModelOrder(model: ModelContract, assignments: WeightAssignment[], where: string): Array<Float32Array | Int32Array> {
  const byWeight = new Map(assignments.map((assignment) => [assignment.weight, assignment.values]));
  return model.weights.map((weight) => {
    const values = byWeight.get(weight);
    if (values === undefined) throw new Error(`Expected a value for weight "${weight.path}" of model "${model.name}" in "${where}", received none`);
    return values;
  });
}

import type { File as H5File, Group as H5Group } from 'h5wasm';
import type { LayerVariable } from '@dendrite/layers';
import type { ModelContract } from '../contracts/model-contract';
import { type ReadArray, ensureGroup, readArray, writeArray, writeInt64Scalar } from './hdf5';
import { applyKerasOptimizerVariables, kerasOptimizerVariables } from './keras-optimizer-variables';
import { kerasWeightPaths } from './keras-weight-paths';
import { type WeightAssignment, setWeightValues, valuesInModelOrder } from './weight-values';

function valuesOf(weight: LayerVariable): Float32Array | Int32Array {
  return weight.read().dataSync() as Float32Array | Int32Array;
}

/**
 * Writes a model's variables as Keras 3's `H5IOStore` does (`model.weights.h5`, `.weights.h5`):
 * `vars/<i>` in a group per saveable (see {@link kerasWeightPaths}), and the compiled
 * optimizer's variables at `optimizer/vars/<i>`.
 */
export function writeKerasWeightStore(file: H5File, model: ModelContract): void {
  for (const { path, weights } of kerasWeightPaths(model)) {
    const vars = path ? ensureGroup(file, path).create_group('vars') : file.create_group('vars');
    weights.forEach((weight, index) => {
      writeArray(vars, String(index), { shape: [...weight.shape], dtype: weight.dtype === 'int32' ? 'int32' : 'float32', values: valuesOf(weight) });
    });
  }
  const optimizer = kerasOptimizerVariables(model);
  if (optimizer.length > 0) {
    const vars = ensureGroup(file, 'optimizer').create_group('vars');
    optimizer.forEach((variable, index) => {
      if (variable.dtype === 'int64') writeInt64Scalar(vars, String(index), variable.values as number);
      else writeArray(vars, String(index), { shape: variable.shape, dtype: 'float32', values: variable.values as Float32Array });
    });
  }
}

/**
 * The `vars` group of a saveable, following Keras 2.13's `_layer_checkpoint_dependencies` spelling
 * too, and the paths Keras 3.0 wrote on Windows: `os.path.join`ed, one group named
 * `layers\dense` (backslashes are no HDF5 separator) rather than `layers/dense`.
 */
function varsGroup(file: H5File, path: string): H5Group | null {
  const spellings = [path, path.replaceAll('/', '\\')];
  if (path.startsWith('layers') && file.get('_layer_checkpoint_dependencies') !== null) {
    spellings.push(...spellings.map((spelling) => spelling.replace(/^layers/, '_layer_checkpoint_dependencies')));
  }
  for (const spelling of spellings) {
    const group = (file.get(spelling ? `${spelling}/vars` : 'vars') ?? null) as H5Group | null;
    if (group !== null) return group;
  }
  return null;
}

/** The arrays `0, 1, …` of a `vars` group, in order. */
function readVars(group: H5Group | null, where: string, path: string): ReadArray[] {
  if (group === null) return [];
  const keys = group.keys();
  return keys.map((_, index) => {
    if (!keys.includes(String(index))) throw new Error(`Expected variables named 0…${keys.length - 1} at "${path}/vars" in "${where}", received [${keys.join(', ')}]`);
    return readArray(group, String(index), where);
  });
}

/**
 * Reads Keras 3 weights (`model.weights.h5` or `.weights.h5`) for `model`, checking every
 * saveable's variable count and every shape against the model before anything is set.
 *
 * @returns the weights' new values and the optimizer's arrays (empty when the file has none)
 * @throws Error naming the file, the group, and what was expected and received
 */
function readKerasWeightStore(file: H5File, model: ModelContract, where: string): { assignments: WeightAssignment[]; optimizer: ReadArray[] } {
  const assignments: WeightAssignment[] = [];
  for (const { path, layer, weights } of kerasWeightPaths(model)) {
    const arrays = readVars(varsGroup(file, path), where, path);
    const at = path ? `"${path}/vars"` : '"vars"';
    if (arrays.length !== weights.length) {
      throw new Error(`Expected ${weights.length} variables for layer "${layer.name}" at ${at} in "${where}", received ${arrays.length}`);
    }
    weights.forEach((weight, index) => {
      const array = arrays[index];
      if (array.shape.join() !== weight.shape.join()) {
        throw new Error(`Expected weight "${weight.path}" of shape [${weight.shape}] at ${at}/${index} in "${where}", received [${array.shape}]`);
      }
      const int = weight.dtype === 'int32';
      assignments.push({ weight, values: int === (array.dtype === 'int32') ? array.values : int ? Int32Array.from(array.values) : Float32Array.from(array.values) });
    });
  }
  const optimizer = readVars(varsGroup(file, 'optimizer'), where, 'optimizer');
  return { assignments, optimizer };
}

/**
 * Sets checked values on the model (every weight must have one) and restores the optimizer,
 * checking both before either changes: a failed load leaves the model as it was.
 *
 * @throws Error naming a weight the file does not cover, or the optimizer's mismatch
 */
function applyWeightAssignments(model: ModelContract, assignments: WeightAssignment[], optimizer: ReadArray[], where: string): void {
  const values = valuesInModelOrder(model, assignments, where);
  // The optimizer's state is checked whole before any of it is set, so it goes first; the weights,
  // checked by readKerasWeightStore and above, cannot fail after it. No copy of the old weights is needed.
  applyKerasOptimizerVariables(model, optimizer, where);
  setWeightValues(model, values);
}

/**
 * Reads Keras 3 weights from an open file ({@link readKerasWeightStore}) and sets them, with the
 * optimizer's state when the model is compiled ({@link applyWeightAssignments}).
 *
 * @throws Error naming the file, the group, and what was expected and received; the model is then unchanged
 * @example
 * ```ts
 * await readHdf5(bytes, 'model.weights.h5', (file) => loadKerasWeightStore(file, model, 'model.weights.h5'));
 * ```
 */
export function loadKerasWeightStore(file: H5File, model: ModelContract, where: string): void {
  const { assignments, optimizer } = readKerasWeightStore(file, model, where);
  applyWeightAssignments(model, assignments, optimizer, where);
}

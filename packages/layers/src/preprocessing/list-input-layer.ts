import type { tf } from '@dendrite/backend';
import { layerOwner } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type TensorOrList } from '../engine/layer';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type HostBatch, hostBatch, toInputTensor, type NestedValues } from './preprocessing-input';

/**
 * A preprocessing layer that reads its inputs on the host: `apply` also takes plain (nested)
 * lists of strings or numbers (`layer.apply([['a'], ['b']])`), turned into a tensor for the call
 * and disposed afterwards, and `call` reads its input back with {@link ListInputLayer.hostInputs}.
 */
export abstract class ListInputLayer extends Layer {
  /** Runs on lists too: a list of strings becomes a string tensor, a list of numbers an int32 tensor. */
  override apply(inputs: SymbolicTensor | SymbolicTensor[], args?: CallArgs): SymbolicTensor;
  override apply(inputs: TensorOrList | NestedValues, args?: CallArgs): tf.Tensor;
  override apply(inputs: TensorOrList | NestedValues | SymbolicTensor | SymbolicTensor[], args?: CallArgs): TensorOrList | SymbolicTensor | SymbolicTensor[];
  override apply(inputs: TensorOrList | NestedValues | SymbolicTensor | SymbolicTensor[], args: CallArgs = {}): unknown {
    const tensor = toInputTensor(inputs, 'int32', layerOwner(this.name));
    try {
      return super.apply(tensor as tf.Tensor, args);
    } finally {
      if (tensor !== inputs) (tensor as tf.Tensor).dispose();
    }
  }

  /** The (first) input of `call`, read back to the host as flat row-major values and a shape. */
  protected hostInputs(inputs: TensorOrList): HostBatch {
    return hostBatch(Array.isArray(inputs) ? inputs[0] : inputs, layerOwner(this.name));
  }
}

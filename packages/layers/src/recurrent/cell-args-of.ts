import type { RNNOptions } from './rnn';
import type { RNNCellArgs } from './rnn-cell';

/**
 * The cell's share of a recurrent layer's flat arguments: everything but the layer's own (name,
 * shapes, RNN options), with the layer's dtype and trainability.
 */
export function cellArgsOf<T extends RNNCellArgs & RNNOptions>(args: T): Omit<T, keyof RNNOptions | 'name' | 'inputShape' | 'batchInputShape' | 'batchSize' | 'inputDim'> {
  const {
    name: _name,
    inputShape: _inputShape,
    batchInputShape: _batchInputShape,
    batchSize: _batchSize,
    inputDim: _inputDim,
    returnSequences: _returnSequences,
    returnState: _returnState,
    goBackwards: _goBackwards,
    stateful: _stateful,
    unroll: _unroll,
    zeroOutputForMask: _zeroOutputForMask,
    activityRegularizer: _activityRegularizer,
    ...cellArgs
  } = args;
  return cellArgs;
}

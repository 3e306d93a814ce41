/**
 * Recurrent layers: the `RNN` layer running a cell over the time axis, Keras's cells
 * (SimpleRNNCell, LSTMCell, GRUCell), the SimpleRNN, LSTM and GRU layers, and the Bidirectional
 * wrapper.
 *
 * @packageDocumentation
 */
export { RNNCell, type RNNCellArgs, type CellDropoutMasks, type StepWeights } from './rnn-cell';
export { GatedRNNCell, type GatedRNNCellArgs } from './gated-rnn-cell';
export { SimpleRNNCell, simpleRNNCell, type SimpleRNNCellArgs } from './simple-rnn-cell';
export { LSTMCell, lstmCell, type LSTMCellArgs } from './lstm-cell';
export { GRUCell, gruCell, type GRUCellArgs } from './gru-cell';
export { RNN, rnn, type RNNArgs, type RNNOptions, type RNNCallArgs } from './rnn';
export { SimpleRNN, simpleRNN, type SimpleRNNArgs } from './simple-rnn';
export { LSTM, lstm, type LSTMArgs } from './lstm';
export { GRU, gru, type GRUArgs } from './gru';
export { Bidirectional, bidirectional, type BidirectionalArgs, type MergeMode } from './bidirectional';

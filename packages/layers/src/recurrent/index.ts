export { Recurrent, type RecurrentArgs } from './recurrent';
export { SimpleRNN, LSTM, GRU, simpleRNN, lstm, gru, type LSTMArgs, type GRUArgs } from './recurrent-layers';
export { Bidirectional, bidirectional, type BidirectionalArgs, type MergeMode } from './bidirectional';

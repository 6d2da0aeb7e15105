export { RNNCell } from './rnn-cell';
export { SimpleRNNCell, simpleRNNCell, type SimpleRNNCellArgs } from './simple-rnn-cell';
export { LSTMCell, lstmCell, type LSTMCellArgs } from './lstm-cell';
export { GRUCell, gruCell, type GRUCellArgs } from './gru-cell';
export { RNN, rnn, type RNNArgs } from './rnn';
export { SimpleRNN, simpleRNN, type SimpleRNNArgs } from './simple-rnn';
export { LSTM, lstm, type LSTMArgs } from './lstm';
export { GRU, gru, type GRUArgs } from './gru';

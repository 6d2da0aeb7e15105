// Alias kept because layers/index.ts exports this name; the recurrent loop lives in rnn.ts.
export { RNN as RecurrentBase } from './rnn';

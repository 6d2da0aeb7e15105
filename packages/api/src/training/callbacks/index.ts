// Callbacks: the base class and list, History, progress display, and the Keras set.
export { Callback, CallbackList, type CallbackHooks, type CallbackLike, type Logs, type TrainingParams } from './callback';
export { History } from './history';
export { ProgressLogger, type ProgressOptions } from './progress';

// Callbacks: the base class and list, History, progress display, and the Keras set.
export { Callback, CallbackList, type CallbackHooks, type CallbackLike, type Logs, type TrainingParams } from './callback';
export { History } from './history';
export { ProgressLogger, type ProgressOptions } from './progress';
export { EarlyStopping, type EarlyStoppingArgs, type Mode } from './early-stopping';
export { ModelCheckpoint, saveWeightsFiles, type ModelCheckpointArgs, type SaveFn } from './model-checkpoint';
export { ReduceLROnPlateau, type ReduceLROnPlateauArgs } from './reduce-lr';
export { LearningRateScheduler } from './lr-scheduler';
export { CSVLogger } from './csv-logger';
export { TerminateOnNaN } from './terminate-on-nan';
export { writeAtomic } from './atomic-write';

import { EarlyStopping, type EarlyStoppingArgs } from './early-stopping';
import { ModelCheckpoint, type ModelCheckpointArgs } from './model-checkpoint';
import { ReduceLROnPlateau, type ReduceLROnPlateauArgs } from './reduce-lr';
import { LearningRateScheduler } from './lr-scheduler';
import { CSVLogger } from './csv-logger';
import { TerminateOnNaN } from './terminate-on-nan';

/** tfjs-style factories. */
export const earlyStopping = (a?: EarlyStoppingArgs) => new EarlyStopping(a);
export const modelCheckpoint = (filepath: string, a?: ModelCheckpointArgs) => new ModelCheckpoint(filepath, a);
export const reduceLROnPlateau = (a?: ReduceLROnPlateauArgs) => new ReduceLROnPlateau(a);
export const learningRateScheduler = (f: (epoch: number, lr: number) => number) => new LearningRateScheduler(f);
export const csvLogger = (filename: string, o?: { separator?: string; append?: boolean }) => new CSVLogger(filename, o);
export const terminateOnNaN = () => new TerminateOnNaN();
export { TensorBoard, type TensorBoardArgs } from './tensorboard';
import { TensorBoard, type TensorBoardArgs } from './tensorboard';
export const tensorBoard = (logdir = './logs', a?: TensorBoardArgs) => new TensorBoard(logdir, a);

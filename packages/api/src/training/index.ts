// Public surface of training/ (filled in as the area grows).
export type { TrainableModel } from './model-contract';

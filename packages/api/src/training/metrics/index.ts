// Stateful metrics (updateState / result / reset), tfjs-style factories and the name registry.
import * as A from './accuracy';
import { AUC, type AUCOptions } from './auc';
import { F1Score, Precision, Recall, type F1Average } from './confusion';
import { MeanIoU } from './iou';
import * as R from './regression';

export { Metric, MeanMetricWrapper } from './metric';
export * from './accuracy';
export { AUC, type AUCOptions } from './auc';
export { Precision, Recall, F1Score, type F1Average } from './confusion';
export { MeanIoU } from './iou';
export { MeanSquaredError, MeanAbsoluteError, RootMeanSquaredErrorMetric as RootMeanSquaredError, R2Score } from './regression';
export { getMetric, metricNames, type MetricIdentifier } from './registry';

export const accuracy = (name?: string) => new A.Accuracy(name);
export const precision = (o?: { name?: string; threshold?: number }) => new Precision(o);
export const recall = (o?: { name?: string; threshold?: number }) => new Recall(o);
export const auc = (o?: AUCOptions) => new AUC(o);
export const f1Score = (o?: { name?: string; threshold?: number; average?: F1Average }) => new F1Score(o);
export const meanIoU = (numClasses: number, o?: { name?: string }) => new MeanIoU(numClasses, o);
export const r2Score = (o?: { name?: string }) => new R.R2Score(o);
export const rootMeanSquaredError = (o?: { name?: string }) => new R.RootMeanSquaredErrorMetric(o);

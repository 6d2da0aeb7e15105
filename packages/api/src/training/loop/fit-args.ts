import { z } from 'zod';
import { fnOrObject } from './validate';

const callbacks = z.union([fnOrObject, z.array(fnOrObject)]).optional();
const verbose = z.union([z.literal(0), z.literal(1), z.literal(2)]).optional();

export const fitSchema = z.object({
  batchSize: z.number().int().positive().optional(),
  epochs: z.number().int().nonnegative().optional(),
  verbose,
  callbacks,
  validationSplit: z.number().min(0).lt(1, 'must be below 1 (a fraction of the samples)').optional(),
  validationData: z.array(z.any()).min(2).max(3).optional(),
  validationBatchSize: z.number().int().positive().optional(),
  shuffle: z.boolean().optional(),
  classWeight: z.record(z.number()).optional(),
  sampleWeight: z.any().optional(),
  initialEpoch: z.number().int().nonnegative().optional(),
  stepsPerEpoch: z.number().int().positive().optional(),
  yieldEvery: z.union([z.literal('batch'), z.literal('epoch'), z.literal('never')]).optional(),
}).strict();

export const fitDatasetSchema = z.object({
  epochs: z.number().int().nonnegative().optional(),
  batchesPerEpoch: z.number().int().positive().optional(),
  verbose,
  callbacks,
  validationData: z.any().optional(),
  validationBatches: z.number().int().positive().optional(),
  validationBatchSize: z.number().int().positive().optional(),
  classWeight: z.record(z.number()).optional(),
  initialEpoch: z.number().int().nonnegative().optional(),
  yieldEvery: z.union([z.literal('batch'), z.literal('epoch'), z.literal('never')]).optional(),
}).strict();

export const evaluateSchema = z.object({
  batchSize: z.number().int().positive().optional(),
  verbose,
  sampleWeight: z.any().optional(),
  steps: z.number().int().positive().optional(),
  callbacks,
}).strict();

export const predictSchema = z.object({
  batchSize: z.number().int().positive().optional(),
  verbose,
  steps: z.number().int().positive().optional(),
  callbacks,
}).strict();

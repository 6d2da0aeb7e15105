import { z } from 'zod';
import { fnOrObject, identifier } from './validate';

const ids = z.array(identifier);
export const compileSchema = z.object({
  optimizer: z.union([z.string(), fnOrObject], { required_error: 'required: a name like \'adam\' or an optimizer object' }),
  loss: z.union([identifier, ids, z.record(identifier)], { required_error: 'required: a name like \'meanSquaredError\', a function or a Loss' }),
  metrics: z.union([ids, z.record(z.union([identifier, ids])), z.array(z.union([identifier, ids]))]).optional(),
  lossWeights: z.union([z.array(z.number()), z.record(z.number())]).optional(),
}).strict();

export type CompileArgs = {
  optimizer: unknown;
  loss: unknown;
  metrics?: unknown;
  lossWeights?: number[] | Record<string, number>;
};
